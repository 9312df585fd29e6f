"""What becomes of a bug in dialog: its full trace in a log file, one line for the person."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import traceback
from pathlib import Path

from dialogkit.errors import printable

LOG_DIR_ENV = "DIALOG_LOG_DIR"  # where crash logs go; default ~/.cache/dialogkit (XDG_CACHE_HOME)


def log_dir() -> Path:
    """The folder for crash logs: $DIALOG_LOG_DIR, else the user's cache folder, as pip and pre-commit do."""
    if os.environ.get(LOG_DIR_ENV):
        return Path(os.environ[LOG_DIR_ENV])
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(cache) / "dialogkit"


def write_crash_log(exc: BaseException) -> Path | None:
    """Write ``exc`` with its trace to a new log file; None when no folder will take it."""
    from dialogkit import __version__

    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    text = f"dialog {__version__}\n" + "".join(traceback.format_exception(exc))
    for folder in (log_dir(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f"dialog-crash-{stamp}-", suffix=".log", dir=folder)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            return Path(name)
        except OSError:
            continue
    return None


def internal_error(exc: BaseException) -> str:
    """One line about a bug: what it was and where its trace was written."""
    log = write_crash_log(exc)
    where = f"the full trace is in {log}" if log is not None else "no trace could be written"
    detail = printable(f"{type(exc).__name__}: {exc}")[:300]
    return f"internal error ({detail}), a bug in dialog rather than in your files; {where}; please report it"


def os_error(exc: OSError) -> str:
    """An operating-system error (read-only folder, full disk, no permission) as a sentence."""
    reason = exc.strerror or type(exc).__name__
    target = exc.filename if exc.filename is not None else None
    if target is None:
        return printable(f"cannot continue: {reason}")
    return printable(f"cannot use {target}: {reason}")
