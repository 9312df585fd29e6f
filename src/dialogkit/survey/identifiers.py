"""What personal data looks like when residents write it: numbers, addresses, plates, dates of birth.

Each finder takes a text and a function that gives the marker for a kind ("email",
"phone", ...) and counts it; it returns the text with what it found replaced. They run
only on answers that hold a digit or an "@"-like mark (see :mod:`dialogkit.survey.redact`),
so their cost is paid by few answers.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable

Mark = Callable[[str], str]  # a kind -> its marker, counted

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"  # hyphen, non-breaking hyphen, figure, en and em dash, minus
_TO_HYPHEN = str.maketrans(dict.fromkeys(DASHES, "-"))

# An e-mail address, also written to escape robots: "anna(at)example.se", "ola [at] x [dot] no".
_AT = r"(?:@|\s*[(\[{]\s*(?:at|a|snabel-?a|alfakrøll)\s*[)\]}]\s*|\s+(?:at|snabel-?a|alfakrøll)\s+)"
_DOT = r"(?:\.|\s*[(\[{]\s*(?:dot|punkt|prick|prikk)\s*[)\]}]\s*|\s+(?:dot|punkt|prick|prikk)\s+)"
EMAIL = re.compile(
    r"[\w.!#$%&'*+/=?^`{|}~-]+" + _AT + r"[\w-]+(?:" + _DOT + r"[\w-]+)*" + _DOT + r"[a-z]{2,}\b", re.IGNORECASE
)
# The "at" of an address alone: where it is missing no address can be, found at a fraction of
# the cost of EMAIL, whose first part is tried at every letter of a text.
EMAIL_AT = re.compile(_AT, re.IGNORECASE)
# Marks that an answer may hold an e-mail address: cheap to look for in a whole column.
EMAIL_MARKS = ("@", "(", "[", " at ", " AT ", " At ", "nabel", "NABEL", "alfakr", "ALFAKR")

# A gate, not a detector: seven digits with at most three separators between each ("070 - 123").
DIGIT_RUN = re.compile(r"\d(?:[\s\-+./()" + DASHES + r"]{0,3}\d){6,}")
# A run of digits as a number is written: "+46 70-123 45 67", "(08) 123 456 78", "811228-9874".
NUMBER_SPAN = re.compile(r"[+(]?\d(?:[\s\-+./()" + DASHES + r"]{0,3}\d){6,}\)?")
DATES_AND_TIMES = re.compile(
    r"(?<![\d.:])(?:(?:19|20)\d\d-[01]\d-[0-3]\d|[0-2]?\d[.:][0-5]\d|[0-3]?\d/[01]?\d(?:/\d{2,4})?)(?![\d.:])"
)
# Swedish personnummer and samordningsnummer: (CC)YYMMDD, then -, + or nothing, then four digits.
_SE_ID = re.compile(r"(?<![\d\w])((?:19|20)?\d{6})\s?([-+]?)\s?(\d{4})(?![\d\w])")
# Norwegian fødselsnummer and D-nummer: DDMMYY, an optional space or hyphen, five digits.
_NO_ID = re.compile(r"(?<![\d\w])(\d{6})[ -]?(\d{5})(?![\d\w])")

_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){10,30}\b")
# A Norwegian account number: 11 digits, often as 1234.56.78903; its check digit decides.
_NO_ACCOUNT = re.compile(r"(?<![\d\w])\d{4}[ .]?\d{2}[ .]?\d{5}(?![\d\w])")
# Any account number that a word announces: "konto 8327-9, 123 456 789-0", "bankgiro 123-4567".
_ACCOUNT = re.compile(
    r"\b(?:(?:bank)?konto(?:nummer|nr)?|kontonr|clearing(?:nummer|nr)?|bankgiro|plusgiro|bg|pg|"
    r"account(?:\s+number)?)\b[\s:.]*(?:nr\.?\s*|nummer\s*)?(\d[\d\s,.-]{3,28}\d)",
    re.IGNORECASE,
)

# Vehicle registration plates: Swedish ABC 123 and ABC 12A (no I, Q, V, Å, Ä, Ö), Norwegian AB 12345.
_PLATE = re.compile(r"(?<![\w-])(?:([A-HJ-PR-UW-Z]{3}) ?\d{2}[\dA-HJ-PR-UW-Z]|([A-Z]{2}) ?\d{5})(?![\w-])")
_NOT_PLATES = frozenset({"SEK", "NOK", "EUR", "USD", "DKK", "GBP", "ISK", "CHF", "KWH", "MWH", "GWH", "MVA", "MOMS"})

_MONTHS = (
    r"jan(?:uari|uar|\.)?|feb(?:ruari|ruar|\.)?|mars?|apr(?:il|\.)?|maj|mai|jun[ie]?|jul[iy]?|aug(?:usti|ust|\.)?|"
    r"sep(?:tember|t\.?|\.)?|okt(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|des(?:ember|\.)?"
)
_DATE = (
    r"(?:(?:19|20)\d\d-[01]?\d-[0-3]?\d|[0-3]?\d[./-][01]?\d[./-](?:19|20)?\d\d|[0-3]?\d/[01]?\d\s+(?:19|20)\d\d"
    r"|[0-3]?\d\.?\s+(?:" + _MONTHS + r")\s+(?:19|20)\d\d|(?:19|20)\d{6}|\d{6}|(?:19|20)\d\d)"
)
# A date after a word that says it is one's birth: "född 1941-03-07", "født 12.05.1978", "f. 12/5 2009".
_BIRTH = re.compile(
    r"\b(?:född|födde|födelsedatum|født|fødd|fødselsdato|fødselsdag|f\.|born|birth\s*date|date\s+of\s+birth|dob)"
    r"(?:\s+(?:den|d\.|the|on|in|år|i))?[\s:]*(" + _DATE + r")(?![\d])",
    re.IGNORECASE,
)
# A full date standing alone; a birth date when it lies long before the survey.
_FULL_DATE = re.compile(
    r"(?<![\d.:/-])(?:((?:19|20)\d\d)-([01]?\d)-([0-3]?\d)|([0-3]?\d)[./]([01]?\d)[./]((?:19|20)\d\d)"
    r"|([0-3]?\d)/([01]?\d)\s+((?:19|20)\d\d))(?![\d.:/-])"
)
BIRTH_YEARS_BEFORE = 10  # a full date this many years before the survey is taken for a birth date

# A street address: a street name ending in a street word, then a house number ("Storgatan 12",
# "Kyrkvägen 3B", "Storgata 12", "Gamle Kongevei 5 b"); "väg 40" and "Riksväg 40" are roads.
_STREET_WORDS = (
    r"gatan|gata|gate|gaten|gt\.|vägen|väg|vegen|veg|veien|vei|v\.|gränd|gränden|grenda|allé|alléen|allén|"
    r"stigen|stig|stien|sti|backe|backen|bakken|bakke|torg|torget|torv|torvet|plan|planen|platsen|plassen|plass|"
    r"leden|lid|liden|lia|kroken|slingan|ringen|stråket|kajen|brinken|höjden|hagen|haugen|terrassen|road|street|lane"
)
_STREET = re.compile(
    r"(?<![\w-])(?:(?:Gamla|Gamle|Nya|Nye|Övre|Øvre|Nedre|Lilla|Lille|Stora|Store|Norra|Nordre|Södra|Søndre|"
    r"Östra|Østre|Västra|Vestre)\s+)?(?!(?i:riks|läns|europa|fylkes|kommunal|gång|gang|cykel|sykkel)(?:väg|vei|veg))"
    r"[^\W\d_][^\W\d_-]+(?:" + _STREET_WORDS + r")\s+(?:nr\.?\s*)?\d{1,4}(?:\s?[A-Za-z](?![\w]))?"
    r"(?:,?\s*\d{3}\s?\d{2}\s+[A-ZÅÄÖ][^\W\d_]+|,?\s*\d{4}\s+[A-ZÆØÅ][^\W\d_]+)?"
)
_STREET_CUES = (
    *("gat", "gt.", "väg", "veg", "vei", "v.", "gränd", "grend", "allé", "stig", "sti", "back", "bakk", "torg"),
    *("torv", "plan", "plats", "plass", "led", "lid", "lia", "krok", "sling", "ring", "stråk", "kaj", "brink"),
    *("höjd", "hag", "haug", "terrass", "road", "street", "lane"),
)
_BIRTH_CUES = ("född", "födde", "födelse", "født", "fødd", "fødsel", "f.", "born", "birth", "dob")
_ACCOUNT_CUES = ("konto", "clearing", "giro", "bg", "pg", "account")
_SE_POSTCODE = re.compile(r"(?<![\w-])\d{3}\s?\d{2}\s+[A-ZÅÄÖ][^\W\d_]+(?:-[^\W\d_]+)?")
_NO_POSTCODE = re.compile(r"(?<![\w.,-])\d{4}\s+[A-ZÆØÅ][^\W\d_]+(?:-[^\W\d_]+)?")


def ascii_digits(text: str) -> str:
    """Digits of other scripts ("٠٧٠١٢٣٤٥٦٧") as ASCII digits, so the patterns find them."""
    table = {ord(c): 48 + unicodedata.decimal(c) for c in set(text) if not c.isascii() and c.isdecimal()}
    return text.translate(table) if table else text


def emails(text: str, mark: Mark) -> str:
    return EMAIL.sub(lambda _: mark("email"), text)


def numbers(text: str, mark: Mark, year: int, country: str) -> str:
    """Every kind of personal number in a text that holds digits, the most specific kind first.

    Each pattern runs only when a plain substring test (quick, in C) says it may match.
    """
    lowered = text.casefold()
    capitals = lowered != text
    if DIGIT_RUN.search(text) is not None:
        text = NUMBER_SPAN.sub(lambda m: identity_numbers(m[0], mark), text)
        if capitals:
            text = _IBAN.sub(lambda m: mark("account") if _is_iban(m[0]) else m[0], text)
        if any(cue in lowered for cue in _ACCOUNT_CUES):
            text = _ACCOUNT.sub(lambda m: m[0][: m.start(1) - m.start()] + mark("account"), text)
    if any(cue in lowered for cue in _BIRTH_CUES):
        text = _BIRTH.sub(lambda m: m[0][: m.start(1) - m.start()] + mark("birthdate"), text)
    if "/" in text or "-" in text or "." in text:
        text = _FULL_DATE.sub(lambda m: _old_date(m, mark, year), text)
    if any(cue in lowered for cue in _STREET_CUES):
        text = _STREET.sub(lambda _: mark("address"), text)
    if capitals:
        text = (_NO_POSTCODE if country == "NO" else _SE_POSTCODE).sub(lambda _: mark("address"), text)
        text = _PLATE.sub(lambda m: m[0] if (m[1] or m[2]) in _NOT_PLATES else mark("plate"), text)
    if DIGIT_RUN.search(text) is not None:
        text = _NO_ACCOUNT.sub(lambda m: mark("account") if _is_no_account(m[0]) else m[0], text)
        text = NUMBER_SPAN.sub(lambda m: phones(m[0], mark), text)
    return text


def identity_numbers(span: str, mark: Mark) -> str:
    span = span.translate(_TO_HYPHEN)
    span = _SE_ID.sub(lambda m: mark("id") if is_swedish_id(m[1] + (m[2] or "-") + m[3]) else m[0], span)
    return _NO_ID.sub(lambda m: mark("id") if is_norwegian_id(m[1] + m[2]) else m[0], span)


def phones(span: str, mark: Mark) -> str:
    """Swedish and Norwegian phone numbers in a run of digits, however they are spaced and dashed."""
    import phonenumbers

    # Dates and clock times are the digit runs residents write most ("2025-05-12",
    # "kl 18.00-20.00"); without them, most texts need no PhoneNumberMatcher (90 µs a run).
    if DIGIT_RUN.search(DATES_AND_TIMES.sub(" ", span)) is None:
        return span
    text = re.sub(r"\s*-\s*", "-", span.translate(_TO_HYPHEN))
    found = 0
    for region in ("SE", "NO"):
        if DIGIT_RUN.search(text) is None:
            break
        if _one_valid_number(text, region):
            return mark("phone")
        spans = [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, region)]
        for start, end in reversed(spans):
            text = text[:start] + mark("phone") + text[end:]
        found += len(spans)
    return text if found else span


def _one_valid_number(span: str, region: str) -> bool:
    """Whether a span is one phone number as people write them, with a leading 0 or +: parsed
    directly, in half the time of PhoneNumberMatcher, which finds several in one span."""
    import phonenumbers

    if not span.startswith(("0", "+", "(0")) or span.count("(") != span.count(")"):
        return False  # a ")" of the text around it: "(ring 070-123 45 67)"
    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(span, region)))
    except phonenumbers.NumberParseException:
        return False


def _old_date(match: re.Match[str], mark: Mark, year: int) -> str:
    groups = match.groups()
    y, m, d = (groups[0], groups[1], groups[2]) if groups[0] else (groups[5], groups[4], groups[3])
    if not y:
        y, m, d = groups[8], groups[7], groups[6]
    try:
        when = dt.date(int(y), int(m), int(d))
    except ValueError:
        return match[0]
    return mark("birthdate") if when.year <= year - BIRTH_YEARS_BEFORE else match[0]


def _is_iban(text: str) -> bool:
    from stdnum import iban

    return bool(iban.is_valid(text))


def _is_no_account(text: str) -> bool:
    from stdnum.no import kontonr

    return bool(kontonr.is_valid(text))


def is_swedish_id(number: str) -> bool:
    """A valid personnummer or samordningsnummer (the day plus 60), check digit included."""
    from stdnum import luhn
    from stdnum.se import personnummer

    if personnummer.is_valid(number):
        return True
    digits = re.sub(r"\D", "", number)
    day = int(digits[-6:-4])
    if not 61 <= day <= 91 or not luhn.is_valid(digits[-10:]):
        return False
    # A samordningsnummer: the birth date with 60 added to the day.
    year = int(digits[:4]) if len(digits) == 12 else 1900 + int(digits[:2])
    try:
        dt.date(year if len(digits) == 12 else 2000, int(digits[-8:-6]), day - 60)
    except ValueError:
        return False
    return True


def is_norwegian_id(number: str) -> bool:
    """A valid fødselsnummer or D-nummer (the day plus 40), both check digits included."""
    from stdnum.no import fodselsnummer

    return bool(fodselsnummer.is_valid(number))
