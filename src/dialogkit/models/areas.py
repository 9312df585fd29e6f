"""areas.yaml: geographic areas with localities, service areas with partners."""

from __future__ import annotations

from pydantic import Field

from dialogkit.models.base import Slug, StrictModel, Text


class Area(StrictModel):
    id: Slug
    name: Text
    localities: list[Text] = []
    partners: list[Text] = []
    planned: bool = Field(default=True, description="false for a group met only in one-off meetings, never planned")


class AreasFile(StrictModel):
    """areas.yaml"""

    areas: list[Area] = Field(min_length=1)
