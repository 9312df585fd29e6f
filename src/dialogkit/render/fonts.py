"""The fonts a PDF is set in, and the characters none of them can show, which become U+FFFD."""

from __future__ import annotations

import functools
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
        # A combining mark is shaped with the character before it, and Typst looks for one
        # font that has both: "0" + U+16F4F fails though each alone is shown. Such pairs are
        # asked about too, and a mark that fails with its base is replaced.
        pairs = {text[i - 1 : i + 1] for i in range(1, len(text)) if _is_mark(text[i]) and not text[i - 1].isspace()}
        asked = sorted(c for c in chars | pairs if c not in self._shown and (len(c) > 1 or not _plain(c)))
        if asked and self._works_in(root):
            self._ask(asked, root)
        lacking = {c for c in chars if self._shown.get(c) is False}
        lacking.update(pair[-1] for pair in pairs if self._shown.get(pair) is False)
        return sorted(lacking, key=ord)

    def _works_in(self, root: Path) -> bool:
        """Whether the probe itself compiles; when it does not, nothing is replaced and the real compile says why."""
        if self._works is None:
            self._works = self._shows([REPLACEMENT], root)
        return self._works

    def _ask(self, chars: list[str], root: Path) -> None:
        if self._shows(chars, root):
            self._shown.update(dict.fromkeys(chars, True))
        elif len(chars) == 1:
            self._shown[chars[0]] = False
        else:
            half = len(chars) // 2
            self._ask(chars[:half], root)
            self._ask(chars[half:], root)

    def _shows(self, chars: Sequence[str], root: Path) -> bool:
        import typst

        # Escapes, so that no character can be Typst syntax; spaces, so each (or each pair of a
        # base and its combining mark) is shaped alone.
        text = " ".join("".join(f"\\u{{{ord(c):x}}}" for c in item) for item in chars)
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


def with_bases(data: bytes, text: str) -> str:
    """``text`` (from :func:`unusual`) and each combining mark in it after each character it follows in ``data``.

    :func:`unusual` drops ASCII, so "0" + U+16F4F would reach :meth:`Coverage.lacking` as the
    mark alone; marks are rare in Nordic text, so ``data`` is decoded only when there is one.
    """
    marks = {c for c in set(text) if _is_mark(c)}
    if not marks:
        return text
    decoded = data.decode("utf-8")
    pairs = {decoded[i - 1 : i + 1] for i in range(1, len(decoded)) if decoded[i] in marks}
    return " ".join([text, *sorted(pairs)])


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


def _plain(char: str) -> bool:
    """Printable ASCII and line ends: every font has them, and the Typst source is made of them."""
    return " " <= char <= "~" or char in "\n\r\t"


def needs_swaps(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds a character :data:`SWAPS` changes."""
    return any(chr(code).encode("utf-8") in data for code in SWAPS)


def replace(text: str, lacking: Iterable[str]) -> str:
    """``text`` with each lacking character as U+FFFD, and the swaps PDF/A needs; ``text`` itself when none apply."""
    table: dict[int, str] = {ord(c): REPLACEMENT for c in lacking}
    table.update((code, swap) for code, swap in SWAPS.items() if chr(code) in text)
    return text.translate(table) if table else text


def describe(lacking: Sequence[str]) -> str:
    """The warning for characters shown as U+FFFD: which they are, why, and what to do."""
    private = [c for c in lacking if unicodedata.category(c) == "Co"]
    missing = [c for c in lacking if unicodedata.category(c) != "Co"]
    parts = []
    if missing:
        parts.append(
            f"the PDF shows {_count(missing)} as {REPLACEMENT} because no font has them: {_list(missing)}; "
            f"install the Noto fonts for other scripts and emoji (Debian, Ubuntu: apt-get install {NOTO_PACKAGES}) "
            f"or put a font that has them in {WORKSPACE_TEMPLATES}/{FONTS_DIR}/"
        )
    if private:
        parts.append(
            f"the PDF shows {_count(private)} from the private-use area as {REPLACEMENT}, as PDF/A requires: "
            f"{_list(private)}"
        )
    return "; ".join(parts) + " (the other formats keep them)"


def _count(chars: Sequence[str]) -> str:
    return f"{len(chars)} character{'s' if len(chars) != 1 else ''}"


def _list(chars: Sequence[str]) -> str:
    names = [_name(c) for c in chars[:_SHOWN_IN_MESSAGE]]
    more = len(chars) - len(names)
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def _name(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    return f"{code} {name}" if name else code


@functools.cache
def default_noto_folders() -> tuple[Path, ...]:
    """:func:`noto_folders` of this machine, looked up once per process."""
    return noto_folders()
