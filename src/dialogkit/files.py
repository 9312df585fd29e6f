"""The one way dialog writes a file: atomically, and never over something a person wrote."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO, Any, Literal, overload

from dialogkit.errors import DialogError, Finding

WriteOutcome = Literal["created", "kept", "replaced"]


def write_atomic(path: Path, data: str | bytes, *, overwrite: bool = True, within: Path | None = None) -> WriteOutcome:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A reader, or a crash, sees the old file or the new one, never half of either. With
    ``overwrite=False`` an existing file is kept as it is (a person may have edited it)
    and "kept" is returned. With ``within`` the target must resolve inside that folder,
    so a symlink planted where an output goes cannot send the write elsewhere.
    """
    existed = path.exists()
    if existed and not overwrite:
        return "kept"
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_file(path, within=within) as handle:
        handle.write(payload)
    return "replaced" if existed else "created"


@overload
def atomic_file(
    path: Path, *, within: Path | None = ..., encoding: None = ..., durable: bool = ...
) -> AbstractContextManager[IO[bytes]]: ...
@overload
def atomic_file(
    path: Path, *, within: Path | None = ..., encoding: str, durable: bool = ...
) -> AbstractContextManager[IO[str]]: ...
@contextmanager
def atomic_file(
    path: Path, *, within: Path | None = None, encoding: str | None = None, durable: bool = True
) -> Iterator[IO[Any]]:
    """A file to stream into that replaces ``path`` only once it is complete (see :func:`write_atomic`).

    Binary, or text in ``encoding`` with newlines as written. ``durable=False`` skips the
    fsync, for a file that can be made again from its source should a crash cut it short.
    The new file has the mode a plain write would give it (the umask's), or the mode of
    the file it replaces, so colleagues and web servers can read what dialog writes.
    """
    if within is not None:
        _refuse_escape(path, within)
    existing = _existing(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(path)
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path, os.getpid()), suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        os.fchmod(fd, stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask())
        mode = "wb" if encoding is None else "w"
        with os.fdopen(fd, mode, encoding=encoding, newline=None if encoding is None else "") as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if path.is_symlink():
            path.unlink()  # replace the link itself, never the file it points to
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


TEMP_SUFFIX = ".tmp"  # git-ignored as ".*.tmp" by the workspace's .gitignore


def _temp_prefix(path: Path, pid: int) -> str:
    # The writer's process id in the name tells a later run which leftovers are abandoned.
    return f".{path.name}.{pid}."


def _remove_abandoned(path: Path) -> None:
    """Remove temporary files a killed run left beside ``path``: those whose writer is gone."""
    prefix = f".{path.name}."
    try:
        names = [n for n in os.listdir(path.parent) if n.startswith(prefix) and n.endswith(TEMP_SUFFIX)]
    except OSError:
        return
    for name in names:
        pid = name[len(prefix) :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                (path.parent / name).unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _existing(path: Path) -> os.stat_result | None:
    """The status of the file ``path`` replaces; refuses anything but a file or a link (a device, a folder)."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(status.st_mode):
        return None  # the link is replaced, not followed: the new file gets a plain write's mode
    if not stat.S_ISREG(status.st_mode):
        kind = "a folder" if stat.S_ISDIR(status.st_mode) else "not a regular file"
        raise DialogError(
            Finding(str(path), 1, 1, "error", f"refusing to write {path}: it is {kind}; choose a file name")
        )
    return status


def _umask() -> int:
    """The process's umask, read without changing it where Linux allows (os.umask sets it to read it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _refuse_escape(path: Path, within: Path) -> None:
    root = within.resolve()
    target = path.parent.resolve() / path.name
    if root != target and root not in target.parents:
        raise DialogError(
            Finding(
                str(path),
                1,
                1,
                "error",
                f"refusing to write outside the workspace ({target}): a folder on the way is a link; remove it",
            )
        )
