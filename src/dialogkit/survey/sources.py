"""Which tool an export came from, told by its headings, and which of its columns are not answers.

Each tool writes a few fixed columns of its own beside the questions (a response id,
times, the respondent's e-mail when the survey is not anonymous), with headings in the
language of the account that exported them. Those fixed columns identify the tool; they
are dropped, except that a response id is kept to give each answer a stable id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dialogkit.survey.text import fold

SOURCES = ("auto", "forms", "google", "netigate", "esmaker", "questback", "nettskjema", "limesurvey", "csv", "xlsx")


@dataclass(frozen=True)
class SurveyTool:
    """A survey tool's export layout: the headings that tell it apart, its own columns, its id column."""

    name: str
    label: str
    signatures: tuple[frozenset[str], ...]  # any one set of folded headings, all present, identifies the tool
    metadata: frozenset[str]  # folded headings of the tool's own columns, dropped
    id_columns: tuple[str, ...] = ()  # folded headings that identify a response, in order of preference
    metadata_pattern: re.Pattern[str] | None = None


def _set(*names: str) -> frozenset[str]:
    return frozenset(fold(n) for n in names)


# Microsoft Forms' Excel download, in English, Swedish and Norwegian account languages.
_FORMS = SurveyTool(
    "forms",
    "Microsoft Forms",
    (
        _set("ID", "Start time", "Completion time"),
        _set("ID", "Starttid", "Sluttid"),
        _set("ID", "Starttid", "Tid för slutförande"),
        _set("ID", "Starttidspunkt", "Fullføringstidspunkt"),
        _set("ID", "Starttid", "Fullføringstid"),
    ),
    _set(
        "ID",
        "Start time",
        "Completion time",
        "Last modified time",
        "Starttid",
        "Sluttid",
        "Tid för slutförande",
        "Senast ändrad",
        "Tid för senaste ändring",
        "Starttidspunkt",
        "Fullføringstidspunkt",
        "Fullføringstid",
        "Sist endret",
        "Tidspunkt for siste endring",
        "Total points",
        "Quiz feedback",
        "Totalpoäng",
        "Poengsum",
    ),
    (fold("ID"),),
)
# Google Forms' CSV download: the first column is the submission time, named in the form's language.
_GOOGLE = SurveyTool(
    "google",
    "Google Forms",
    (_set("Timestamp"), _set("Tidstämpel"), _set("Tidsstämpel"), _set("Tidsmerke"), _set("Tidsstempel")),
    _set("Timestamp", "Tidstämpel", "Tidsstämpel", "Tidsmerke", "Tidsstempel", "Score", "Poäng", "Poengsum"),
    # Google writes no response id; the submission time, to the second, is as close as it gets
    # (two answers in the same second are told apart by their order, "-2").
    tuple(fold(n) for n in ("Timestamp", "Tidstämpel", "Tidsstämpel", "Tidsmerke", "Tidsstempel")),
)
# Netigate's raw-data export (Excel or CSV with semicolons): respondent id, status and times first.
_NETIGATE = SurveyTool(
    "netigate",
    "Netigate",
    (
        _set("RespondentID", "Startdatum", "Slutdatum"),
        _set("Respondent ID", "Start date", "End date"),
        _set("RespondentID", "Startdato", "Sluttdato"),
        _set("Respondent-ID", "Startdatum", "Slutdatum"),
    ),
    _set(
        "RespondentID",
        "Respondent ID",
        "Respondent-ID",
        "Startdatum",
        "Slutdatum",
        "Start date",
        "End date",
        "Startdato",
        "Sluttdato",
        "Status",
        "Språk",
        "Language",
        "Språk/Language",
        "Utskick",
        "Send-out",
        "Sendout",
        "Utsendelse",
        "Inloggning",
        "Login",
        "Enhet",
        "Device",
    ),
    (fold("RespondentID"), fold("Respondent ID"), fold("Respondent-ID")),
)
# Esmaker (Entergate): a Swedish tool whose text export names the respondent and the answer time.
_ESMAKER = SurveyTool(
    "esmaker",
    "Esmaker",
    (_set("Respondentnummer", "Svarsdatum"), _set("Respondent", "Svarsdatum"), _set("Respondentnr", "Svarsdatum")),
    _set(
        "Respondentnummer",
        "Respondentnr",
        "Respondent",
        "Svarsdatum",
        "Svarstid",
        "Utskicksdatum",
        "Påbörjad",
        "Avslutad",
        "Status",
        "Svarskanal",
    ),
    (fold("Respondentnummer"), fold("Respondentnr"), fold("Respondent")),
)
# Questback (Essentials): response id plus start and finish times, often in Norwegian.
_QUESTBACK = SurveyTool(
    "questback",
    "Questback",
    (
        _set("Response ID", "Response date"),
        _set("Respons-ID", "Responsdato"),
        _set("Svar-ID", "Svardato"),
        _set("Svars-ID", "Svarsdatum"),
    ),
    _set(
        "Response ID",
        "Response date",
        "Respons-ID",
        "Responsdato",
        "Svar-ID",
        "Svardato",
        "Svars-ID",
        "Svarsdatum",
        "Starttidspunkt",
        "Sluttidspunkt",
        "Start time",
        "End time",
        "Completed",
        "Fullført",
        "Tid brukt",
        "Time spent",
        "Quest",
        "Kilde",
        "Source",
    ),
    (fold("Response ID"), fold("Respons-ID"), fold("Svar-ID"), fold("Svars-ID")),
)
# Nettskjema (University of Oslo): system columns start with "$"; the CSV uses semicolons.
_NETTSKJEMA = SurveyTool(
    "nettskjema",
    "Nettskjema",
    (_set("$submission_id"), _set("$created")),
    _set("$submission_id", "$created", "$answer_time_ms", "$respondent_id", "$modified", "$language"),
    (fold("$submission_id"),),
    re.compile(r"\$"),
)
# LimeSurvey, with question codes or full texts as headings; timing and tokens columns are its own too.
_LIMESURVEY = SurveyTool(
    "limesurvey",
    "LimeSurvey",
    (
        _set("id", "submitdate", "lastpage", "startlanguage"),
        _set("Response ID", "Date submitted", "Last page", "Start language"),
        _set("Svars-ID", "Datum inskickat", "Sista sidan", "Startspråk"),
        _set("Svar-ID", "Dato sendt", "Siste side", "Startspråk"),
    ),
    _set(
        "id",
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "startdate",
        "datestamp",
        "ipaddr",
        "refurl",
        "token",
        "interviewtime",
        "Response ID",
        "Date submitted",
        "Last page",
        "Start language",
        "Seed",
        "Date started",
        "Date last action",
        "IP address",
        "Referrer URL",
        "Total time",
        "Svars-ID",
        "Datum inskickat",
        "Sista sidan",
        "Startspråk",
        "Frö",
        "Svar-ID",
        "Dato sendt",
        "Siste side",
    ),
    (fold("id"), fold("Response ID"), fold("Svars-ID"), fold("Svar-ID")),
    re.compile(r"^(?:grouptime|\w+time)$|^group time|^question time", re.IGNORECASE),
)
_PLAIN_CSV = SurveyTool("csv", "CSV", (), frozenset())
_PLAIN_XLSX = SurveyTool("xlsx", "Excel", (), frozenset())

# Most specific first: LimeSurvey's English headings share "Response ID" with Questback.
KNOWN: tuple[SurveyTool, ...] = (_NETTSKJEMA, _LIMESURVEY, _FORMS, _NETIGATE, _ESMAKER, _QUESTBACK, _GOOGLE)
BY_NAME = {s.name: s for s in (*KNOWN, _PLAIN_CSV, _PLAIN_XLSX)}


def detect_source(headers: Sequence[str], kind: str) -> SurveyTool:
    """The tool an export came from, from its headings; a plain CSV or XLSX when none fits."""
    folded = {fold(h) for h in headers}
    first = fold(headers[0]) if headers else ""
    for source in KNOWN:
        if source is _GOOGLE:
            # Google's timestamp is always the first column; elsewhere the word is just a question.
            if any(first in signature for signature in source.signatures):
                return source
        elif any(signature <= folded for signature in source.signatures):
            return source
    return _PLAIN_XLSX if kind == "xlsx" else _PLAIN_CSV


def source_named(name: str, kind: str) -> SurveyTool:
    """The source for a ``--source`` value or a survey.yaml ``source:``; unknown names read as plain files."""
    return BY_NAME.get(name) or (_PLAIN_XLSX if kind == "xlsx" else _PLAIN_CSV)


def is_metadata(source: SurveyTool, heading: str) -> bool:
    """Whether a column is the tool's own (times, ids, status), not a question."""
    folded = fold(heading)
    if folded in source.metadata:
        return True
    return source.metadata_pattern is not None and source.metadata_pattern.search(heading) is not None


def id_column(source: SurveyTool, headers: Sequence[str]) -> str | None:
    """The heading of the column that identifies a response, when the tool writes one."""
    by_fold = {fold(h): h for h in headers}
    return next((by_fold[c] for c in source.id_columns if c in by_fold), None)


# Headings of columns that identify a person, in Swedish, Norwegian (bokmål and nynorsk) and
# English, matched on folded text (no case, no diacritics, hyphens as spaces) so "E-postadress"
# and "Fødselsnummer" are found. Whole words, or the end of a compound ("Hemadress",
# "Användarnamn"): "Namnge en plats" is a question, "Ditt namn" is not.
_NAME_WORDS = (
    r"\w*namn|\w*navn|name|full name|first name|last name|surname|user ?name|"
    r"vad heter du|hva heter du|kva heiter du|what is your name|who are you|vem ar du|hvem er du|kven er du"
)
_IDENTIFYING = re.compile(
    r"\b(?:" + _NAME_WORDS + r"|e ?post\w*|e ?mail\w*|email\w*|mejl\w*|mail|\w*mailadress|"
    r"\w*telefon\w*|tel|tlf|mobil|mobilnummer|mobilnr|mobiltelefon|phone\w*|mobile|"
    r"\w*adress\w*|\w*adresse\w*|address\w*|postnummer|postnr|zip|postcode|post code|postort|poststed|"
    r"personnummer|personnr|samordningsnummer|fodselsnummer|fodselsnr|d nummer|personal identity number|"
    r"identity number|id nummer|ssn|ip|ip adress|ipaddr|"
    r"fodelsedatum|fodelsedag|fodelsear|fodelsear|fodd|fodselsdato|fodselsdag|fodselsar|date of birth|birth ?date|"
    r"birthday|dob|"
    r"registreringsnummer|regnr|reg nr|bilnummer|kontonummer|kontonr|bankkonto|iban|account number|"
    r"signatur|signature|underskrift|"
    r"kontakt\w*|contact\w*"
    r")\b"
)
_NAMES = re.compile(r"\b(?:" + _NAME_WORDS + r")\b")
# "Namnge en plats", "Name a place": a question that asks for a name, not one's own.
_ASKS_TO_NAME = re.compile(r"\b(?:namnge|nevn|nemn|name (?:a|one|the|any))\b")


def _folded_heading(heading: str) -> str:
    return fold(heading).replace("-", " ").replace("_", " ")


def is_identifying(heading: str) -> bool:
    """Whether a heading names a column of personal data: name, e-mail, phone, address, birth date, number."""
    folded = _folded_heading(heading)
    return _IDENTIFYING.search(folded) is not None and _ASKS_TO_NAME.search(folded) is None


def is_name_column(heading: str) -> bool:
    """Whether a column holds respondents' names, which are then redacted wherever the answers mention them."""
    folded = _folded_heading(heading)
    return _NAMES.search(folded) is not None and _ASKS_TO_NAME.search(folded) is None
