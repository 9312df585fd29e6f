"""cycles/YEAR/case.yaml: the council document around the compiled minutes."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from dialogkit.models.base import IsoDate, Slug, StrictModel, Text


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


class Step(StrictModel):
    """One body on the case's way, with its meeting date and case number when they are known."""

    body: Slug = Field(description="The body: an id from dialog.yaml's bodies", examples=["ks"])
    date: IsoDate | None = Field(default=None, description="The body's meeting date", examples=["2022-10-20"])
    number: Text | None = Field(
        default=None, description="The case's number in that body (saksnr.)", examples=["045/22"]
    )


def _step(value: Any) -> Any:
    # A body's id alone is a step without a date or a number.
    return {"body": value} if isinstance(value, str) else value


RouteStep = Annotated[Step, BeforeValidator(_step, json_schema_input_type=Slug | Step)]


class Signer(StrictModel):
    """A person who signs the document: a name and a title."""

    name: Text = Field(description="The person's name", examples=["Maria Holm"])
    title: Text | None = Field(default=None, description="The person's title", examples=["Kommundirektör"])


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
    date: IsoDate | None = Field(
        default=None,
        description="The document's date (Dato, Datum); without it the build date is used, with a warning",
        examples=["2025-11-20"],
    )
    proposer: Text | None = Field(
        default=None,
        description="Who proposes the decision (nb/nn); overrides dialog.yaml's documents.proposer",
        examples=["Kommunedirektøren"],
    )
    unit: Text | None = Field(
        default=None,
        description="The responsible unit in the letterhead; overrides dialog.yaml's documents.unit",
        examples=["Kommunstyrelseförvaltningen"],
    )
    to: list[RouteStep] = Field(
        default=[],
        description="The bodies the case goes to, in order: an id from dialog.yaml, or {body, date, number}",
        examples=[["ksau", {"body": "ks", "date": "2025-12-08", "number": "KS 2025/214"}]],
    )
    send_to: list[Text] = Field(
        default=[],
        description="Who the decision is sent to (Beslutet skickas till)",
        examples=[["Kommundirektören", "Samhällsbyggnadsförvaltningen"]],
    )
    signed_by: list[Signer] = Field(
        default=[],
        description="The signature block: the responsible manager and the case officer, with their titles",
        examples=[[{"name": "Maria Holm", "title": "Kommundirektör"}]],
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
