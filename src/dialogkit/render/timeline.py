"""The plan's timeline picture: the year's seasons and meetings on one line, as a PNG."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dialogkit.render.figures import new_figure, png_bytes


@dataclass(frozen=True)
class TimelineMeeting:
    label: str
    date: dt.date


@dataclass(frozen=True)
class TimelineSpan:
    label: str
    first: dt.date
    last: dt.date


def timeline_png(
    year: int, spans: Sequence[TimelineSpan], meetings: Sequence[TimelineMeeting], month_names: Sequence[str]
) -> bytes:
    """A PNG of the year from January to December with season windows shaded and meetings marked."""
    fig = new_figure(7.0, 2.4, dpi=200)
    ax = fig.add_subplot()
    start = dt.date(year, 1, 1)

    def x(day: dt.date) -> int:
        return (day - start).days

    days = x(dt.date(year, 12, 31)) + 1
    for index, span in enumerate(spans):
        ax.axvspan(x(span.first), x(span.last) + 1, ymin=0.05, ymax=0.95, color=("#dce9f5", "#e8f0dc")[index % 2], lw=0)
        ax.text(
            (x(span.first) + x(span.last)) / 2, 0.92, span.label, ha="center", va="top", fontsize=7, color="#333333"
        )
    ax.axhline(0.0, color="#444444", lw=1)
    for index, meeting in enumerate(sorted(meetings, key=lambda m: m.date)):
        height = 0.25 + 0.22 * (index % 3)  # stagger labels of meetings close together
        ax.plot([x(meeting.date)] * 2, [0.0, height], color="#1f4e79", lw=0.8)
        ax.plot([x(meeting.date)], [0.0], marker="o", color="#1f4e79", markersize=5)
        label = f"{meeting.label}\n{meeting.date.day}/{meeting.date.month}"
        ax.text(x(meeting.date), height + 0.02, label, ha="center", va="bottom", fontsize=6.5, color="#111111")
    month_starts = [x(dt.date(year, m, 1)) for m in range(1, 13)]
    ax.set_xticks([s + 15 for s in month_starts], [name[:3] for name in month_names], fontsize=7)
    ax.set_xticks(month_starts, minor=True)
    ax.tick_params(axis="x", which="major", length=0)
    ax.tick_params(axis="x", which="minor", length=3)
    ax.set_xlim(0, days)
    ax.set_ylim(-0.1, 1.0)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    fig.tight_layout(pad=0.4)
    return png_bytes(fig)
