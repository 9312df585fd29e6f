"""A YAML loader that cannot be fooled: YAML 1.2 scalars, no object tags, no duplicate keys.

PyYAML's loaders follow YAML 1.1, where ``NO`` is false, ``18:00`` is 1080 and ``0123``
is 83, and they keep the last of two duplicate keys without a word. We use only
libyaml's event parser (C, streaming, never recursive) and build plain values from the
events ourselves, which also lets us bound nesting and alias expansion. Positions are
not recorded on the fast path; when a value turns out to be wrong, :func:`positions`
parses the text again and maps every key path to its line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import events as ev

from dialogkit.errors import DialogError, Finding

MAX_DEPTH = 64
MAX_ALIAS_EXPANSION = 100_000  # nodes that aliases may add beyond what is written
MAX_YAML_BYTES = 20 * 1024 * 1024
MAP_ALL_BELOW = 1024 * 1024  # characters; a larger file is read again for each position asked of it

_Parser: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # libyaml when present
_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_COLLECTION_TAGS = {None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})

KeyPath = tuple[str | int, ...]  # keys and list indexes from the document's root: ("meetings", 0, "date")


@dataclass
class YamlDocument:
    """The plain value of one YAML file and what is needed to point into it."""

    path: str
    text: str
    data: Any
    _positions: dict[KeyPath, tuple[int, int]] | None = field(default=None, repr=False)
    _key_positions: dict[KeyPath, tuple[int, int]] | None = field(default=None, repr=False)
    _asked: bool = field(default=False, repr=False)

    def position(self, loc: KeyPath, *, key: bool = False) -> tuple[int, int]:
        """The (line, column) of the value at ``loc``, or of the nearest existing parent.

        With ``key`` the position of the key itself is preferred (for unknown keys).
        """
        loc = tuple(loc)
        if self._positions is not None and self._key_positions is not None:
            values, keys = self._positions, self._key_positions
        elif self._asked and len(self.text) <= MAP_ALL_BELOW:  # a second finding: map the file once for all
            values, keys = self._positions, self._key_positions = positions(self.text, self.path)
        else:
            # Most files with a finding have one: reading toward it alone costs a third of
            # mapping every path, and a large file's map would take many times its size.
            self._asked = True
            values, keys = positions(self.text, self.path, toward=loc)
        if key and loc in keys:
            return keys[loc]
        while loc not in values and loc:
            loc = loc[:-1]
        return values.get(loc, (1, 1))

    def finding(self, loc: KeyPath, message: str, severity: str = "error", *, key: bool = False) -> Finding:
        """A finding positioned at ``loc`` in this document."""
        line, column = self.position(loc, key=key)
        return Finding(self.path, line, column, severity, message)  # type: ignore[arg-type]


def decode_utf8(raw: bytes, display: str) -> str:
    """Decode UTF-8, dropping a BOM; name the first bad byte's line otherwise."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DialogError(Finding(display, 1, 1, "error", "the file is saved as UTF-16; save it as UTF-8"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise DialogError(
            Finding(
                display,
                line,
                column,
                "error",
                f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x}); "
                "save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)",
            )
        ) from None


def load_yaml(path: Path, display: str) -> YamlDocument:
    """Read and parse one YAML file into plain values."""
    return parse_yaml(decode_utf8(read_yaml_bytes(path, display), display), display)


def read_yaml_bytes(path: Path, display: str) -> bytes:
    """The bytes of a YAML file, refused unread when it is larger than dialog reads."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DialogError(Finding(display, 1, 1, "error", f"cannot read the file: {exc.strerror}")) from None
    check_size(size, display)  # before reading: a file of gigabytes is refused unread
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DialogError(Finding(display, 1, 1, "error", f"cannot read the file: {exc.strerror}")) from None


def check_size(size: int, display: str, what: str = "the file", line: int = 1) -> None:
    """Refuse YAML of more than MAX_YAML_BYTES: parsed, it takes ten times that and more."""
    if size > MAX_YAML_BYTES:
        raise DialogError(
            Finding(
                display,
                line,
                1,
                "error",
                f"{what} is {size / 1_048_576:.1f} MB; dialog reads YAML files up to "
                f"{MAX_YAML_BYTES // 1_048_576} MB, front matter included: split it or remove what does not belong",
            )
        )


def parse_yaml(text: str, display: str) -> YamlDocument:
    """Parse YAML text into plain values: dicts, lists, str, int, float, bool, None."""
    # Every YAML passes here, front matter too; a character is one to four bytes in UTF-8.
    if len(text) > MAX_YAML_BYTES // 4:
        check_size(len(text) if len(text) > MAX_YAML_BYTES else len(text.encode()), display, "the YAML")
    data = _Builder(display, record=False).build(text)
    return YamlDocument(display, text, data)


def positions(
    text: str, display: str, toward: KeyPath | None = None
) -> tuple[dict[KeyPath, tuple[int, int]], dict[KeyPath, tuple[int, int]]]:
    """Map every key path of a document to the (line, column) of its value and of its key.

    With ``toward``, only that path and its parents are mapped, and reading stops at it.
    """
    builder = _Builder(display, record=True, toward=toward)
    builder.build(text)
    return builder.value_positions, builder.key_positions


def resolve_plain(value: str) -> Any:
    """Resolve an unquoted scalar the YAML 1.2 way, stricter still: ``0123`` stays text."""
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    first = value[0]
    if first.isdigit() or first in "+-.":
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return WrittenFloat(value)
    return value


class WrittenFloat(float):
    """A number with a decimal point, keeping how it was written: ``19.00`` is a time to a Scandinavian."""

    written: str

    def __new__(cls, written: str | float) -> WrittenFloat:
        number = super().__new__(cls, written)
        number.written = str(written)
        return number


_NOTHING: Any = object()


class _Frame:
    __slots__ = ("anchor", "container", "first_seen", "is_map", "key", "key_mark", "path", "size")

    def __init__(self, container: Any, is_map: bool, anchor: str | None, path: KeyPath) -> None:
        self.container = container
        self.is_map = is_map
        self.key: Any = _NOTHING
        self.key_mark: tuple[int, int] = (1, 1)
        self.size = 1
        self.anchor = anchor
        self.path = path
        self.first_seen: dict[Any, int] = {}


class _Builder:
    """Builds plain values from libyaml's events, checking what PyYAML lets through."""

    def __init__(self, display: str, *, record: bool, toward: KeyPath | None = None) -> None:
        self.display = display
        self.record = record
        self.toward = toward
        self.value_positions: dict[KeyPath, tuple[int, int]] = {}
        self.key_positions: dict[KeyPath, tuple[int, int]] = {}
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # each anchor's value, and how many values it holds
        self.root: Any = _NOTHING
        self.expanded = 0  # values that aliases have added
        self.documents = 0

    def fail(self, mark: Any, message: str) -> DialogError:
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return DialogError(Finding(self.display, line, column, "error", message))

    def events(self, text: str) -> Iterator[Any]:
        parser = _Parser(text)
        next_event = parser.get_event  # None after the last: one call per event, not two
        try:
            while (event := next_event()) is not None:
                yield event
        except yaml.MarkedYAMLError as exc:
            raise self.fail(exc.problem_mark, _explain(exc, text)) from None
        except yaml.YAMLError as exc:
            raise self.fail(None, f"cannot read the YAML: {exc}") from None
        finally:
            parser.dispose()

    def build(self, text: str) -> Any:
        """The plain value of ``text``; with ``record``, the positions of its values are kept too."""
        stack, scalar, deliver = self.stack, self._scalar, self._deliver  # looked up once: they serve every value
        for event in self.events(text):
            kind = type(event)
            if kind is ev.ScalarEvent:
                value, size = scalar(event), 1
            elif kind is ev.AliasEvent:
                value, size = self._alias(event)
            else:
                if kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
                    self._open(event, is_map=kind is ev.MappingStartEvent)
                elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                    self._close(event)
                elif kind is ev.DocumentStartEvent:
                    self._document(event)
                continue
            if self.record:
                self._record(stack, self._child_path(stack), event.start_mark)
            deliver(stack, value, size, event.start_mark)
            if self.toward is not None and self.toward in self.value_positions:
                break  # the path sought is found: the rest of the file is not read
        return None if self.root is _NOTHING else self.root

    def _scalar(self, event: Any) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            plain = event.implicit[0] and not event.style  # libyaml gives "" for plain, PyYAML None
            value = resolve_plain(event.value) if plain else event.value
        elif tag == _STR_TAG:
            value = event.value
        else:
            raise self.fail(event.start_mark, _tag_message(tag))
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        return value

    def _alias(self, event: Any) -> tuple[Any, int]:
        if event.anchor not in self.anchors:
            raise self.fail(event.start_mark, f"the alias *{event.anchor} refers to no anchor defined before it")
        value, size = self.anchors[event.anchor]
        self.expanded += size
        if self.expanded > MAX_ALIAS_EXPANSION:
            raise self.fail(
                event.start_mark,
                f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} values (an alias bomb?); write the values out instead",
            )
        return value, size

    def _open(self, event: Any, *, is_map: bool) -> None:
        if event.tag not in _ALLOWED_COLLECTION_TAGS:
            raise self.fail(event.start_mark, _tag_message(event.tag))
        stack = self.stack
        if len(stack) >= MAX_DEPTH:
            raise self.fail(
                event.start_mark, f"the structure nests deeper than {MAX_DEPTH} levels; dialog files are far flatter"
            )
        path = self._child_path(stack) if self.record else ()
        if self.record:
            self._record(stack, path, event.start_mark)
        stack.append(_Frame({} if is_map else [], is_map, event.anchor, path))

    def _close(self, event: Any) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.container, frame.size)
        self._deliver(self.stack, frame.container, frame.size, event.start_mark)

    def _document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise self.fail(event.start_mark, "the file holds more than one YAML document (a second ---); keep one")

    def _child_path(self, stack: list[_Frame]) -> KeyPath:
        if not stack:
            return ()
        top = stack[-1]
        if top.is_map:
            return (*top.path, top.key) if top.key is not _NOTHING else top.path
        return (*top.path, len(top.container))

    def _record(self, stack: list[_Frame], path: KeyPath, mark: Any) -> None:
        if not stack:
            self.value_positions[()] = _pos(mark)
            return
        top = stack[-1]
        if top.is_map and top.key is _NOTHING:
            return  # a key: recorded when its value arrives
        if self.toward is not None and path != self.toward[: len(path)]:
            return  # neither the path sought nor one of its parents
        self.value_positions.setdefault(path, _pos(mark))
        if top.is_map:
            self.key_positions.setdefault(path, top.key_mark)

    def _deliver(self, stack: list[_Frame], value: Any, size: int, mark: Any) -> None:
        """Put a value where it belongs: in the open collection, or at the root."""
        if not stack:
            self.root = value
            return
        top = stack[-1]
        top.size += size
        if not top.is_map:
            top.container.append(value)
            return
        if top.key is _NOTHING:
            if isinstance(value, (dict, list)):
                raise self.fail(mark, "a key must be plain text, not a list or mapping")
            if value in top.first_seen:
                raise self.fail(
                    mark,
                    f"duplicate key '{value}' (first at line {top.first_seen[value]}); keep one of them",
                )
            top.first_seen[value] = mark.line + 1
            top.key = value
            top.key_mark = _pos(mark)
            return
        top.container[top.key] = value
        top.key = _NOTHING


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _tag_message(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return f"the tag {shown} is not allowed; dialog files hold only text, numbers, lists and mappings"


def _explain(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = exc.problem or "the YAML cannot be read"
    if problem.startswith("exceeded maximum nesting depth"):
        # libyaml's own limit (newer releases), met before our MAX_DEPTH when it scans ahead
        return f"the structure nests deeper than {MAX_DEPTH} levels; dialog files are far flatter"
    mark = exc.problem_mark
    lines = text.splitlines()
    if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        return "a tab is used for indentation; YAML indents with spaces only"
    hints = {
        "mapping values are not allowed here": "check the indentation, or quote a value that holds ': '",
        "could not find expected ':'": "a key is missing its ':' or a quote is not closed",
        "found undefined alias": "define the &anchor before using the alias",
    }
    hint = next((h for key, h in hints.items() if problem.startswith(key)), "check the indentation and quotes")
    context = f" ({exc.context})" if exc.context else ""
    return f"{problem}{context}; {hint}"
