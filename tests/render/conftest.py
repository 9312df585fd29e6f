"""Small Swedish and Norwegian workspaces for the document tests, and readers for every format."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

SV_DIALOG = """\
dialog: 1
municipality: {name: Provkommun, country: SE, locale: sv}
process:
  name: Träffpunkt
  kind: area
  areas_per_year: 2
  seasons:
    - {name: spring, count: 1, from: "03-01", to: "06-15"}
    - {name: autumn, count: 1, from: "09-01", to: "11-30"}
  election_year: {autumn_month: 11}
  meeting: {weekdays: [tue, wed, thu], start: "18:00", duration_minutes: 120}
  host: ksau
  agenda:
    - {title: Välkommen, minutes: 10, lead: Kommunstyrelsens ordförande}
    - {title: Synpunkter från enkäten, minutes: 80}
    - {title: Arbetsgrupper bildas, minutes: 30}
bodies:
  - {id: ksau, name: Kommunstyrelsens arbetsutskott, chair: Kommunstyrelsens ordförande}
departments:
  - {id: sbf, name: Samhällsbyggnadsförvaltningen}
"""

SV_AREAS = """\
areas:
  - {id: hogvad, name: Träffpunkt Högvad, localities: [Mjögback, Överlida, Holsljunga], partners: [Högvads byalag]}
  - {id: sexdrega, name: Träffpunkt Sexdrega, localities: [Sexdrega]}
"""

SV_MEETING = """\
area: hogvad
date: 2025-04-08
start: "18:00"
end: "20:00"
place: Överlida bygdegård
host: ksau
invitees: [Högvads byalag, Holsljunga hembygdsförening]
rsvp_by: 2025-03-25
officials:
  - {department: sbf, name: Gatuchef}
safety_walk: {date: 2025-04-08, start: "16:30", with: [Polisen], localities: [Överlida]}
"""

NB_DIALOG = """\
dialog: 1
municipality: {name: Nordvik kommune, country: NO, locale: nb}
process:
  name: Dialogmøter
  kind: service
  seasons:
    - {name: var, from: "05-01", to: "06-20"}
  meeting: {weekdays: [mon, tue, wed, thu], start: "17:00", duration_minutes: 120}
  host: tju
  agenda:
    - {title: Velkommen og presentasjon, minutes: 10, lead: Leder av tjenesteutvalget}
    - {title: Orientering om tjenesten, minutes: 20, lead: Kommunalsjef}
    - {title: Brukerrådets innspill, minutes: 90}
bodies:
  - {id: tju, name: Tjenesteutvalget, chair: Leder av tjenesteutvalget}
departments:
  - {id: opp, name: Oppvekst}
"""

NB_AREAS = """\
areas:
  - {id: barnehage, name: Barnehage, partners: [Samarbeidsutvalgene i barnehagene]}
  - {id: skole, name: Skole og SFO, partners: [FAU i skolene]}
"""

NB_MEETING = """\
area: barnehage
date: 2022-05-12
start: "17:00"
end: "19:00"
place: Solbakken barnehage
host: tju
invitees: [Samarbeidsutvalgene i barnehagene]
rsvp_by: 2022-04-28
officials:
  - {department: opp, name: Kommunalsjef oppvekst}
"""


def _png() -> bytes:
    """A 2x2 red PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2)))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


PNG = _png()


MakeWorkspace = Callable[..., Path]


def write_files(root: Path, files: Mapping[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def sv_workspace(tmp_path: Path) -> MakeWorkspace:
    """A Swedish area workspace with one meeting, 2025/hogvad; keyword arguments add or replace files."""

    def make(**files: str | bytes) -> Path:
        base = {"dialog.yaml": SV_DIALOG, "areas.yaml": SV_AREAS, "cycles/2025/hogvad/meeting.yaml": SV_MEETING}
        return write_files(tmp_path / "sv", {**base, **{k.replace("__", "/"): v for k, v in files.items()}})

    return make


@pytest.fixture
def nb_workspace(tmp_path: Path) -> MakeWorkspace:
    """A Norwegian service workspace with one meeting, 2022/barnehage."""

    def make(**files: str | bytes) -> Path:
        base = {"dialog.yaml": NB_DIALOG, "areas.yaml": NB_AREAS, "cycles/2022/barnehage/meeting.yaml": NB_MEETING}
        return write_files(tmp_path / "nb", {**base, **{k.replace("__", "/"): v for k, v in files.items()}})

    return make


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph and table cell paragraph of a DOCX."""
    import docx

    document = docx.Document(str(path))
    found = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(("cell", p.text) for p in cell.paragraphs)
    return found


def zip_member(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def all_zip_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith((".xml", ".rels"))
        )


def xml_text(xml: str) -> str:
    """The character data of an XML document, entities decoded: what a reader sees."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", xml))


def pdf_structure(path: Path) -> list[tuple[str, str | None]]:
    """The tagged structure of a PDF: (role, alt text) of every structure element, in order."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject

    found: list[tuple[str, str | None]] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, DictionaryObject):
            if "/S" in node:
                found.append((str(node["/S"]), str(node["/Alt"]) if "/Alt" in node else None))
            if "/K" in node:
                walk(node["/K"])

    catalog: Any = PdfReader(path).trailer["/Root"]  # a PDF dictionary, typed only as an object
    walk(catalog["/StructTreeRoot"])
    return found
