"""`year_status`: the clerk's to-do list, per meeting the steps done, the next one and its date.

A meeting goes through the steps of `STEPS` in order. Each step not yet done has a date
it is due by (`DEADLINES`, counted from the meeting's date): the survey closes four weeks
before the meeting, the invitation goes out three weeks before (and a week before the
reply date), the minutes and the work groups are written within two weeks after it, and
the follow-up is published by the end of the year. A step before the meeting that was not
done when the meeting was held is "missed": nothing can be done about it any more.

The follow-up is done when the meeting has minutes and work groups, and one of their
actions has an update dated after the meeting or the year's follow-up report has been
built (build/YEAR/followup.*): the first is the work itself, the second its publication.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dialogkit.layout import BUILD_DIR, MEETING_FILE, REFERAT_FILE, RESPONSES_FILE, WORKGROUPS_FILE
from dialogkit.planning.scheduler import check_year
from dialogkit.workspace import Meeting, Workspace

Step = Literal["planned", "survey", "invitation", "meeting", "minutes", "workgroups", "followup"]
STEPS: tuple[Step, ...] = ("planned", "survey", "invitation", "meeting", "minutes", "workgroups", "followup")
BEFORE_THE_MEETING: frozenset[Step] = frozenset({"planned", "survey", "invitation"})
State = Literal["done", "open", "overdue", "missed"]
Gap = Literal["place", "invitees"]

SURVEY_CLOSES_DAYS_BEFORE = 28
INVITATION_DAYS_BEFORE = 21
INVITATION_DAYS_BEFORE_REPLIES = 7
MINUTES_DAYS_AFTER = 14


@dataclass(frozen=True)
class StepStatus:
    """One step of a meeting: done or not, and the day it is due by (None: no date)."""

    step: Step
    state: State
    due: dt.date | None


@dataclass(frozen=True)
class MeetingStatus:
    """How far one meeting has come: its steps in order and what its meeting.yaml still lacks."""

    area: str
    date: dt.date | None
    steps: tuple[StepStatus, ...]
    gaps: tuple[Gap, ...] = ()

    def done(self, step: Step) -> bool:
        """Whether ``step`` is done; a step the process does not use (a survey in a service dialogue) is not."""
        return any(s.step == step and s.state == "done" for s in self.steps)

    @property
    def next(self) -> StepStatus | None:
        """The first step still to do, overdue or not; None when the meeting is done with."""
        return next((s for s in self.steps if s.state in ("open", "overdue")), None)

    @property
    def missing(self) -> list[str]:
        """What should be there by now and is not: overdue steps, then the meeting.yaml's gaps."""
        return [s.step for s in self.steps if s.state == "overdue"] + list(self.gaps)


@dataclass(frozen=True)
class YearStatus:
    """Every meeting of a year, in date order, with its steps, as on ``as_of``."""

    year: int
    as_of: dt.date
    meetings: tuple[MeetingStatus, ...]


def default_year(ws: Workspace, today: dt.date) -> int:
    """The year `dialog status` shows when none is given: the latest cycle, else this year."""
    return max(ws.cycles, default=today.year)


def year_status(ws: Workspace, year: int, as_of: dt.date | None = None, build: Path | None = None) -> YearStatus:
    """The to-do list of ``year`` as on ``as_of`` (today), read from the files and the build folder."""
    check_year(year)
    as_of = as_of or dt.date.today()
    build = build if build is not None else ws.root / BUILD_DIR
    cycle = ws.cycles.get(year)
    if cycle is None:
        return YearStatus(year, as_of, ())
    in_plan = {m.area: m.date for m in cycle.plan.meetings} if cycle.plan is not None else {}
    rows = []
    for area in sorted(set(in_plan) | set(cycle.meetings)):
        meeting = cycle.meetings.get(area)
        date = meeting.meeting.date if meeting is not None and meeting.meeting is not None else in_plan.get(area)
        facts = _Facts.read(ws, year, area, date, build)
        rows.append(MeetingStatus(area, date, tuple(_steps(facts, date, as_of, year)), _gaps(meeting, date, as_of)))
    rows.sort(key=lambda r: (r.date or dt.date.max, r.area))
    return YearStatus(year, as_of, tuple(rows))


@dataclass(frozen=True)
class _Facts:
    """What the files say about one meeting: each step done or not, and which steps it uses."""

    done: dict[Step, bool]
    uses: frozenset[Step]
    rsvp_by: dt.date | None

    @classmethod
    def read(cls, ws: Workspace, year: int, area: str, date: dt.date | None, build: Path) -> _Facts:
        """The facts of the meeting of ``area`` in ``year``, held (or planned) on ``date``."""
        folder = ws.cycles[year].folder / area
        meeting = ws.cycles[year].meetings.get(area)
        published = any((build / str(year)).glob("followup.*"))
        area_kind = ws.config.process.kind == "area"
        minutes = (folder / REFERAT_FILE).is_file()
        workgroups = (folder / WORKGROUPS_FILE).is_file()
        survey = (folder / RESPONSES_FILE).is_file()
        done: dict[Step, bool] = {
            "planned": (folder / MEETING_FILE).is_file(),
            "survey": survey,
            "invitation": any((build / str(year) / area).glob("invitation.*")),
            "minutes": minutes,
            "workgroups": workgroups,
            "followup": minutes and workgroups and (published or _updated_after(meeting, date)),
        }
        # A service dialogue holds no survey and forms no work groups unless a meeting has them.
        unused: set[Step] = set()
        if not (area_kind or survey or (meeting is not None and meeting.survey is not None)):
            unused.add("survey")
        if not (area_kind or workgroups):
            unused |= {"workgroups", "followup"}
        uses = frozenset(s for s in STEPS if s not in unused)
        rsvp_by = meeting.meeting.rsvp_by if meeting is not None and meeting.meeting is not None else None
        return cls(done, uses, rsvp_by)


def _steps(facts: _Facts, date: dt.date | None, as_of: dt.date, year: int) -> list[StepStatus]:
    due = _deadlines(date, facts.rsvp_by, year)
    held = date is not None and date < as_of
    steps = []
    for step in STEPS:
        if step not in facts.uses:
            continue
        if step == "meeting":
            steps.append(StepStatus(step, "done" if held else "open", date))
            continue
        state: State
        if facts.done[step]:
            state = "done"
        elif held and step in BEFORE_THE_MEETING:
            state = "missed"
        elif (deadline := due[step]) is not None and deadline < as_of:
            state = "overdue"
        else:
            state = "open"
        steps.append(StepStatus(step, state, due[step]))
    return steps


def _deadlines(date: dt.date | None, rsvp_by: dt.date | None, year: int) -> dict[Step, dt.date | None]:
    """The day each step is due by, counted from the meeting's date (DEADLINES in the module's docstring)."""
    if date is None:
        return dict.fromkeys(STEPS, None) | {"followup": dt.date(year, 12, 31)}
    invitation = date - dt.timedelta(days=INVITATION_DAYS_BEFORE)
    if rsvp_by is not None:
        invitation = min(invitation, rsvp_by - dt.timedelta(days=INVITATION_DAYS_BEFORE_REPLIES))
    after = date + dt.timedelta(days=MINUTES_DAYS_AFTER)
    return {
        "planned": None,
        "survey": date - dt.timedelta(days=SURVEY_CLOSES_DAYS_BEFORE),
        "invitation": invitation,
        "meeting": date,
        "minutes": after,
        "workgroups": after,
        "followup": max(dt.date(year, 12, 31), after),
    }


def _gaps(meeting: Meeting | None, date: dt.date | None, as_of: dt.date) -> tuple[Gap, ...]:
    """What the invitation needs and meeting.yaml does not say yet, while the meeting is ahead."""
    if meeting is None or meeting.meeting is None or (date is not None and date < as_of):
        return ()
    gaps: list[Gap] = []
    if not meeting.meeting.place:
        gaps.append("place")
    if not meeting.meeting.invitees:
        gaps.append("invitees")
    return tuple(gaps)


def _updated_after(meeting: Meeting | None, date: dt.date | None) -> bool:
    if meeting is None or meeting.workgroups is None or date is None:
        return False
    return any(
        update.date > date
        for group in meeting.workgroups.workgroups
        for action in group.actions
        for update in action.updates
    )
