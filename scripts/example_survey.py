"""Write the example workspaces' survey exports: synthetic, as the survey tools export them.

    python scripts/example_survey.py [ROOT]

Writes cycles/2025/raw/hogvad-enkat.csv (a Google Forms export, Svenljunga) under ROOT
(default: the repository), and examples/tjenestedialog/cycles/2022/raw/skole-nettskjema.csv
(a Nettskjema export, Nordvik). Both go into raw/ folders that git ignores, as a real export
would: they carry personal data. Here it is made up (names, e-mail addresses, phone numbers
and identity numbers with valid check digits), so that `make demo` shows the import taking
it out and the tests can prove none of it reaches a document.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from stdnum import luhn
from stdnum.no import fodselsnummer

REPO = Path(__file__).resolve().parent.parent
SVENLJUNGA = Path("cycles/2025/raw/hogvad-enkat.csv")
NORDVIK = Path("examples/tjenestedialog/cycles/2022/raw/skole-nettskjema.csv")


def personnummer(birth: str, serial: str) -> str:
    """A made-up Swedish personnummer whose check digit is valid."""
    return f"{birth}-{serial}{luhn.calc_check_digit(birth + serial)}"


def norwegian_id(birth: str, individual: str) -> str:
    """A made-up Norwegian fødselsnummer whose two check digits are valid."""
    first = fodselsnummer.calc_check_digit1(birth + individual)
    return birth + individual + first + fodselsnummer.calc_check_digit2(birth + individual + first)


# Everything personal the exports carry; tests/test_personal_data.py looks for each in every output.
SV_PERSONAL = {
    "names": ["Kalle Testsson", "Greta Provström", "Nils Exempelberg", "Stina Påhittad"],
    "emails": ["kalle.testsson@example.se", "greta.p@example.com", "nils@example.org", "stina@example.se"],
    "phones": ["070-123 45 67", "+46 70 765 43 21", "0325-123 45", "073 111 22 33"],
    "ids": [personnummer("811228", "987"), personnummer("900101", "456"), personnummer("810288", "123")],
    # in free text: names (of the export's name column and others), addresses, birth dates, plates, accounts
    "names in text": ["Greta", "Provströms", "Anna Svensson", "grannen Bertil Lindgren", "Fråga Inga om"],
    "addresses": ["Storgatan 12", "Kyrkvägen 3B", "512 95 Mjögback"],
    "birth dates": ["född 1941-03-07", "12/5 2009"],
    "plates": ["ABC 123", "XYZ 12A"],
    "accounts": ["SE45 5000 0000 0583 9825 7466", "8327-9, 123 456 789-0"],
}
NB_PERSONAL = {
    "names": ["Ola Prøvesen", "Kari Eksempeldal", "Per Oppdiktet", "Åse Fiktiv"],
    "emails": ["ola.provesen@example.no", "kari@example.com", "per@example.org"],
    "phones": ["912 34 567", "+47 412 34 567", "22 33 44 55"],
    "ids": [norwegian_id("151086", "950"), norwegian_id("551086", "100")],
    "names in text": ["Kari Nordmann", "Trond Olsen", "Ring Per på", "Eksempeldals"],
    "addresses": ["Storgata 12", "8000 Fjellvik"],
    "birth dates": ["født 12.05.1978"],
    "plates": ["AB 12345"],
    "accounts": ["1234.56.78903", "NO93 8601 1117 947"],
}
# What residents write that is no personal data: places, streets without a number,
# organisations and departments. The import leaves each as it is.
SV_KEPT = [
    "Storgatan är mörk på kvällen",
    "Högvads byalag ordnar midsommar i Holsljunga",
    "Samhällsbyggnadsförvaltningen borde lyssna på Överlida företagarförening",
]
NB_KEPT = ["Storgata er mørk om kvelden", "Oppvekst bør lytte til FAU på Bø"]

SV_QUESTIONS = [
    "Vilken ort bor du i?",
    "Vad är bra med att bo på din ort?",
    "Vad kan bli bättre på din ort?",
    "Finns det platser där du känner dig otrygg? Var?",
    "Hur nöjd är du med kommunens service? (1-5)",
]
# Locality, what is good, what could be better, where unsafe, the rating.
SV_ANSWERS = [
    ("Överlida", "Lugnet och naturen", "Vägarna är fulla av hål efter vintern", "Nej", "4"),
    (
        "Överlida",
        "Bra förskola",
        "Skolan behöver bättre belysning på skolgården",
        "Vid busshållplatsen på kvällen",
        "3",
    ),
    ("Mjöbäck", "Grannarna hjälper varandra", "Badplatsen behöver en ny brygga", "Nej", "4"),
    (
        "mjöbäck",
        "Naturen",
        "Fler evenemang för unga i bygdegården",
        "Gång- och cykelvägen vid skogen, den är mörk",
        "3",
    ),
    ("Holsljunga", "Nära till jobbet i Borås", "Bussen går för sällan, särskilt på helgerna", "Nej", "2"),
    ("Holsljunga ", "Byalaget", "Gatubelysningen på Byvägen är trasig", "På Byvägen när det är mörkt", "3"),
    ("Överlida", "Skolan är liten och trygg", "Skolskjutsen hämtar för tidigt", "Nej", "4"),
    ("Mjöbäck", "Affären", "Bredbandet är för långsamt för att jobba hemifrån", "Inga", "3"),
    ("Overlida", "Idrottsplatsen", "Trottoaren längs riksvägen saknas", "Längs riksvägen där bilarna kör fort", "2"),
    ("Holsljunga", "Sjön", "Biblioteket borde ha öppet på kvällar", "Nej", "5"),
    ("Överlida", "Föreningslivet", "Hemtjänsten hinner inte med", "Nej", "3"),
    ("Mjöbäck", "Tyst och lugnt", "Vägen till Mjöbäck behöver plogas tidigare", "Vid skolan när bussarna vänder", "3"),
    ("Holsljunga", "Fiske och friluftsliv", "Fler cykelvägar mellan byarna", "-", "4"),
    ("Överlida", "Bygdegården", '=HYPERLINK("http://example.com";"Klicka här")', "Nej", "4"),
]
# Personal data residents write in their answers, placed into the "could be better" text.
SV_SEEDED = [
    "Ring mig på {phone} om badplatsen",
    "Mejla {email} så berättar jag mer om vägen",
    "Mitt personnummer är {id}, svara mig om skolskjutsen",
]
# Personal data residents write about themselves and others, placed into the "what is good" text.
SV_FREE_TEXT = [
    "Greta hjälper alla, och Provströms hund vaktar byn",
    "Jag heter Anna Svensson och bor på Storgatan 12, 512 95 Mjögback",
    "Bilen ABC 123 och grannen Bertil Lindgren i XYZ 12A kör för fort",
    "Min mamma är född 1941-03-07 och barnbarnet föddes 12/5 2009",
    "Swisha till konto SE45 5000 0000 0583 9825 7466 eller kontonummer 8327-9, 123 456 789-0",
    "Fråga Inga om Kyrkvägen 3B",
]

NB_QUESTIONS = [
    "Hvor fornøyd er du med skolen? (1-5)",
    "Hva fungerer godt på skolen?",
    "Hva bør bli bedre?",
    "Er det steder på skoleveien der barnet ditt føler seg utrygt?",
]
NB_ANSWERS = [
    ("4", "Flinke lærere", "Skoleskyssen går for tidlig om morgenen", "Nei"),
    ("3", "SFO har gode aktiviteter", "Gatelys langs skoleveien mangler", "Ved krysset ved butikken, der er det mørkt"),
    ("5", "Trygt skolemiljø", "Mer kulturskole på ettermiddagen", "Nei"),
    ("2", "Ingenting spesielt", "Brøyting av fortauet kommer for sent", "Fortauet langs fylkesveien om vinteren"),
    ("4", "God kontakt med lærerne", "Bedre mobildekning ved skolen", "Nei"),
    ("3", "Uteområdet", "Bibliotek i skolen med lengre åpningstid", "-"),
]
NB_SEEDED = [
    "Ring meg på {phone} om skoleskyssen",
    "Send e-post til {email}",
    "Fødselsnummeret mitt er {id}",
]
NB_FREE_TEXT = [
    "Jeg heter Kari Nordmann og bor i Storgata 12, 8000 Fjellvik. Naboen Trond Olsen kjører for fort",
    "Sønnen min er født 12.05.1978. Ring Per på skolen",
    "Bilen AB 12345 står på konto 1234.56.78903, IBAN NO93 8601 1117 947",
    "Eksempeldals barn trives",
]


def _csv(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def svenljunga_export() -> bytes:
    """Google Forms (Swedish account): timestamp, e-mail, the questions, a name; UTF-8, commas."""
    p = SV_PERSONAL
    rows = [["Tidstämpel", "E-postadress", *SV_QUESTIONS, "Namn"]]
    for i, (place, good, better, unsafe, rating) in enumerate(SV_ANSWERS):
        if i < len(SV_FREE_TEXT):
            good = f"{good}. {SV_FREE_TEXT[i]}"
        elif i - len(SV_FREE_TEXT) < len(SV_KEPT):
            good = f"{good}. {SV_KEPT[i - len(SV_FREE_TEXT)]}"
        if i % 4 == 1:
            seeded = SV_SEEDED[(i // 4) % len(SV_SEEDED)]
            better = f"{better}. " + seeded.format(
                phone=p["phones"][i % 4], email=p["emails"][i % 4], id=p["ids"][i % 3]
            )
        rows.append(
            [
                f"2025/03/{i + 1:02d} 7:{10 + i}:00 em CET",
                p["emails"][i % 4],
                place,
                good,
                better,
                unsafe,
                rating,
                p["names"][i % 4],
            ]
        )
    return _csv(rows, ",").encode("utf-8")


def nordvik_export() -> bytes:
    """Nettskjema: submission id and time first, the questions, then name and e-mail; UTF-8, semicolons."""
    p = NB_PERSONAL
    rows = [["$submission_id", "$created", "$answer_time_ms", *NB_QUESTIONS, "Navn", "E-postadresse"]]
    for i, (rating, good, better, unsafe) in enumerate(NB_ANSWERS):
        good = f"{good}. {(NB_FREE_TEXT + NB_KEPT)[i]}"
        if i % 2 == 0:
            seeded = NB_SEEDED[(i // 2) % len(NB_SEEDED)]
            better = f"{better}. " + seeded.format(
                phone=p["phones"][i % 3], email=p["emails"][i % 3], id=p["ids"][i % 2]
            )
        rows.append(
            [
                str(27685292 + i),
                f"2022-02-{i + 1:02d}T20:57:15",
                str(74630 + i),
                rating,
                good,
                better,
                unsafe,
                p["names"][i % 4],
                p["emails"][i % 3],
            ]
        )
    return _csv(rows, ";").encode("utf-8")


def write_exports(root: Path = REPO) -> dict[Path, bytes]:
    """Write both exports under ``root``; returns what was written where."""
    written = {root / SVENLJUNGA: svenljunga_export(), root / NORDVIK: nordvik_export()}
    for path, data in written.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return written


if __name__ == "__main__":
    for path in write_exports(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO):
        print(f"wrote    {path}")
