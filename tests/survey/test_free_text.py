"""Personal data in residents' own words: each kind found and replaced by its marker, the rest left as written."""

from __future__ import annotations

import pytest

from dialogkit.survey.names import NameFinder
from dialogkit.survey.redact import Redactor
from dialogkit.survey.sources import is_identifying, is_name_column
from tests.survey.exports import NO_FNR, SE_PNR


def redactor(locale: str = "sv", country: str = "SE", vocabulary: tuple[str, ...] = ()) -> Redactor:
    from dialogkit.survey.names import vocabulary as words_of

    return Redactor(locale, 2025, country, NameFinder(words_of(vocabulary)))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ring 070 - 123 45 67", "phone"),
        ("Ring 070\u2013123 45 67", "phone"),
        ("ring \u0660\u0667\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667", "phone"),
        (f"pnr {SE_PNR.replace('-', '+')}", "id"),
        (f"pnr {SE_PNR.replace('-', chr(0x2013))}", "id"),
        ("Mejla anna.svensson(at)example.se", "email"),
        ("skriv till ola [at] example [dot] no", "email"),
        ("bilen ABC 123 står där", "plate"),
        ("bilen XYZ 12A står där", "plate"),
        ("bilen AB 12345 står der", "plate"),
        ("IBAN SE45 5000 0000 0583 9825 7466", "account"),
        ("kontonummer 8327-9, 123 456 789-0", "account"),
        ("konto 1234.56.78903", "account"),
        ("född 1941-03-07", "birthdate"),
        ("født 12.05.1978", "birthdate"),
        ("sonen född 12/5 2009", "birthdate"),
        ("Jag bor på Storgatan 12", "address"),
        ("hos oss på Kyrkvägen 3B", "address"),
        ("postadress 512 95 Mjögback", "address"),
    ],
)
def test_each_kind_is_replaced_by_its_marker(text: str, kind: str) -> None:
    redact = redactor()
    out = redact(text)
    assert redact.counts[kind] == 1, out
    assert not any(c.isdigit() for c in out), out


def test_norwegian_addresses_postcodes_and_names() -> None:
    redact = redactor("nb", "NO")
    text = "Jeg heter Kari Nordmann og bor i Storgata 12, 8000 Fjellvik. Naboen Trond Olsen kjører for fort."
    out = redact(text)
    assert out == "Jeg heter [navn] og bor i [adresse]. Naboen [navn] kjører for fort.", out
    assert dict(redact.counts) == {"name": 2, "address": 1}
    out = redact(f"Ring Per på mobilen, født 12.05.1978, fnr {NO_FNR}")
    assert out == "Ring [navn] på mobilen, født [fødselsdato], fnr [fødselsnummer]", out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jag heter Anna Svensson.", "Jag heter [namn]."),
        ("Grannen Per Holm kör för fort", "Grannen [namn] kör för fort"),
        ("Fråga Inga om badplatsen", "Fråga [namn] om badplatsen"),
        ("Per kör för fort på vägen", "[namn] kör för fort på vägen"),
        ("Pratade med Annas pappa", "Pratade med [namn] pappa"),
    ],
)
def test_names_in_name_position_are_redacted(text: str, expected: str) -> None:
    assert redactor()(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Inga synpunkter",
        "Per år blir det sämre",
        "Storgatan är mörk på kvällen",
        "Vägen vid Berg behöver lagas",
        "Kristina Nilssons väg är mörk",
        "Samhällsbyggnadsförvaltningen borde lyssna",
        "Bo på landet är fint",
        "Högvads byalag gör ett bra jobb i Överlida",
        "Det kostar 45 000 kr år 2024 och SEK 100 i månaden",
        "Riksväg 40 är farlig, väg 156 också",
    ],
)
def test_places_streets_organisations_and_ordinary_words_are_kept(text: str) -> None:
    redact = redactor(vocabulary=("Högvads byalag", "Överlida", "Samhällsbyggnadsförvaltningen"))
    assert redact(text) == text and redact.total == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mejla kalle AT example DOT se", "mejla [e-post]"),
        ("mejla kalle At example Dot se", "mejla [e-post]"),
        ("Anna-Karin sa att bussen är sen", "[namn] sa att bussen är sen"),
        ("fråga Per-Olof om vägen", "fråga [namn] om vägen"),
        ("Hälsningar -Kari Nordmann", "Hälsningar -[namn]"),
        ("Per sa att vägen är dålig", "[namn] sa att vägen är dålig"),
        ("Handla hos Berg AB", "Handla hos Berg AB"),
        ("Ring Olsen AS om bilen", "Ring Olsen AS om bilen"),
    ],
)
def test_capital_at_double_names_said_and_a_name_after_a_dash(text: str, expected: str) -> None:
    assert redactor()(text) == expected


def test_a_name_of_the_workspace_is_no_name_to_redact() -> None:
    # "Holm" is a surname, and here a locality of the area: after a cue it stays.
    assert redactor(vocabulary=("Holm",))("fråga Holm om vägen") == "fråga Holm om vägen"


def test_names_from_the_export_are_found_in_any_case_and_inflection() -> None:
    redact = redactor()
    assert redact.names is not None
    redact.names.add_export_names(["Zlatana Mjögbacke"])
    out = redact("zlatana sa att Mjögbackes hund skäller, ZLATANA vet")
    assert out == "[namn] sa att [namn] hund skäller, [namn] vet", out


@pytest.mark.parametrize("names", [["Sjöelé", "Sjöele"], ["Sjöele", "Sjöelé"]], ids=["é first", "e first"])
def test_names_alike_but_for_a_diacritic_are_each_found_as_written(names: list[str]) -> None:
    redact = redactor()
    assert redact.names is not None
    for name in names:  # one name column after another
        redact.names.add_export_names([name])
    for written in ["Sjöele", "Sjöelé", "sjoele"]:
        answer = f"fråga {written} om bussen"
        cells = redact.names.cells_with_names("Inga\x00" + answer)
        assert cells == [1], f"{answer!r} was not found"
        assert redact(answer) == "fråga [namn] om bussen"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Inga synpunkter", "Inga synpunkter"),
        ("Inga", "Inga"),
        ("Bra. Inga bussar på kvällen", "Bra. Inga bussar på kvällen"),
        ("fråga inga om det", "fråga inga om det"),
        ("Inga Holm sa att vägen är dålig", "[namn] sa att vägen är dålig"),
        ("Inga har ringt kommunen", "[namn] har ringt kommunen"),
        ("jag pratade med Inga igår", "jag pratade med [namn] igår"),
    ],
)
def test_a_name_of_the_export_that_is_also_a_word_is_kept_where_it_is_the_word(text: str, expected: str) -> None:
    # A resident named Inga does not turn every "Inga" ("none") of the survey into a name.
    redact = redactor()
    assert redact.names is not None
    redact.names.add_export_names(["Inga Holm"])
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("heading", "identifying", "names"),
    [
        ("Hemadress", True, False),
        ("Postadress", True, False),
        ("Vad heter du?", True, True),
        ("Hva heter du?", True, True),
        ("Kva heiter du?", True, True),
        ("What is your name?", True, True),
        ("Användarnamn", True, True),
        ("Brukernavn", True, True),
        ("Födelsedatum", True, False),
        ("Fødselsdato", True, False),
        ("Date of birth", True, False),
        ("Namnge en plats du tycker om", False, False),
        ("Vad kan bli bättre?", False, False),
    ],
)
def test_identifying_headings_in_every_language(heading: str, identifying: bool, names: bool) -> None:
    assert is_identifying(heading) is identifying
    assert is_name_column(heading) is names
