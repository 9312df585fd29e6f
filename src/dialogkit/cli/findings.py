"""Findings as `dialog check` prints them: text lines, a JSON list, or GitHub workflow annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from dialogkit.check import repo_prefix
from dialogkit.errors import Finding

OutputFormat = Literal["text", "json", "github"]


def format_findings(findings: list[Finding], output: OutputFormat, *, root: Path) -> str:
    """Findings as text lines, a JSON list, or GitHub workflow annotations."""
    if output == "json":
        return json.dumps(
            [
                {"path": f.path, "line": f.line, "column": f.column, "severity": f.severity, "message": f.message}
                for f in findings
            ],
            ensure_ascii=False,
            indent=2,
        )
    if output == "github":
        prefix = repo_prefix(root)
        return "\n".join(
            f"::{f.severity} file={_gh_property(prefix + f.path)},line={f.line},col={f.column}::{_gh_message(f.message)}"
            for f in findings
        )
    return "\n".join(str(f) for f in findings)


def _gh_message(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_message(text).replace(":", "%3A").replace(",", "%2C")
