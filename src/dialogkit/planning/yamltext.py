"""Small YAML emitters for the files the planner writes: readable, quoted where YAML would misread."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence

from dialogkit.yamlload import resolve_plain

Scalar = str | int | bool | dt.date | None
_PLAIN = re.compile(r"[^\W\d_][\w .()'/-]*\Z")
# Words YAML 1.1 readers (PyYAML, many editors) take for booleans: quoted for their sake.
_YAML11_WORDS = frozenset({"y", "n", "yes", "no", "on", "off"})


def scalar(value: Scalar) -> str:
    """One value as YAML text; strings stay plain only when every reader reads them back as the same text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return str(value) if isinstance(value, int) else value.isoformat()
    plain = (
        _PLAIN.match(value) is not None
        and value == value.strip()
        and resolve_plain(value) == value
        and value.lower() not in _YAML11_WORDS
    )
    if plain:
        return value
    # JSON's escapes are YAML's; escape also what JSON leaves raw but a YAML stream may not hold.
    quoted = json.dumps(value, ensure_ascii=False)
    return "".join(c if c.isprintable() else _escape(c) for c in quoted)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def flow(mapping: Mapping[str, Scalar]) -> str:
    """A one-line mapping, ``{key: value, ...}``."""
    return "{" + ", ".join(f"{key}: {scalar(value)}" for key, value in mapping.items()) + "}"


def flow_list(values: Sequence[Scalar]) -> str:
    """A one-line list, ``[a, b]``."""
    return "[" + ", ".join(scalar(v) for v in values) + "]"
