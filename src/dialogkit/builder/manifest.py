"""What makes a build incremental and safe: input hashes, the manifest, and the build lock."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dialogkit import __version__, inputs
from dialogkit.errors import DialogError, Finding
from dialogkit.files import write_atomic
from dialogkit.layout import LOCK_FILE, MANIFEST_FILE


def tree_digest(folder: Path) -> str:
    """A hash of every file below ``folder`` (names and contents); empty when it is missing."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def input_digest(inputs: Iterable[str], salt: str, file_digest: Callable[[str], str]) -> str:
    """A hash of everything one output is made from: its input files and the shared salt."""
    digest = hashlib.sha256(f"{__version__}\0{salt}\0".encode())
    for name in sorted(set(inputs)):
        digest.update(f"{name}\0{file_digest(name)}\0".encode())
    return digest.hexdigest()


class Manifest:
    """build/.dialog-manifest.json: per target, the inputs it was made from, their hash, and its files.

    Each target's inputs are those its making recorded (see :mod:`dialogkit.inputs`). The
    manifest also remembers each input's stamp (modification time and size) and hash, as
    git's index does, so that a build with nothing to do reads no file, only stats them.
    """

    def __init__(self, root: Path, out: Path) -> None:
        self.root = root
        self.path = out / MANIFEST_FILE
        self.out = out
        try:
            data: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        self.entries: dict[str, dict[str, Any]] = data.get("targets", {})
        self.files: dict[str, list[str]] = data.get("files", {})
        self._seen: dict[str, tuple[str, str]] = {}  # this run's stamp and digest: many targets share an input
        self._changed = not self.path.is_file()  # a build with nothing to do writes nothing

    def file_digest(self, name: str) -> str:
        """The hash of one input, from the stamp cache when unchanged."""
        return self._current(name)[1]

    def _current(self, name: str) -> tuple[str, str]:
        if name in self._seen:
            return self._seen[name]
        stamp = inputs.stamp(self.root, name)
        cached = self.files.get(name)
        if cached is not None and len(cached) == 2 and cached[0] == stamp:
            digest = cached[1]
        else:
            try:
                digest = inputs.digest(self.root, name, stamp)
            except (OSError, DialogError):
                digest = inputs.UNSAFE
            self.files[name] = [stamp, digest]
            self._changed = True
        self._seen[name] = (stamp, digest)
        return stamp, digest

    def up_to_date(self, key: str, salt: str) -> bool:
        """Whether the target ``key`` was made from its inputs as they are now, and its files are there."""
        entry = self.entries.get(key)
        if not entry or "inputs" not in entry:
            return False
        if entry.get("hash") != input_digest(entry["inputs"], salt, self.file_digest):
            return False
        return all((self.out / name).is_file() for name in entry.get("outputs", []))

    def record(self, key: str, salt: str, used: Mapping[str, str], outputs: Iterable[Path]) -> None:
        """Remember that ``key`` was made from the inputs ``used`` (name -> stamp when read)."""
        self._seen = {n: seen for n, seen in self._seen.items() if n not in used or seen[0] == used[n]}
        # An input that changed while the target was made: the next build makes it again.
        stale = any(self._current(name)[0] != stamp for name, stamp in used.items())
        self.entries[key] = {
            "hash": "changed while building" if stale else input_digest(used, salt, self.file_digest),
            "inputs": sorted(used),
            "outputs": sorted(p.relative_to(self.out).as_posix() for p in outputs),
        }
        self._changed = True

    def forget(self, key: str) -> None:
        self._changed = self._changed or key in self.entries
        self.entries.pop(key, None)

    def save(self) -> None:
        """Write the manifest when this run changed it."""
        if not self._changed:
            return
        text = json.dumps(
            {"dialog": __version__, "targets": self.entries, "files": self.files}, indent=1, sort_keys=True
        )
        write_atomic(self.path, text + "\n", within=self.out)


@contextmanager
def build_lock(out: Path, on_wait: Callable[[str], None]) -> Iterator[None]:
    """Hold build/.dialog-build.lock; a second build waits for the first and says why.

    A POSIX record lock (lockf), not a flock: it belongs to this process alone, so a forked
    worker that outlives a killed build cannot keep holding it, and the kernel releases it
    when the process ends, however it ends. A build that ended without releasing it (kill -9)
    left its pid in the file: the next build says so and removes the temporary files it left.
    Record locks do not keep threads of one process apart; a lock per folder does that.
    """
    out.mkdir(parents=True, exist_ok=True)
    path = out / LOCK_FILE
    among_threads = _thread_lock(path)
    if not among_threads.acquire(blocking=False):
        on_wait(f"waiting for another dialog build in this process (pid {os.getpid()}) to finish")
        among_threads.acquire()
    try:
        fd = _open_lock(path)
        try:
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EACCES, errno.EAGAIN):
                    raise
                on_wait(f"waiting for another dialog build to finish (held by {_holder(fd) or 'another process'})")
                fcntl.lockf(fd, fcntl.LOCK_EX)
            left = _holder(fd)
            if left:
                on_wait(f"taking over the build lock of {left}, which ended without releasing it (killed?)")
                remove_temporaries(out)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
            try:
                yield
            finally:
                os.ftruncate(fd, 0)
        finally:
            os.close(fd)  # which releases the lock
    finally:
        among_threads.release()


_thread_locks: dict[str, threading.Lock] = {}
_thread_locks_lock = threading.Lock()


def _thread_lock(path: Path) -> threading.Lock:
    with _thread_locks_lock:
        return _thread_locks.setdefault(str(path.resolve()), threading.Lock())


def _open_lock(path: Path) -> int:
    """The lock file, never a link planted in its place (it is truncated and written)."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o666)
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
    raise DialogError(Finding(str(path), 1, 1, "error", "the build lock is a symbolic link; remove it"))


def _holder(fd: int) -> str:
    """Who holds or last held the lock, as written in it ("pid 1234"); empty after a release."""
    return os.pread(fd, 100, 0).decode("utf-8", "replace").strip()


def remove_temporaries(out: Path) -> None:
    """Remove the temporary files of writes that a killed build or worker began (files.atomic_file's .*.tmp)."""
    for path in out.rglob(".*.tmp"):
        if path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)
