"""Markdown escaping: text from files and residents becomes Markdown that reads as that text."""

from __future__ import annotations

import re
import string

# Characters that start inline markup anywhere on a line in pandoc's Markdown: emphasis,
# code, links and images, spans and attributes, raw HTML and autolinks, entities, notes,
# super- and subscripts, strike-out, math, citations, table cells and escapes.
_INLINE = frozenset("\\`*_[]{}<>!&^~$@|")
# At the start of a line "#", ">", "-", ":", "|", "%", "```" and more begin a block, and so
# does a first word ending in "." or ")" ("1.", "a)", "iv."): those characters are escaped.
_PUNCTUATION = frozenset(string.punctuation)
_SPACE = re.compile(r"\s+")
# Control characters (Unicode category Cc) that are not white space: dropped from text.
_CONTROL = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in [*range(0x20), *range(0x7F, 0xA0)] if not chr(c).isspace()) + "]"
)
_INLINE_ESCAPED = str.maketrans({c: "\\" + c for c in _INLINE})  # str.translate: quicker than re.sub


class TrustedMarkdown(str):
    """Markdown a member of staff wrote (minutes, case texts): interpolated as Markdown.

    It is still read with raw HTML, raw TeX and raw attributes off, and its links and
    images are checked, so trusting it never lets it run code or read files.
    """

    __slots__ = ()


def escape_markdown(value: object) -> str:
    """Plain text as pandoc Markdown that shows exactly that text, on one line."""
    if isinstance(value, TrustedMarkdown):
        return str(value)
    raw = "" if value is None else str(value)
    text = _SPACE.sub(" ", _CONTROL.sub("", raw)).strip()
    if not text:
        return ""
    head, sep, rest = text.partition(" ")
    # The value may start a line, where its first character or list-marker-like first word begins a block.
    out = [f"\\{c}" if c in _INLINE else c for c in head]
    if head[0] in _PUNCTUATION and head[0] not in _INLINE:
        out[0] = f"\\{head[0]}"
    if head[-1] in ".)" and len(head) > 1:
        out[-1] = f"\\{head[-1]}"
    out.append(sep)
    out.append(rest.translate(_INLINE_ESCAPED))
    return "".join(out)


def finalize(value: object) -> str:
    """The Jinja ``finalize`` hook: every ``{{ value }}`` is escaped unless marked trusted."""
    return escape_markdown(value)


def trusted_markdown(value: object) -> TrustedMarkdown:
    """The ``|trusted_markdown`` filter: staff-written Markdown, interpolated as Markdown."""
    return TrustedMarkdown("" if value is None else str(value))


_LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:")
# Kept as they are in a link; anything else (spaces, "<", ">", quotes, backslashes) is percent-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def markdown_link(url: object, text: object = None) -> TrustedMarkdown:
    """The ``|link`` filter: a web or mail link with its text escaped; any other link stays plain text."""
    from urllib.parse import quote

    target = "" if url is None else str(url).strip()
    shown = escape_markdown(target if text is None else text)
    if not target.lower().startswith(_LINK_SCHEMES):
        return TrustedMarkdown(shown)
    return TrustedMarkdown(f"[{shown}](<{quote(target, safe=_URL_SAFE)}>)")
