"""CI pipelines for a workspace: they use dialogkit's GitHub Action or GitLab component, pinned."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from dialogkit import __version__
from dialogkit.errors import UsageError
from dialogkit.files import WriteOutcome, write_atomic

# Where dialogkit publishes action.yml and dialog.gitlab-ci.yml (the repository's root), by tag.
ACTION = "dialogkit/dialogkit"
GITLAB_COMPONENT = "https://raw.githubusercontent.com/dialogkit/dialogkit/v{version}/dialog.gitlab-ci.yml"

PIPELINES: dict[str, tuple[str, str]] = {
    "github": ("github.yml", ".github/workflows/dialog.yml"),
    "gitlab": ("gitlab.yml", ".gitlab-ci.yml"),
}


def pipeline_text(kind: str, version: str = __version__) -> str:
    """The pipeline file for ``kind`` (github, gitlab), pinned to dialogkit ``version``."""
    if kind not in PIPELINES:
        raise UsageError(f"unknown CI '{kind}': choose one of {', '.join(PIPELINES)}")
    text = (files("dialogkit.pipelines") / PIPELINES[kind][0]).read_text(encoding="utf-8")
    # Plain markers, not str.format: the workflows are full of GitHub's own ${{ }} braces.
    return (
        text.replace("@DIALOGKIT_ACTION@", ACTION)
        .replace("@DIALOGKIT_GITLAB@", GITLAB_COMPONENT.format(version=version))
        .replace("@DIALOGKIT_VERSION@", version)
    )


def install_pipeline(folder: Path, kind: str) -> tuple[Path, WriteOutcome]:
    """Write the pipeline file for ``kind`` (github, gitlab) into the workspace; an existing one is kept."""
    text = pipeline_text(kind)
    target = folder / PIPELINES[kind][1]
    return target, write_atomic(target, text, overwrite=False)
