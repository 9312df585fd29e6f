"""`dialog survey import`: every source with no hand mapping, personal data kept out, stable ids."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogkit.loading import require
from dialogkit.survey import analyse, import_survey, report_json
from tests.conftest import run_dialog
from tests.survey.conftest import Workspace, place
from tests.survey.exports import (
    NO_PERSONAL,
    SE_PERSONAL,
    forms_rows,
    questback_rows,
    write_xlsx,
)

RESPONSES = "cycles/2025/{area}/survey/responses.csv"
SURVEY = "cycles/2025/{area}/survey.yaml"

# name, file, expected source, language
CASES = [
    ("forms", "forms.xlsx", "forms", "sv"),
    ("google", "google.csv", "google", "sv"),
    ("netigate", "netigate.csv", "netigate", "sv"),
    ("esmaker", "esmaker.csv", "esmaker", "sv"),
    ("limesurvey", "limesurvey.csv", "limesurvey", "sv"),
    ("unicode-text", "unicode-text.txt", "csv", "sv"),
    ("questback", "questback.xlsx", "questback", "nb"),
    ("nettskjema", "nettskjema.csv", "nettskjema", "nb"),
]


def export_in(root: Path, file: str) -> Path:
    if file == "forms.xlsx":
        return write_xlsx(root / "cycles/2025/raw/forms.xlsx", forms_rows())
    if file == "questback.xlsx":
        return write_xlsx(root / "cycles/2025/raw/questback.xlsx", questback_rows(), title_rows=1)
    return place(root, file)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


@pytest.fixture(params=CASES, ids=[c[0] for c in CASES])
def imported(request: pytest.FixtureRequest, sv_workspace: Workspace, nb_workspace: Workspace) -> tuple[Path, str, str]:
    """A workspace with one export imported; returns the root, the area and the expected source."""
    _, file, source, language = request.param
    root = sv_workspace() if language == "sv" else nb_workspace()
    area = "hogvad" if language == "sv" else "sentrum"
    code, output = run_dialog(CliRunner(), "-C", root, "survey", "import", export_in(root, file), "--area", area)
    assert code == 0, output
    assert f"source: {source}; 6 responses" in output
    return root, area, source


def test_each_source_imports_with_no_hand_mapping(imported: tuple[Path, str, str]) -> None:
    root, area, source = imported
    workspace = require(root)
    survey = workspace.cycles[2025].meetings[area].survey
    assert survey is not None and survey.source == source
    roles = {q.role for q in survey.questions}
    assert "locality" in roles
    assert any(q.safety for q in survey.questions)
    rows = read_rows(root / RESPONSES.format(area=area))
    assert len(rows) == 6
    # Every answer's locality is recognised, whatever its case and diacritics.
    assert all(row["locality"] for row in rows), rows
    identifying = re.compile(r"namn|navn|e-post|telefon|mobil|personnummer|fødselsnummer|adress", re.IGNORECASE)
    assert any(identifying.search(h) for h in survey.drop_columns)
    assert not any(identifying.search(q.column) for q in survey.questions)


def test_no_personal_data_reaches_any_output(imported: tuple[Path, str, str]) -> None:
    root, area, _ = imported
    outputs = [
        (root / RESPONSES.format(area=area)).read_text(encoding="utf-8"),
        (root / SURVEY.format(area=area)).read_text(encoding="utf-8"),
        json.dumps(report_json(analyse(require(root), 2025, area), require(root).config), ensure_ascii=False),
    ]
    _, report = run_dialog(CliRunner(), "-C", root, "survey", "report", "2025", "--area", area)
    outputs.append(report)
    code, written = run_dialog(CliRunner(), "-C", root, "survey", "report", "2025", "--area", area, "--to", "md,html")
    assert code == 0, written
    for fmt in ("md", "html"):
        outputs.append((root / f"build/2025/{area}/survey-report.{fmt}").read_text(encoding="utf-8"))
    seeded = SE_PERSONAL if area == "hogvad" else NO_PERSONAL
    for text in outputs:
        digits_only = re.sub(r"[\s\-+]", "", text)
        for kind, values in seeded.items():
            for value in values:
                assert value not in text, f"{kind} {value!r} leaked"
                if kind in ("phones", "ids"):
                    compact = re.sub(r"\D", "", value)
                    assert compact not in digits_only, f"{kind} {value!r} leaked without separators"


def test_redactions_are_counted_with_placeholders_in_the_workspace_language(imported: tuple[Path, str, str]) -> None:
    root, area, _ = imported
    text = (root / RESPONSES.format(area=area)).read_text(encoding="utf-8")
    figures = report_json(analyse(require(root), 2025, area), require(root).config)
    if area == "hogvad":
        assert "[e-post]" in text and "[telefonnummer]" in text and "[personnummer]" in text
        assert figures["redacted"] == {"email": 1, "id": 3, "phone": 2}
    else:
        assert "[e-post]" in text and "[telefonnummer]" in text and "[fødselsnummer]" in text
        assert figures["redactions"] == 5


def test_reimport_gives_the_same_response_ids(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    for file in ("google.csv", "netigate.csv"):
        export = place(root, file)
        responses = root / RESPONSES.format(area="hogvad")
        import_survey(require(root), export, "hogvad", 2025)
        first = [r["response_id"] for r in read_rows(responses)]
        import_survey(require(root), export, "hogvad", 2025)
        assert [r["response_id"] for r in read_rows(responses)] == first
        assert len(set(first)) == len(first)
        (root / SURVEY.format(area="hogvad")).unlink()


def test_identical_rows_get_distinct_stable_ids(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    export = place(root, "same.csv", "Vilken ort bor du i?;Synpunkt\nÖverlida;Bra\nÖverlida;Bra\n".encode())
    import_survey(require(root), export, "hogvad", 2025)
    ids = [r["response_id"] for r in read_rows(root / RESPONSES.format(area="hogvad"))]
    assert len(ids) == 2 and ids[1] == ids[0] + "-2"


def test_an_existing_survey_yaml_is_kept_and_used(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    export = place(root, "google.csv")
    import_survey(require(root), export, "hogvad", 2025)
    survey = root / SURVEY.format(area="hogvad")
    text = survey.read_text(encoding="utf-8")
    # A person renames a question, and drops the "what is good" question as well.
    corrected = text.replace("id: vad-kan-bli-battre-pa", "id: forbattringar").replace(
        '  - column: "Vad är bra med att bo på din ort?"\n    id: vad-ar-bra-med-att-bo\n    kind: text\n', ""
    )
    corrected = corrected.replace("drop_columns:\n", 'drop_columns:\n  - "Vad är bra med att bo på din ort?"\n')
    assert corrected != text
    survey.write_text(corrected, encoding="utf-8")
    result = import_survey(require(root), export, "hogvad", 2025)
    assert (survey, "kept") in result.written
    assert survey.read_text(encoding="utf-8") == corrected
    header = read_rows(root / RESPONSES.format(area="hogvad"))[0].keys()
    assert "forbattringar" in header and "vad-ar-bra-med-att-bo" not in header


def test_a_survey_yaml_naming_a_missing_column_is_a_positioned_error(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    export = place(root, "google.csv")
    import_survey(require(root), export, "hogvad", 2025)
    survey = root / SURVEY.format(area="hogvad")
    survey.write_text(survey.read_text(encoding="utf-8").replace("Vad kan bli", "Vad kunde bli"), encoding="utf-8")
    code, output = run_dialog(CliRunner(), "-C", root, "survey", "import", export, "--area", "hogvad")
    assert code == 1
    assert re.search(r"cycles/2025/hogvad/survey.yaml:\d+:\d+: error: question .* has no column", output)


def test_formula_cells_are_neutralised(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    import_survey(require(root), place(root, "google.csv"), "hogvad", 2025)
    text = (root / RESPONSES.format(area="hogvad")).read_text(encoding="utf-8-sig")
    assert "'=1+1" in text and "'-" in text
    for row in csv.reader(text.splitlines(), delimiter=";"):
        assert not any(cell[:1] in ("=", "+", "-", "@") for cell in row), row
    # The report reads the answers back as the residents wrote them.
    analysis = analyse(require(root), 2025, "hogvad")
    assert any(a.text == "=1+1" for a in analysis.unrouted)


def test_an_export_outside_raw_is_imported_with_a_warning(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    export = place(root, "google.csv", folder="exports")
    code, output = run_dialog(CliRunner(), "-C", root, "survey", "import", export, "--area", "hogvad")
    assert code == 0
    assert "exports/google.csv:1:1: warning: the raw export is not in a raw/ folder" in output


def test_a_raw_folder_git_does_not_ignore_gets_a_warning(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    (root / ".gitignore").write_text("build/\n", encoding="utf-8")
    export = place(root, "google.csv")
    result = import_survey(require(root), export, "hogvad", 2025)
    assert any("git does not ignore" in w.message for w in result.warnings)
    (root / ".gitignore").write_text("raw/\n", encoding="utf-8")
    assert not import_survey(require(root), export, "hogvad", 2025).warnings


def test_year_defaults_to_the_areas_only_meeting_folder(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    code, output = run_dialog(
        CliRunner(), "-C", root, "survey", "import", place(root, "google.csv"), "--area", "hogvad"
    )
    assert code == 0 and "cycles/2025/hogvad/survey/responses.csv" in output


def test_the_source_can_be_named(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    export = place(root, "google.csv")
    code, output = run_dialog(
        CliRunner(), "-C", root, "survey", "import", export, "--area", "hogvad", "--source", "csv"
    )
    assert code == 0 and "source: csv;" in output
    assert "E-postadress" in (root / SURVEY.format(area="hogvad")).read_text(encoding="utf-8")


def test_unknown_area_or_year_is_a_usage_error(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    export = place(root, "google.csv")
    code, output = run_dialog(CliRunner(), "-C", root, "survey", "import", export, "--area", "nowhere")
    assert code == 2 and "no area 'nowhere' in areas.yaml; the areas are: hogvad, sexdrega, hillared" in output
    code, output = run_dialog(
        CliRunner(), "-C", root, "survey", "import", export, "--area", "sexdrega", "--year", "2025"
    )
    assert code == 2 and "no meeting for 'sexdrega' in 2025" in output


BAD_EXPORTS = [
    ("empty.csv", b"", "the export is empty"),
    ("blank.csv", b"\r\n\r\n", "the export is empty"),
    ("binary.csv", bytes(range(256)) * 40, "not readable text"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old binary Excel file"),
    ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 300, "not a readable Excel workbook"),
    ("mixed.csv", "Ort;Synpunkt\nÖverlida;Bra\n".encode() + b"\xff\xfe\xfa;x\n" * 2, "not valid utf-8"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_EXPORTS, ids=[b[0] for b in BAD_EXPORTS])
def test_bad_exports_exit_1_with_a_clear_message(sv_workspace: Workspace, name: str, data: bytes, message: str) -> None:
    root = sv_workspace()
    export = place(root, name, data)
    code, output = run_dialog(CliRunner(), "-C", root, "survey", "import", export, "--area", "hogvad")
    assert code == 1, output
    assert f"cycles/2025/raw/{name}:" in output and message in output
    assert "Traceback" not in output
    assert not (root / RESPONSES.format(area="hogvad")).exists()
    assert not (root / SURVEY.format(area="hogvad")).exists()


def test_a_missing_export_is_a_usage_error(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    code, output = run_dialog(CliRunner(), "-C", root, "survey", "import", root / "nope.csv", "--area", "hogvad")
    assert code == 2 and "no export at nope.csv" in output


@pytest.mark.parametrize(
    "answers", [["²", "3"], ["٣", "4"], ["1", "10", "2"]], ids=["superscript", "arabic-indic", "scale"]
)
def test_a_column_of_digits_of_other_kinds_is_no_scale(answers: list[str]) -> None:
    from dialogkit.survey.mapping import infer_kind

    # str.isdigit() says "²" is a digit, and int() refused it: the import stopped with a traceback.
    assert infer_kind(answers) == ("scale" if answers[0] == "1" else "text")
