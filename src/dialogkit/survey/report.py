"""The survey report as a document: the analysis as a plain view, its counts as charts with text alternatives."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dialogkit.layout import RESPONSES_FILE, meeting_path
from dialogkit.render.figures import Picture
from dialogkit.render.words import fill, load_labels
from dialogkit.survey.analysis import SurveyAnalysis, analyse_year
from dialogkit.workspace import Workspace

if TYPE_CHECKING:
    from dialogkit.render.pipeline import Rendered

TEMPLATE = "survey-report.md.j2"
NAME = "survey-report"
LOCALITY_CHART = "survey-localities.png"
DEPARTMENT_CHART = "survey-departments.png"


def report_view(analysis: SurveyAnalysis, labels: Mapping[str, str], municipality: str = "") -> dict[str, Any]:
    """The view the template renders: plain values only, every answer already redacted."""
    localities = [(labels["survey_unknown"] if k == "unknown" else k, n) for k, n in analysis.by_locality.items()]
    if list(analysis.by_locality) == ["unknown"]:
        localities = []  # no locality question (a service area has none): no section about it
    departments = [(d.name, d.count) for d in analysis.departments if d.count]
    return {
        "L": dict(labels),
        "municipality": municipality,
        "year": analysis.year,
        "area": analysis.area_name,
        "responses": analysis.responses,
        "redactions": analysis.redactions,
        "localities": localities,
        "locality_chart": LOCALITY_CHART if localities else None,
        "locality_alt": _alt(labels, localities),
        "departments": [asdict(d) for d in analysis.departments if d.count],
        "department_counts": departments,
        "department_chart": DEPARTMENT_CHART if departments else None,
        "department_alt": _alt(labels, departments),
        "unrouted": [asdict(a) for a in analysis.unrouted],
        "unrouted_count": analysis.unrouted_count,
        "distributions": [asdict(d) for d in analysis.distributions],
        "safety": asdict(analysis.safety),
        "safety_walk": analysis.safety_walk,
        "officials": [asdict(o) for o in analysis.officials],
    }


def _alt(labels: Mapping[str, str], counts: Sequence[tuple[str, int]]) -> str:
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
    from dialogkit.render.documents import setting_of
    from dialogkit.render.pipeline import Document, Rendered, render_document

    formats = tuple(formats)
    labels = load_labels(workspace.root, workspace.locale)
    result = Rendered()
    for analysis in analyse_year(workspace, year, area):
        view = report_view(analysis, labels, workspace.config.municipality.name)
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
            source=meeting_path(year, analysis.area, RESPONSES_FILE),
            resources=resources,
        )
        rendered = render_document(setting_of(workspace, out), doc, formats)
        result.written.extend(rendered.written)
        result.warnings.extend(rendered.warnings)
    return result
