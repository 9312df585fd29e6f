"""`dialog check`: every finding of a workspace, from its files and from git."""

from __future__ import annotations

import subprocess
from pathlib import Path

from dialogkit.errors import Finding
from dialogkit.inputs import unsafe_links
from dialogkit.layout import RAW_DIR
from dialogkit.loading import load
from dialogkit.workspace import Workspace


def check(root: Path) -> list[Finding]:
    """Validate the whole workspace at ``root``; returns every finding, errors and warnings."""
    loaded = load(root)
    findings = loaded.findings
    if loaded.workspace is not None:
        findings.extend(calendar_warnings(loaded.workspace))
    findings.extend(tracked_raw_exports(root))
    findings.extend(unsafe_links(root))  # templates, fonts and images too, which loading does not read
    return sorted(set(findings))


def calendar_warnings(ws: Workspace) -> list[Finding]:
    """The warnings `dialog plan` gives about dates set by hand, for every year on file."""
    from dialogkit.planning import year_warnings

    return [finding for year in ws.cycles for finding in year_warnings(ws, year)]


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


def repo_prefix(root: Path) -> str:
    """The workspace's folder inside its git repository, so annotations land on the right file."""
    inside = _git(root, "rev-parse", "--show-prefix")
    return inside.strip() if inside else ""


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None
