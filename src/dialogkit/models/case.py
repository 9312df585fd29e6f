"""cycles/YEAR/case.yaml: the council document around the compiled minutes."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from dialogkit.models.base import Slug, StrictModel, Text


class Archive(StrictModel):
    ark: Text | None = None
    lnr: Text | None = None
    arkivsaksnr: Text | None = None
    diarienummer: Text | None = None


class CaseFile(StrictModel):
    """cycles/YEAR/case.yaml"""

    kind: Literal["saksframlegg", "tjansteskrivelse", "memo"]
    archive: Archive = Archive()
    case_officer: Text
    title: Text
    to: list[Slug] = Field(default=[], description="body ids, in the order the case goes")
    attachments: list[Text] = []
    other_documents: list[Text] = []
    summary: Text
    background: Text = ""
    assessment: Text = ""
    recommendation: Text
