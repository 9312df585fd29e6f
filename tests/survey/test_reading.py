"""Reading exports: encodings, delimiters, Excel, and the tools told apart by their headings."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dialogkit.errors import DialogError
from dialogkit.survey.reading import MAX_FIELD, open_export, sniff_delimiter
from dialogkit.survey.sources import detect_source, is_identifying
from tests.survey.exports import FIXTURES, forms_rows, questback_rows, write_xlsx

TEXT = "Ort;Vad kan bli bättre?\nÖverlida;Vägarna, och gatubelysningen\nMjöbäck;Åtgärda skolgården\n"


def read(path: Path) -> tuple[list[str], list[list[str]], str | None, str | None]:
    export = open_export(path, path.name)
    try:
        return export.headers, list(export.rows), export.encoding, export.delimiter
    except (UnicodeDecodeError, csv.Error) as exc:
        raise export.problem(exc, path.name) from None
    finally:
        export.close()


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252"), ("utf-16", "utf-16")],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, expected: str) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(TEXT.encode(encoding))
    headers, rows, found, delimiter = read(path)
    assert found == expected
    assert delimiter == ";"
    assert headers == ["Ort", "Vad kan bli bättre?"]
    assert rows[1] == ["Mjöbäck", "Åtgärda skolgården"]


@pytest.mark.parametrize(
    ("line", "delimiter"),
    [("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ('"x, y";b;c', ";"), ("only", ",")],
)
def test_the_delimiter_is_sniffed_from_the_headings(line: str, delimiter: str) -> None:
    assert sniff_delimiter(line) == delimiter


def test_excels_sep_line_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("sep=;\nOrt;Synpunkt, fri text\nÖverlida;Bra, tack\n", encoding="utf-8")
    headers, rows, _, delimiter = read(path)
    assert delimiter == ";" and headers == ["Ort", "Synpunkt, fri text"] and rows == [["Överlida", "Bra, tack"]]


def test_unicode_text_from_excel_is_read(tmp_path: Path) -> None:
    headers, rows, encoding, delimiter = read(FIXTURES / "unicode-text.txt")
    assert (encoding, delimiter) == ("utf-16", "\t")
    assert headers[0] == "Vilken ort bor du i?" and rows[2][0] == "MJÖBÄCK"


def test_xlsx_is_read_with_numbers_and_dates_as_text(tmp_path: Path) -> None:
    headers, rows, encoding, _ = read(write_xlsx(tmp_path / "forms.xlsx", forms_rows()))
    assert encoding is None
    assert headers[:3] == ["ID", "Starttid", "Sluttid"]
    assert rows[0][0] == "1" and rows[0][1] == "2025-03-01 18:00:00" and rows[0][-1] == "4"


def test_xlsx_title_rows_above_the_headings_are_skipped(tmp_path: Path) -> None:
    headers, rows, _, _ = read(write_xlsx(tmp_path / "qb.xlsx", questback_rows(), title_rows=2))
    assert headers[0] == "Respons-ID" and len(rows) == 6


def test_an_empty_workbook_is_a_clear_error(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "empty.xlsx", [])
    with pytest.raises(DialogError, match="first sheet is empty"):
        read(path)


def test_utf8_broken_after_the_sample_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    body = "Ort;Synpunkt\n" + "Överlida;Bra\n" * 30_000
    path.write_bytes(body.encode() + b"Mj\xf6b\xe4ck;D\xe5ligt\n")
    with pytest.raises(DialogError, match=r"not valid utf-8 after line \d+"):
        read(path)


def test_a_heading_with_a_line_break_is_read_as_one_csv_record(tmp_path: Path) -> None:
    # Excel writes a heading typed with Alt+Enter as a quoted field across two lines.
    path = tmp_path / "export.csv"
    path.write_text('Ort;"Vad kan bli\nbättre?";Betyg\nÖverlida;Vägarna;4\n', encoding="utf-8")
    headers, rows, _, _ = read(path)
    assert headers == ["Ort", "Vad kan bli\nbättre?", "Betyg"]
    assert rows == [["Överlida", "Vägarna", "4"]]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x" * MAX_FIELD + "\n", "first line is longer than 1 MB"),
        ('Ort;"Vad kan bli bättre?\n' + "Överlida;Vägarna\n" * (MAX_FIELD // 16), "heading is not valid CSV"),
    ],
    ids=["one long line", "a quote left open"],
)
def test_a_heading_that_never_ends_is_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DialogError, match=message):
        read(path)


@pytest.mark.parametrize(
    ("head", "lines_before"),
    [("Ort;Synpunkt\n", 1), ("sep=;\nOrt;Synpunkt\n", 2), ('Ort;"Syn\npunkt"\n', 2)],
    ids=["heading", "sep line", "heading over two lines"],
)
def test_csv_errors_name_the_line_of_the_file(tmp_path: Path, head: str, lines_before: int) -> None:
    path = tmp_path / "export.csv"
    too_long = "x" * (MAX_FIELD + 1)
    path.write_text(f"{head}Överlida;Bra\nMjöbäck;{too_long}\n", encoding="utf-8")
    with pytest.raises(DialogError) as caught:
        read(path)
    assert caught.value.findings[0].line == lines_before + 2


SOURCES = [
    (["ID", "Start time", "Completion time", "Email", "Name", "Q1"], "forms"),
    (["ID", "Starttidspunkt", "Fullføringstidspunkt", "E-post", "Navn", "Spørsmål"], "forms"),
    (["Timestamp", "Email Address", "What is good?"], "google"),
    (["Tidsmerke", "Hva er bra?"], "google"),
    (["RespondentID", "Startdatum", "Slutdatum", "Status", "Fråga"], "netigate"),
    (["Respondentnummer", "Svarsdatum", "Fråga"], "esmaker"),
    (["Respons-ID", "Responsdato", "Spørsmål"], "questback"),
    (["$submission_id", "$created", "$answer_time_ms", "Spørsmål"], "nettskjema"),
    (["id", "submitdate", "lastpage", "startlanguage", "seed", "G01Q01"], "limesurvey"),
    (["Response ID", "Date submitted", "Last page", "Start language", "Q"], "limesurvey"),
    (["Ort", "Synpunkt", "Timestamp"], "csv"),
]


@pytest.mark.parametrize(("headers", "source"), SOURCES, ids=[s for _, s in SOURCES])
def test_sources_are_told_by_their_headings(headers: list[str], source: str) -> None:
    assert detect_source(headers, "csv").name == source


@pytest.mark.parametrize(
    "heading",
    [
        "Namn",
        "Ditt namn (frivilligt)",
        "Navn",
        "Name",
        "E-post",
        "E-postadress",
        "E-postadresse",
        "Email Address",
        "Telefonnummer",
        "Mobilnummer",
        "Tlf",
        "Phone",
        "Adress",
        "Gateadresse",
        "Postnummer",
        "Personnummer",
        "Fødselsnummer",
        "D-nummer",
        "Samordningsnummer",
        "Kontaktuppgifter",
        "IP-adress",
    ],
)
def test_identifying_headings_are_recognised(heading: str) -> None:
    assert is_identifying(heading)


@pytest.mark.parametrize(
    "heading",
    ["Vilken ort bor du i?", "Namnge en plats du tycker om", "Hur fungerar mobiltäckningen?", "Hva kan bli bedre?"],
)
def test_questions_are_not_taken_for_identifying_columns(heading: str) -> None:
    assert not is_identifying(heading)
