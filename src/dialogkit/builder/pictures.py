"""The picture process of a parallel build: one process draws every document's pictures.

matplotlib takes a third of a second of CPU to import. Drawing in the build workers would
have each of them pay it; the picture process pays it once, and pays it while the build
is still loading the workspace, when a core would otherwise stand idle. Workers send it a
picture (a function and its arguments) and get the PNG bytes back.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.managers import BaseManager

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
    manager = _PictureProcess()
    try:
        manager.start(initializer=_prepare, initargs=(os.getpid(),))
    except (OSError, EOFError):
        yield None
        return
    try:
        yield manager.Painter()  # type: ignore[attr-defined]  # registered above
    finally:
        manager.shutdown()


def _prepare(parent: int) -> None:
    """In the picture process, before it serves: import matplotlib and follow the build's end.

    Both run in the background, so the build does not wait for the import to start.
    """
    threading.Thread(target=import_matplotlib, daemon=True).start()
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    """End when the build that started this process is gone, even if it could not say so (kill -9)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)
