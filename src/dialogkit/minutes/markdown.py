"""Staff-written Markdown fitted into a larger document: headings nested, footnotes kept apart."""

from __future__ import annotations

import re

MAX_LEVEL = 6
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"( {0,3})(#{1,6})(?=[ \t]|$)")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_NOTE_DEFINITION = re.compile(r" {0,3}\[\^([^\]\s^]+)\]:", re.MULTILINE)


def _headings(lines: list[str]) -> list[tuple[int, int, bool]]:
    """(line index, level, setext) of every heading outside fenced code."""
    found: list[tuple[int, int, bool]] = []
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening is not None and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = None
            continue
        if opening is not None:
            fence = opening[1]
            continue
        atx = _ATX.match(line)
        if atx is not None:
            found.append((index, len(atx[2]), False))
            continue
        underline = _SETEXT.match(line)
        previous = lines[index - 1] if index > 0 else ""
        if (
            underline is not None
            and previous.strip()
            and not _ATX.match(previous)
            and not previous.startswith(("    ", "\t"))
            and (underline[1][0] == "=" or not _is_block_start(previous))
        ):
            found.append((index, 1 if underline[1][0] == "=" else 2, True))
    return found


def _is_block_start(line: str) -> bool:
    # "- item" followed by "---" is a list and a rule, not a heading.
    return bool(re.match(r" {0,3}([-+*]|\d+[.)])[ \t]", line))


def nest_headings(markdown: str, top: int) -> str:
    """Shift every heading so the highest one sits at level ``top``; deeper ones keep their steps.

    Minutes written with "## Sak 1" placed under a meeting's level-2 heading become
    "### Sak 1". Setext headings (underlined) are rewritten as "#" headings. Levels
    stop at 6, the deepest heading Markdown and Word know.
    """
    lines = markdown.splitlines()
    headings = _headings(lines)
    if not headings:
        return markdown
    shift = top - min(level for _, level, _ in headings)
    for index, level, setext in reversed(headings):
        new_level = max(1, min(MAX_LEVEL, level + shift))
        if setext:
            lines[index - 1] = "#" * new_level + " " + lines[index - 1].strip()
            del lines[index]
        else:
            atx = _ATX.match(lines[index])
            assert atx is not None  # _headings found it there
            lines[index] = atx[1] + "#" * new_level + lines[index][atx.end() :]
    trailing = "\n" if markdown.endswith("\n") else ""
    return "\n".join(lines) + trailing


def separate_notes(markdown: str, prefix: str) -> str:
    """Give the footnotes of one text labels of their own, so two minutes' "[^1]" never meet."""
    labels = set(_NOTE_DEFINITION.findall(markdown))
    if not labels:
        return markdown
    pattern = re.compile(
        r"\[\^(" + "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True)) + r")\]"
    )
    return pattern.sub(lambda m: f"[^{prefix}-{m[1]}]", markdown)


def fit_markdown(markdown: str, top: int, prefix: str = "") -> str:
    """Staff Markdown ready to be placed under a heading of level ``top - 1``."""
    text = nest_headings(markdown.strip("\n"), top)
    return separate_notes(text, prefix) if prefix else text
