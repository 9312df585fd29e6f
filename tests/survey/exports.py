"""Synthetic survey exports in each tool's layout and encoding, seeded with fake personal data.

The text fixtures in fixtures/ are written by this module (`python -m tests.survey.exports`);
the Excel ones are built by the tests with openpyxl. Every name, address and number here
is made up; the identity numbers are built to pass their check digits, which is the point.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from stdnum import luhn

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def personnummer(birth: str, serial: str, *, century: str = "", sep: str = "-") -> str:
    """A Swedish personnummer (or samordningsnummer, day + 60) with a valid Luhn check digit."""
    return f"{century}{birth}{sep}{serial}{luhn.calc_check_digit(birth + serial)}"


def fodselsnummer(birth: str, individual: str) -> str:
    """A Norwegian fødselsnummer (or D-nummer, day + 40) with both check digits valid."""
    from stdnum.no import fodselsnummer as fnr

    first = fnr.calc_check_digit1(birth + individual)
    return birth + individual + first + fnr.calc_check_digit2(birth + individual + first)


SE_PNR = personnummer("811228", "987")  # 811228-9874
SE_PNR_12 = personnummer("850709", "123", century="19")  # 19850709-1232
SE_PNR_PLAIN = personnummer("900101", "456", sep="")
SE_SAMORDNING = personnummer("810288", "123")  # day 28 + 60
NO_FNR = fodselsnummer("151086", "950")
NO_DNR = fodselsnummer("551086", "100")  # day 15 + 40

# Everything personal that any fixture carries, in any column; none of it may come out.
SE_PERSONAL = {
    "names": ["Kalle Testsson", "Greta Provström", "Nils Exempelberg", "Stina Påhittad", "Olle Låtsas", "Maj Fejk"],
    "emails": ["kalle.testsson@example.se", "greta.p@example.com", "nils@example.org", "stina@example.se"],
    "phones": ["070-123 45 67", "+46 70 765 43 21", "0321-123 45", "073 111 22 33"],
    "ids": [SE_PNR, SE_PNR_12, SE_PNR_PLAIN, SE_SAMORDNING],
    "addresses": ["Storgatan 12", "Byvägen 3B"],
}
NO_PERSONAL = {
    "names": ["Ola Prøvesen", "Kari Eksempeldal", "Per Oppdiktet", "Åse Fiktiv", "Nils Tull", "Liv Liksom"],
    "emails": ["ola.provesen@example.no", "kari@example.com", "per@example.org"],
    "phones": ["912 34 567", "+47 412 34 567", "22 33 44 55", "+4798765432"],
    "ids": [NO_FNR, f"{NO_DNR[:6]} {NO_DNR[6:]}", NO_DNR],
    "addresses": ["Storgata 1", "Fjordveien 22"],
}

SV_QUESTIONS = [
    "Vilken ort bor du i?",
    "Vad är bra med att bo på din ort?",
    "Vad kan bli bättre på din ort?",
    "Finns det platser där du känner dig otrygg? Var?",
    "Hur nöjd är du med kommunens service? (1-5)",
]
SV_ANSWERS = [
    ["Överlida", "Lugnt och nära naturen", "Vägarna är fulla av hål", "Nej", "4"],
    ["overlida", "Bra förskola", "Skolan behöver belysning på skolgården", "Vid busshållplatsen på kvällen", "2"],
    ["MJÖBÄCK", "Grannarna", "Ring mig på 070-123 45 67 om badplatsen", "-", "3"],
    ["Holsljunga ", "Mejla kalle.testsson@example.se", f"Mitt personnummer är {SE_PNR}, svara mig", "Inga", "4"],
    ["Mjoback", "Naturen", "Fler evenemang för unga", "Gång- och cykelvägen vid skogen", "4"],
    ["Holsljunga", "=1+1", f"+46 70 765 43 21 eller {SE_SAMORDNING} och {SE_PNR_12}", "nej", "3"],
]
SV_IDENTITY_HEADINGS = ["Namn", "E-postadress", "Telefonnummer", "Personnummer", "Gatuadress"]


def _identity(personal: dict[str, list[str]], row: int) -> list[str]:
    """Row ``row``'s name, e-mail, phone, identity number and address, each list taken in turn."""
    return [values[row % len(values)] for values in personal.values()]


def sv_identity(row: int) -> list[str]:
    return _identity(SE_PERSONAL, row)


NB_QUESTIONS = [
    "Hvor bor du?",
    "Hva er bra med å bo der du bor?",
    "Hva kan bli bedre der du bor?",
    "Føler du deg trygg der du bor?",
    "Hvis nei, hvor føler du deg utrygg?",
]
NB_ANSWERS = [
    ["Bø", "Naturen", "Veiene er dårlige", "Ja", ""],
    ["bo", "Barnehagen", "Skolen trenger ny gymsal", "Nei", "Ved stasjonen om kvelden"],
    ["SÆTRE", "Folkene", "Ring meg på 912 34 567 om veien", "Ja", "Nei"],
    ["Saetre", f"Fødselsnummer {NO_FNR}", "Send svar til ola.provesen@example.no", "Nei", "Langs fylkesveien"],
    ["Ørje", "Roen", f"D-nummer {NO_DNR[:6]} {NO_DNR[6:]} og +47 412 34 567", "Ja", "-"],
    ["orje", "@hjem", "Flere aktiviteter for ungdom", "Ja", "ingen"],
]
NB_IDENTITY_HEADINGS = ["Navn", "E-postadresse", "Mobilnummer", "Fødselsnummer", "Adresse"]


def nb_identity(row: int) -> list[str]:
    return _identity(NO_PERSONAL, row)


def _csv(rows: Sequence[Sequence[str]], delimiter: str, quoting: Literal[0, 1, 2, 3] = csv.QUOTE_MINIMAL) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=quoting).writerows(rows)
    return out.getvalue()


def google_csv() -> bytes:
    """Google Forms: "Tidstämpel" and "E-postadress" first; UTF-8 without BOM; commas."""
    header = ["Tidstämpel", "E-postadress", *SV_QUESTIONS, "Namn"]
    rows = [
        [f"2025/03/0{i + 1} 10:1{i}:00 em CET", sv_identity(i)[1], *answers, sv_identity(i)[0]]
        for i, answers in enumerate(SV_ANSWERS)
    ]
    rows[1][5] = "Vid busshållplatsen\npå kvällen"  # Google keeps line breaks inside quotes
    return _csv([header, *rows], ",").encode("utf-8")


def netigate_csv() -> bytes:
    """Netigate raw data: respondent id, dates and status first; Windows-1252; semicolons."""
    header = ["RespondentID", "Startdatum", "Slutdatum", "Status", *SV_QUESTIONS, "Namn", "Telefonnummer"]
    rows = [
        [
            str(90210 + i),
            f"2025-03-0{i + 1} 09:00",
            f"2025-03-0{i + 1} 09:07",
            "Avslutad",
            *answers,
            sv_identity(i)[0],
            sv_identity(i)[2],
        ]
        for i, answers in enumerate(SV_ANSWERS)
    ]
    return _csv([header, *rows], ";").encode("cp1252")


def esmaker_csv() -> bytes:
    """Esmaker text export: respondent number and answer date; UTF-8 with BOM; semicolons, all quoted."""
    header = ["Respondentnummer", "Svarsdatum", *SV_QUESTIONS, "E-post", "Personnummer"]
    rows = [
        [str(i + 1), f"2025-03-1{i}", *answers, sv_identity(i)[1], sv_identity(i)[3]]
        for i, answers in enumerate(SV_ANSWERS)
    ]
    return _csv([header, *rows], ";", csv.QUOTE_ALL).encode("utf-8-sig")


def limesurvey_csv() -> bytes:
    """LimeSurvey "Export responses", question texts as headings; UTF-8 with BOM; commas, all quoted."""
    meta = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr"]
    header = [*meta, *SV_QUESTIONS, "Ditt namn (frivilligt)", "interviewtime"]
    rows = [
        [
            *(str(i + 1), f"2025-03-0{i + 1} 19:00:00", "3", "sv", str(1234567 + i), "2025-03-01 18:55:00"),
            *("2025-03-01 19:00:00", f"192.0.2.{i + 10}", *answers, sv_identity(i)[0], "312.5"),
        ]
        for i, answers in enumerate(SV_ANSWERS)
    ]
    return _csv([header, *rows], ",", csv.QUOTE_ALL).encode("utf-8-sig")


def unicode_text() -> bytes:
    """A sheet saved by Excel as "Unicode text": UTF-16 little-endian with a BOM, tab-separated."""
    header = [*SV_QUESTIONS, "Namn", "Mobil"]
    rows = [[*answers, sv_identity(i)[0], sv_identity(i)[2]] for i, answers in enumerate(SV_ANSWERS)]
    return _csv([header, *rows], "\t").encode("utf-16")


def nettskjema_csv() -> bytes:
    """Nettskjema: "$submission_id", "$created" and the answer time first; UTF-8; semicolons."""
    header = ["$submission_id", "$created", "$answer_time_ms", *NB_QUESTIONS, "Navn", "E-postadresse"]
    rows = [
        [str(27685292 + i), f"2025-05-0{i + 1}T20:57:15", str(74630 + i), *answers, *nb_identity(i)[0:2]]
        for i, answers in enumerate(NB_ANSWERS)
    ]
    return _csv([header, *rows], ";").encode("utf-8")


def forms_rows() -> list[list[object]]:
    """Microsoft Forms' Excel download (Swedish account): ID, times, e-mail and name, then the questions."""
    import datetime as dt

    header: list[object] = ["ID", "Starttid", "Sluttid", "E-post", "Namn", "Tid för senaste ändring", *SV_QUESTIONS]
    rows: list[list[object]] = [header]
    for i, answers in enumerate(SV_ANSWERS):
        start = dt.datetime(2025, 3, 1 + i, 18, 0)
        values: list[object] = [*answers[:4], int(answers[4])]  # Forms stores a rating as a number
        rows.append(
            [i + 1, start, start + dt.timedelta(minutes=6), sv_identity(i)[1], sv_identity(i)[0], None, *values]
        )
    return rows


def questback_rows() -> list[list[object]]:
    """Questback's Excel export (Norwegian account): response id and date, then answers, then contact data."""
    header: list[object] = ["Respons-ID", "Responsdato", "Fullført", *NB_QUESTIONS, *NB_IDENTITY_HEADINGS]
    rows: list[list[object]] = [header]
    for i, answers in enumerate(NB_ANSWERS):
        rows.append([f"QB-{1000 + i}", f"2025-05-1{i}", "Ja", *answers, *nb_identity(i)])
    return rows


def write_xlsx(path: Path, rows: list[list[object]], *, title_rows: int = 0) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    for _ in range(title_rows):
        sheet.append([])
    for row in rows:
        sheet.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


TEXT_FIXTURES = {
    "google.csv": google_csv,
    "netigate.csv": netigate_csv,
    "esmaker.csv": esmaker_csv,
    "limesurvey.csv": limesurvey_csv,
    "unicode-text.txt": unicode_text,
    "nettskjema.csv": nettskjema_csv,
}


def write_text_fixtures(folder: Path = FIXTURES) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, build in TEXT_FIXTURES.items():
        (folder / name).write_bytes(build())


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def crafted_xlsx(
    path: Path, rows: str, *, dimension: str = "", shared: Iterable[str] = (), listed: bool = True
) -> Path:
    """A workbook written part by part, as a damaged or hostile export could be: ``rows`` is the
    sheet's <sheetData> XML, ``shared`` the shared texts' <si> elements in pieces, streamed
    into the zip so that a text of many megabytes never sits in memory whole. Not ``listed``,
    the sheet's and the shared texts' content types are left to the default for .xml."""
    parts = {
        "[Content_Types].xml": f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
        + (
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_TYPE}.sharedStrings+xml"/>'
            if listed
            else ""
        )
        + "</Types>",
        "_rels/.rels": f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
        f'Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets>'
        f'<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_RELS}">'
        f'<Relationship Id="rId1" Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_DOC}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_MAIN}">'
        + (f'<dimension ref="{dimension}"/>' if dimension else "")
        + f"<sheetData>{rows}</sheetData></worksheet>",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            out.write(f'<sst xmlns="{_MAIN}">'.encode())
            for piece in shared:
                out.write(piece.encode())
            out.write(b"</sst>")
    return path


if __name__ == "__main__":
    write_text_fixtures()
