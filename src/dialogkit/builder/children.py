"""The processes a build starts (its workers, the picture process) end with it, however it ends."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from contextlib import suppress
from multiprocessing.context import BaseContext

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def context() -> BaseContext:
    """How the build starts its processes: forked on Linux, so they are its own children and
    inherit the loaded workspace; elsewhere the platform's default (spawn on macOS)."""
    return multiprocessing.get_context("fork" if sys.platform == "linux" else None)


def follow_build(build: int) -> None:
    """Call first in a process the build (pid ``build``) started: it then dies when the build does.

    On Linux the kernel kills it the moment the build ends, even by kill -9; elsewhere a
    thread notices within a second. It leads a process group of its own, with the pandoc it
    runs, so that Ctrl-C in a terminal reaches the build alone and the build can end them all
    at once (runner._stop). SIGTERM ends it, as multiprocessing expects, whatever handler it
    inherited from the build.
    """
    with suppress(OSError):
        os.setpgid(0, 0)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not _killed_with_parent():
        threading.Thread(target=_exit_with, args=(build,), daemon=True).start()
    if os.getppid() != build:  # the build ended before the kernel was asked
        os._exit(1)


def _killed_with_parent() -> bool:
    """Ask Linux to SIGKILL this process when its parent ends; False where that cannot be asked."""
    if sys.platform != "linux":
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _exit_with(build: int) -> None:
    """End when the build is gone, where the kernel will not do it for us."""
    while os.getppid() == build:
        time.sleep(1.0)
    os._exit(1)
