"""cycles/YEAR/AREA/survey.yaml: how one web-survey export maps to questions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from dialogkit.models.base import Slug, StrictModel, Text


class Question(StrictModel):
    column: Text
    id: Slug
    kind: Literal["text", "choice", "scale"] = "text"
    safety: bool = False
    role: Literal["locality"] | None = None


class SurveyFile(StrictModel):
    """cycles/YEAR/AREA/survey.yaml"""

    source: Text = Field(description="the tool the export came from, e.g. forms, google, netigate")
    file: Text = Field(description="the raw export, under a git-ignored raw/ folder")
    encoding: Text | None = Field(default=None, description="the export's text encoding, e.g. utf-8, cp1252, utf-16")
    delimiter: Text | None = Field(default=None, description="the export's column separator: ',', ';' or a tab")
    id_column: Text | None = Field(default=None, description="the column whose value identifies a response")
    questions: list[Question] = []
    drop_columns: list[Text] = []
