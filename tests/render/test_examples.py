"""The example workspaces' invitations and agendas render in every format, in Swedish and in Norwegian."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from dialogkit.loading import require
from dialogkit.render.documents import render_meeting_document
from dialogkit.render.words import date_in_words

from .conftest import docx_paragraphs

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = {"sv": REPO, "nb": REPO / "examples" / "tjenestedialog"}


@pytest.mark.parametrize("locale", sorted(EXAMPLES))
def test_every_example_meeting_renders(locale: str, tmp_path: Path) -> None:
    ws = require(EXAMPLES[locale])
    meetings = [(year, area) for year, cycle in ws.cycles.items() for area, m in cycle.meetings.items() if m.meeting]
    assert meetings
    for index, (year, area) in enumerate(meetings):
        for kind in ("invitation", "agenda"):
            if index > 0:  # every meeting through the templates and checks; one through the slow writers
                (md,) = render_meeting_document(ws, kind, year, area, ["md"], tmp_path).written
                text, meeting = md.read_text(encoding="utf-8"), ws.cycles[year].meetings[area].meeting
                assert meeting is not None and date_in_words(meeting.date, ws.locale) in text
                assert meeting.place is None or meeting.place in text
                continue
            pdf, docx = render_meeting_document(ws, kind, year, area, ["pdf", "docx"], tmp_path).written
            reader = PdfReader(pdf)
            catalog: Any = reader.trailer["/Root"]  # a PDF dictionary, typed only as an object
            assert catalog["/Lang"].startswith(locale)
            assert reader.metadata is not None and reader.metadata.title
            assert ("Title", reader.metadata.title) in docx_paragraphs(docx)
