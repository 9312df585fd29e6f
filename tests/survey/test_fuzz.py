"""Random survey exports import, or fail with a clear error naming the export: never a traceback.

Shapes, encodings, delimiters, empty cells, 10,000-character answers, embedded newlines,
quotes, formulas and NULs, written as a survey tool (or a damaged file) would write them.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from dialogkit.errors import DialogError, UsageError
from dialogkit.loading import require
from dialogkit.models.survey import Question, SurveyFile
from dialogkit.survey import import_survey
from dialogkit.survey.mapping import survey_yaml
from dialogkit.survey.matching import trim
from dialogkit.survey.text import _LETTERS, fold_once
from dialogkit.validation import validate
from dialogkit.yamlload import parse_yaml
from tests.conftest import FUZZ, MEETING_YAML
from tests.survey.conftest import Workspace

ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "utf-16"]
DELIMITERS = [",", ";", "\t"]
AWKWARD = "åäöÅÄÖøæ \n\r\"';,\t=+-@\x00#*_[]<>{}|\\"
cells = st.one_of(
    st.just(""),
    st.text(max_size=30),
    st.text(alphabet=AWKWARD + "abc123", max_size=60),
    st.sampled_from(["Överlida", "mjöbäck", "Nej", "070-123 45 67", "kalle@example.se", "=1+1", "4"]),
    st.integers(9_000, 10_000).map(lambda n: "ord " * (n // 4)),  # a 10,000-character answer
)
headings = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["Tidstämpel", "E-postadress", "Namn", "Vilken ort bor du i?", "Vad kan bli bättre?", "ID", ""]),
)


@st.composite
def exports(draw: st.DrawFn) -> bytes:
    width = draw(st.integers(1, 8))
    header = draw(st.lists(headings, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=width + 2), max_size=12))
    out = io.StringIO()
    csv.writer(out, delimiter=draw(st.sampled_from(DELIMITERS)), lineterminator="\r\n").writerows([header, *rows])
    text = out.getvalue()
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # a download cut short
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


@pytest.fixture
def workspace(sv_workspace: Workspace) -> Path:
    return sv_workspace({"cycles/2025/hogvad/meeting.yaml": MEETING_YAML})


@FUZZ
@given(data=exports())
def test_random_exports_import_or_fail_clearly(workspace: Path, data: bytes) -> None:
    export = workspace / "cycles/2025/raw/export.csv"
    export.parent.mkdir(parents=True, exist_ok=True)
    export.write_bytes(data)
    folder = workspace / "cycles/2025/hogvad"
    (folder / "survey.yaml").unlink(missing_ok=True)
    try:
        result = import_survey(require(workspace), export, "hogvad", 2025)
    except DialogError as exc:
        assert exc.findings and all(f.path.endswith(("export.csv", "survey.yaml")) for f in exc.findings), exc
        assert all(f.message for f in exc.findings)
        event(f"refused: {exc.findings[0].message[:40]}")
        return
    except UsageError as exc:
        assert str(exc)
        event(f"usage: {str(exc)[:40]}")
        return
    event("imported")
    with (folder / "survey/responses.csv").open(encoding="utf-8-sig", newline="") as handle:
        written = list(csv.reader(handle, delimiter=";"))
    assert len(written) == result.responses + 1
    assert all(len(row) == len(written[0]) for row in written), "every row has the header's columns"


@FUZZ
@given(column=st.text(min_size=1, max_size=30), question_id=st.from_regex(r"[a-z0-9][a-z0-9-]{0,8}", fullmatch=True))
def test_survey_yaml_holds_any_heading_and_id_exactly(column: str, question_id: str) -> None:
    mapping = SurveyFile(
        source="csv",
        file="cycles/2025/raw/export.csv",
        questions=[Question(column=column, id=question_id, kind="text")],
        drop_columns=[column + "x"],
    )
    text = survey_yaml(mapping)  # raises when it does not read back as written
    assert validate(parse_yaml(text, "survey.yaml"), SurveyFile, "mapping") == mapping


def _fold_as_defined(text: str) -> str:
    """fold() as its docstring defines it, without the fast paths the report needs."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.translate(_LETTERS).split())


@FUZZ
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20)
    | st.text(alphabet=AWKWARD + "aeoÆØÅǿß\u0301\u034f\u00a8")
)
def test_the_quick_fold_and_trim_agree_with_their_definitions(text: str) -> None:
    assert fold_once(text) == _fold_as_defined(text)
    assert trim(text) == re.sub(r"^[\s\W_]+|[\s\W_]+$", "", text)
