"""The notice-board poster of a meeting: the invitation's facts in large type and a QR code to sign up."""

from __future__ import annotations

import io

from dialogkit.render.invitation import InvitationView, LinkView, invitation_view
from dialogkit.render.views import MeetingContext

QR_IMAGE = "qr.png"  # the name the poster's Markdown gives the QR code


class PosterView(InvitationView):
    """The poster: the invitation's view and the link its QR code leads to."""

    qr: LinkView | None


def poster_view(ctx: MeetingContext) -> PosterView:
    """The poster's view: the invitation's, with the link a phone should open from the notice board."""
    view = invitation_view(ctx)
    return {**view, "qr": qr_link(view)}


def qr_link(view: InvitationView) -> LinkView | None:
    """The web page to sign up, else the survey, else the sign-up mail address: what the QR code opens."""
    survey = view["survey"]
    candidates = [view["sign_up"], survey["link"] if survey else None]
    web = [link for link in candidates if link is not None and link["url"].startswith(("https:", "http:"))]
    if web:
        return web[0]
    return view["sign_up"]


def qr_png(url: str) -> bytes:
    """A QR code of ``url`` as PNG: error correction M, so a scuffed or pinned-through poster still scans."""
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=12, border=4)
    return buffer.getvalue()
