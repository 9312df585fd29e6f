"""The fonts a PDF is set in, and the characters none of them can show, which become U+FFFD."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dialogkit.layout import FONTS_DIR, WORKSPACE_TEMPLATES

if TYPE_CHECKING:
    from typst import Fonts, PDFStandard

REPLACEMENT = "\ufffd"
# Inside a text U+FEFF is a zero-width no-break space, which PDF/A forbids as a glyph's text
# (Typst refuses it in some places, not in others); U+2060 WORD JOINER is its successor and
# shows the same: nothing.
SWAPS = {0xFEFF: "\u2060"}
# The fallback for every script and emoji: the Noto fonts, where a distribution puts them.
# Debian and Ubuntu: truetype/noto and opentype/noto; Fedora: google-noto-*; Arch: noto*.
FONT_ROOTS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts")
NOTO_PACKAGES = "fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji"
_SHOWN_IN_MESSAGE = 8


def noto_folders(roots: Iterable[str] = FONT_ROOTS) -> tuple[Path, ...]:
    """The system's Noto font folders, the fallback for what the document's own fonts lack."""
    found: list[Path] = []
    for root in (Path(r).expanduser() for r in roots):
        for pattern in ("*[Nn][Oo][Tt][Oo]*", "*/*[Nn][Oo][Tt][Oo]*"):
            found.extend(sorted(p for p in root.glob(pattern) if p.is_dir()))
    return tuple(dict.fromkeys(found))


def discover(folders: Sequence[str]) -> Fonts:
    """Typst's fonts: its own (Libertinus Serif and the rest) and those in ``folders``, not the system's others."""
    import typst

    return typst.Fonts(include_system_fonts=False, font_paths=list(folders))


class Coverage:
    """Which characters a set of fonts shows, as Typst's PDF/A check sees it, asked once per character."""

    def __init__(self, fonts: Fonts, standards: list[PDFStandard]) -> None:
        self.fonts = fonts
        self._standards = standards
        self._shown: dict[str, bool] = {}
        self._works: bool | None = None

    def lacking(self, text: str, root: Path) -> list[str]:
        """The characters of ``text`` that no font shows (or PDF/A forbids), in code point order.

        Typst's own check decides, so the answer holds for Typst's built-in fonts as for the
        rest: a small document of the characters not asked about before is compiled, and
        halved while it fails, down to the characters that make it fail. ``root`` is the
        compile's empty folder.
        """
        chars = set(text)
        asked = sorted(c for c in chars if c not in self._shown and not _plain(c))
        if asked and self._works_in(root):
            self._ask(asked, root)
        return sorted((c for c in chars if self._shown.get(c) is False), key=ord)

    def _works_in(self, root: Path) -> bool:
        """Whether the probe itself compiles; when it does not, nothing is replaced and the real compile says why."""
        if self._works is None:
            self._works = self._shows([REPLACEMENT], root)
        return self._works

    def lacking_clusters(self, text: str, root: Path) -> list[str]:
        """The clusters of ``text`` (a character and the combining marks after it) that no font shows whole.

        Typst shapes a cluster in one font, the base character's: a mark the base's font lacks
        fails the PDF although another font shows the mark alone ("0" followed by U+1071).
        Call with the text after :func:`replace`, so that every character shows alone.
        """
        marks = "".join(sorted({c for c in text if not _plain(c) and unicodedata.category(c).startswith("M")}))
        if not marks:
            return []
        clusters = set(re.findall(f"(?s).[{re.escape(marks)}]+", text))
        asked = sorted(c for c in clusters if c not in self._shown)
        if asked and self._works_in(root):
            self._ask(asked, root)
        return sorted(c for c in clusters if self._shown.get(c) is False)

    def _ask(self, units: list[str], root: Path) -> None:
        """Which of ``units`` (characters or clusters) show, halving the failing ones down to single units."""
        if self._shows(units, root):
            self._shown.update(dict.fromkeys(units, True))
        elif len(units) == 1:
            self._shown[units[0]] = False
        else:
            half = len(units) // 2
            self._ask(units[:half], root)
            self._ask(units[half:], root)

    def _shows(self, units: Sequence[str], root: Path) -> bool:
        import typst

        # Escapes, so that no character can be Typst syntax; spaces, so each unit is shaped alone.
        text = " ".join("".join(f"\\u{{{ord(c):x}}}" for c in unit) for unit in units)
        probe = f'#set document(title: "probe")\n#set text(lang: "en")\n#"{text}"\n'
        compiler = typst.Compiler(root=root, font_paths=self.fonts, ignore_system_fonts=True)
        try:
            compiler.compile(input=probe.encode("utf-8"), format="pdf", pdf_standards=self._standards)
        except RuntimeError:  # typst.TypstError
            return False
        return True


_PLAIN_BYTES = bytes(range(0x20, 0x7F)) + b"\n\r\t"


def unusual(data: bytes) -> str:
    """The characters of UTF-8 ``data`` other than printable ASCII and line ends: the ones to ask about.

    Removing ASCII bytes leaves whole characters, and takes a tenth of the time a set of the
    decoded text would on a long document.
    """
    return data.translate(None, _PLAIN_BYTES).decode("utf-8")


def _plain(char: str) -> bool:
    """Printable ASCII and line ends: every font has them, and the Typst source is made of them."""
    return " " <= char <= "~" or char in "\n\r\t"


def needs_swaps(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds a character :data:`SWAPS` changes."""
    return any(chr(code).encode("utf-8") in data for code in SWAPS)


def has_marks(text: str) -> bool:
    """Whether ``text`` holds a combining mark, which :meth:`Coverage.lacking_clusters` must look at."""
    return any(unicodedata.category(c).startswith("M") for c in set(text))


def replace(text: str, lacking: Iterable[str]) -> str:
    """``text`` with each lacking character as U+FFFD, and the swaps PDF/A needs; ``text`` itself when none apply.

    ``lacking`` holds characters, and clusters from :meth:`Coverage.lacking_clusters`, whose
    marks become U+FFFD where they follow that character.
    """
    lacking = list(lacking)
    table: dict[int, str] = {ord(c): REPLACEMENT for c in lacking if len(c) == 1}
    table.update((code, swap) for code, swap in SWAPS.items() if chr(code) in text)
    text = text.translate(table) if table else text
    for cluster in (c for c in lacking if len(c) > 1):
        text = text.replace(cluster, cluster[0] + REPLACEMENT * (len(cluster) - 1))
    return text


def describe(lacking: Sequence[str]) -> str:
    """The warning for characters shown as U+FFFD (``lacking`` as :func:`replace` takes it): which, why, what to do."""
    chars = [c for c in lacking if len(c) == 1]
    clusters = [c for c in lacking if len(c) > 1]
    private = [c for c in chars if unicodedata.category(c) == "Co"]
    missing = [c for c in chars if unicodedata.category(c) != "Co"]
    parts = []
    if missing:
        parts.append(
            f"the PDF shows {_count(missing)} as {REPLACEMENT} because no font has them: {_list(missing)}; "
            f"install the Noto fonts for other scripts and emoji (Debian, Ubuntu: apt-get install {NOTO_PACKAGES}) "
            f"or put a font that has them in {WORKSPACE_TEMPLATES}/{FONTS_DIR}/"
        )
    if clusters:
        parts.append(
            f"the PDF shows {_count(clusters, 'combining mark')} as {REPLACEMENT} because the font of the "
            f"character before {'it' if len(clusters) == 1 else 'them'} lacks {'it' if len(clusters) == 1 else 'them'}: "
            + _list(clusters)
        )
    if private:
        parts.append(
            f"the PDF shows {_count(private)} from the private-use area as {REPLACEMENT}, as PDF/A requires: "
            f"{_list(private)}"
        )
    return "; ".join(parts) + " (the other formats keep them)"


def _count(items: Sequence[str], noun: str = "character") -> str:
    return f"{len(items)} {noun}{'s' if len(items) != 1 else ''}"


def _list(chars: Sequence[str]) -> str:
    names = [_name(c) for c in chars[:_SHOWN_IN_MESSAGE]]
    more = len(chars) - len(names)
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def _name(unit: str) -> str:
    """A character by code point and name; a cluster as its marks after its base character."""
    if len(unit) > 1:
        return " ".join(_name(mark) for mark in unit[1:]) + f" after {_name(unit[0])}"
    code = f"U+{ord(unit):04X}"
    name = unicodedata.name(unit, "")
    return f"{code} {name}" if name else code


@functools.cache
def default_noto_folders() -> tuple[Path, ...]:
    """:func:`noto_folders` of this machine, looked up once per process."""
    return noto_folders()
