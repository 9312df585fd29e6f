"""`dialog init --ci` writes pipelines that check and build; the pre-commit hook runs check."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogkit.yamlload import load_yaml
from tests.conftest import REPO, run_dialog


@pytest.mark.parametrize(
    ("ci", "path", "check"),
    [
        ("github", ".github/workflows/dialog.yml", "dialog check --format github"),
        ("gitlab", ".gitlab-ci.yml", "dialog check"),
    ],
)
def test_init_ci_writes_a_pipeline_that_checks_builds_and_publishes(
    tmp_path: Path, runner: CliRunner, ci: str, path: str, check: str
) -> None:
    code, output = run_dialog(runner, "init", tmp_path / "kommun", "--ci", ci)
    assert code == 0, output
    pipeline = tmp_path / "kommun" / path
    data = load_yaml(pipeline, path).data  # it is YAML our own loader accepts
    text = pipeline.read_text()
    assert check in text and "dialog build" in text and "build/" in text
    steps = data["jobs"]["documents"]["steps"] if ci == "github" else data["documents"]["script"]
    assert steps
    # The PDFs' fallback fonts for other scripts and emoji, installed before the build.
    assert text.index("apt-get install -y -qq fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji") < text.index(
        "dialog build"
    )


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
