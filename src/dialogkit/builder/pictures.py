"""The picture process of a parallel build: one process draws every document's pictures.

matplotlib takes a third of a second of CPU to import. Drawing in the build workers would
have each of them pay it; the picture process pays it once, and pays it while the build
is still loading the workspace, when a core would otherwise stand idle. Workers send it a
picture (a function and its arguments) and get the PNG bytes back.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.managers import BaseManager

from dialogkit.builder.children import context, follow_build
from dialogkit.render.figures import Painter, Picture, import_matplotlib


class _Painter:
    """The picture process's side: one picture at a time, as matplotlib is not thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def draw(self, picture: Picture) -> bytes:
        with self._lock:
            return picture()


class _PictureProcess(BaseManager):
    pass


_PictureProcess.register("Painter", _Painter)


@contextmanager
def picture_process() -> Iterator[Painter | None]:
    """Start the picture process; yields the painter to hand the workers (figures.use_painter).

    None when the process cannot start (no room for its socket, say): the workers then
    draw their own pictures, slower but the same.
    """
    manager = _PictureProcess(ctx=context())
    try:
        manager.start(initializer=_prepare, initargs=(os.getpid(),))
    except (OSError, EOFError):
        yield None
        return
    try:
        yield manager.Painter()  # type: ignore[attr-defined]  # registered above
    finally:
        manager.shutdown()


def _prepare(build: int) -> None:
    """In the picture process, before it serves: end with the build, import matplotlib in the background."""
    follow_build(build)
    threading.Thread(target=import_matplotlib, daemon=True).start()
