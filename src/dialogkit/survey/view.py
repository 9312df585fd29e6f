"""The survey report's view model: the analysis as plain values for templates/survey-report.md.j2."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict

from dialogkit.render.viewbase import DocumentView, document_base
from dialogkit.render.words import Labels, fill
from dialogkit.survey.analysis import Answer, SurveyAnalysis
from dialogkit.survey.smallgroups import published_count
from dialogkit.workspace import Workspace

LOCALITY_CHART = "survey-localities.png"
DEPARTMENT_CHART = "survey-departments.png"
Counts = list[tuple[str, int]]  # named counts, most first: a chart's bars
Shown = list[tuple[str, str]]  # named counts as a table shows them: a number, or "fewer than 5"


class AnswerView(TypedDict):
    """One free-text answer, already redacted: from where, to which question."""

    response_id: str
    locality: str
    question: str
    text: str


class DepartmentAnswersView(TypedDict):
    """The answers routed to one department: how many, and those the report shows."""

    id: str
    name: str
    answers: list[AnswerView]
    count: int


class DistributionView(TypedDict):
    """How the answers to one choice or scale question spread over its options."""

    question: str
    heading: str
    kind: str
    counts: Shown
    other: str


class SafetyView(TypedDict):
    """The answers that voice a safety concern, and the localities they came from."""

    responses: int
    responses_shown: str
    localities: list[str]
    answers: list[AnswerView]
    count: int


class ProposedOfficialView(TypedDict):
    """A department proposed for the meeting's officials; ``listed`` when meeting.yaml has it already."""

    department: str
    name: str
    answers: str
    listed: bool


class SurveyReportView(DocumentView):
    """The survey report of one meeting: counts for charts and tables, the answers, safety and proposals."""

    area: str
    responses: str
    redactions: int
    small_groups: bool  # some count is withheld, and the report says why
    min_group_size: int
    localities: Shown
    locality_chart: str | None
    locality_bars: Counts
    locality_alt: str
    departments: list[DepartmentAnswersView]
    department_counts: Shown
    department_bars: Counts
    department_chart: str | None
    department_alt: str
    unrouted: list[AnswerView]
    unrouted_count: int
    distributions: list[DistributionView]
    safety: SafetyView
    safety_walk: list[str]
    officials: list[ProposedOfficialView]


def report_view(ws: Workspace, analysis: SurveyAnalysis, labels: Labels) -> SurveyReportView:
    """The view the template renders: plain values only, every answer already redacted, and no
    count of a group smaller than dialog.yaml's ``survey.min_group_size`` (:mod:`.smallgroups`)."""
    k = ws.config.survey.min_group_size
    fewer = fill(labels["fewer_than"], k=k)

    def shown(count: int) -> str:
        published = published_count(count, ws.config)
        return fewer if published is None else str(published)

    by_locality = {
        (labels["survey_unknown"] if name == "unknown" else name): n for name, n in analysis.by_locality.items()
    }
    if list(analysis.by_locality) == ["unknown"]:
        by_locality = {}  # no locality question (a service area has none): no section about it
    small = {name for name, n in analysis.by_locality.items() if published_count(n, ws.config) is None}
    departments = {d.name: d.count for d in analysis.departments if d.count}
    locality_bars = _bars(by_locality, ws)
    department_bars = _bars(departments, ws)
    safety = analysis.safety
    counts = [*analysis.by_locality.values(), *departments.values(), analysis.responses, safety.responses]
    counts += [n for d in analysis.distributions for _, n in d.counts]
    return {
        **document_base(ws, labels, analysis.year),
        "area": analysis.area_name,
        "responses": shown(analysis.responses),
        "redactions": analysis.redactions,
        "small_groups": any(published_count(n, ws.config) is None for n in counts),
        "min_group_size": k,
        "localities": [(name, shown(n)) for name, n in by_locality.items()],
        "locality_chart": LOCALITY_CHART if locality_bars else None,
        "locality_bars": locality_bars,
        "locality_alt": _alt(labels, locality_bars),
        "departments": [
            {"id": d.id, "name": d.name, "answers": _answers(d.answers, small), "count": d.count}
            for d in analysis.departments
            if d.count
        ],
        "department_counts": [(name, shown(n)) for name, n in departments.items()],
        "department_chart": DEPARTMENT_CHART if department_bars else None,
        "department_bars": department_bars,
        "department_alt": _alt(labels, department_bars),
        "unrouted": _answers(analysis.unrouted, small),
        "unrouted_count": analysis.unrouted_count,
        "distributions": [
            {
                "question": d.question,
                "heading": d.heading,
                "kind": d.kind,
                "counts": [(option, shown(n)) for option, n in d.counts],
                "other": shown(d.other) if d.other else "",
            }
            for d in analysis.distributions
        ],
        "safety": {
            "responses": safety.responses,
            "responses_shown": shown(safety.responses),
            "localities": list(safety.localities),
            "answers": _answers(safety.answers, small),
            "count": safety.count,
        },
        "safety_walk": analysis.safety_walk,
        "officials": [
            {"department": o.department, "name": o.name, "answers": shown(o.answers), "listed": o.listed}
            for o in analysis.officials
        ],
    }


def _bars(counts: Mapping[str, int], ws: Workspace) -> Counts:
    """The groups a chart may show: those large enough to be published."""
    return [(name, n) for name, n in counts.items() if published_count(n, ws.config) is not None]


def _answers(answers: Sequence[Answer], small: set[str]) -> list[AnswerView]:
    """The answers as shown: without the locality of one that few answered from."""
    return [
        {
            "response_id": a.response_id,
            "locality": "" if a.locality in small else a.locality,
            "question": a.question,
            "text": a.text,
        }
        for a in answers
    ]


def _alt(labels: Mapping[str, str], counts: Counts) -> str:
    return fill(labels["survey_chart_alt"], items=", ".join(f"{name}: {n}" for name, n in counts))
