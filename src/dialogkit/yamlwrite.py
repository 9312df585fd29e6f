"""The one YAML writer: PyYAML, quoting what a reader could misread, checked by reading it back.

Every file dialog writes for a person to edit (plan.yaml, meeting.yaml stubs, survey.yaml,
the files of `dialog init`) passes here. Text that a YAML 1.1 reader (PyYAML, many editors),
a YAML 1.2 reader or our own loader would take for something else (``NO``, ``on``, ``18:00``,
``0123``, ``2025-04-08``, ``1e5``, ``null``) is quoted, and so is text with leading or
trailing blanks or control characters. What is written is read back through
:mod:`dialogkit.yamlload` and must be the same data.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from dialogkit.yamlload import parse_yaml, positions, resolve_plain

# Anything a reader could take for a number, a time or a date: YAML 1.2 reads 0123 as 123,
# YAML 1.1 reads 18:00 as 1080 and 2025-04-08 as a date, our loader reads 1e5 as a number.
_NUMBER_LIKE = re.compile(r"[-+]?(?:\.?[0-9]|\.(?:inf|nan)\Z)", re.IGNORECASE)
# YAML 1.1's booleans and nulls, in any case (y and n too, which PyYAML's own resolver leaves out).
_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"})
_STR = "tag:yaml.org,2002:str"


class FlowMapping(dict[str, Any]):
    """A mapping written on one line, ``{key: value, ...}``."""


class FlowSequence(list[Any]):
    """A list written on one line, ``[a, b]``."""


def _needs_quotes(text: str) -> bool:
    """Whether plain text would read back as something else in some reader: then it is quoted."""
    return _NUMBER_LIKE.match(text) is not None or text.lower() in _WORDS or not isinstance(resolve_plain(text), str)


def dump(data: Mapping[str, Any], *, header: str = "", comments: Mapping[tuple[str, ...], str] | None = None) -> str:
    """``data`` as YAML text below the ``header`` comment lines, a comment at the end of the lines of ``comments``.

    Raises AssertionError when the text does not read back as ``data`` (dates read back as text).
    """
    if any(not line.startswith("#") for line in header.splitlines()) or header[-1:] not in ("", "\n"):
        raise ValueError(f"a header is whole comment lines: {header!r}")
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=sys.maxsize)
    text = header + body
    if comments:
        text = _comment(text, comments)
    again = parse_yaml(text, "the YAML written").data
    if not _same(again, _as_read(data)):
        raise AssertionError(f"the YAML written does not read back as the same data:\n{text}")
    return text


def _comment(text: str, comments: Mapping[tuple[str, ...], str]) -> str:
    """Put each comment at the end of its key's line, the comments aligned."""
    keys = positions(text, "the YAML written")[1]
    lines = text.split("\n")
    at = {keys[path][0] - 1: comment for path, comment in comments.items()}
    width = max(len(lines[i]) for i in at)
    for i, comment in at.items():
        if "\n" in comment:
            raise ValueError(f"a comment is one line: {comment!r}")
        lines[i] = f"{lines[i].ljust(width)}  # {comment}"
    return "\n".join(lines)


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, and double quotes where quotes are needed."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # `key:\n  - item`, as people write it

    def choose_scalar_style(self) -> str:
        style = super().choose_scalar_style()
        return '"' if style == "'" else style  # one kind of quotes, with escapes for every character


def _represent_str(dumper: _Dumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar(_STR, text, style='"' if _needs_quotes(text) else None)


def _represent_flow_mapping(dumper: _Dumper, mapping: FlowMapping) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", mapping, flow_style=True)


def _represent_flow_sequence(dumper: _Dumper, sequence: FlowSequence) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", sequence, flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(FlowMapping, _represent_flow_mapping)
_Dumper.add_representer(FlowSequence, _represent_flow_sequence)


def _as_read(value: Any) -> Any:
    """``value`` as our loader gives it back: plain dicts and lists, a date as its text."""
    if isinstance(value, Mapping):
        return {key: _as_read(item) for key, item in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [_as_read(item) for item in value]
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def _same(read: Any, written: Any) -> bool:
    """Equal, and of the same types all the way down (``1 == True`` in Python, not here)."""
    if type(read) is not type(written):
        return False
    if isinstance(read, dict):
        return read.keys() == written.keys() and all(_same(read[key], written[key]) for key in read)
    if isinstance(read, list):
        return len(read) == len(written) and all(_same(a, b) for a, b in zip(read, written, strict=True))
    return bool(read == written)
