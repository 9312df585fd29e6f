"""One maker per kind of target: each calls the core function that `dialog` itself uses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from dialogkit.builder.targets import Target
from dialogkit.errors import Finding

if TYPE_CHECKING:
    from dialogkit.workspace import Workspace

Made = tuple[list[Path], list[Finding]]
Maker = Callable[["Workspace", Target, tuple[str, ...], Path], Made]


def _meeting_document(ws: Workspace, target: Target, formats: tuple[str, ...], out: Path) -> Made:
    from dialogkit.render.documents import render_meeting_document

    assert target.year is not None and target.area is not None
    rendered = render_meeting_document(ws, target.kind, target.year, target.area, formats, out)
    return rendered.written, rendered.warnings


def _plan(ws: Workspace, target: Target, formats: tuple[str, ...], out: Path) -> Made:
    from dialogkit.render.plan import render_plan_document

    assert target.year is not None
    rendered = render_plan_document(ws, target.year, formats, out)
    return rendered.written, rendered.warnings


def _survey_report(ws: Workspace, target: Target, formats: tuple[str, ...], out: Path) -> Made:
    from dialogkit.survey.report import render_survey_report

    assert target.year is not None and target.area is not None
    rendered = render_survey_report(ws, target.year, target.area, formats, out)
    return rendered.written, rendered.warnings


def _compilation(ws: Workspace, target: Target, formats: tuple[str, ...], out: Path) -> Made:
    from dialogkit.minutes.compile import compile_referat

    assert target.year is not None
    result = compile_referat(ws, target.year, formats, out)
    return result.written, result.warnings


def _followup(ws: Workspace, target: Target, formats: tuple[str, ...], out: Path) -> Made:
    from dialogkit.followup.report import render_followup

    assert target.year is not None
    rendered = render_followup(ws, target.year, dt.date.today(), formats, out)
    return rendered.written, rendered.warnings


def _site(ws: Workspace, target: Target, formats: tuple[str, ...], out: Path) -> Made:
    from dialogkit.site import build_site

    return build_site(ws, out), []


MAKERS: dict[str, Maker] = {
    "invitation": _meeting_document,
    "agenda": _meeting_document,
    "plan": _plan,
    "survey-report": _survey_report,
    "referat-compilation": _compilation,
    "followup": _followup,
    "site": _site,
}
