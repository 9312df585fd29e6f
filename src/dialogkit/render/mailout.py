"""Mail-out drafts: one .eml per invitee with an address, the invitation PDF and the meeting's .ics attached.

Nothing is sent. A clerk opens each draft in the mail client (``X-Unsent: 1`` makes Outlook
open it as a new message), reads it and sends it from the municipality's own mailbox.
"""

from __future__ import annotations

import datetime as dt
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from pathlib import Path

from dialogkit.errors import Finding
from dialogkit.files import write_atomic
from dialogkit.layout import MAILOUT_DIR, MEETING_ICS
from dialogkit.models.meeting import Invitee
from dialogkit.planning.ics import slug
from dialogkit.render.calendar import meeting_ics
from dialogkit.render.invitation import InvitationView, LinkView, invitation_view
from dialogkit.render.pipeline import Document, Rendered, make_outputs, setting_of
from dialogkit.render.viewbase import document_title
from dialogkit.render.views import MeetingContext, find_meeting
from dialogkit.render.words import Labels, fill, load_labels
from dialogkit.workspace import Workspace


def render_mailout(ws: Workspace, year: int, area_id: str, out: Path | None = None) -> Rendered:
    """Write build/YEAR/AREA/mailout/NN-INVITEE.eml for each invitee with an e-mail, and the meeting's .ics."""
    meeting = find_meeting(ws, year, area_id)
    file = meeting.meeting
    assert file is not None  # find_meeting guarantees it
    ctx = MeetingContext(ws, meeting, load_labels(ws.root, ws.locale))
    view = invitation_view(ctx)
    title = document_title(ctx.labels, "invitation", view["meeting"]["name"])
    setting = setting_of(ws, out)
    folder = setting.out / str(year) / area_id
    addressed = [i for i in file.invitees if isinstance(i, Invitee) and i.email]
    warnings = [
        _unaddressed(ctx, index, i)
        for index, i in enumerate(file.invitees)
        if not isinstance(i, Invitee) or not i.email
    ]
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    ics = meeting_ics(ws, year, area_id, file, now)
    written = [folder / MEETING_ICS]
    write_atomic(written[0], ics, within=setting.out)
    if not addressed:
        return Rendered(written, warnings)
    doc = Document("invitation", "invitation.md.j2", view, title, Path(str(year)) / area_id, ctx.file)
    outputs = make_outputs(setting, doc, ["pdf"])
    pdf = outputs.files[folder / "invitation.pdf"]
    calendar = ics.decode("utf-8")
    attachment = f"{ctx.labels['invitation']} – {view['meeting']['name']}.pdf"
    for number, invitee in enumerate(addressed, start=1):
        message = draft(ctx.labels, view, invitee, title, now)
        message.add_attachment(pdf, maintype="application", subtype="pdf", filename=attachment)
        # As text with its charset, so that a mail client reads "ö" as "ö".
        message.add_attachment(
            calendar, subtype="calendar", charset="utf-8", filename=MEETING_ICS, params={"method": "PUBLISH"}
        )
        path = folder / MAILOUT_DIR / f"{number:02d}-{slug(invitee.name)}.eml"
        write_atomic(path, message.as_bytes(policy=SMTP), within=setting.out)  # CRLF lines, as RFC 5322 has them
        written.append(path)
    return Rendered(written, [*warnings, *outputs.warnings])


def draft(labels: Labels, view: InvitationView, invitee: Invitee, subject: str, now: dt.datetime) -> EmailMessage:
    """The draft to one invitee, its text in the invitation's words; attachments are added by the caller."""
    message = EmailMessage()
    message["Subject"] = _one_line(subject)
    contact = view["contact"]
    sender = contact["email"]["text"] if contact and contact["email"] else None
    if sender:
        message["From"] = Address(_one_line(view["municipality"]), addr_spec=sender)
    message["To"] = Address(_one_line(invitee.name), addr_spec=invitee.email or "")
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] if sender else "dialogkit.invalid")
    message["X-Unsent"] = "1"  # a draft: mail clients open it to be sent, not as a received message
    message.set_content(body(labels, view))
    return message


def body(labels: Labels, view: InvitationView) -> str:
    """The draft's plain text: the event, when and where, how to sign up, what is attached, whom to ask."""
    meeting = view["meeting"]
    when = fill(
        labels["mail_body"], event=view["event"], date=meeting["date"], start=meeting["start"], end=meeting["end"]
    )
    lines = [labels["mail_greeting"], "", when]
    if meeting["place"]:
        lines.append(fill(labels["mail_place"], place=meeting["place"]))
    lines.append("")
    if view["sign_up"] is not None:
        lead = fill(labels["sign_up_by"], date=view["rsvp_by"]) if view["rsvp_by"] else labels["sign_up_at"]
        lines += [f"{lead} {_plain(view['sign_up'])}", ""]
    elif view["rsvp_by"]:
        lines += [fill(labels["rsvp"], date=view["rsvp_by"]), ""]
    if view["survey"] is not None:
        lines += [f"{labels['survey_text']} {_plain(view['survey']['link'])}", ""]
    lines += [labels["mail_attached"], labels["mail_share"], "", labels["mail_regards"], view["municipality"]]
    contact = view["contact"]
    if contact is not None:
        lines += [part for part in (contact["role"], contact["phone"]) if part]
        if contact["email"]:
            lines.append(contact["email"]["text"])
    return "\n".join(_one_line(line) if line else "" for line in lines) + "\n"


def _plain(link: LinkView) -> str:
    """A link in plain text: the whole web address, which mail clients make clickable; a mail address as is."""
    return link["text"] if link["url"].startswith("mailto:") else link["url"]


def _one_line(text: str) -> str:
    """Text from workspace files on one line: no line break can start a header or a forged part."""
    return " ".join(text.split())


def _unaddressed(ctx: MeetingContext, index: int, invitee: str | Invitee) -> Finding:
    name = invitee if isinstance(invitee, str) else invitee.name
    message = (
        f"'{name}' has no e-mail address, so no draft was written for it: send the invitation by post, or write "
        "the invitee as {name: ..., email: ...} with the organisation's own address"
    )
    doc = ctx.meeting.docs.get("meeting")
    return doc.finding(("invitees", index), message, "warning") if doc else Finding(ctx.file, 1, 1, "warning", message)
