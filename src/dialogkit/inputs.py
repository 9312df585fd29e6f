"""Every file dialog reads from a workspace: looked up without leaving it, recorded as a build input.

A symbolic link may point to another file inside the workspace. A link that leads out of
it, a file in a raw/ folder (raw survey exports hold personal data), and anything that is
not a regular file or folder (a FIFO, a device, /proc) are refused with a finding before
anything is opened. While a build makes a target (:func:`recording`), each lookup, of a
file found or of one looked for and missing, is recorded with the file's stamp, so the
build knows each target's inputs from the code that reads them, not from a second list.

An input is named by its path relative to the workspace; ``PATH/`` names the listing of a
folder, ``PATH#front`` the front matter of a Markdown file and ``PATH?`` only whether there
is a file at PATH.
"""

from __future__ import annotations

import contextvars
import hashlib
import os
import posixpath
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import ParamSpec, TypeVar

from dialogkit.errors import DialogError, Finding
from dialogkit.layout import AREAS_FILE, CONFIG_FILE, CYCLES_DIR, RAW_DIR, WORKSPACE_TEMPLATES

MISSING = "missing"
FOLDER = "folder"
UNSAFE = "unsafe"
FRONT = "#front"
EXISTS = "?"
_KINDS = {stat.S_IFIFO: "FIFO", stat.S_IFCHR: "device", stat.S_IFBLK: "device", stat.S_IFSOCK: "socket"}
_recorded: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar("dialog_inputs", default=None)
P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Look:
    """Where a workspace path really is (None when there is nothing) and its stamp."""

    path: Path | None
    stamp: str  # MISSING, FOLDER, or "file:MTIME:SIZE" (and the real path when reached by a link)
    mtime_ns: int = 0

    @property
    def is_file(self) -> bool:
        return self.stamp.startswith("file:")


@contextmanager
def recording() -> Iterator[dict[str, str]]:
    """Record every workspace path looked up in this context: name -> stamp when first read."""
    found: dict[str, str] = {}
    token = _recorded.set(found)
    try:
        yield found
    finally:
        _recorded.reset(token)


def carry(func: Callable[P, R]) -> Callable[P, R]:
    """``func`` run in a copy of this context, so that a thread pool's thread records here too."""
    context = contextvars.copy_context()

    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        return context.run(func, *args, **kwargs)

    return run


def note(name: str, stamp: str) -> None:
    """Record ``name`` as an input of the target being made, as it was when read."""
    found = _recorded.get()
    if found is not None:
        found.setdefault(name, stamp)


def look(root: Path, name: str, *, within: Look | None = None) -> Look:
    """Where the workspace path ``name`` really is; raises a finding when it may not be read.

    ``within``, the look of the folder ``name`` is in, saves looking that folder up again.
    """
    try:
        found = _look(root, name, within)
    except DialogError:
        note(name, UNSAFE)
        raise
    note(name, found.stamp)
    return found


def exists(root: Path, name: str) -> bool:
    """Whether there is a file at ``name``: recorded as that alone, so an edit of the file is no change."""
    try:
        found = _look(root, name)
    except DialogError:
        note(name + EXISTS, UNSAFE)
        raise
    note(name + EXISTS, _kind(found.stamp))
    return found.is_file


def resolve(root: Path, name: str) -> Path | None:
    """The real path of the regular file ``name`` in the workspace, or None when there is none."""
    found = look(root, name)
    return found.path if found.is_file else None


def read_bytes(root: Path, name: str, *, limit: int | None = None) -> bytes | None:
    """The bytes of the workspace file ``name``, or None when there is none."""
    return read_found(look(root, name), name, limit=limit)


def read_found(found: Look, name: str, *, limit: int | None = None) -> bytes | None:
    """The bytes of the file :func:`look` found for ``name``, or None when it found none."""
    if not found.is_file or found.path is None:
        return None
    try:
        # No link is followed and a FIFO put in the file's place meanwhile does not block.
        fd = os.open(found.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise DialogError(Finding(name, 1, 1, "error", f"cannot read the file: {exc.strerror}")) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DialogError(_special(name, info.st_mode))
        if limit is not None and info.st_size > limit:
            message = f"the file is larger than {limit // 1_048_576} MB, more than dialog reads for it"
            raise DialogError(Finding(name, 1, 1, "error", message))
        return handle.read()


def listing(root: Path, name: str) -> tuple[list[str] | None, str]:
    """The names in the workspace folder ``name`` (None when there is no such folder) and the listing's stamp."""
    try:
        found = _look(root, name)
    except DialogError:
        note(name + "/", UNSAFE)
        raise
    if found.stamp != FOLDER or found.path is None:
        note(name + "/", MISSING)
        return None, MISSING
    listed = f"list:{found.mtime_ns}"
    note(name + "/", listed)
    return _names(found.path), listed


def stamp(root: Path, name: str) -> str:
    """How the input ``name`` is now, from stats alone: equal stamps mean equal content, as in git's index."""
    path, _, _part = name.partition("#")
    try:
        found = _look(root, path.rstrip("/").removesuffix(EXISTS) or ".")
    except DialogError:
        return UNSAFE
    if path.endswith("/"):
        return f"list:{found.mtime_ns}" if found.stamp == FOLDER else MISSING
    return _kind(found.stamp) if path.endswith(EXISTS) else found.stamp


def digest(root: Path, name: str, current: str) -> str:
    """The hash of the input ``name`` whose stamp is ``current``."""
    if not (current.startswith(("file:", "list:"))):
        return current  # missing, a folder's existence, or unsafe: the stamp says it all
    path, _, part = name.partition("#")
    real = _look(root, path.rstrip("/"))
    assert real.path is not None
    if path.endswith("/"):
        data = "\n".join(_names(real.path)).encode()
    else:
        data = real.path.read_bytes()
        if part == FRONT[1:]:
            data = _front_matter(data)
    return hashlib.sha256(data).hexdigest()


def unsafe_links(root: Path) -> list[Finding]:
    """A finding for each link out of the workspace and each special file where dialog reads files."""
    findings: list[Finding] = []
    for top in (CONFIG_FILE, AREAS_FILE, WORKSPACE_TEMPLATES, CYCLES_DIR):
        path = root / top
        if path.is_symlink() or (path.exists() and not (path.is_dir() or path.is_file())):
            findings.extend(_refusal(root, top))
        elif path.is_dir():
            findings.extend(_walk(root, top))
    return findings


def _walk(root: Path, name: str) -> Iterator[Finding]:
    with os.scandir(os.path.join(root, name)) as entries:
        # DirEntry answers from the folder listing: no stat for the files that are what they seem.
        found = sorted((e.name, e.is_symlink(), e.is_dir(), e.is_file()) for e in entries if e.name != RAW_DIR)
    for entry, link, folder, file in found:
        if link or not (folder or file):
            yield from _refusal(root, f"{name}/{entry}")
        elif folder:
            yield from _walk(root, f"{name}/{entry}")


def _refusal(root: Path, name: str) -> Iterator[Finding]:
    try:
        _look(root, name)
    except DialogError as exc:
        yield from exc.findings


def _look(root: Path, name: str, within: Look | None = None) -> Look:
    base = _real_root(str(root))
    parts = _parts(name)
    path = base
    if within is not None and within.stamp == FOLDER and within.path is not None and parts:
        path, parts = str(within.path), parts[-1:]  # the folder is known: only the last part is new
    for index, part in enumerate(parts):
        path = f"{path}/{part}"
        try:
            info = os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            return Look(None, MISSING)
        except OSError as exc:
            raise DialogError(Finding(name, 1, 1, "error", f"cannot read the file: {exc.strerror}")) from None
        if stat.S_ISLNK(info.st_mode):
            return _through_link(base, name, path, parts[index + 1 :])
    return _stamped(base, name, path, info if parts else os.stat(base), via_link=False)


def _through_link(base: str, name: str, link: str, rest: list[str]) -> Look:
    real = os.path.realpath(os.path.join(link, *rest))
    if real != base and not real.startswith(base + os.sep):
        target = os.readlink(link)
        message = (
            f"{name} is a link to '{target}', outside the workspace; dialog reads no file through such a link: "
            "put the file itself here"
        )
        raise DialogError(Finding(name, 1, 1, "error", message))
    try:
        info = os.stat(real)
    except OSError:
        return Look(None, MISSING)
    return _stamped(base, name, real, info, via_link=True)


def _stamped(base: str, name: str, real: str, info: os.stat_result, *, via_link: bool) -> Look:
    if stat.S_ISDIR(info.st_mode):
        return Look(Path(real), FOLDER, info.st_mtime_ns)
    if not stat.S_ISREG(info.st_mode):
        raise DialogError(_special(name, info.st_mode))
    inside = real[len(base) + 1 :].split("/")  # real is below base: a link out was refused before
    if RAW_DIR in inside[:-1]:
        message = (
            f"{name} is in a raw/ folder: raw survey exports hold personal data and are never read into "
            "a document; put the file somewhere else"
        )
        raise DialogError(Finding(name, 1, 1, "error", message))
    where = f":{'/'.join(inside)}" if via_link else ""
    return Look(Path(real), f"file:{info.st_mtime_ns}:{info.st_size}{where}", info.st_mtime_ns)


def _kind(stamp: str) -> str:
    return stamp.partition(":")[0]


def _special(name: str, mode: int) -> Finding:
    kind = _KINDS.get(stat.S_IFMT(mode), "special file")
    message = f"{name} is a {kind}, not a regular file; dialog reads only regular files: put the file itself here"
    return Finding(name, 1, 1, "error", message)


def _parts(name: str) -> list[str]:
    normal = posixpath.normpath(name)
    if normal.startswith(("/", "../")) or normal == ".." or "\x00" in normal:
        raise DialogError(Finding(name, 1, 1, "error", f"{name} is outside the workspace"))
    return [] if normal == "." else normal.split("/")


@lru_cache(maxsize=16)
def _real_root(root: str) -> str:
    return os.path.realpath(root)


def _names(folder: Path) -> list[str]:
    with os.scandir(folder) as entries:
        return sorted(e.name for e in entries)


def _front_matter(data: bytes) -> bytes:
    """The front matter of a Markdown file; the whole file when it has none."""
    lines = data.splitlines(keepends=True)
    if lines and lines[0].rstrip(b"\r\n") == b"---":
        for index in range(1, len(lines)):
            if lines[index].rstrip(b"\r\n") == b"---":
                return b"".join(lines[1:index])
    return data
