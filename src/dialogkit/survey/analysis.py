"""`dialog survey report`: the imported answers counted, routed and read for safety concerns.

The result is a plain view model (dataclasses of strings, numbers and lists) that a
template renders and :func:`report_json` summarises; it never holds a file or a model.
Every answer is counted, but a section keeps at most MAX_SHOWN of them, spread evenly
over the file: a report of 100,000 responses is read in one pass, in memory of the same
size as one of 1,000, and stays a document a person can read.
"""

from __future__ import annotations

import csv
import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dialogkit import inputs
from dialogkit.errors import DialogError, Finding, UsageError
from dialogkit.layout import RESPONSES_FILE
from dialogkit.models.config import DialogConfig
from dialogkit.models.survey import Question
from dialogkit.survey.importer import meeting_folder
from dialogkit.survey.mapping import asks_about_unsafety
from dialogkit.survey.matching import Router, is_concern, says_nothing
from dialogkit.survey.names import meeting_vocabulary
from dialogkit.survey.reading import MAX_FIELD
from dialogkit.survey.redact import count_markers
from dialogkit.survey.responses import DELIMITER, from_spreadsheet_safe
from dialogkit.survey.smallgroups import published_count
from dialogkit.survey.unsure import UnsureScan, kept_hashes
from dialogkit.workspace import Workspace

UNKNOWN_LOCALITY = "unknown"
MAX_SHOWN = 500  # answers a section shows; the rest are counted, and all are in responses.csv
MAX_SHOWN_CHARS = 100_000  # characters a section shows: thirty pages, however long the answers
MAX_ANSWER_CHARS = 2_000  # a longer answer is shown up to here, ending in "[…]"
MAX_OPTIONS = 200  # options of a choice question counted by name; the rest as "other answers"


@dataclass(frozen=True)
class Answer:
    """One free-text answer: whose (by response id), from where, to which question."""

    response_id: str
    locality: str
    question: str
    text: str


@dataclass
class DepartmentAnswers:
    """The answers routed to one department: how many, and those the report shows."""

    id: str
    name: str
    answers: list[Answer] = field(default_factory=list)
    count: int = 0


@dataclass
class Distribution:
    """How the answers to one choice or scale question spread over its options, most chosen first."""

    question: str
    heading: str
    kind: str
    counts: list[tuple[str, int]]
    other: int = 0  # answers beyond MAX_OPTIONS different ones: free text, not a choice

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts) + self.other


@dataclass
class SafetySection:
    """The answers to safety questions that voice a concern, and the localities they came from."""

    responses: int
    localities: list[str]
    answers: list[Answer]  # those the report shows
    count: int = 0  # answers that voice a concern


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
    unrouted: list[Answer]  # those the report shows
    unrouted_count: int
    distributions: list[Distribution]
    safety: SafetySection
    redacted: dict[str, int]  # markers in the answers, by kind
    officials: list[ProposedOfficial]
    unreviewed: int = 0  # words the import was unsure of that no decision in survey.yaml covers
    min_group_size: int = 5

    @property
    def redactions(self) -> int:
        return sum(self.redacted.values())

    @property
    def safety_walk(self) -> list[str]:
        """The proposal for the safety walk: the localities with safety concerns."""
        return self.safety.localities


def analyse(workspace: Workspace, year: int, area: str) -> SurveyAnalysis:
    """Analyse the imported answers of one meeting's survey."""
    folder = meeting_folder(workspace, area, year)
    path = inputs.resolve(workspace.root, workspace.relative(folder / RESPONSES_FILE))  # the report's input
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
    display = workspace.relative(folder / RESPONSES_FILE)
    reader: Any = None
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            csv.field_size_limit(MAX_FIELD)
            reader = csv.reader(handle, delimiter=DELIMITER)
            header = next(reader, None)
            if header is None or header[:2] != ["response_id", "locality"]:
                raise DialogError(
                    Finding(display, 1, 1, "error", "not a responses file from `dialog survey import`: import again")
                )
            columns = [questions.get(qid) or Question.model_construct(column=qid, id=qid) for qid in header[2:]]
            vocabulary = meeting_vocabulary(workspace, year, area)
            scan = UnsureScan(workspace.locale, vocabulary, f"{year}/{area}", kept_hashes(survey))
            tally = _Tally(router, localities, columns, scan)
            for row in reader:
                tally.add(row)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        line = reader.line_num if reader is not None else 1
        raise DialogError(Finding(display, line, 1, "error", f"cannot read the answers: {exc}; import again")) from None
    listed = {o.department for o in meeting.meeting.officials} if meeting and meeting.meeting else set()
    departments = [
        DepartmentAnswers(d.id, d.name, tally.routed[d.id].shown(), tally.routed[d.id].total)
        for d in workspace.config.departments
    ]
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
        unrouted=tally.unrouted.shown(),
        unrouted_count=tally.unrouted.total,
        distributions=tally.distributions(),
        safety=SafetySection(tally.concerned, tally.concern_localities(), tally.concerns.shown(), tally.concerns.total),
        redacted=dict(tally.redacted),
        officials=[ProposedOfficial(d.id, d.name, d.count, d.id in listed) for d in ranked],
        unreviewed=len(scan.found),
        min_group_size=workspace.config.survey.min_group_size,
    )


class Selection:
    """Answers counted as they stream past, of which at most MAX_SHOWN are kept, spread evenly.

    It keeps every answer whose number is a multiple of ``stride``; when that makes twice
    MAX_SHOWN, every second one is let go and the stride doubled. So memory stays bounded
    however many answers come, and those kept are every n-th answer of the file, in order.
    """

    def __init__(self) -> None:
        self.total = 0
        self.stride = 1
        self.kept: list[Answer] = []

    def add(self, response_id: str, locality: str, question: str, text: str) -> None:
        if self.total % self.stride == 0:  # the Answer is made only then: most are counted, not kept
            self.kept.append(Answer(response_id, locality, question, text))
            if len(self.kept) == 2 * MAX_SHOWN:
                del self.kept[1::2]
                self.stride *= 2
        self.total += 1

    def shown(self) -> list[Answer]:
        """The answers a section shows: evenly spread, within MAX_SHOWN and MAX_SHOWN_CHARS."""
        kept = [_cut(a) for a in self.kept]
        count = min(len(kept), MAX_SHOWN)
        while True:
            chosen = [kept[i * len(kept) // count] for i in range(count)] if count < len(kept) else kept
            chars = sum(len(a.text) for a in chosen)
            if chars <= MAX_SHOWN_CHARS or count == 1:
                return chosen
            count = max(1, count * MAX_SHOWN_CHARS // chars)  # fewer, as many as the answers' length allows


def _cut(answer: Answer) -> Answer:
    if len(answer.text) <= MAX_ANSWER_CHARS:
        return answer
    return replace(answer, text=answer.text[:MAX_ANSWER_CHARS].rstrip() + " […]")


class _Tally:
    """Counts as the rows stream past; keeps only the answers the report shows."""

    def __init__(self, router: Router, localities: Sequence[str], columns: list[Question], scan: UnsureScan) -> None:
        self.router = router
        self.scan = scan
        self.order = list(localities)
        self.columns = columns
        # What each column needs, worked out once: (cell index, question, names the locality,
        # is free text, the concern test of a safety question).
        self.plan = [
            (index, q, q.role == "locality", q.kind == "text", _concern_test(q) if q.safety else None)
            for index, q in enumerate(columns, start=2)
        ]
        self.responses = 0
        self.by_locality: Counter[str] = Counter()
        self.routed = {department: Selection() for department in router.order}
        self.unrouted = Selection()
        self.choices: dict[str, Counter[str]] = {q.id: Counter() for q in columns if q.kind != "text"}
        self.other: Counter[str] = Counter()
        self.concerns = Selection()
        self.concerned = 0  # responses with at least one concern
        self.concern_places: set[str] = set()
        self.redacted: Counter[str] = Counter()

    def add(self, row: list[str]) -> None:
        if len(row) < 2:
            return
        self.responses += 1
        response_id, locality = row[0], from_spreadsheet_safe(row[1])
        self.by_locality[locality or UNKNOWN_LOCALITY] += 1
        concerned = False
        present = self.plan[: len(row) - 2]  # a short row has fewer cells than questions
        for index, question, is_locality, is_text, concern in present:
            cell = row[index]
            if not cell:
                continue
            value = cell[1:] if cell[0] == "'" else cell  # from_spreadsheet_safe(), inline: it runs per cell
            if "[" in value:
                count_markers(value, self.redacted)
            if is_locality:
                continue  # counted by the locality it names, in row[1]
            if not is_text:
                self._choose(question.id, value)
            if concern is not None and concern(value):
                self.concerns.add(response_id, locality, question.id, value)
                concerned = True
            if is_text and not says_nothing(value):
                self._route(response_id, locality, question.id, value)
                self.scan.add(response_id, question.id, value)
        if concerned:
            self._concerned(locality)

    def _concerned(self, locality: str) -> None:
        """Count a response that voices a concern, and the place it comes from."""
        self.concerned += 1
        if locality:
            self.concern_places.add(locality)

    def _choose(self, question: str, value: str) -> None:
        """Count a choice; past MAX_OPTIONS distinct ones, a new one counts as other."""
        counts = self.choices[question]
        if value in counts or len(counts) < MAX_OPTIONS:
            counts[value] += 1
        else:
            self.other[question] += 1

    def _route(self, response_id: str, locality: str, question: str, value: str) -> None:
        """File a free-text answer under each department it concerns, or under none."""
        departments = self.router.route(value)
        for department in departments:
            self.routed[department].add(response_id, locality, question, value)
        if not departments:
            self.unrouted.add(response_id, locality, question, value)

    def localities(self) -> dict[str, int]:
        """Counts per locality in the order of areas.yaml, then any others, then the unknown."""
        named = [n for n in self.order if self.by_locality[n]]
        rest = sorted(k for k in self.by_locality if k not in self.order and k != UNKNOWN_LOCALITY)
        keys = [*named, *rest] + ([UNKNOWN_LOCALITY] if self.by_locality[UNKNOWN_LOCALITY] else [])
        return {k: self.by_locality[k] for k in keys}

    def concern_localities(self) -> list[str]:
        return [n for n in self.order if n in self.concern_places] + sorted(self.concern_places - set(self.order))

    def distributions(self) -> list[Distribution]:
        out = []
        for q in self.columns:
            counts = self.choices.get(q.id)
            if counts:
                if q.kind == "scale":  # 1 to 5 in order, as the question asked it
                    ordered = sorted(counts.items(), key=lambda kv: _scale_key(kv[0]))
                else:  # the most chosen first
                    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                out.append(Distribution(q.id, q.column, q.kind, ordered, self.other[q.id]))
        return out


def _concern_test(question: Question) -> Callable[[str], bool]:
    """Whether an answer to this safety question voices a concern; the question's direction read once."""
    return functools.partial(is_concern, asks_about_unsafety=asks_about_unsafety(question.column), kind=question.kind)


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
    return inputs.resolve(workspace.root, workspace.relative(folder / RESPONSES_FILE)) is not None


def report_json(analyses: SurveyAnalysis | Sequence[SurveyAnalysis], config: DialogConfig) -> dict[str, Any]:
    """The report's figures as the CLI contract prints them; several meetings are added together.

    A group of fewer answers than ``survey.min_group_size`` is published as null (its
    count withheld: :func:`dialogkit.survey.smallgroups.published_count`).
    """
    items = [analyses] if isinstance(analyses, SurveyAnalysis) else list(analyses)
    by_locality: Counter[str] = Counter()
    departments: dict[str, int] = {}
    localities: list[str] = []
    redacted: Counter[str] = Counter()
    for a in items:
        by_locality.update(a.by_locality)
        redacted.update(a.redacted)
        for d in a.departments:
            departments[d.id] = departments.get(d.id, 0) + d.count
        localities.extend(loc for loc in a.safety.localities if loc not in localities)
    return {
        "responses": published_count(sum(a.responses for a in items), config),
        "by_locality": {k: published_count(n, config) for k, n in by_locality.items()},
        "departments": {k: published_count(n, config) for k, n in departments.items()},
        "unrouted": published_count(sum(a.unrouted_count for a in items), config),
        "safety": {
            "responses": published_count(sum(a.safety.responses for a in items), config),
            "localities": localities,
        },
        "redactions": sum(redacted.values()),
        "redacted": dict(sorted(redacted.items())),
        "unreviewed": sum(a.unreviewed for a in items),
        "min_group_size": config.survey.min_group_size,
    }


def _scale_key(value: str) -> tuple[int, float, str]:
    """Numbers in numeric order, then any words ("Vet ej") after them."""
    try:
        return (0, float(value.replace(",", ".")), value)
    except ValueError:
        return (1, 0.0, value)
