"""`dialog check`: every finding of a workspace, from its files and from git."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path

from dialogkit import inputs
from dialogkit.errors import DialogError, Finding
from dialogkit.inputs import unsafe_links
from dialogkit.layout import CASE_FILE, CYCLES_DIR, MEETING_FILE, RAW_DIR, REFERAT_FILE, WORKGROUPS_FILE
from dialogkit.loading import load
from dialogkit.workspace import Workspace

# Keys whose values are contact details given on purpose (dialog.yaml's and meeting.yaml's
# contact and sign-up, an invitee organisation's address): personal data there is no finding.
CONTACT_KEYS = frozenset({"contact", "contacts", "email", "phone", "telephone", "mobile", "signup", "sign_up", "rsvp"})
STAFF_FILE_LIMIT = 4 * 1024 * 1024  # bytes: a larger file is no staff file to look into
STAFF_DATA = {"id": "an identity number", "phone": "a phone number", "email": "an e-mail address"}


def check(root: Path) -> list[Finding]:
    """Validate the whole workspace at ``root``; returns every finding, errors and warnings."""
    loaded = load(root)
    findings = loaded.findings
    if loaded.workspace is not None:
        findings.extend(calendar_warnings(loaded.workspace))
    findings.extend(tracked_raw_exports(root))
    findings.extend(personal_data_in_staff_files(root, loaded.sources))
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


def personal_data_in_staff_files(root: Path, sources: Mapping[str, bytes] | None = None) -> list[Finding]:
    """Warn, at its place, about an identity number, a phone number or an e-mail address written in
    referat.md, workgroups.yaml, meeting.yaml or case.yaml outside a contact field: such files are
    published, and a private person's number or address has no place in them.

    ``sources`` holds files loading has read already (see :class:`Loaded`): not read again."""
    found: list[Finding] = []
    names = [f"{CYCLES_DIR}/{y}/{CASE_FILE}" for y in _names(root, CYCLES_DIR)]
    for year in _names(root, CYCLES_DIR):
        for area in _names(root, f"{CYCLES_DIR}/{year}"):
            names += [f"{CYCLES_DIR}/{year}/{area}/{f}" for f in (REFERAT_FILE, WORKGROUPS_FILE, MEETING_FILE)]
    for name in names:
        data = (sources or {}).get(name)
        try:
            if data is None:
                data = inputs.read_bytes(root, name, limit=STAFF_FILE_LIMIT)
            elif len(data) > STAFF_FILE_LIMIT:
                continue  # as inputs.read_bytes refuses it
        except DialogError:
            continue  # an unsafe link or special file: loading reports it
        if data is None:
            continue
        text = data.decode("utf-8", errors="replace")
        found.extend(_staff_findings(name, text))
    return found


def _staff_findings(name: str, text: str) -> list[Finding]:
    from dialogkit.survey.staff import personal_data

    out = []
    for line_number, column, kind in personal_data(text, skip_keys=CONTACT_KEYS):
        out.append(
            Finding(
                name,
                line_number,
                column,
                "warning",
                f"{STAFF_DATA[kind]} in a file that is published: if it is a private person's, remove it; "
                "a contact's belongs under `contact:`",
            )
        )
    return out


def _names(root: Path, folder: str) -> list[str]:
    try:
        listed, _ = inputs.listing(root, folder)
    except DialogError:
        return []
    return sorted(listed or [])
