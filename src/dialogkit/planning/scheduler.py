"""`plan_year`: which areas meet in which season, on which evening."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from dialogkit.dates import clock_of, minutes_of
from dialogkit.errors import DialogError, Finding, UsageError
from dialogkit.planning.datecheck import day_warnings, fewest_days_between, safety_walk_warnings, spacing_warnings
from dialogkit.planning.days import Evenings, evenings, holidays_of, month_window, season_window
from dialogkit.planning.elections import is_election_year
from dialogkit.planning.rotation import FixedPoint, areas_to_plan, config_position, fixed_points
from dialogkit.planning.values import ScheduledMeeting, YearSchedule
from dialogkit.workspace import Workspace

FIRST_YEAR, LAST_YEAR = 1900, 2100


@dataclass
class _Slot:
    """One season of the year as the planner fills it."""

    index: int
    name: str
    first: dt.date
    last: dt.date
    capacity: int
    election_month: bool = False
    areas: list[str] = field(default_factory=list)

    def holds(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def distance(self, day: dt.date) -> int:
        return max((self.first - day).days, (day - self.last).days, 0)


def check_year(year: int) -> None:
    """Refuse a year no municipality plans for."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UsageError(f"{year} is not a year dialog plans for: give a year from {FIRST_YEAR} to {LAST_YEAR}")


def election_year(ws: Workspace, year: int) -> bool:
    """Whether ``year`` is an election year for the workspace: its own list, else its country's rules."""
    rule = ws.config.process.election_year
    return is_election_year(ws.config.municipality.country, year, rule.years if rule else None)


def plan_year(ws: Workspace, year: int) -> YearSchedule:
    """Plan ``year``: the areas that meet, their seasons and evenings, around the meetings already fixed."""
    check_year(year)
    config = ws.config
    process = config.process
    country = config.municipality.country
    election = election_year(ws, year)
    fixed = fixed_points(ws, year)
    to_plan = areas_to_plan(ws, year, fixed)
    slots = _slots(ws, year, election, len(to_plan) + sum(1 for p in fixed if p.counted))
    warnings = _fixed_warnings(ws, year, fixed, slots)
    fixed_seasons = {id(p): _season_of(p, slots) for p in fixed}
    _allot(slots, to_plan, [fixed_seasons[id(p)] for p in fixed if p.counted])
    fewest = fewest_days_between(ws)
    taken = [p.date for p in fixed]
    holidays = holidays_of(country, year)
    start = process.meeting.start
    end = clock_of(minutes_of(start) + process.meeting.duration_minutes)
    planned: list[ScheduledMeeting] = []
    for slot in sorted(slots, key=lambda s: (s.first, s.index)):
        if not slot.areas:
            continue
        window = evenings(slot.first, slot.last, process.meeting.weekdays, holidays, process.blackout)
        days = _pick(window, len(slot.areas), taken, fewest)
        if days is None:
            raise DialogError(_infeasible(ws, slot, window, taken, fewest))
        taken.extend(days)
        planned.extend(ScheduledMeeting(a, slot.name, d, start, end) for a, d in zip(slot.areas, days, strict=True))
    for point in fixed:
        season = fixed_seasons[id(point)]
        planned.append(
            ScheduledMeeting(
                point.area, season.name if season else None, point.date, point.start, point.end, True, point.counted
            )
        )
    planned.sort(key=lambda m: (m.date, m.start, m.area))
    return YearSchedule(year, election, tuple(planned), tuple(warnings))


def year_warnings(ws: Workspace, year: int) -> list[Finding]:
    """What `dialog plan` warns about the dates already set for ``year``, for `dialog check`."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return []
    try:
        slots = _slots(ws, year, election_year(ws, year), 0)
    except DialogError:
        slots = []  # the season counts disagree: `dialog check` says so on its own
    return _fixed_warnings(ws, year, fixed_points(ws, year), slots)


def _fixed_warnings(ws: Workspace, year: int, fixed: Sequence[FixedPoint], slots: Sequence[_Slot]) -> list[Finding]:
    """Each fixed meeting's and safety walk's breaches of the rules the planner keeps."""
    warnings: list[Finding] = []
    for point in fixed:
        warnings.extend(day_warnings(ws, point.date, point.position, weekday=point.counted))
        if point.counted and slots and not any(s.holds(point.date) for s in slots):
            nearest = _season_of(point, slots)
            assert nearest is not None
            windows = ", ".join(f"{s.name} {s.first:%m-%d} to {s.last:%m-%d}" for s in slots)
            warnings.append(
                point.position.finding(
                    f"the meeting on {point.date} lies outside every season's window ({windows}); "
                    f"it is counted in {nearest.name}",
                    "warning",
                )
            )
    warnings.extend(spacing_warnings(ws, fixed))
    warnings.extend(safety_walk_warnings(ws, year))
    return warnings


@dataclass(frozen=True)
class SeasonWindow:
    """A season as planned in one year: its window, which in an election year may be the election month."""

    name: str
    first: dt.date
    last: dt.date
    election_month: bool


def season_windows(ws: Workspace, year: int) -> list[SeasonWindow]:
    """The seasons' windows in ``year``, as the planner uses them (for a timeline of the year)."""
    check_year(year)
    process = ws.config.process
    election = election_year(ws, year)
    total = len(areas_to_plan(ws, year, [])) if process.kind == "service" else (process.areas_per_year or 0)
    return [SeasonWindow(s.name, s.first, s.last, s.election_month) for s in _slots(ws, year, election, total)]


def autumn_season(ws: Workspace, month: int) -> int:
    """The index of the season an election year moves into ``month``: the last whose window touches it, else the last."""
    seasons = ws.config.process.seasons
    holding = [i for i, s in enumerate(seasons) if int(s.from_[:2]) <= month <= int(s.to[:2])]
    return holding[-1] if holding else len(seasons) - 1


def _slots(ws: Workspace, year: int, election: bool, total: int) -> list[_Slot]:
    process = ws.config.process
    seasons = process.seasons
    if process.kind == "area":
        counts = [s.count or 0 for s in seasons]
        if sum(counts) != process.areas_per_year:
            raise DialogError(
                config_position(ws, "process", "seasons").finding(
                    f"the season counts add up to {sum(counts)} but areas_per_year is {process.areas_per_year}; "
                    "make them agree"
                )
            )
    else:
        # A service process meets every area; the seasons share them, the earlier ones taking the remainder.
        share, extra = divmod(total, len(seasons))
        counts = [share + (i < extra) for i in range(len(seasons))]
    slots = []
    for index, season in enumerate(seasons):
        first, last = season_window(season, year)
        slots.append(_Slot(index, season.name, first, last, counts[index]))
    if election and process.election_year is not None:
        # "The autumn meeting is held in November": the whole month, whatever the season's own window.
        slot = slots[autumn_season(ws, process.election_year.autumn_month)]
        slot.first, slot.last = month_window(year, process.election_year.autumn_month)
        slot.election_month = True
    return slots


def _season_of(point: FixedPoint, slots: Sequence[_Slot]) -> _Slot | None:
    """The season a fixed meeting of the rotation counts in: the one holding its date, else the nearest."""
    if not point.counted or not slots:
        return None
    holding = [s for s in slots if s.holds(point.date)]
    if holding:
        return holding[0]
    return min(slots, key=lambda s: (s.distance(point.date), s.index))


def _allot(slots: list[_Slot], areas: list[str], fixed: Sequence[_Slot | None]) -> None:
    """Give each season its areas: capacity less the fixed meetings in it, in season order."""
    free = [s.capacity for s in slots]
    position = {id(s): i for i, s in enumerate(slots)}
    for slot in fixed:
        if slot is not None:
            free[position[id(slot)]] -= 1
    excess = -sum(f for f in free if f < 0)
    free = [max(f, 0) for f in free]
    for i in reversed(range(len(free))):  # a season over-full with fixed meetings takes from the latest others
        taken = min(free[i], excess)
        free[i] -= taken
        excess -= taken
    queue = list(areas)
    for slot, room in zip(slots, free, strict=True):
        slot.areas = queue[:room]
        queue = queue[room:]
    if queue:  # only when counts and areas disagree; the last season takes the rest
        slots[-1].areas.extend(queue)


def _pick(window: Evenings, wanted: int, taken: Sequence[dt.date], spacing: int) -> list[dt.date] | None:
    """``wanted`` evenings spread over the window, each ``spacing`` days from the others and from ``taken``."""
    candidates = [d for d in window.allowed if all(abs((d - t).days) >= spacing for t in taken)]
    if _fits(candidates, wanted, spacing) < wanted:
        return None
    length = (window.last - window.first).days + 1
    chosen: list[dt.date] = []
    for i in range(wanted):
        target = window.first + dt.timedelta(days=(i + 0.5) * length / wanted - 0.5)
        options = [
            c
            for c in candidates
            if (not chosen or (c - chosen[-1]).days >= spacing)
            and _fits([d for d in candidates if (d - c).days >= spacing], wanted - i - 1, spacing) >= wanted - i - 1
        ]
        chosen.append(min(options, key=lambda c: (abs((c - target).days), c)))
    return chosen


def _fits(candidates: Sequence[dt.date], wanted: int, spacing: int) -> int:
    """How many of ``candidates`` (sorted) fit ``spacing`` apart, up to ``wanted``; earliest-first is optimal."""
    count, last = 0, None
    for day in candidates:
        if count >= wanted:
            break
        if last is None or (day - last).days >= spacing:
            count, last = count + 1, day
    return count


def _infeasible(ws: Workspace, slot: _Slot, window: Evenings, taken: Sequence[dt.date], spacing: int) -> Finding:
    rule = ws.config.process.meeting
    wanted = len(slot.areas)
    season = f"season '{slot.name}'" + (" (moved to the election month)" if slot.election_month else "")
    if not window.allowed:
        reason = window.shortfall(rule.weekdays)
    else:
        candidates = [d for d in window.allowed if all(abs((d - t).days) >= spacing for t in taken)]
        fit = _fits(candidates, wanted, spacing)
        near = sorted({t for t in taken if any(abs((d - t).days) < spacing for d in window.allowed)})
        beside = f" and from the meetings already set on {', '.join(map(str, near))}" if near else ""
        reason = (
            f"only {fit} of {len(window.allowed)} allowed evenings from {slot.first} to {slot.last} "
            f"lie at least {spacing} days (min_days_between) from each other{beside}"
        )
    loc: tuple[str | int, ...] = ("process", "seasons", slot.index)
    if slot.election_month:
        loc = ("process", "election_year", "autumn_month")
    message = f"no evening for {wanted} meeting{'s' if wanted != 1 else ''} in {season}: {reason}"
    return config_position(ws, *loc).finding(message)
