"""The YAML front matter of cycles/YEAR/AREA/referat.md."""

from __future__ import annotations

from dialogkit.models.base import IsoDate, StrictModel, Text


class ReferatFrontMatter(StrictModel):
    """referat.md front matter"""

    date: IsoDate
    present: list[Text] = []
    absent: list[Text] = []
    minutes_by: Text
    conclusions: list[Text] = []
