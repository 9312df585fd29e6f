"""`dialog check`: every finding of a workspace, and the three ways to print them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Literal

from dialogkit.errors import Finding
from dialogkit.inputs import unsafe_links
from dialogkit.layout import RAW_DIR
from dialogkit.loading import load

OutputFormat = Literal["text", "json", "github"]


def check(root: Path) -> list[Finding]:
    """Validate the whole workspace at ``root``; returns every finding, errors and warnings."""
    findings = load(root).findings
    findings.extend(tracked_raw_exports(root))
    findings.extend(unsafe_links(root))  # templates, fonts and images too, which loading does not read
    return sorted(set(findings))


def tracked_raw_exports(root: Path) -> list[Finding]:
    """Warn about files under a raw/ folder that git tracks: raw exports hold personal data."""
    listed = _git(root, "ls-files", "-z", "--", ".")
    if listed is None:
        return []
    return [
        Finding(
            path,
            1,
            1,
            "warning",
            "a raw survey export is tracked by git: it holds personal data; "
            "`git rm --cached` it and keep raw/ in .gitignore",
        )
        for path in listed.split("\0")
        if path and RAW_DIR in Path(path).parts[:-1]
    ]


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
        prefix = _repo_prefix(root)
        return "\n".join(
            f"::{f.severity} file={_gh_property(prefix + f.path)},line={f.line},col={f.column}::{_gh_message(f.message)}"
            for f in findings
        )
    return "\n".join(str(f) for f in findings)


def _repo_prefix(root: Path) -> str:
    """The workspace's folder inside its git repository, so annotations land on the right file."""
    inside = _git(root, "rev-parse", "--show-prefix")
    return inside.strip() if inside else ""


def _gh_message(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_message(text).replace(":", "%3A").replace(",", "%2C")


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None
