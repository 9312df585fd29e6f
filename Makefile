# Two commands on a fresh machine: `make demo` and `make test`. Each sets up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DIALOG := $(BIN)/dialog

.PHONY: demo test lint format docs bench fuzz clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The main job on both example workspaces: check, plan the next year, import the survey, build everything.
# The survey exports are synthetic, written into git-ignored raw/ folders as a real one would be.
demo: $(STAMP)
	$(DIALOG) check
	$(DIALOG) plan 2026
	$(BIN)/python scripts/example_survey.py
	$(DIALOG) survey import cycles/2025/raw/hogvad-enkat.csv --area hogvad --year 2025
	$(DIALOG) survey report 2025
	$(DIALOG) build
	$(DIALOG) -C examples/tjenestedialog check
	$(DIALOG) -C examples/tjenestedialog plan 2023
	$(DIALOG) -C examples/tjenestedialog survey import examples/tjenestedialog/cycles/2022/raw/skole-nettskjema.csv --area skole --year 2022
	$(DIALOG) -C examples/tjenestedialog build
	@echo "Documents in build/ and examples/tjenestedialog/build/; the status site: build/site/index.html"

test: $(STAMP)
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

format: $(STAMP)
	$(BIN)/ruff format src tests scripts benchmarks
	$(BIN)/ruff check --fix src tests scripts benchmarks

# Ratios against floors measured in the same run (benchmarks/run.py); not part of `make test`.
# Bytecode first, as installing a wheel makes it: with PYTHONDONTWRITEBYTECODE set (as in
# some CI images) an editable install would otherwise compile dialogkit on every start.
bench: $(STAMP)
	$(BIN)/python -m compileall -q src
	$(BIN)/python benchmarks/run.py

# The fuzzing tests with many more examples than the CI run.
fuzz: $(STAMP)
	DIALOG_FUZZ_EXAMPLES=3000 $(BIN)/pytest -q tests/test_hardening.py tests/survey/test_fuzz.py tests/render/test_fonts.py

# The README's CLI reference is generated from the Typer app; tests fail when it drifts.
docs: $(STAMP)
	$(BIN)/python scripts/cli_reference.py --write README.md

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
