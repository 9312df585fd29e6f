"""The loaded workspace's values record, when a document consults them, the files they came from.

A build loads the workspace once and makes many documents from it. Each value read from a
file (a meeting, the minutes, the configuration) is declared with :class:`Consulted`, each
collection of folders (the years, a year's meetings) is a :class:`Folders`; reading them
while a target is made records the file as that target's input, with the stamp it had
when it was loaded (see :mod:`dialogkit.inputs`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar, overload

from dialogkit import inputs
from dialogkit.errors import DialogError, Finding

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


class Snapshot:
    """The stamps of a workspace's files as loading found them, and the errors found in them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.stamps: dict[str, str] = {}
        self.broken: dict[str, list[Finding]] = {}  # file -> its errors: a document that uses it fails with them
        self._folders: dict[str, inputs.Look] = {}  # looked up while loading, for the files in them

    def look(self, name: str) -> inputs.Look:
        """Look the path up (see :func:`inputs.look`) and keep its stamp for the documents that consult it."""
        try:
            found = inputs.look(self.root, name, within=self._folders.get(posixpath.dirname(name)))
        except DialogError:
            self.stamps[name] = inputs.UNSAFE
            raise
        self.stamps[name] = found.stamp
        if found.stamp == inputs.FOLDER:
            self._folders[name] = found
        return found

    def listing(self, name: str) -> list[str] | None:
        """The names in a folder, keeping the folder's stamp (see :func:`inputs.listing`)."""
        try:
            names, self.stamps[name + "/"] = inputs.listing(self.root, name)
        except DialogError:
            self.stamps[name + "/"] = inputs.UNSAFE
            raise
        return names

    def break_files(self, errors: list[Finding]) -> None:
        """From now on, consulting a file with errors raises them: one typo stops the documents that use it."""
        for finding in errors:
            self.broken.setdefault(finding.path, []).append(finding)

    def consulted(self, name: str) -> None:
        """A document used what was loaded from ``name``: record it with its stamp at loading."""
        file = name.partition("#")[0]  # "referat.md#front" was read with "referat.md"
        if file in self.broken:
            raise DialogError(self.broken[file])
        known = self.stamps.get(file)
        inputs.note(name, known if known is not None else inputs.stamp(self.root, name))


class Consults(Protocol):
    """A loaded value that knows which folder its files are in."""

    def consult(self, file: str) -> None: ...


class Consulted(Generic[T]):
    """A dataclass field loaded from ``file`` (in its owner's folder); reading it records the file.

    ``default`` is the field's value when the file is missing: dataclasses ask for it.
    """

    def __init__(self, file: str, default: T) -> None:
        self.file = file
        self.default = default

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = "_" + name

    @overload
    def __get__(self, obj: None, objtype: Any = None) -> T: ...
    @overload
    def __get__(self, obj: Consults, objtype: Any = None) -> T: ...
    def __get__(self, obj: Consults | None, objtype: Any = None) -> T:
        if obj is None:  # a dataclass asks for the field's default
            return self.default
        obj.consult(self.file)
        value: T = getattr(obj, self.slot)
        return value

    def __set__(self, obj: Consults, value: T) -> None:
        object.__setattr__(obj, self.slot, value)


class Folders(MutableMapping[K, V]):
    """Loaded folders by name: looking one up records that folder, going through them records the listing."""

    def __init__(self, items: dict[K, V] | None = None) -> None:
        self._items: dict[K, V] = dict(items or {})
        self.where = ""  # the folder they are in, relative to the workspace
        self.snapshot: Snapshot | None = None

    def attach(self, where: str, snapshot: Snapshot | None) -> None:
        self.where, self.snapshot = where, snapshot

    def _consult(self, name: str) -> None:
        if self.snapshot is not None:
            self.snapshot.consulted(name)

    def __getitem__(self, key: K) -> V:
        if key in self._items:
            self._consult(posixpath.join(self.where, str(key)))
            return self._items[key]
        self._consult(self.where + "/")  # not there: any folder that appears may be it
        raise KeyError(key)

    def __iter__(self) -> Iterator[K]:
        self._consult(self.where + "/")
        return iter(self._items)

    def __len__(self) -> int:
        self._consult(self.where + "/")
        return len(self._items)

    def __setitem__(self, key: K, value: V) -> None:
        self._items[key] = value

    def __delitem__(self, key: K) -> None:
        del self._items[key]

    def __repr__(self) -> str:
        return f"Folders({self._items!r})"
