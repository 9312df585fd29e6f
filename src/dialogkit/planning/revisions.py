"""How often a meeting has moved, read from the workspace's git history: a calendar event's SEQUENCE.

A calendar program replaces an event it already has only when the new copy's SEQUENCE is
higher. The count comes from git rather than from a counter stored in meeting.yaml: the
history is already there and already reviewed, a build in CI never has to write and commit
a file back, and two people editing the same meeting cannot both bump a counter to the same
number. A clone without history (a shallow CI checkout) counts what it has; the pipelines
dialogkit writes fetch the whole history.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dialogkit.layout import MEETING_FILE, meeting_path
from dialogkit.models.meeting import MeetingFile

_TIMEOUT = 30


@dataclass(frozen=True)
class Revision:
    """A meeting's SEQUENCE (how often its date, time or place changed) and when it last changed."""

    sequence: int
    modified: dt.datetime | None  # None: not committed, or no git history


def when_and_where(meeting: MeetingFile | dict[str, Any]) -> tuple[str, str, str, str]:
    """What a calendar program must be told about when it changes: date, start, end and place."""
    if isinstance(meeting, MeetingFile):
        return (meeting.date.isoformat(), meeting.start, meeting.end, meeting.place or "")
    return tuple(str(meeting.get(key) or "") for key in ("date", "start", "end", "place"))  # type: ignore[return-value]


def meeting_revision(root: Path, year: int, area_id: str, current: MeetingFile, now: dt.datetime) -> Revision:
    """The meeting's revision from the history of its meeting.yaml, counting an uncommitted change as one more."""
    path = meeting_path(year, area_id, MEETING_FILE)
    log = _git(root, None, "log", "--format=%H %ct", "--", path)
    if not log:
        return Revision(0, None)
    commits = [line.split() for line in log.splitlines() if line.strip()][::-1]  # oldest first
    versions = _versions(root, [f"{sha}:./{path}" for sha, _ in commits])
    sequence, previous, modified = 0, None, None
    for (_, stamp), version in zip(commits, versions, strict=True):
        if version is None:
            continue
        key = when_and_where(version)
        if previous is not None and key != previous:
            sequence += 1
        if key != previous:
            modified = dt.datetime.fromtimestamp(int(stamp), dt.UTC)
        previous = key
    if previous is not None and when_and_where(current) != previous:
        return Revision(sequence + 1, now)
    return Revision(sequence, modified)


def _versions(root: Path, names: list[str]) -> list[dict[str, Any] | None]:
    """Each named blob ("SHA:./path") parsed as YAML, in one `git cat-file` process; None where it is not a mapping."""
    import yaml

    out = _git(root, "".join(f"{name}\n" for name in names), "cat-file", "--batch")
    data = out.encode("utf-8", "surrogateescape") if out else b""
    found: list[dict[str, Any] | None] = []
    at = 0
    for _ in names:
        end = data.find(b"\n", at)
        header = data[at:end].split() if end >= 0 else []
        if len(header) != 3:  # "<name> missing", or no output at all
            found.append(None)
            at = end + 1 if end >= 0 else len(data)
            continue
        size = int(header[2])
        blob = data[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
        try:
            value = yaml.safe_load(blob.decode("utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            value = None
        found.append(value if isinstance(value, dict) else None)
    return found


def _git(root: Path, stdin: str | None, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=root,
            input=stdin.encode() if stdin is not None else None,
            capture_output=True,
            timeout=_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.decode("utf-8", "surrogateescape") if done.returncode == 0 else None
