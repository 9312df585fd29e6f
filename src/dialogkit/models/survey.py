"""cycles/YEAR/AREA/survey.yaml: how one web-survey export maps to questions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from dialogkit.models.base import Slug, StrictModel, Text


class Question(StrictModel):
    """One column of the export that holds answers to a question."""

    column: Text = Field(
        description="The column's heading in the export, exactly", examples=["Vad kan bli bättre på din ort?"]
    )
    id: Slug = Field(
        description="The question's id in responses.csv and the report", examples=["vad-kan-bli-battre-pa"]
    )
    kind: Literal["text", "choice", "scale"] = Field(
        default="text",
        description="What the answers are: text (free text), choice (one of given options) or scale (a number such as 1-5)",
        examples=["scale"],
    )
    safety: bool = Field(
        default=False,
        description="`true` for a question about where people feel unsafe: its answers propose safety walks",
        examples=[True],
    )
    role: Literal["locality"] | None = Field(
        default=None, description="`locality` when the answer names where the respondent lives", examples=["locality"]
    )


class ReviewDecision(StrictModel):
    """A clerk's decision on one word the import was unsure of; the word itself is not kept."""

    finding: Text = Field(
        description="The finding's hash, as `dialog survey review` lists it (kept) or keyed with the survey key (redacted)",
        examples=["3fa9c1d2e4b5a697"],
    )
    decision: Literal["keep", "redact"] = Field(
        description="`keep` the word in the answer, or `redact` it as a name", examples=["keep"]
    )


class SurveyFile(StrictModel):
    """cycles/YEAR/AREA/survey.yaml"""

    source: Text = Field(description="The tool the export came from, e.g. forms, google, netigate", examples=["google"])
    file: Text = Field(
        description="The raw export, under a git-ignored raw/ folder", examples=["cycles/2025/raw/hogvad-enkat.csv"]
    )
    encoding: Text | None = Field(
        default=None, description="The export's text encoding, e.g. utf-8, cp1252, utf-16", examples=["utf-8"]
    )
    delimiter: Text | None = Field(
        default=None, description="The export's column separator: ',', ';' or a tab", examples=[";"]
    )
    id_column: Text | None = Field(
        default=None,
        description="The column whose value identifies a response, so that it keeps its id when imported again",
        examples=["Tidstämpel"],
    )
    questions: list[Question] = Field(default=[], description="The columns imported as answers")
    drop_columns: list[Text] = Field(
        default=[],
        description="Columns left out: names, e-mail addresses and other personal data",
        examples=[["Namn", "E-postadress"]],
    )
    review: list[ReviewDecision] = Field(
        default=[],
        description="Decisions on the words the import was unsure of, written by `dialog survey review`",
        examples=[[{"finding": "3fa9c1d2e4b5a697", "decision": "keep"}]],
    )
