"""cycles/YEAR/case.yaml: the council document around the compiled minutes."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from dialogkit.models.base import Slug, StrictModel, Text


class Archive(StrictModel):
    """The archive references printed in the document's head; give those your archive uses."""

    ark: Text | None = Field(default=None, description="Norwegian archive code (arkivkode)", examples=["033"])
    lnr: Text | None = Field(default=None, description="Norwegian running number (løpenummer)", examples=["12159/22"])
    arkivsaksnr: Text | None = Field(
        default=None, description="Norwegian case number (arkivsaksnummer)", examples=["22/1380-1"]
    )
    diarienummer: Text | None = Field(
        default=None, description="Swedish case number (diarienummer)", examples=["KS 2025/214"]
    )


class CaseFile(StrictModel):
    """cycles/YEAR/case.yaml"""

    kind: Literal["saksframlegg", "tjansteskrivelse", "memo"] = Field(
        description="The kind of document: saksframlegg (nb, nn), tjansteskrivelse (sv) or memo (en)",
        examples=["tjansteskrivelse"],
    )
    archive: Archive = Field(default=Archive(), description="The archive references of the case")
    case_officer: Text = Field(
        description="The case officer (handläggare, saksbehandler)", examples=["Kommunutvecklare"]
    )
    title: Text = Field(
        description="The document's title", examples=["Träffpunkt 2025 – återrapportering av medborgardialogen"]
    )
    to: list[Slug] = Field(
        default=[], description="The bodies the case goes to, in order: ids from dialog.yaml", examples=[["ksau", "ks"]]
    )
    attachments: list[Text] = Field(
        default=[],
        description="The attachments, by title",
        examples=[["Sammanställning av referaten från Träffpunkt 2025"]],
    )
    other_documents: list[Text] = Field(
        default=[],
        description="Documents in the case that are not attached",
        examples=[["Riktlinjer för medborgardialog"]],
    )
    summary: Text = Field(
        description="The summary (sammanfattning, sammendrag)",
        examples=["Under 2025 har Träffpunkt hållits i tre områden."],
    )
    background: Text = Field(
        default="",
        description="The case's facts; the year's meetings are listed after it (Markdown)",
        examples=["Träffpunkt är kommunens medborgardialog."],
    )
    assessment: Text = Field(
        default="", description="The administration's assessment (Markdown)", examples=["Deltagandet har varit gott."]
    )
    recommendation: Text = Field(
        description="The proposed decision (förslag till beslut, innstilling)",
        examples=["Kommunstyrelsen föreslås besluta att lägga rapporten till handlingarna."],
    )
