"""matplotlib for the documents' pictures: the Agg backend, imported on first use, PNG bytes out."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# A module-level drawing function with its arguments bound (functools.partial), so that it
# can be sent to another process to be drawn there.
Picture = Callable[[], bytes]


class Painter(Protocol):
    """Something that draws pictures elsewhere: the build's picture process (dialogkit.builder.pictures)."""

    def draw(self, picture: Picture) -> bytes: ...


_painter: Painter | None = None


def use_painter(painter: Painter | None) -> None:
    """Have :func:`draw` send this process's pictures to ``painter`` (None: draw them here)."""
    global _painter
    _painter = painter


def draw(picture: Picture) -> bytes:
    """The picture's PNG bytes, drawn by this process's painter when it has one."""
    if _painter is not None:
        try:
            return _painter.draw(picture)
        except (OSError, EOFError):  # the painter's process is gone: draw here after all
            pass
    return picture()


def import_matplotlib() -> None:
    """Import matplotlib for drawing without a display (the first picture of a process does)."""
    # numpy would start a BLAS thread per core on import; a chart needs none, and starting
    # them costs each process a tenth of a second of CPU.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.figure  # the bulk of the import
    import matplotlib.font_manager  # reads the font list


def new_figure(width: float, height: float, dpi: int) -> Figure:
    """An empty figure of ``width`` x ``height`` inches, drawn without a display."""
    import_matplotlib()
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=dpi)


def png_bytes(figure: Figure) -> bytes:
    """The figure as PNG bytes without a creation tool or date, so equal pictures are equal files."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
