"""The survey report as a document: the analysis as a plain view, its counts as charts with text alternatives."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from dialogkit.render.figures import Picture
from dialogkit.render.viewbase import DocumentView, document_base
from dialogkit.render.words import Labels, fill, load_labels
from dialogkit.survey.analysis import Answer, SurveyAnalysis, analyse_year
from dialogkit.workspace import Workspace

if TYPE_CHECKING:
    from dialogkit.render.pipeline import Rendered

TEMPLATE = "survey-report.md.j2"
NAME = "survey-report"
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


def bar_chart_png(counts: Sequence[tuple[str, int]]) -> bytes:
    """A horizontal bar chart of named counts, largest at the top, as a PNG."""
    from dialogkit.render.figures import new_figure, png_bytes

    fig = new_figure(6.0, 0.45 * len(counts) + 0.8, dpi=200)
    ax = fig.add_subplot()
    names = [name for name, _ in reversed(counts)]
    values = [n for _, n in reversed(counts)]
    bars = ax.barh(names, values, color="#1f4e79")
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.tick_params(labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xticks([])
    fig.tight_layout()
    return png_bytes(fig)


def render_survey_report(
    workspace: Workspace, year: int, area: str | None, formats: Iterable[str], out: Path | None = None
) -> Rendered:
    """Render build/YEAR/AREA/survey-report.FORMAT for one meeting, or each meeting with answers."""
    from dialogkit.render.pipeline import Document, Rendered, render_document, setting_of

    formats = tuple(formats)
    labels = load_labels(workspace.root, workspace.locale)
    result = Rendered()
    for analysis in analyse_year(workspace, year, area):
        view = report_view(workspace, analysis, labels)
        resources: dict[str, Picture] = {}
        if view["locality_chart"]:
            resources[LOCALITY_CHART] = functools.partial(bar_chart_png, view["localities"])
        if view["department_chart"]:
            resources[DEPARTMENT_CHART] = functools.partial(bar_chart_png, view["department_counts"])
        doc = Document(
            name=NAME,
            template=TEMPLATE,
            view=view,
            title=f"{labels['survey_title']}: {analysis.area_name} {year}",
            folder=Path(str(year)) / analysis.area,
            source=f"cycles/{year}/{analysis.area}/survey/responses.csv",
            resources=resources,
        )
        rendered = render_document(setting_of(workspace, out), doc, formats)
        result.written.extend(rendered.written)
        result.warnings.extend(rendered.warnings)
    return result
