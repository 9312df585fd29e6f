"""The examples' compiled Markdown, kept as golden files and reviewed in diffs like code.

After an intended change, regenerate them with DIALOG_UPDATE_GOLDEN=1 pytest tests/minutes/test_golden.py
and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dialogkit.minutes import compile_referat
from tests.conftest import EXAMPLES

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(("locale", "year"), [("nb", 2022), ("sv", 2025)])
def test_examples_match_their_golden_markdown(tmp_path: Path, locale: str, year: int) -> None:
    compile_referat(EXAMPLES[locale], year, ["md"], tmp_path)
    for name in ("referat-compilation.md", "case-document.md"):
        produced = (tmp_path / str(year) / name).read_text(encoding="utf-8")
        golden = GOLDEN / f"{locale}-{year}-{name}"
        if os.environ.get("DIALOG_UPDATE_GOLDEN") and not os.environ.get("CI"):  # never rewritten by a CI run
            golden.parent.mkdir(exist_ok=True)
            golden.write_text(produced, encoding="utf-8")
        assert produced == golden.read_text(encoding="utf-8"), f"{golden.name} differs; see the module's docstring"
