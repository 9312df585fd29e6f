"""The yearly follow-up of the work groups: every action's owner, due date, status, funds and latest update.

The public API, callable from Python as the CLI calls it::

    from dialogkit.followup import followup, followup_json, render_followup
    report = followup(workspace, 2025, as_of=date(2026, 1, 15))   # a FollowUp view model
    followup_json(report)                                           # the contract's JSON as a dict
    render_followup(workspace, 2025, as_of, ["docx", "pdf"])         # build/2025/followup.*
"""

from __future__ import annotations

from dialogkit.followup.model import (
    ActionView,
    AreaSection,
    DepartmentTotal,
    FollowUp,
    GroupView,
    Overdue,
    followup,
    followup_json,
    is_overdue,
)
from dialogkit.followup.report import render_followup

__all__ = [
    "ActionView",
    "AreaSection",
    "DepartmentTotal",
    "FollowUp",
    "GroupView",
    "Overdue",
    "followup",
    "followup_json",
    "is_overdue",
    "render_followup",
]
