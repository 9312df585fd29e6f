"""The survey report's charts: named counts as horizontal bars, a PNG the pipeline embeds."""

from __future__ import annotations

from collections.abc import Sequence

from dialogkit.render.figures import new_figure, png_bytes


def bar_chart_png(counts: Sequence[tuple[str, int]]) -> bytes:
    """A horizontal bar chart of named counts, largest at the top, as a PNG."""
    fig = new_figure(6.0, 0.45 * len(counts) + 0.8, dpi=200)
    ax = fig.add_subplot()
    names = [name for name, _ in reversed(counts)]
    values = [n for _, n in reversed(counts)]
    bars = ax.barh(names, values, color="#1f4e79")
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.tick_params(labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xticks([])
    fig.tight_layout()
    return png_bytes(fig)
