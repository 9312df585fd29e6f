"""A column of answers joined into one string, and the cells of it that hold something: found in C."""

from __future__ import annotations

from collections.abc import Iterable

SEP = "\x00"  # between the cells of a joined column; no answer holds it (checked)


def cells_with(joined: str, marks: Iterable[str]) -> set[int]:
    """The cells of a joined column that contain any of ``marks``.

    str.find is a vectorised scan, far quicker than a regular expression over the same
    text; each hit jumps to the cell's end, so a cell costs one step however many it holds.
    """
    positions = []
    for mark in marks:
        pos = joined.find(mark)
        while pos != -1:
            positions.append(pos)
            end = joined.find(SEP, pos)
            pos = joined.find(mark, end) if end != -1 else -1
    return set(cell_indexes(joined, positions))


def cell_indexes(joined: str, positions: list[int]) -> list[int]:
    """The cell of a joined column at each of ``positions``: the separators before it, counted.

    Counting from one position to the next reads the text once, in C, and costs nothing
    in a column where nothing was found; a table of every cell's start cost more.
    """
    indexes = []
    i = previous = 0
    for pos in sorted(positions):
        i += joined.count(SEP, previous, pos)
        previous = pos
        indexes.append(i)
    return indexes


def latin_1(text: str) -> bytes | None:
    """The text in Latin-1, where each byte stands at its character's position (a copy in C for
    text Python stores a byte a character), or None when it holds a character beyond Latin-1."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None
