"""The follow-up's chart: actions per status as a bar chart, a PNG the pipeline embeds."""

from __future__ import annotations

from collections.abc import Sequence

from dialogkit.render.figures import new_figure, png_bytes

# Bars differ in pattern as well as colour, and each carries its number, so no reader
# depends on telling colours apart; the colours keep 3:1 contrast against white.
_COLOURS = ("#1f5f99", "#8a5a00", "#2e7031", "#5c5c5c")
_HATCHES = ("", "//", "..", "xx")


def status_chart(labels: Sequence[str], counts: Sequence[int], title: str) -> bytes:
    """A horizontal bar per status with its count written beside it; deterministic PNG bytes."""
    figure = new_figure(6.4, 0.6 + 0.55 * len(labels), dpi=150)
    from matplotlib.ticker import MaxNLocator

    axes = figure.add_subplot()
    positions = list(range(len(labels)))
    bars = axes.barh(
        positions,
        counts,
        color=[_COLOURS[i % len(_COLOURS)] for i in positions],
        hatch=None,
        edgecolor="white",
    )
    for index, bar in enumerate(bars):
        bar.set_hatch(_HATCHES[index % len(_HATCHES)])
    axes.set_yticks(positions, labels=list(labels))
    axes.invert_yaxis()
    axes.bar_label(bars, labels=[str(c) for c in counts], padding=4)
    axes.set_title(title, loc="left")
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_xlim(0, max([*counts, 1]) * 1.15)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    figure.tight_layout()
    return png_bytes(figure)
