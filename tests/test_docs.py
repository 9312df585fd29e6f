"""The documentation: its generated parts cover everything, and its examples are valid files.

`make docs` builds the site with --strict in CI (a broken link or anchor fails it); these
tests check what a build cannot: that the references leave out no file, field, command or
template, and that every file the pages show passes `dialog check`'s models.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from scripts import cli_reference, file_reference, mkdocs_hooks, template_reference

from dialogkit.layout import builtin_templates
from dialogkit.models import FILE_MODELS
from dialogkit.render.templates import list_templates
from dialogkit.validation import validate
from dialogkit.yamlload import parse_yaml
from tests.conftest import REPO

DOCS = REPO / "docs"
PAGES = sorted(DOCS.glob("*.md"))
# A fenced block with a title, as the pages show a file: ```yaml title="dialog.yaml"
_BLOCK = re.compile(r'^(?P<indent> *)```yaml title="(?P<title>[^"]+)"\n(?P<body>.*?)^(?P=indent)```', re.M | re.S)
_FORMAT_OF = {"dialog.yaml": "dialog", "areas.yaml": "areas", "meeting.yaml": "meeting", "case.yaml": "case"}


def _rendered(page: Path) -> str:
    return mkdocs_hooks.on_page_markdown(page.read_text(encoding="utf-8"))


def test_the_pages_are_there() -> None:
    names = {p.name for p in PAGES}
    assert {"getting-started.md", "year.md", "files.md", "commands.md", "house-style.md"} <= names
    assert {"personal-data.md", "ci.md", "completion.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_marker_is_filled(page: Path) -> None:
    text = _rendered(page)
    assert "<!-- generated:" not in text and "@VERSION@" not in text


def test_the_file_reference_has_every_file_and_field() -> None:
    assert set(file_reference.FILES) == set(FILE_MODELS)
    text = file_reference.reference()
    for name, model in FILE_MODELS.items():
        schema = model.model_json_schema(by_alias=True)
        for definition in [schema, *schema.get("$defs", {}).values()]:
            for field, prop in definition["properties"].items():
                assert f"| `{field}` |" in text, f"{name}: {field}"
                assert prop["description"].replace("|", "\\|") in text


def test_the_command_reference_has_every_command_and_option() -> None:
    text = cli_reference.reference()
    for path, command in cli_reference._commands(cli_reference._root(), "dialog"):
        assert f"### `{path}`" in text or f"#### `{path}`" in text, path
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("-"):
                    assert opt in text, f"{path} {opt}"


def test_the_template_table_has_every_builtin_template() -> None:
    text = template_reference.reference()
    for info in list_templates(builtin_templates()):
        assert f"| `{info.name}` |" in text


def _examples() -> list[tuple[str, str, str]]:
    found = []
    for page in PAGES:
        for match in _BLOCK.finditer(_rendered(page)):
            name = _FORMAT_OF.get(Path(match["title"]).name)
            if name is not None:
                found.append((f"{page.name}: {match['title']}", name, textwrap.dedent(match["body"])))
    return found


def test_the_pages_show_examples_of_the_files() -> None:
    shown = {name for _, name, _ in _examples()}
    assert {"dialog", "areas", "meeting", "case"} <= shown


@pytest.mark.parametrize(("where", "name", "text"), _examples(), ids=lambda v: v if "\n" not in v else "")
def test_every_example_file_on_the_pages_is_valid(where: str, name: str, text: str) -> None:
    document = parse_yaml(text, where)
    validate(document, FILE_MODELS[name], name)


def test_every_test_security_md_names_exists() -> None:
    """SECURITY.md proves each defence by naming its tests: a renamed or deleted one must not linger there."""
    text = (REPO / "SECURITY.md").read_text(encoding="utf-8")
    files = set(re.findall(r"`(tests/[\w/]+\.py)", text))
    names = set(re.findall(r"\b(test_\w+)\b(?!\.py)", text)) - {Path(f).stem for f in files}
    defined = {
        m
        for p in (REPO / "tests").rglob("test_*.py")
        for m in re.findall(r"^def (test_\w+)", p.read_text(encoding="utf-8"), re.M)
    }
    modules = {p.stem for p in (REPO / "tests").rglob("test_*.py")}

    assert sorted(f for f in files if not (REPO / f).is_file()) == []
    assert sorted(names - defined - modules) == []
