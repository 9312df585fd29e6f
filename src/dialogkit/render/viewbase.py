"""What every template receives, typed: the shared part of each view model, and a meeting's title.

The view models are TypedDicts: plain dicts at run time, so a template reads ``meeting.date``
as before and a workspace's own template keeps working, while mypy checks that each view
has every key its template uses, with the right type.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NotRequired, TypedDict

from dialogkit.render.words import Labels, fill

if TYPE_CHECKING:
    from dialogkit.workspace import Meeting, Workspace


class TemplateView(TypedDict):
    """What every template, document or page, receives: its words (``L.key``) and the municipality."""

    L: Mapping[str, str]
    municipality: str


class ProcessView(TypedDict):
    """The dialogue process a document belongs to: "Träffpunkt", of kind "area" or "service"."""

    name: str
    kind: str


class DocumentView(TemplateView):
    """What every document's template receives: the shared part of each document's view."""

    locale: str
    year: int
    process: ProcessView
    # "logo.png" or "logo.svg" when the workspace has one in templates/, else None: the
    # pipeline looks, and puts it in the letterhead above every document's own text.
    logo: NotRequired[str | None]


def document_base(ws: Workspace, labels: Labels, year: int) -> DocumentView:
    """The shared part of a document's view: the words, the municipality, the process and the year."""
    process = ws.config.process
    return {
        "L": dict(labels),
        "locale": ws.locale,
        "year": year,
        "municipality": ws.config.municipality.name,
        "process": {"name": process.name, "kind": process.kind},
    }


def area_name(ws: Workspace, area_id: str) -> str:
    """An area's name; its id when areas.yaml no longer lists it."""
    area = ws.area(area_id)
    return area.name if area is not None else area_id


def meeting_title(ws: Workspace, meeting: Meeting, labels: Labels | None = None) -> str:
    """A meeting's title: a one-off meeting's own title, else its area's name.

    With ``labels`` the area's name is phrased as the meeting documents name it ("Dialogmöte –
    Skola" in a service dialogue); the minutes and the council document name the area alone.
    """
    if meeting.meeting is not None and meeting.meeting.title:
        return meeting.meeting.title
    name = area_name(ws, meeting.area_id)
    if labels is None:
        return name
    key = "meeting_service" if ws.config.process.kind == "service" else "meeting_area"
    return fill(labels[key], area=name)


def document_title(labels: Labels, kind: str, meeting: str) -> str:
    """A meeting document's title, the document's kind and the meeting: "Inbjudan: Träffpunkt Högvad"."""
    return fill(labels["document_title"], kind=labels[kind], meeting=meeting)
