"""The follow-up document: its view and chart through the pipeline to build/YEAR/followup.*."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from dialogkit.followup.chart import status_chart
from dialogkit.followup.model import followup
from dialogkit.followup.view import CHART, followup_view
from dialogkit.followup.words import status_word
from dialogkit.layout import cycle_path
from dialogkit.models.workgroups import ACTION_STATUSES
from dialogkit.render.figures import Picture
from dialogkit.render.words import load_labels
from dialogkit.workspace import Workspace

if TYPE_CHECKING:
    from dialogkit.render.pipeline import Rendered

TEMPLATE = "followup.md.j2"


def render_followup(
    ws: Workspace, year: int, as_of: dt.date, formats: Iterable[str], out: Path | None = None
) -> Rendered:
    """Render the follow-up of ``year`` as of ``as_of`` to build/YEAR/followup.FORMAT."""
    from dialogkit.render.pipeline import Document, render_document, setting_of

    report = followup(ws, year, as_of)
    labels = load_labels(ws.root, ws.locale)
    view = followup_view(ws, report, labels)
    resources: dict[str, Picture] = {}
    if report.actions:
        names = [status_word(labels, s) for s in ACTION_STATUSES]
        counts = [report.totals[s] for s in ACTION_STATUSES]
        resources[CHART] = functools.partial(status_chart, names, counts, labels["followup_by_status"])
    doc = Document(
        name="followup",
        template=TEMPLATE,
        view=view,
        title=view["title"],
        folder=Path(str(year)),
        source=cycle_path(year),
        resources=resources,
    )
    return render_document(setting_of(ws, out), doc, formats)
