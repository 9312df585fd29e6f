"""The words of a document in its language: labels from labels.yaml, dates and times with babel."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from dialogkit import inputs
from dialogkit.dates import clock
from dialogkit.errors import DialogError, Finding
from dialogkit.layout import LABELS_FILE, WORKSPACE_TEMPLATES, builtin_templates
from dialogkit.models.config import Season
from dialogkit.yamlload import load_yaml

__all__ = ["Labels", "clock", "date_in_words", "fill", "load_labels", "month_name", "short_date"]

_DATE_PATTERNS = {"sv": "EEEE d MMMM y", "nb": "EEEE d. MMMM y", "nn": "EEEE d. MMMM y", "en": "EEEE d MMMM y"}
_SHORT_DATE_PATTERNS = {"sv": "d MMMM", "nb": "d. MMMM", "nn": "d. MMMM", "en": "d MMMM"}


class Labels(dict[str, str]):
    """The labels of one locale; a missing label is an error that names it and the file."""

    def __init__(self, locale: str, values: Mapping[str, str]) -> None:
        super().__init__(values)
        self.locale = locale

    def __missing__(self, key: str) -> str:
        raise DialogError(
            Finding(
                f"{WORKSPACE_TEMPLATES}/{LABELS_FILE}",
                1,
                1,
                "error",
                f"no label '{key}' for the locale '{self.locale}': add it under '{self.locale}:'",
            )
        )


def load_labels(root: Path, locale: str) -> Labels:
    """The built-in labels of ``locale``, with the workspace's templates/labels.yaml over them."""
    builtin = builtin_templates() / LABELS_FILE
    values = _read(builtin, LABELS_FILE, _stamp(builtin)).get(locale, {})
    own_name = f"{WORKSPACE_TEMPLATES}/{LABELS_FILE}"
    found = inputs.look(root, own_name)
    if found.is_file and found.path is not None and found.path != builtin.resolve():
        values = {**values, **_read(found.path, own_name, found.stamp).get(locale, {})}
    return Labels(locale, values)


def _stamp(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_mtime_ns}:{stat.st_size}"


@lru_cache(maxsize=32)
def _read(path: Path, display: str, stamp: str) -> dict[str, dict[str, str]]:
    """The labels file, parsed once per version of the file (``stamp``): a build renders many documents."""
    data: Any = load_yaml(path, display).data  # our loader: a label "Nej" or "NO" stays text
    if not isinstance(data, dict) or not all(
        isinstance(words, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in words.items())
        for words in data.values()
    ):
        raise DialogError(
            Finding(display, 1, 1, "error", "labels must map each locale (sv, nb, nn, en) to 'key: text' pairs")
        )
    return {str(locale): dict(words) for locale, words in data.items()}


def season_label(seasons: Iterable[Season], labels: Mapping[str, str], name: str | None) -> str | None:
    """A season as people read it: its `label` in dialog.yaml, else the built-in word for its id, else the id."""
    if name is None:
        return None
    own = next((season.label for season in seasons if season.name == name and season.label), None)
    return own or labels.get(f"season_{name}", name)


# A label's placeholders are plain names; "{{" and "}}" are literal braces, as in str.format.
# Nothing else is read: "{0}", "{x.attr}", "{x[0]}" or "{x:>999999999}" in a workspace's
# label stays as it is written, where str.format would fail, reach into objects or pad for ever.
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fill(label: str, **values: object) -> str:
    """Put values into a label such as "Inbjudan till {area}": plain text in, plain text out.

    An unknown placeholder stays visible rather than failing the document.
    """

    def put(match: re.Match[str]) -> str:
        name = match[1]
        if name is None:
            return match[0][0]
        if name not in values:
            return match[0]
        value = values[name]
        return "" if value is None else str(value)

    return _PLACEHOLDER.sub(put, str(label))


@lru_cache(maxsize=1024)
def date_in_words(value: dt.date, locale: str) -> str:
    """A date with its weekday in words: "tisdag 8 april 2025", "tirsdag 8. april 2025"."""
    from babel.dates import format_date

    return str(format_date(value, _DATE_PATTERNS.get(locale, _DATE_PATTERNS["en"]), locale=locale))


@lru_cache(maxsize=1024)
def short_date(value: dt.date, locale: str) -> str:
    """Day and month in words: "8 april", "8. april"."""
    from babel.dates import format_date

    return str(format_date(value, _SHORT_DATE_PATTERNS.get(locale, _SHORT_DATE_PATTERNS["en"]), locale=locale))


def document_date(value: dt.date, locale: str) -> str:
    """A document's date as its head prints it: "20.10.2022" in Norwegian, "2025-11-20" in Swedish."""
    if locale in ("nb", "nn"):
        return value.strftime("%d.%m.%Y")
    return value.isoformat() if locale == "sv" else f"{value.day} {value.strftime('%B %Y')}"


@lru_cache(maxsize=1024)
def month_name(month: int, locale: str) -> str:
    """The name of a month in the locale's language: "april"."""
    from babel.dates import format_date

    return str(format_date(dt.date(2000, month, 1), "LLLL", locale=locale))
