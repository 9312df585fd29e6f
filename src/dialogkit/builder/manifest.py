"""What makes a build incremental and safe: input hashes, the manifest, and the build lock."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dialogkit import __version__, inputs
from dialogkit.errors import DialogError
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
    """Hold build/.dialog-build.lock; a second build waits for the first and says why."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK_FILE, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            on_wait(f"waiting for another dialog build to finish (held by {holder})")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
