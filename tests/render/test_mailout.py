"""`dialog render mailout`: a standards-compliant .eml draft per addressed invitee, the PDF and a valid ICS attached."""

from __future__ import annotations

import email
import email.policy
import io
from email.message import EmailMessage
from pathlib import Path

from icalendar import Calendar
from pypdf import PdfReader

from dialogkit.loading import require
from dialogkit.render.mailout import render_mailout

from .conftest import SV_MEETING, MakeWorkspace

REPO = Path(__file__).resolve().parents[2]


def read_eml(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_one_draft_per_addressed_invitee_with_the_invitation_and_the_calendar(tmp_path: Path) -> None:
    rendered = render_mailout(require(REPO), 2025, "hogvad", tmp_path)
    drafts = sorted(p for p in rendered.written if p.suffix == ".eml")
    assert [p.name for p in drafts] == ["01-hogvads-byalag.eml", "02-overlida-foretagarforening.eml"]
    assert all(p.parent == tmp_path / "2025" / "hogvad" / "mailout" for p in drafts)
    # Holsljunga hembygdsförening has no address: a warning says to post it, at its line in meeting.yaml.
    (warning,) = rendered.warnings
    assert warning.path == "cycles/2025/hogvad/meeting.yaml" and warning.line > 1
    assert "Holsljunga hembygdsförening" in warning.message
    message = read_eml(drafts[0])
    assert message["To"].addresses[0].addr_spec == "styrelsen@hogvadsbyalag.se"
    assert message["To"].addresses[0].display_name == "Högvads byalag"
    assert message["From"].addresses[0].addr_spec == "traffpunkt@svenljunga.se"
    assert str(message["Subject"]) == "Inbjudan: Träffpunkt Högvad"
    assert message["Message-ID"] and message["Date"] and message["X-Unsent"] == "1"
    assert b"\r\n" in drafts[0].read_bytes()  # RFC 5322 lines
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "Vi bjuder in er till Träffpunkt Högvad, tisdag 8 april 2025 klockan 18.00–20.00." in text
    assert "Anmäl dig senast tisdag 25 mars 2025: https://www.svenljunga.se/traffpunkt" in text
    attachments = {part.get_content_type(): part for part in message.iter_attachments()}
    assert sorted(attachments) == ["application/pdf", "text/calendar"]
    pdf = attachments["application/pdf"]
    assert pdf.get_filename() == "Inbjudan – Träffpunkt Högvad.pdf"
    reader = PdfReader(io.BytesIO(pdf.get_content()))
    assert "Anmälan och frågor" in (reader.pages[0].extract_text() or "")
    calendar = Calendar.from_ical(attachments["text/calendar"].get_content())
    (meeting,) = [e for e in calendar.walk("VEVENT") if str(e["uid"]).endswith("-meeting@svenljunga-kommun.dialogkit")]
    assert meeting.decoded("dtstart").isoformat() == "2025-04-08T18:00:00+02:00"
    assert str(meeting["location"]) == "Överlida bygdegård"
    assert attachments["text/calendar"].get_param("charset") == "utf-8"
    assert attachments["text/calendar"].get_param("method") == "PUBLISH"
    ics = (tmp_path / "2025" / "hogvad" / "meeting.ics").read_bytes().decode("utf-8")
    assert ics.splitlines() == attachments["text/calendar"].get_content().splitlines()


def test_names_and_addresses_cannot_add_headers(sv_workspace: MakeWorkspace, tmp_path: Path) -> None:
    meeting = SV_MEETING.replace(
        "invitees: [Högvads byalag, Holsljunga hembygdsförening]",
        'invitees: [{name: "Byalaget\\nBcc: x@evil.example", email: styrelsen@byalaget.se}]',
    )
    root = sv_workspace(**{"cycles__2025__hogvad__meeting.yaml": meeting})
    (draft,) = [p for p in render_mailout(require(root), 2025, "hogvad", tmp_path).written if p.suffix == ".eml"]
    message = read_eml(draft)
    assert message["Bcc"] is None
    assert [a.addr_spec for a in message["To"].addresses] == ["styrelsen@byalaget.se"]


def test_without_addresses_no_draft_is_written(sv_workspace: MakeWorkspace, tmp_path: Path) -> None:
    rendered = render_mailout(require(sv_workspace()), 2025, "hogvad", tmp_path)
    assert [p.name for p in rendered.written] == ["meeting.ics"]
    assert len(rendered.warnings) == 2
    assert not (tmp_path / "2025" / "hogvad" / "mailout").exists()
