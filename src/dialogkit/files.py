"""The one way dialog writes a file: atomically, and never over something a person wrote."""

from __future__ import annotations

import os
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
    """
    if within is not None:
        _refuse_escape(path, within)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
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
