"""The survey report's view model: the analysis as plain values for templates/survey-report.md.j2."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict

from dialogkit.render.viewbase import DocumentView, document_base
from dialogkit.render.words import Labels, fill
from dialogkit.survey.analysis import Answer, SurveyAnalysis
from dialogkit.workspace import Workspace

LOCALITY_CHART = "survey-localities.png"
DEPARTMENT_CHART = "survey-departments.png"
Counts = list[tuple[str, int]]  # named counts, most first: a chart's bars and a table's rows


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
    counts: Counts
    other: int


class SafetyView(TypedDict):
    """The answers that voice a safety concern, and the localities they came from."""

    responses: int
    localities: list[str]
    answers: list[AnswerView]
    count: int


class ProposedOfficialView(TypedDict):
    """A department proposed for the meeting's officials; ``listed`` when meeting.yaml has it already."""

    department: str
    name: str
    answers: int
    listed: bool


class SurveyReportView(DocumentView):
    """The survey report of one meeting: counts for charts and tables, the answers, safety and proposals."""

    area: str
    responses: int
    redactions: int
    localities: Counts
    locality_chart: str | None
    locality_alt: str
    departments: list[DepartmentAnswersView]
    department_counts: Counts
    department_chart: str | None
    department_alt: str
    unrouted: list[AnswerView]
    unrouted_count: int
    distributions: list[DistributionView]
    safety: SafetyView
    safety_walk: list[str]
    officials: list[ProposedOfficialView]


def report_view(ws: Workspace, analysis: SurveyAnalysis, labels: Labels) -> SurveyReportView:
    """The view the template renders: plain values only, every answer already redacted."""
    localities = [(labels["survey_unknown"] if k == "unknown" else k, n) for k, n in analysis.by_locality.items()]
    if list(analysis.by_locality) == ["unknown"]:
        localities = []  # no locality question (a service area has none): no section about it
    departments = [(d.name, d.count) for d in analysis.departments if d.count]
    safety = analysis.safety
    return {
        **document_base(ws, labels, analysis.year),
        "area": analysis.area_name,
        "responses": analysis.responses,
        "redactions": analysis.redactions,
        "localities": localities,
        "locality_chart": LOCALITY_CHART if localities else None,
        "locality_alt": _alt(labels, localities),
        "departments": [
            {"id": d.id, "name": d.name, "answers": _answers(d.answers), "count": d.count}
            for d in analysis.departments
            if d.count
        ],
        "department_counts": departments,
        "department_chart": DEPARTMENT_CHART if departments else None,
        "department_alt": _alt(labels, departments),
        "unrouted": _answers(analysis.unrouted),
        "unrouted_count": analysis.unrouted_count,
        "distributions": [
            {"question": d.question, "heading": d.heading, "kind": d.kind, "counts": list(d.counts), "other": d.other}
            for d in analysis.distributions
        ],
        "safety": {
            "responses": safety.responses,
            "localities": list(safety.localities),
            "answers": _answers(safety.answers),
            "count": safety.count,
        },
        "safety_walk": analysis.safety_walk,
        "officials": [
            {"department": o.department, "name": o.name, "answers": o.answers, "listed": o.listed}
            for o in analysis.officials
        ],
    }


def _answers(answers: Sequence[Answer]) -> list[AnswerView]:
    return [
        {"response_id": a.response_id, "locality": a.locality, "question": a.question, "text": a.text} for a in answers
    ]


def _alt(labels: Mapping[str, str], counts: Counts) -> str:
    return fill(labels["survey_chart_alt"], items=", ".join(f"{name}: {n}" for name, n in counts))
