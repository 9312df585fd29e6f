"""The clerk's loop, edit → check → build: calendar warnings, one round, one typo stops one document."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import WriteWorkspace, run_dialog


def test_dash_c_takes_relative_output_paths_from_its_folder(
    write_workspace: WriteWorkspace, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = write_workspace()
    monkeypatch.chdir(tmp_path)
    code, output = run_dialog(runner, "-C", root, "calendar", "2025", "-o", "kalender.ics")
    assert code == 0, output
    assert (root / "kalender.ics").is_file() and not (tmp_path / "kalender.ics").exists()


def test_dash_c_to_a_missing_folder_says_so(runner: CliRunner, tmp_path: Path) -> None:
    code, output = run_dialog(runner, "-C", tmp_path / "nonexistent", "check")
    assert code == 2
    assert f"-C {tmp_path / 'nonexistent'}: no such folder" in output
    assert "dialog.yaml" not in output


def test_files_are_readable_as_the_umask_says_and_keep_their_mode(
    write_workspace: WriteWorkspace, runner: CliRunner
) -> None:
    root = write_workspace()
    old = os.umask(0o022)
    try:
        code, output = run_dialog(runner, "-C", root, "calendar", "2025", "-o", "kalender.ics")
        assert code == 0, output
        assert stat.S_IMODE((root / "kalender.ics").stat().st_mode) == 0o644
        (root / "kalender.ics").chmod(0o640)
        code, output = run_dialog(runner, "-C", root, "calendar", "2025", "-o", "kalender.ics")
        assert code == 0, output
        assert stat.S_IMODE((root / "kalender.ics").stat().st_mode) == 0o640
    finally:
        os.umask(old)
