"""MkDocs hooks: the references (files, commands, templates, CI), generated from the code as the site builds.

A page holds a marker such as `<!-- generated: file-reference -->`; the hook puts the
generated Markdown in its place, so the site always says what this checkout's `dialog` does.
`@VERSION@` in a page becomes the version, as in the pinned examples of the CI page.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# MkDocs loads this file by its path: the repository's root makes `scripts` importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts import ci_reference, cli_reference, file_reference, template_reference

GENERATED = {
    "<!-- generated: file-reference -->": file_reference.reference,
    "<!-- generated: cli-reference -->": cli_reference.reference,
    "<!-- generated: templates -->": template_reference.reference,
    "<!-- generated: action-inputs -->": ci_reference.action_inputs,
    "<!-- generated: gitlab-inputs -->": ci_reference.gitlab_inputs,
    "<!-- generated: github-workflow -->": ci_reference.github_workflow,
    "<!-- generated: gitlab-pipeline -->": ci_reference.gitlab_pipeline,
}


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Replace each marker in a page with its generated Markdown, and @VERSION@ with dialogkit's version."""
    from dialogkit import __version__

    for marker, generate in GENERATED.items():
        if marker in markdown:
            markdown = markdown.replace(marker, generate())
    return markdown.replace("@VERSION@", __version__)
