"""Generate the documentation's CI parts from action.yml, dialog.gitlab-ci.yml and `dialog init --ci`.

The inputs' tables come from the two files' own input descriptions and defaults, and the
pipelines shown are exactly what `dialog init --ci` writes, so the page cannot drift.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from dialogkit.pipelines import PIPELINES, pipeline_text

REPO = Path(__file__).resolve().parents[1]


def _inputs_table(inputs: dict[str, Any]) -> str:
    rows = ["| Input | Default | What it does |", "| --- | --- | --- |"]
    for name, spec in inputs.items():
        default = spec.get("default", "")
        shown = str(default).lower() if isinstance(default, bool) else str(default)
        cell = f"`{shown}`" if shown else "(empty)"
        meaning = spec["description"].replace("|", "\\|")
        rows.append(f"| `{name}` | {cell} | {meaning} |")
    return "\n".join(rows) + "\n"


def action_inputs() -> str:
    """The GitHub Action's inputs as a table."""
    return _inputs_table(yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))["inputs"])


def gitlab_inputs() -> str:
    """The GitLab component's inputs as a table."""
    header = next(yaml.safe_load_all((REPO / "dialog.gitlab-ci.yml").read_text(encoding="utf-8")))
    return _inputs_table(header["spec"]["inputs"])


def _pipeline(kind: str) -> str:
    return f'```yaml title="{PIPELINES[kind][1]}"\n{pipeline_text(kind)}```\n'


def github_workflow() -> str:
    """The workflow `dialog init --ci github` writes."""
    return _pipeline("github")


def gitlab_pipeline() -> str:
    """The pipeline `dialog init --ci gitlab` writes."""
    return _pipeline("gitlab")
