""" "You said, we did": what residents said before and at a meeting, linked to the actions that answer it.

The survey's themes are counts only (answers routed to each department, safety concerns),
and a count below the minimum group size is never shown; the meeting's conclusions are
the minutes' own words. An action's `answers:` in workgroups.yaml names what it answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypedDict

from dialogkit.errors import UsageError
from dialogkit.models.workgroups import SAFETY_THEME
from dialogkit.render.words import fill
from dialogkit.survey.smallgroups import publishable
from dialogkit.workspace import Meeting, Workspace


class LinkItem(TypedDict):
    """A link within a page: its text and the anchor it leads to."""

    text: str
    href: str


class SaidItem(TypedDict):
    """One thing residents said: a survey theme with its count in words, or a conclusion of the meeting."""

    anchor: str
    text: str
    count: str | None  # "8 svar", "färre än 5 svar"; None for a conclusion
    answered_by: list[LinkItem]  # the actions that answer it


class YouSaid(TypedDict):
    """What residents said before and at one meeting."""

    responses: str | None  # how many answered the survey, in words
    themes: list[SaidItem]
    conclusions: list[SaidItem]
    small_groups: str | None  # the note that small counts are left out, when the survey is shown


@dataclass(frozen=True)
class ThemeCount:
    """A survey theme as open data publishes it: its reference, name and count (None when too few)."""

    ref: str  # survey:sbf, survey:safety
    name: str
    count: int | None


@dataclass(frozen=True)
class SurveyCounts:
    """A meeting's survey as counts only: the responses and each theme, small groups left out."""

    responses: int | None
    themes: tuple[ThemeCount, ...]
    k: int


def action_anchor(year: int, group_id: str, index: int) -> str:
    """The anchor of an action on its area's page: action-2025-trafik-1."""
    return f"action-{year}-{group_id}-{index + 1}"


def said_anchor(year: int, ref: str) -> str:
    """The anchor of what an `answers:` reference names: said-2025-survey-sbf, said-2025-conclusion-1."""
    return f"said-{year}-{ref.replace(':', '-')}"


def survey_counts(ws: Workspace, meeting: Meeting, k: int) -> SurveyCounts | None:
    """The meeting's survey as counts per theme, small groups suppressed; None without imported answers."""
    from dialogkit.survey.analysis import analyse

    if meeting.survey is None:
        return None
    try:
        analysis = analyse(ws, meeting.year, meeting.area_id)
    except UsageError:  # a survey.yaml without imported answers yet
        return None
    themes = [
        ThemeCount(f"survey:{d.id}", d.name, publishable(d.count, k))
        for d in sorted(analysis.departments, key=lambda d: -d.count)
        if d.count
    ]
    if analysis.safety.count:
        themes.append(ThemeCount(f"survey:{SAFETY_THEME}", "", publishable(analysis.safety.count, k)))
    return SurveyCounts(publishable(analysis.responses, k), tuple(themes), k)


def you_said(
    labels: Mapping[str, str],
    meeting: Meeting,
    survey: SurveyCounts | None,
    answered_by: Mapping[str, list[LinkItem]],
) -> YouSaid:
    """What residents said before and at ``meeting``, each item with the actions that answer it."""
    year = meeting.year

    def item(ref: str, text: str, count: str | None) -> SaidItem:
        return {"anchor": said_anchor(year, ref), "text": text, "count": count, "answered_by": answered_by.get(ref, [])}

    themes: list[SaidItem] = []
    responses = None
    if survey is not None:
        for theme in survey.themes:
            name = labels["site_safety_theme"] if theme.ref.endswith(f":{SAFETY_THEME}") else theme.name
            themes.append(item(theme.ref, name, _count(labels, theme.count, survey.k)))
        if survey.responses is None:
            responses = fill(labels["site_survey_total_few"], k=survey.k)
        else:
            responses = fill(labels["site_survey_total"], count=survey.responses)
    conclusions = list(meeting.referat.front.conclusions) if meeting.referat is not None else []
    return {
        "responses": responses,
        "themes": themes,
        "conclusions": [item(f"conclusion:{i + 1}", text, None) for i, text in enumerate(conclusions)],
        "small_groups": fill(labels["site_small_groups"], k=survey.k) if survey is not None else None,
    }


def _count(labels: Mapping[str, str], count: int | None, k: int) -> str:
    return fill(labels["site_theme_few"], k=k) if count is None else fill(labels["site_theme_answers"], count=count)
