"""`dialog init --ci` in an existing workspace; the pre-commit hook runs check (the pipelines: test_action.py)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dialogkit.yamlload import load_yaml
from tests.conftest import REPO, run_dialog


def test_init_ci_in_an_existing_workspace_adds_only_the_pipeline(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "kommun"
    run_dialog(runner, "init", target)
    config = (target / "dialog.yaml").read_text()
    code, output = run_dialog(runner, "init", target, "--ci", "gitlab")
    assert code == 0 and ".gitlab-ci.yml" in output
    assert (target / "dialog.yaml").read_text() == config
    code, output = run_dialog(runner, "init", target, "--ci", "gitlab")
    assert code == 0 and output.startswith("kept")


def test_pre_commit_hook_runs_dialog_check() -> None:
    hooks = load_yaml(REPO / ".pre-commit-hooks.yaml", ".pre-commit-hooks.yaml").data
    assert hooks[0]["id"] == "dialog-check" and hooks[0]["entry"] == "dialog check"
    assert hooks[0]["pass_filenames"] is False
