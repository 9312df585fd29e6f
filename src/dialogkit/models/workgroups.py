"""cycles/YEAR/AREA/workgroups.yaml: the work groups formed at a meeting and their actions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from dialogkit.models.base import IsoDate, Slug, StrictModel, Text

ACTION_STATUSES = ("planned", "in-progress", "done", "cancelled")


class Convener(StrictModel):
    name: Text = Field(description="a role, not a private person")
    department: Slug


class Update(StrictModel):
    date: IsoDate
    text: Text


class Action(StrictModel):
    text: Text
    owner: Slug = Field(description="a department id")
    due: IsoDate | None = None
    status: Literal["planned", "in-progress", "done", "cancelled"] = "planned"
    funds: int | None = Field(default=None, ge=0)
    updates: list[Update] = []


class Workgroup(StrictModel):
    id: Slug
    name: Text
    convener: Convener
    members: list[Text] = []
    status: Literal["active", "paused", "done"] = "active"
    actions: list[Action] = []


class WorkgroupsFile(StrictModel):
    """cycles/YEAR/AREA/workgroups.yaml"""

    workgroups: list[Workgroup] = []
