"""The published documents the site links to, each with its format and size, copied into the site.

Invitations, agendas, the year's plan, the compiled minutes, the council document and the
follow-up are public; the survey report is not (it quotes residents' answers). The site
links those a build has made, in the formats a person downloads (PDF, Word, OpenDocument),
and copies them into site/documents/, so that publishing build/site publishes them too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from dialogkit.layout import SITE_DOCUMENTS_DIR
from dialogkit.render.words import fill
from dialogkit.workspace import Workspace

MEETING_DOCUMENTS = ("invitation", "agenda")
YEAR_DOCUMENTS = ("plan", "referat-compilation", "case-document", "followup")
FORMATS = {"pdf": "PDF", "docx": "Word", "odt": "OpenDocument"}


class DocumentLink(TypedDict):
    """A published document as a page links it: its name, format and size in words."""

    text: str
    href: str  # relative to the site's root


@dataclass(frozen=True)
class Published:
    """A document file a build made, and where the site publishes it."""

    year: int
    area: str | None
    kind: str
    source: Path
    path: str  # inside the site: documents/2025/hogvad/invitation.pdf

    @property
    def format(self) -> str:
        return self.source.suffix.lstrip(".")


def published(ws: Workspace, out: Path) -> list[Published]:
    """The public documents found under ``out`` (the build folder), in a stable order."""
    found = []
    for year in sorted(ws.cycles):
        for kind in YEAR_DOCUMENTS:
            found.extend(_files(out, year, None, kind))
        for area in sorted(ws.cycles[year].meetings):
            for kind in MEETING_DOCUMENTS:
                found.extend(_files(out, year, area, kind))
    return found


def _files(out: Path, year: int, area: str | None, kind: str) -> list[Published]:
    folder = f"{year}/{area}" if area else str(year)  # as the documents are written: build/2025/hogvad/
    files = []
    for suffix in FORMATS:
        source = out / folder / f"{kind}.{suffix}"
        if source.is_file() and not source.is_symlink():
            files.append(Published(year, area, kind, source, f"{SITE_DOCUMENTS_DIR}/{folder}/{kind}.{suffix}"))
    return files


def links(
    labels: Mapping[str, str], files: list[Published], year: int, area: str | None, locale: str
) -> list[DocumentLink]:
    """The links to one meeting's documents (or, with no ``area``, one year's), each with its format and size."""
    return [
        {
            "text": fill(
                labels["site_data_file"],
                name=fill(labels[f"site_doc_{f.kind.replace('-', '_')}"], year=f.year),
                format=FORMATS[f.format],
                size=file_size(f.source.stat().st_size, locale),
            ),
            "href": f.path,
        }
        for f in files
        if f.year == year and f.area == area
    ]


def file_size(size: int, locale: str) -> str:
    """A file's size in words a reader knows: "85 kB", "1,2 MB" (decimal units, the locale's decimal sign)."""
    from babel.numbers import format_decimal

    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{format_decimal(round(size / 1_000_000, 1), locale=locale)} MB"
