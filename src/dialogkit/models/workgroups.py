"""cycles/YEAR/AREA/workgroups.yaml: the work groups formed at a meeting and their actions."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from dialogkit.models.base import Amount, IsoDate, Slug, StrictModel, Text, shown

ACTION_STATUSES = ("planned", "in-progress", "done", "cancelled")
# Every action is a line of the year's follow-up and of the status site, and a document costs
# about 100 KB of memory per action to build (pandoc's syntax tree, Typst's pages): a 19 MB
# workgroups.yaml of 70,000 actions took 7 GB and nine minutes. These bound a meeting's share
# at 900 actions, far above the handful of groups a two-hour meeting forms.
MAX_WORKGROUPS = 30
MAX_ACTIONS = 30
# What an action answers: the Nth conclusion of the meeting's minutes, or a theme of its survey
# (the answers routed to a department, or the safety concerns). `dialog check` resolves them.
ANSWER_REF = re.compile(r"(conclusion:[1-9][0-9]{0,2}|survey:[a-z0-9][a-z0-9-]*)\Z")
SAFETY_THEME = "safety"


def _answer_ref(value: Any) -> str:
    if not isinstance(value, str) or not ANSWER_REF.match(value):
        raise PydanticCustomError(
            "answer_ref",
            "{value} names nothing an action can answer: write conclusion:N (the Nth conclusion of the "
            "minutes), survey:DEPARTMENT (the answers routed to a department) or survey:safety",
            {"value": shown(value)},
        )
    return value


AnswerRef = Annotated[
    str,
    BeforeValidator(_answer_ref),
    WithJsonSchema({"type": "string", "pattern": ANSWER_REF.pattern.removesuffix("\\Z").join("^$")}),
]


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
    funds: Amount | None = Field(
        default=None,
        description="Money set aside, in whole kronor (kroner); 85 000 with spaces is read as 85000",
        examples=[45000],
    )
    updates: list[Update] = Field(default=[], description="Progress notes, oldest first")
    answers: list[AnswerRef] = Field(
        default=[],
        description='What the action answers, so the site links each "we did" to its "you said": '
        "conclusion:N (the Nth conclusion of the meeting's minutes), survey:DEPARTMENT or survey:safety",
        examples=[["survey:sbf", "conclusion:1"]],
    )


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
    actions: Annotated[
        list[Action],
        Field(max_length=MAX_ACTIONS, description="What the group decided to do"),
        _at_most(MAX_ACTIONS, "actions in one work group", "split the group, or merge actions that are steps of one"),
    ] = []


class WorkgroupsFile(StrictModel):
    """cycles/YEAR/AREA/workgroups.yaml"""

    workgroups: Annotated[
        list[Workgroup],
        Field(max_length=MAX_WORKGROUPS, description="The work groups formed at the meeting"),
        _at_most(MAX_WORKGROUPS, "work groups at one meeting", "merge the groups that work on the same thing"),
    ] = []
