"""`-C DIR` as in git: a relative export path is taken from DIR."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import run_dialog
from tests.survey.conftest import Workspace, place


def test_a_relative_export_path_is_taken_from_the_dash_c_folder(
    sv_workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = sv_workspace()
    place(root, "google.csv")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, output = run_dialog(
        CliRunner(), "-C", root, "survey", "import", "cycles/2025/raw/google.csv", "--area", "hogvad"
    )
    assert code == 0, output
    assert (root / "cycles/2025/hogvad/survey/responses.csv").is_file()
    assert Path.cwd() == elsewhere  # the command changed folder for itself only
