# Two commands on a fresh machine: `make demo` and `make test`. Each sets up .venv first:
# `make demo` installs only what `dialog` needs, `make test` and `make lint` add the
# development tools, `make docs` the documentation tools.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DIALOG := $(BIN)/dialog
# uv installs in seconds what pip takes a minute for (pip fetches one package at a time and
# compiles every module); a uv on PATH is used, else pip puts one into .venv.
UV     ?= $(shell command -v uv 2>/dev/null || echo $(BIN)/uv)
# Python writes a module's bytecode when it first imports it, unless PYTHONDONTWRITEBYTECODE
# is set (as in some CI images and on some developers' machines): then it compiles every
# module anew on every start, so uv compiles them all once, as pip always did.
UV_PIP = $(UV) pip install --quiet $(if $(PYTHONDONTWRITEBYTECODE),--compile-bytecode) --python $(BIN)/python
# From uv's cache alone first (--offline): with a warm cache that takes 2 s where asking the
# index again whether each package changed takes 5-7 s. Only when the cache lacks something
# (a new dependency, a higher minimum, an empty cache) does uv go online, quietly, for all
# of it. So a warm cache installs the newest releases it holds, not the index's newest.
install = $(UV_PIP) --offline $(1) 2>/dev/null || $(UV_PIP) $(1)
RUNTIME := $(VENV)/.installed-runtime
STAMP  := $(VENV)/.installed
DOCS_STAMP := $(VENV)/.installed-docs

.PHONY: demo test lint format docs bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv --without-pip $(VENV)

# The system's pip installs uv into .venv; without one, the venv's own pip (ensurepip) does.
# (`import pip` asks whether there is one in 0.2 s; `pip --version` took 0.9 s.)
$(BIN)/uv: | $(BIN)/python
	if $(PYTHON) -c 'import pip' >/dev/null 2>&1; then \
	  $(PYTHON) -m pip --python $(BIN)/python install --quiet 'uv>=0.5'; \
	else \
	  $(BIN)/python -m ensurepip --default-pip && $(BIN)/python -m pip install --quiet 'uv>=0.5'; \
	fi

$(RUNTIME): pyproject.toml | $(BIN)/python $(UV)
	$(call install,-e .)
	touch $@

$(STAMP): pyproject.toml | $(BIN)/python $(UV)
	$(call install,-e '.[dev]')
	touch $@ $(RUNTIME)

$(DOCS_STAMP): pyproject.toml | $(BIN)/python $(UV)
	$(call install,-e '.[docs]')
	touch $@ $(RUNTIME)

# The main job on both example workspaces: check, plan the next year, import the survey, build everything,
# and the to-do list as on a day in the year, each in its workspace's language (Swedish, Norwegian bokmål).
# The survey exports are synthetic, written into git-ignored raw/ folders as a real one would be.
# Their answers are committed, so the demo imports them with a public key of its own: the same
# ids on every machine. A real survey's key is secret and never in the workspace (docs/personal-data.md).
# Python writes the bytecode of what the demo imports, as it does by default, even where
# PYTHONDONTWRITEBYTECODE is set: that is what the demo's .venv is for, and having uv compile
# every module at install instead (as for `make test` then) took 25 s more.
demo: export DIALOG_SURVEY_KEY = dialogkit-demo-synthetic-answers-only
demo: export PYTHONDONTWRITEBYTECODE =
demo: $(RUNTIME)
	$(DIALOG) check
	$(DIALOG) plan 2026
	$(BIN)/python scripts/example_survey.py
	$(DIALOG) survey import cycles/2025/raw/hogvad-enkat.csv --area hogvad --year 2025
	$(DIALOG) survey report 2025
	$(DIALOG) build
	$(DIALOG) status 2025 --as-of 2025-04-20
	$(DIALOG) -C examples/tjenestedialog check
	$(DIALOG) -C examples/tjenestedialog plan 2023
	$(DIALOG) -C examples/tjenestedialog survey import cycles/2022/raw/skole-nettskjema.csv --area skole --year 2022
	$(DIALOG) -C examples/tjenestedialog survey report 2022
	$(DIALOG) -C examples/tjenestedialog build
	$(DIALOG) -C examples/tjenestedialog status 2022 --as-of 2022-05-20
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
bench: $(RUNTIME)
	$(BIN)/python -m compileall -q src
	$(BIN)/python benchmarks/run.py

# The fuzzing tests with many more examples than the CI run.
fuzz: $(STAMP)
	DIALOG_FUZZ_EXAMPLES=3000 $(BIN)/pytest -q tests/test_hardening.py tests/survey/test_fuzz.py tests/render/test_fonts.py

# The documentation site, built with --strict (any warning fails it) into build/docs/; its
# references are generated from the code as it builds. The README's table of commands is
# generated too (a test fails when it is stale). Material for MkDocs prints a banner about
# its end of life (May 2027) on every build: Zensical, its successor, reads this mkdocs.yml.
docs: $(DOCS_STAMP)
	$(BIN)/python scripts/cli_reference.py --write README.md
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet
	@echo "The documentation: build/docs/index.html"

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
