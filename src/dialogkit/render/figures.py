"""matplotlib for the documents' pictures: the Agg backend, imported on first use, PNG bytes out."""

from __future__ import annotations

import io
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def new_figure(width: float, height: float, dpi: int) -> Figure:
    """An empty figure of ``width`` x ``height`` inches, drawn without a display."""
    # numpy would start a BLAS thread per core on import; a chart needs none, and starting
    # them costs each build worker a tenth of a second of CPU.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=dpi)


def png_bytes(figure: Figure) -> bytes:
    """The figure as PNG bytes without a creation tool or date, so equal pictures are equal files."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
