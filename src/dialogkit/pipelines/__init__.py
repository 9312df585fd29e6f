"""Ready-to-copy CI pipelines that check the workspace and build its documents."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from dialogkit.errors import UsageError
from dialogkit.files import WriteOutcome, write_atomic

PIPELINES: dict[str, tuple[str, str]] = {
    "github": ("github.yml", ".github/workflows/dialog.yml"),
    "gitlab": ("gitlab.yml", ".gitlab-ci.yml"),
}


def install_pipeline(folder: Path, kind: str) -> tuple[Path, WriteOutcome]:
    """Write the pipeline file for ``kind`` (github, gitlab) into the workspace; an existing one is kept."""
    if kind not in PIPELINES:
        raise UsageError(f"unknown CI '{kind}': choose one of {', '.join(PIPELINES)}")
    source, target = PIPELINES[kind]
    text = (files("dialogkit.pipelines") / source).read_text(encoding="utf-8")
    return folder / target, write_atomic(folder / target, text, overwrite=False)
