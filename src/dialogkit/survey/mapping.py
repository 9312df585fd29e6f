"""The mapping of an export's columns to questions: proposed from headings and a sample, or read from survey.yaml."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from dialogkit.errors import DialogError, Finding
from dialogkit.models.survey import Question, SurveyFile
from dialogkit.survey.reading import Export
from dialogkit.survey.sources import SurveyTool, id_column, is_identifying, is_metadata, is_name_column
from dialogkit.survey.text import fold
from dialogkit.yamlload import YamlDocument
from dialogkit.yamlwrite import dump

_SAFETY = re.compile(r"trygg|trygt|sakerhet|sikkerhet|safety|\bsafe|unsafe|\bosaker|\busikker|insecure")
# A safety question asked the other way round: "Finns det platser där du känner dig otrygg?"
_NEGATIVE_SAFETY = re.compile(r"otrygg|utrygg|utrygt|unsafe|\bosaker|\busikker|insecure|problem")
_LOCALITY = re.compile(
    r"\b(?:ort|orten|bostadsort|hemort|tatort|by|byn|bygd|bygden|sted|stedet|bosted|tettsted|bydel|grend|"
    r"locality|village|bor du|where do you live)\b"
)
_SLUG_WORD = re.compile(r"[a-z0-9]+")
MAX_CHOICES = 12
MAX_CHOICE_LENGTH = 40


def unique_headers(headers: Sequence[str]) -> list[str]:
    """Headings made usable as keys: an empty one is named by its position, a repeated one numbered."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for index, heading in enumerate(headers):
        name = heading.strip() or f"(column {index + 1})"
        count = seen.get(name, 0) + 1
        seen[name] = count
        out.append(name if count == 1 else f"{name} ({count})")
    return out


def is_safety(heading: str) -> bool:
    return _SAFETY.search(fold(heading)) is not None


def asks_about_unsafety(heading: str) -> bool:
    """Whether "no" to this safety question means all is well (it asks where one feels unsafe)."""
    return _NEGATIVE_SAFETY.search(fold(heading)) is not None


def propose(
    export: Export, display: str, source: SurveyTool, sample: Sequence[Sequence[str]], localities: Sequence[str]
) -> SurveyFile:
    """A mapping for an export no person has described yet: every column a question or dropped."""
    from dialogkit.survey.matching import LocalityMatcher

    matcher = LocalityMatcher(localities)
    questions: list[Question] = []
    dropped: list[str] = []
    used_ids: set[str] = set()
    locality_score: list[tuple[float, int]] = []
    headers = unique_headers(export.headers)
    for index, heading in enumerate(headers):
        values = [row[index].strip() for row in sample if index < len(row) and row[index].strip()]
        if is_metadata(source, heading) or is_identifying(heading) or (heading.startswith("(column ") and not values):
            dropped.append(heading)
            continue
        kind = infer_kind(values)
        questions.append(Question(column=heading, id=_slug(heading, used_ids), kind=kind, safety=is_safety(heading)))
        if values:
            matched = sum(1 for v in values if matcher.match(v))
            locality_score.append((matched / len(values), len(questions) - 1))
    locality = _locality_question(questions, locality_score)
    if locality is not None:
        q = questions[locality]
        questions[locality] = Question(column=q.column, id=q.id, kind="choice", safety=False, role="locality")
    return SurveyFile(
        source=source.name,
        file=display,
        encoding=export.encoding,
        delimiter=export.delimiter,
        id_column=id_column(source, headers),
        questions=questions,
        drop_columns=dropped,
    )


def _locality_question(questions: list[Question], scores: list[tuple[float, int]]) -> int | None:
    best = max(scores, default=(0.0, -1))
    if best[0] >= 0.5:
        return best[1]
    # No column's answers name the area's localities (a free "where do you live?"): go by the heading.
    return next((i for i, q in enumerate(questions) if _LOCALITY.search(fold(q.column)) and not q.safety), None)


def infer_kind(values: Sequence[str]) -> str:
    """text, choice or scale, from a sample of a column's answers."""
    if not values:
        return "text"
    # ASCII digits alone: "²" and "٣" are digits to str.isdigit() but no answer on a scale.
    if all(v.isascii() and v.isdigit() and int(v) <= 10 for v in values):
        return "scale"
    distinct = set(values)
    if len(distinct) <= MAX_CHOICES and len(distinct) < len(values) and max(map(len, distinct)) <= MAX_CHOICE_LENGTH:
        return "choice"
    return "text"


def _slug(heading: str, used: set[str]) -> str:
    parts: list[str] = []
    for word in _SLUG_WORD.findall(fold(heading)):
        if parts and len("-".join([*parts, word])) > 32:
            break
        parts.append(word)
        if len(parts) == 5:
            break
    base = "-".join(parts)[:40].strip("-") or f"q{len(used) + 1}"
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug


# --- an existing survey.yaml applied to an export -----------------------------------------


@dataclass
class Applied:
    """Where each mapped question sits in the export, and what in the export the mapping does not name."""

    questions: list[tuple[int, Question]]
    locality: int | None
    id_index: int | None
    unnamed: list[str] = field(default_factory=list)
    name_indexes: list[int] = field(default_factory=list)  # columns of respondents' names, never imported


def apply(survey: SurveyFile, headers: Sequence[str], doc: YamlDocument | None, display: str) -> Applied:
    """Resolve a mapping's columns in the export's headings; a question missing from the export is an error."""
    index = {h: i for i, h in enumerate(headers)}
    folded = {fold(h): i for i, h in enumerate(headers)}
    placed: list[tuple[int, Question]] = []
    problems: list[Finding] = []
    for n, question in enumerate(survey.questions):
        at = index.get(question.column, folded.get(fold(question.column)))
        if at is None:
            message = (
                f"question '{question.id}': the export has no column '{question.column}'; "
                "correct `column:` or remove the question, or, if the survey itself has changed, "
                "import with --remap to replace this mapping and the answers imported with it"
            )
            problems.append(
                doc.finding(("questions", n, "column"), message) if doc else Finding(display, 1, 1, "error", message)
            )
        else:
            placed.append((at, question))
    if problems:
        raise DialogError(problems)
    named = {i for i, _ in placed} | {folded[fold(c)] for c in survey.drop_columns if fold(c) in folded}
    id_index = folded.get(fold(survey.id_column)) if survey.id_column else None
    locality = next((i for i, q in placed if q.role == "locality"), None)
    unnamed = [h for i, h in enumerate(headers) if i not in named and i != id_index]
    asked = {i for i, _ in placed}
    names = [i for i, h in enumerate(headers) if i not in asked and is_name_column(h)]
    return Applied(placed, locality, id_index, unnamed, names)


# --- survey.yaml as text ------------------------------------------------------------------


def survey_yaml(survey: SurveyFile) -> str:
    """survey.yaml as a person reads it: what is unset left out, ``safety`` written where it is true."""
    data = survey.model_dump(mode="json", exclude_none=True)
    for question in data["questions"]:
        if not question["safety"]:
            del question["safety"]
    if not data["review"]:
        del data["review"]
    return dump(
        data,
        header=(
            "# How this survey export maps to questions. Written by `dialog survey import`; correct it\n"
            "# (ids, kinds, the locality question, safety: true, drop_columns) and import again.\n"
        ),
    )
