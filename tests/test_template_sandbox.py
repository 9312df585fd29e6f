"""No template a workspace can override reaches Python, or a file outside the workspace."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from typer.testing import CliRunner

from dialogkit.errors import DialogError
from dialogkit.render.environment import Output, render_template
from dialogkit.render.templates import list_templates, pandoc_template
from dialogkit.render.viewbase import TemplateView
from dialogkit.render.words import load_labels
from tests.conftest import WriteWorkspace, run_dialog

SECRET = "TOP-SECRET-7f3a"
# Ways out of a Jinja template into Python, and into files beside the workspace.
JINJA_ATTACKS = [
    "{{ cycler.__init__.__globals__.os.popen('echo PWNED').read() }}",
    "{{ lipsum.__globals__['os'].popen('echo PWNED').read() }}",
    "{{ joiner.__init__.__globals__.__builtins__.open('../outside/secret.txt').read() }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ self._TemplateReference__context }}",
    "{{ '{0.__class__.__init__.__globals__}'.format(cycler) }}",
    "{{ range.__self__.open('../outside/secret.txt').read() }}",
    "{% include '../../outside/secret.txt' %}",
    "{% include '/etc/hostname' %}",
]
# Each with the column its path starts at.
PANDOC_ATTACKS = [
    ("${ ../../../outside/secret() }", 4),
    ("$../../outside/secret.txt()$", 2),
    ("${ x:/etc/a.txt() }", 6),
]
SHIPPED = [t.name for t in list_templates(Path("/nonexistent"))]
JINJA = [name for name in SHIPPED if name.endswith(".j2") or name.startswith("site/")]


@pytest.fixture
def root(write_workspace: WriteWorkspace) -> Path:
    root = write_workspace()
    outside = root.parent / "outside"
    outside.mkdir()
    for name in ("secret.txt", "secret.html", "secret.typ"):
        (outside / name).write_text(SECRET, encoding="utf-8")
    return root


def test_every_shipped_template_is_either_jinja_pandoc_or_labels() -> None:
    assert "site/index.html.j2" in JINJA and "invitation.md.j2" in JINJA and "site/style.css" in JINJA
    assert set(SHIPPED) - set(JINJA) == {
        "labels.yaml",
        "pandoc/document.html",
        "pandoc/document.typ",
        "pandoc/poster.typ",
        "pandoc/document.openxml",
        "pandoc/document.opendocument",
        "reference.docx",  # made by dialog in the workspace's house style, not a file
        "reference.odt",
    }


@pytest.mark.parametrize("template", JINJA)
@pytest.mark.parametrize("attack", JINJA_ATTACKS)
def test_no_jinja_template_reaches_python(root: Path, template: str, attack: str) -> None:
    own = root / "templates" / template
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(f"Rubrik\n{attack}\n", encoding="utf-8")
    output: Output = "html" if template.startswith("site/") else "markdown"
    with pytest.raises(DialogError) as caught:
        render_template(root, template, cast(TemplateView, {}), output)
    [finding] = caught.value.findings
    assert finding.path.startswith("templates/") and finding.severity == "error"
    assert any(why in finding.message for why in ("may not do this", "not found", "does not have"))
    assert "PWNED" not in str(caught.value) and SECRET not in str(caught.value)


@pytest.mark.parametrize("template", [name for name in SHIPPED if name.startswith("pandoc/")])
@pytest.mark.parametrize(("attack", "column"), PANDOC_ATTACKS)
def test_no_pandoc_template_reads_a_file_by_its_path(root: Path, template: str, attack: str, column: int) -> None:
    own = root / "templates" / template
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(f"<p>\n{attack}\n$body$\n", encoding="utf-8")
    with pytest.raises(DialogError) as caught:
        pandoc_template(root, template)
    [finding] = caught.value.findings
    assert (finding.path, finding.line, finding.column) == (f"templates/{template}", 2, column)
    assert "names a path" in finding.message and "give only the file name" in finding.message


def test_labels_are_text_not_code(root: Path) -> None:
    (root / "templates").mkdir()
    (root / "templates" / "labels.yaml").write_text(
        "sv:\n  rsvp: \"{{ cycler.__init__.__globals__.os.popen('echo PWNED').read() }} {area.__init__.__globals__}\"\n",
        encoding="utf-8",
    )
    code, output = run_dialog(CliRunner(), "-C", root, "render", "invitation", "2025/hogvad", "--to", "md")
    assert code == 0, output
    text = (root / "build/2025/hogvad/invitation.md").read_text(encoding="utf-8")
    assert "PWNED" not in text and "<built-in" not in text and "<module" not in text
    assert "cycler" in load_labels(root, "sv")["rsvp"]  # shown as written, never run


def test_the_reported_attack_fails_with_a_finding_and_runs_nothing(root: Path) -> None:
    site = root / "templates" / "site"
    site.mkdir(parents=True)
    (site / "index.html.j2").write_text(
        "<p>\n{{ cycler.__init__.__globals__.os.popen('id').read() }}\n</p>\n", encoding="utf-8"
    )
    code, output = run_dialog(CliRunner(), "-C", root, "build", "--to", "html")
    assert code == 1
    assert "templates/site/index.html.j2:2:1: error: the template may not do this" in output
    assert "Traceback" not in output and "uid=" not in output
    built = [p.read_text(encoding="utf-8", errors="replace") for p in (root / "build").rglob("*") if p.is_file()]
    assert built and not any("uid=" in text for text in built)
