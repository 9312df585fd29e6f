"""ARCHITECTURE.md matches the code: the modules it names exist, and its layers are the ones lint enforces."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import REPO

PACKAGE = REPO / "src" / "dialogkit"
PAGE = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")


def _drawn_layers() -> list[str]:
    """The rows of the page's layer drawing, written as the import-linter contract writes them."""
    block = PAGE.split("## Layers", 1)[1].split("```", 2)[1]
    rows = []
    for line in block.strip().splitlines():
        names = re.split(r" {2,}", line.strip())[0]
        modules = [f"dialogkit.{n.strip().removesuffix('/').removesuffix('.py')}" for n in re.split(r"[|·]", names)]
        rows.append((" | " if "|" in names else " : ").join(modules))
    return rows


def test_the_drawn_layers_are_the_enforced_ones() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    assert _drawn_layers() == layers["layers"]


def test_every_module_of_dialogkit_has_its_layer() -> None:
    drawn = {m.strip() for row in _drawn_layers() for m in re.split(r"[|:]", row)}
    modules = {f"dialogkit.{p.stem}" for p in PACKAGE.glob("*.py") if not p.stem.startswith("__")}
    packages = {f"dialogkit.{p.parent.name}" for p in PACKAGE.glob("*/__init__.py")}
    assert drawn == modules | packages


def test_every_module_the_page_names_exists() -> None:
    named = set(re.findall(r"`([a-z_]+(?:/[a-z_]+)*(?:\.py|/))`", PAGE))
    assert named, "the page names no module"
    missing = sorted(n for n in named if not (PACKAGE / n).exists() and not (REPO / n).exists())
    assert not missing, f"ARCHITECTURE.md names modules that do not exist: {missing}"
