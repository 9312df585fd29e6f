"""The documents of one meeting, rendered through the pipeline: invitation, agenda and poster."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from dialogkit.errors import Finding, UsageError
from dialogkit.render.invitation import InvitationView, invitation_view
from dialogkit.render.pipeline import Document, Rendered, render_document, setting_of
from dialogkit.render.poster import QR_IMAGE, PosterView, poster_view, qr_png
from dialogkit.render.viewbase import document_title, meeting_title
from dialogkit.render.views import AgendaView, MeetingContext, agenda_view, find_meeting
from dialogkit.render.words import load_labels
from dialogkit.workspace import Workspace

MeetingDocument = Literal["invitation", "agenda", "poster"]
MEETING_DOCUMENTS: tuple[MeetingDocument, ...] = ("invitation", "agenda", "poster")
POSTER_TEMPLATE = "pandoc/poster.typ"


def render_meeting_document(
    ws: Workspace, kind: str, year: int, area_id: str, formats: Iterable[str], out: Path | None = None
) -> Rendered:
    """Render the invitation, agenda or poster of the meeting YEAR/AREA to build/YEAR/AREA/KIND.FORMAT."""
    if kind not in MEETING_DOCUMENTS:
        raise UsageError(f"no meeting document '{kind}': choose {' or '.join(MEETING_DOCUMENTS)}")
    meeting = find_meeting(ws, year, area_id)
    ctx = MeetingContext(ws, meeting, load_labels(ws.root, ws.locale))
    warnings: list[Finding] = []
    view: InvitationView | AgendaView | PosterView
    title = document_title(ctx.labels, kind, meeting_name := _name(ctx))
    resources: dict[str, bytes] = {}
    if kind == "invitation":
        view = invitation_view(ctx)
    elif kind == "poster":
        view, title = poster_view(ctx), meeting_name  # a poster is headed by what it announces
        if view["qr"] is not None:
            resources[QR_IMAGE] = qr_png(view["qr"]["url"])
    else:
        view, warnings = agenda_view(ctx)
    doc = Document(
        name=kind,
        template=f"{kind}.md.j2",
        view=view,
        title=title,
        folder=Path(str(year)) / area_id,
        source=ctx.file,
        resources=resources,
        typst_template=POSTER_TEMPLATE if kind == "poster" else Document.typst_template,
    )
    rendered = render_document(setting_of(ws, out), doc, formats)
    return Rendered(rendered.written, [*warnings, *rendered.warnings])


def _name(ctx: MeetingContext) -> str:
    return meeting_title(ctx.ws, ctx.meeting, ctx.labels)
