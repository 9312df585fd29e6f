"""cycles/YEAR/AREA/workgroups.yaml: the work groups formed at a meeting and their actions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from dialogkit.models.base import IsoDate, Slug, StrictModel, Text

ACTION_STATUSES = ("planned", "in-progress", "done", "cancelled")


class Convener(StrictModel):
    """The official who convenes a work group."""

    name: Text = Field(description="The convener by role, not a private person's name", examples=["Fritidskonsulent"])
    department: Slug = Field(description="The convener's department: an id from dialog.yaml", examples=["kof"])


class Update(StrictModel):
    """A dated note of progress on an action."""

    date: IsoDate = Field(description="When it happened", examples=["2025-06-01"])
    text: Text = Field(description="What happened", examples=["Offert inhämtad"])


class Action(StrictModel):
    """Something a work group decided to do."""

    text: Text = Field(description="What is to be done", examples=["Belysning vid badplatsen i Överlida"])
    owner: Slug = Field(description="The department responsible: an id from dialog.yaml", examples=["sbf"])
    due: IsoDate | None = Field(default=None, description="When it should be done", examples=["2025-09-30"])
    status: Literal["planned", "in-progress", "done", "cancelled"] = Field(
        default="planned",
        description="Where the action stands: planned, in-progress, done or cancelled",
        examples=["in-progress"],
    )
    funds: int | None = Field(
        default=None, ge=0, description="Money set aside, in whole kronor (kroner)", examples=[45000]
    )
    updates: list[Update] = Field(default=[], description="Progress notes, oldest first")


class Workgroup(StrictModel):
    """A work group formed at the meeting."""

    id: Slug = Field(description="The group's id within the meeting", examples=["fritid"])
    name: Text = Field(
        description="The group's name as documents print it", examples=["Fritidsaktiviteter och trivsel"]
    )
    convener: Convener = Field(description="The official who convenes the group")
    members: list[Text] = Field(
        default=[], description="Who takes part, by organisation or role", examples=[["Högvads byalag"]]
    )
    status: Literal["active", "paused", "done"] = Field(
        default="active", description="Where the group stands: active, paused or done", examples=["active"]
    )
    actions: list[Action] = Field(default=[], description="What the group decided to do")


class WorkgroupsFile(StrictModel):
    """cycles/YEAR/AREA/workgroups.yaml"""

    workgroups: list[Workgroup] = Field(default=[], description="The work groups formed at the meeting")
