"""Bad minutes stop `dialog compile-referat` with a positioned error, exit 1 and no traceback."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import CopyExample, dialog

SKOLE = Path("cycles/2022/skole")


def _replace_front(root: Path, front: str) -> None:
    path = root / SKOLE / "referat.md"
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def not_a_mapping(root: Path) -> None:
    _replace_front(root, "- date: 2022-05-05\n- minutes_by: Rådgiver\n")


def missing_opening(root: Path) -> None:
    path = root / SKOLE / "referat.md"
    path.write_text(path.read_text(encoding="utf-8").removeprefix("---\n"), encoding="utf-8")


def missing_closing(root: Path) -> None:
    path = root / SKOLE / "referat.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n---\n", "\n\n", 1), encoding="utf-8")


def date_mismatch(root: Path) -> None:
    path = root / SKOLE / "referat.md"
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2022-05-05", "date: 2022-05-06"), encoding="utf-8")


def unknown_area(root: Path) -> None:
    shutil.copytree(root / SKOLE, root / "cycles/2022/skolen")


def empty_body(root: Path) -> None:
    path = root / SKOLE / "referat.md"
    path.write_text(path.read_text(encoding="utf-8").split("\n---\n", 1)[0] + "\n---\n\n", encoding="utf-8")


def unknown_key(root: Path) -> None:
    path = root / SKOLE / "referat.md"
    path.write_text(path.read_text(encoding="utf-8").replace("absent:", "absentees:"), encoding="utf-8")


def link_outside(root: Path) -> None:
    path = root / SKOLE / "referat.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n[passord](../../../../etc/passwd)\n", encoding="utf-8")


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "front matter not a mapping": (
        not_a_mapping,
        "cycles/2022/skole/referat.md:2:1: error: the file holds a list; it should be a mapping",
    ),
    "missing opening ---": (
        missing_opening,
        "cycles/2022/skole/referat.md:1:1: error: the minutes must start with a '---' line",
    ),
    "missing closing ---": (
        missing_closing,
        "cycles/2022/skole/referat.md:1:1: error: the front matter is not closed",
    ),
    "date mismatch": (
        date_mismatch,
        "cycles/2022/skole/referat.md:2:7: error: the minutes are dated 2022-05-06 but the meeting was held 2022-05-05",
    ),
    "unknown area folder": (unknown_area, "cycles/2022/skolen:1:1: error: unknown area folder 'skolen'"),
    "empty body": (
        empty_body,
        "cycles/2022/skole/referat.md:22:1: error: the minutes have no text after the front matter",
    ),
    "unknown key": (
        unknown_key,
        "cycles/2022/skole/referat.md:13:1: error: unknown key 'absentees': did you mean 'absent'?",
    ),
    "link outside the workspace": (
        link_outside,
        "cycles/2022/skole/referat.md:1:1: error: the link '../../../../etc/passwd' points outside the workspace",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_minutes(copy_example: CopyExample, tmp_path: Path, case: str) -> None:
    spoil, expected = CASES[case]
    root = copy_example("nb")
    spoil(root)
    code, out, err = dialog(root, "compile-referat", "2022", "--to", "md", "--out", tmp_path / "out")
    assert code == 1
    assert expected in err, err
    assert "Traceback" not in err and out == ""
    assert not (tmp_path / "out").exists()
