"""cycles/YEAR/AREA/workgroups.yaml: the work groups formed at a meeting and their actions."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from dialogkit.models.base import IsoDate, Slug, StrictModel, Text

ACTION_STATUSES = ("planned", "in-progress", "done", "cancelled")
# Every action is a line of the year's follow-up and of the status site, and a document costs
# about 100 KB of memory per action to build (pandoc's syntax tree, Typst's pages): a 19 MB
# workgroups.yaml of 70,000 actions took 7 GB and nine minutes. These bound a meeting's share
# at 900 actions, far above the handful of groups a two-hour meeting forms.
MAX_WORKGROUPS = 30
MAX_ACTIONS = 30


def _at_most(limit: int, what: str, advice: str) -> BeforeValidator:
    """Refuse a list longer than ``limit`` before its items are read, saying what to do."""

    def check(value: Any) -> Any:
        if isinstance(value, list) and len(value) > limit:
            raise PydanticCustomError(
                "too_many",
                "{count} {what}; dialog takes at most {limit}: {advice}",
                {"count": f"{len(value):,}", "what": what, "limit": limit, "advice": advice},
            )
        return value

    return BeforeValidator(check)


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
    actions: Annotated[
        list[Action],
        Field(max_length=MAX_ACTIONS),
        _at_most(MAX_ACTIONS, "actions in one work group", "split the group, or merge actions that are steps of one"),
    ] = []


class WorkgroupsFile(StrictModel):
    """cycles/YEAR/AREA/workgroups.yaml"""

    workgroups: Annotated[
        list[Workgroup],
        Field(max_length=MAX_WORKGROUPS),
        _at_most(MAX_WORKGROUPS, "work groups at one meeting", "merge the groups that work on the same thing"),
    ] = []
