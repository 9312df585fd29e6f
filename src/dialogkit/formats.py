"""The output formats of `--to`, parsed without loading the document pipeline."""

from __future__ import annotations

from dialogkit.errors import UsageError

FORMATS = ("md", "html", "docx", "odt", "pdf")
DEFAULT_FORMATS = ("docx", "pdf", "html")


def parse_formats(text: str | None) -> tuple[str, ...]:
    """The formats of a ``--to md,html,docx,odt,pdf`` option, in the order given; default docx,pdf,html."""
    if text is None or not text.strip():
        return DEFAULT_FORMATS
    chosen: list[str] = []
    for name in (part.strip().lower() for part in text.split(",")):
        if name not in FORMATS:
            raise UsageError(f"unknown format '{name}' in --to: choose from {','.join(FORMATS)}")
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen)
