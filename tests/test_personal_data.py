"""The personal-data audit: build everything in both examples from survey exports seeded with
personal data, then look for every piece of it in every file the tool wrote.

The exports are the examples' own (scripts/example_survey.py): names, e-mail addresses,
phone numbers and identity numbers with valid check digits, in identifying columns and in
residents' free text. Each output is read as a person's tools would read it: PDF text
with pypdf, DOCX and ODT as their XML text, the rest as text.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from tests.conftest import EXAMPLES, REPO, run_dialog

EVERY_FORMAT = "md,html,docx,odt,pdf"
# Pictures are charts of counts by locality and department; their words are the labels.
NOT_TEXT = {".png", ".jpg", ".svg", ".woff2", ".ttf", ".otf"}


def example_survey() -> ModuleType:
    spec = importlib.util.spec_from_file_location("example_survey", REPO / "scripts" / "example_survey.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SURVEYS = example_survey()
# (locale, the export, its area and year, the personal data it carries)
CASES = [
    ("sv", SURVEYS.svenljunga_export(), "hogvad", 2025, SURVEYS.SV_PERSONAL),
    ("nb", SURVEYS.nordvik_export(), "skole", 2022, SURVEYS.NB_PERSONAL),
]
KEPT = {"sv": SURVEYS.SV_KEPT, "nb": SURVEYS.NB_KEPT}


def squeeze(text: str) -> str:
    """Text without spaces, hyphens and line breaks, lower-cased: "070-123 45 67" and a PDF's
    "070-123\\n45 67" both become "0701234567"."""
    return re.sub(r"[\s\-‐‑–]+", "", text).lower()


def text_of(path: Path) -> str:
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    if path.suffix in {".docx", ".odt"}:
        with zipfile.ZipFile(path) as archive:
            xml = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml"))
        return re.sub(r"<[^>]+>", "", xml)
    return path.read_bytes().decode("utf-8", errors="replace")


def copy_workspace(source: Path, target: Path) -> Path:
    """The example's files without its build/, its raw exports, or its imported answers."""
    target.mkdir()
    for name in ("dialog.yaml", "areas.yaml"):
        shutil.copy(source / name, target / name)
    shutil.copytree(source / "cycles", target / "cycles", ignore=shutil.ignore_patterns("raw", "survey", "survey.yaml"))
    return target


@pytest.mark.parametrize(("locale", "export", "area", "year", "personal"), CASES, ids=[c[0] for c in CASES])
def test_no_personal_data_in_anything_built(
    tmp_path: Path, locale: str, export: bytes, area: str, year: int, personal: dict[str, list[str]]
) -> None:
    root = copy_workspace(EXAMPLES[locale], tmp_path / locale)
    seeded = squeeze(export.decode("utf-8"))
    found = {
        kind: {squeeze(v) for v in values} & {n for n in map(squeeze, values) if n in seeded}
        for kind, values in personal.items()
    }
    assert all(found.values()), f"the export carries every kind of personal data: {found}"
    needles = set().union(*found.values())
    inside = root / "cycles" / str(year) / "raw" / "export.csv"
    inside.parent.mkdir()
    inside.write_bytes(export)

    steps = [
        ("survey", "import", str(inside), "--area", area, "--year", str(year)),
        ("survey", "report", str(year), "--format", "json"),
        ("survey", "report", str(year)),
        ("build", "--to", EVERY_FORMAT, "--jobs", "2"),
        ("calendar", str(year), "-o", str(root / "build" / "calendar.ics")),
    ]
    printed = []
    for step in steps:
        code, output = run_dialog(CliRunner(), "-C", root, *step)
        assert code == 0, (step, output)
        printed.append(output)

    written = [
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix not in NOT_TEXT and "raw" not in p.relative_to(root).parts
    ]
    kinds = {p.suffix for p in written}
    assert {".md", ".html", ".docx", ".odt", ".pdf", ".ics", ".csv", ".yaml"} <= kinds
    assert any(p.name.startswith("survey-report") for p in written), "the survey report was built"
    leaks: list[str] = []
    for source, text in [*((p, text_of(p)) for p in written), *(("(printed)", out) for out in printed)]:
        flat = squeeze(text)
        leaks.extend(f"{source}: {needle}" for needle in needles if needle in flat)
    assert not leaks, "personal data reached an output:\n" + "\n".join(leaks)
    # Places, streets without a number, organisations and departments come out as written.
    answers = (root / "cycles" / str(year) / area / "survey" / "responses.csv").read_text(encoding="utf-8")
    assert [kept for kept in KEPT[locale] if kept not in answers] == []
    survey_yaml = (root / "cycles" / str(year) / area / "survey.yaml").read_text(encoding="utf-8")
    assert "review:" not in survey_yaml or "decision" in survey_yaml  # hashes only, never a word
