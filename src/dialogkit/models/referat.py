"""The YAML front matter of cycles/YEAR/AREA/referat.md."""

from __future__ import annotations

from pydantic import Field

from dialogkit.models.base import IsoDate, StrictModel, Text


class ReferatFrontMatter(StrictModel):
    """referat.md front matter"""

    date: IsoDate = Field(description="The day of the meeting", examples=["2025-04-08"])
    present: list[Text] = Field(
        default=[],
        description="Who was there, by role or organisation",
        examples=[["Kommunstyrelsens ordförande", "Gatuchef"]],
    )
    absent: list[Text] = Field(default=[], description="Who was invited but absent", examples=[["Polisen"]])
    minutes_by: Text = Field(description="Who wrote the minutes", examples=["Kommunutvecklare"])
    conclusions: list[Text] = Field(
        default=[],
        description="The meeting's main conclusions; the compilation's overview lists them",
        examples=[["Belysning längs gång- och cykelvägen i Överlida"]],
    )
