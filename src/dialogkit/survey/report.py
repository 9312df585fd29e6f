"""The survey report as a document: each meeting's view and charts through the pipeline."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from dialogkit.errors import Finding
from dialogkit.layout import RESPONSES_FILE, SURVEY_FILE, meeting_path
from dialogkit.render.figures import Picture
from dialogkit.render.words import load_labels
from dialogkit.survey.analysis import SurveyAnalysis, analyse_year
from dialogkit.survey.chart import bar_chart_png
from dialogkit.survey.view import DEPARTMENT_CHART, LOCALITY_CHART, report_view
from dialogkit.workspace import Workspace

if TYPE_CHECKING:
    from dialogkit.render.pipeline import Rendered

TEMPLATE = "survey-report.md.j2"
NAME = "survey-report"


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
            resources[LOCALITY_CHART] = functools.partial(bar_chart_png, view["locality_bars"])
        if view["department_chart"]:
            resources[DEPARTMENT_CHART] = functools.partial(bar_chart_png, view["department_bars"])
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
        if analysis.unreviewed:
            result.warnings.append(unreviewed_warning(workspace, analysis))
    return result


def unreviewed_warning(workspace: Workspace, analysis: SurveyAnalysis) -> Finding:
    """The warning a report carries while words the import was unsure of wait for the clerk."""
    return unreviewed_finding(analysis.year, analysis.area, analysis.unreviewed)


def unreviewed_finding(year: int, area: str, count: int) -> Finding:
    return Finding(
        meeting_path(year, area, SURVEY_FILE),
        1,
        1,
        "warning",
        f"{count} word(s) in the answers may be names and are not reviewed: "
        f"run `dialog survey review {year}/{area}` and keep or redact each before the report is published",
    )
