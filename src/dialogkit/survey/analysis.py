"""`dialog survey report`: the imported answers counted, routed and read for safety concerns.

The result is a plain view model (dataclasses of strings, numbers and lists) that a
template renders and :func:`report_json` summarises; it never holds a file or a model.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dialogkit import inputs
from dialogkit.errors import DialogError, Finding, UsageError
from dialogkit.models.survey import Question
from dialogkit.survey.importer import RESPONSES, meeting_folder
from dialogkit.survey.mapping import asks_about_unsafety
from dialogkit.survey.matching import Router, is_concern, says_nothing
from dialogkit.survey.reading import MAX_FIELD
from dialogkit.survey.redact import ALL_PLACEHOLDERS
from dialogkit.survey.responses import DELIMITER, from_spreadsheet_safe
from dialogkit.workspace import Workspace

UNKNOWN_LOCALITY = "unknown"


@dataclass(frozen=True)
class Answer:
    """One free-text answer: whose (by response id), from where, to which question."""

    response_id: str
    locality: str
    question: str
    text: str


@dataclass
class DepartmentAnswers:
    """The answers routed to one department."""

    id: str
    name: str
    answers: list[Answer] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.answers)


@dataclass
class Distribution:
    """How the answers to one choice or scale question spread over its options, most chosen first."""

    question: str
    heading: str
    kind: str
    counts: list[tuple[str, int]]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


@dataclass
class SafetySection:
    """The answers to safety questions that voice a concern, and the localities they came from."""

    responses: int
    localities: list[str]
    answers: list[Answer]


@dataclass(frozen=True)
class ProposedOfficial:
    """A department that received answers, proposed for the meeting's officials."""

    department: str
    name: str
    answers: int
    listed: bool  # already among the officials in meeting.yaml


@dataclass
class SurveyAnalysis:
    """Everything the survey report shows for one meeting."""

    year: int
    area: str
    area_name: str
    source: str
    questions: list[tuple[str, str, str]]  # id, heading, kind
    responses: int
    by_locality: dict[str, int]
    departments: list[DepartmentAnswers]
    unrouted: list[Answer]
    distributions: list[Distribution]
    safety: SafetySection
    redactions: int
    officials: list[ProposedOfficial]

    @property
    def safety_walk(self) -> list[str]:
        """The proposal for the safety walk: the localities with safety concerns."""
        return self.safety.localities


def analyse(workspace: Workspace, year: int, area: str) -> SurveyAnalysis:
    """Analyse the imported answers of one meeting's survey."""
    folder = meeting_folder(workspace, area, year)
    path = inputs.resolve(workspace.root, workspace.relative(folder / RESPONSES))  # the report's input
    if path is None:
        raise UsageError(
            f"no survey answers for '{area}' in {year}: run `dialog survey import FILE --area {area} --year {year}`"
        )
    meeting = workspace.cycles[year].meetings.get(area)
    survey = meeting.survey if meeting is not None else None
    questions = {q.id: q for q in survey.questions} if survey is not None else {}
    known_area = workspace.area(area)
    localities = list(known_area.localities) if known_area is not None else []
    router = Router(workspace.config.departments, workspace.locale)
    display = workspace.relative(folder / RESPONSES)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            tally = _Tally(router, localities)
            csv.field_size_limit(MAX_FIELD)
            reader = csv.reader(handle, delimiter=DELIMITER)
            header = next(reader, None)
            if header is None or header[:2] != ["response_id", "locality"]:
                raise DialogError(
                    Finding(display, 1, 1, "error", "not a responses file from `dialog survey import`: import again")
                )
            columns = [questions.get(qid) or Question.model_construct(column=qid, id=qid) for qid in header[2:]]
            for row in reader:
                tally.add(row, columns)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DialogError(Finding(display, 1, 1, "error", f"cannot read the answers: {exc}; import again")) from None
    listed = {o.department for o in meeting.meeting.officials} if meeting and meeting.meeting else set()
    departments = [DepartmentAnswers(d.id, d.name, tally.routed.get(d.id, [])) for d in workspace.config.departments]
    ranked = sorted((d for d in departments if d.count), key=lambda d: -d.count)
    return SurveyAnalysis(
        year=year,
        area=area,
        area_name=known_area.name if known_area is not None else area,
        source=survey.source if survey is not None else "",
        questions=[(q.id, q.column, q.kind) for q in columns],
        responses=tally.responses,
        by_locality=tally.localities(),
        departments=departments,
        unrouted=tally.unrouted,
        distributions=tally.distributions(columns),
        safety=SafetySection(len(tally.concerned), tally.concern_localities(), tally.concerns),
        redactions=tally.redactions,
        officials=[ProposedOfficial(d.id, d.name, d.count, d.id in listed) for d in ranked],
    )


class _Tally:
    """Counts as the rows stream past; keeps only the answers the report shows."""

    def __init__(self, router: Router, localities: Sequence[str]) -> None:
        self.router = router
        self.order = list(localities)
        self.responses = 0
        self.by_locality: Counter[str] = Counter()
        self.routed: dict[str, list[Answer]] = {}
        self.unrouted: list[Answer] = []
        self.choices: dict[str, Counter[str]] = {}
        self.concerns: list[Answer] = []
        self.concerned: dict[str, str] = {}
        self.redactions = 0
        self._direction: dict[str, bool] = {}

    def add(self, row: list[str], columns: list[Question]) -> None:
        if len(row) < 2:
            return
        self.responses += 1
        response_id, locality = row[0], from_spreadsheet_safe(row[1])
        self.by_locality[locality or UNKNOWN_LOCALITY] += 1
        for question, cell in zip(columns, row[2:], strict=False):
            if not cell:
                continue
            value = from_spreadsheet_safe(cell)
            if "[" in value:
                self.redactions += sum(value.count(p) for p in ALL_PLACEHOLDERS)
            if question.role == "locality":
                continue
            if question.kind != "text":
                self.choices.setdefault(question.id, Counter())[value] += 1
            if question.safety and self._concern(question, value):
                self.concerns.append(Answer(response_id, locality, question.id, value))
                self.concerned[response_id] = locality
            if question.kind == "text" and not says_nothing(value):
                answer = Answer(response_id, locality, question.id, value)
                departments = self.router.route(value)
                for department in departments:
                    self.routed.setdefault(department, []).append(answer)
                if not departments:
                    self.unrouted.append(answer)

    def _concern(self, question: Question, value: str) -> bool:
        negative = self._direction.get(question.id)
        if negative is None:
            negative = self._direction[question.id] = asks_about_unsafety(question.column)
        return is_concern(value, asks_about_unsafety=negative, kind=question.kind)

    def localities(self) -> dict[str, int]:
        """Counts per locality in the order of areas.yaml, then any others, then the unknown."""
        named = [n for n in self.order if self.by_locality[n]]
        rest = sorted(k for k in self.by_locality if k not in self.order and k != UNKNOWN_LOCALITY)
        keys = [*named, *rest] + ([UNKNOWN_LOCALITY] if self.by_locality[UNKNOWN_LOCALITY] else [])
        return {k: self.by_locality[k] for k in keys}

    def concern_localities(self) -> list[str]:
        found = {loc for loc in self.concerned.values() if loc}
        return [n for n in self.order if n in found] + sorted(found - set(self.order))

    def distributions(self, columns: Iterable[Question]) -> list[Distribution]:
        out = []
        for q in columns:
            counts = self.choices.get(q.id)
            if counts:
                if q.kind == "scale":  # 1 to 5 in order, as the question asked it
                    ordered = sorted(counts.items(), key=lambda kv: _scale_key(kv[0]))
                else:  # the most chosen first
                    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                out.append(Distribution(q.id, q.column, q.kind, ordered))
        return out


def analyse_year(workspace: Workspace, year: int, area: str | None = None) -> list[SurveyAnalysis]:
    """The analyses of one meeting, or of every meeting of the year that has imported answers."""
    if area is not None:
        return [analyse(workspace, year, area)]
    cycle = workspace.cycles.get(year)
    areas = [a for a, m in cycle.meetings.items() if _answered(workspace, m.folder)] if cycle else []
    if not areas:
        raise UsageError(f"no survey answers imported for {year}: run `dialog survey import FILE --area AREA`")
    return [analyse(workspace, year, a) for a in areas]


def _answered(workspace: Workspace, folder: Path) -> bool:
    return inputs.resolve(workspace.root, workspace.relative(folder / RESPONSES)) is not None


def report_json(analyses: SurveyAnalysis | Sequence[SurveyAnalysis]) -> dict[str, Any]:
    """The report's figures as the CLI contract prints them; several meetings are added together."""
    items = [analyses] if isinstance(analyses, SurveyAnalysis) else list(analyses)
    by_locality: Counter[str] = Counter()
    departments: dict[str, int] = {}
    localities: list[str] = []
    for a in items:
        by_locality.update(a.by_locality)
        for d in a.departments:
            departments[d.id] = departments.get(d.id, 0) + d.count
        localities.extend(loc for loc in a.safety.localities if loc not in localities)
    return {
        "responses": sum(a.responses for a in items),
        "by_locality": dict(by_locality),
        "departments": departments,
        "unrouted": sum(len(a.unrouted) for a in items),
        "safety": {"responses": sum(a.safety.responses for a in items), "localities": localities},
        "redactions": sum(a.redactions for a in items),
    }


def _scale_key(value: str) -> tuple[int, float, str]:
    """Numbers in numeric order, then any words ("Vet ej") after them."""
    try:
        return (0, float(value.replace(",", ".")), value)
    except ValueError:
        return (1, 0.0, value)
