"""Loading a workspace: every file read once, safely, and every problem kept as a finding."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from dialogkit.consulted import Folders, Snapshot
from dialogkit.errors import DialogError, Finding
from dialogkit.inputs import FOLDER, Look
from dialogkit.layout import (
    AREAS_FILE,
    CASE_FILE,
    CONFIG_FILE,
    CYCLES_DIR,
    MEETING_FILE,
    PLAN_FILE,
    RAW_DIR,
    REFERAT_FILE,
    SURVEY_FILE,
    WORKGROUPS_FILE,
    YEAR_FOLDER,
    meeting_path,
)
from dialogkit.models import (
    AreasFile,
    CaseFile,
    DialogConfig,
    MeetingFile,
    PlanFile,
    ReferatFrontMatter,
    SurveyFile,
    WorkgroupsFile,
)
from dialogkit.rules import check_rules, cycle_rules
from dialogkit.validation import salvage, validate
from dialogkit.workspace import Cycle, Meeting, Referat, Workspace
from dialogkit.yamlload import YamlDocument, check_size, decode_utf8, parse_yaml, read_yaml_bytes

M = TypeVar("M", bound=BaseModel)


@dataclass
class Loaded:
    """The outcome of loading: the workspace when its core files could be read, and all findings."""

    workspace: Workspace | None
    findings: list[Finding]
    sources: dict[str, bytes] = field(default_factory=dict)  # each file read, as read: check looks into them again

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


class _Reader:
    """Reads files of one workspace, turning every problem into a finding."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.snapshot = Snapshot(root)
        self.findings: list[Finding] = []
        self.sources: dict[str, bytes] = {}

    def look(self, name: str) -> Look | None:
        """The workspace path ``name``; None, with a finding, when it may not be read."""
        try:
            return self.snapshot.look(name)
        except DialogError as exc:
            self.findings.extend(exc.findings)
            return None

    def listing(self, name: str) -> list[str]:
        try:
            names = self.snapshot.listing(name) or []
        except DialogError as exc:
            self.findings.extend(exc.findings)
            return []
        return [n for n in names if not n.startswith(".")]  # hidden: an editor's or git's, not the workspace's

    def model(
        self, name: str, model: type[M], what: str, *, required: bool = False
    ) -> tuple[M | None, YamlDocument | None]:
        found = self.look(name)
        if found is None or not found.is_file or found.path is None:
            if required and found is not None:
                self.findings.append(Finding(name, 1, 1, "error", "cannot read the file: No such file or directory"))
            return None, None
        try:
            self.sources[name] = raw = read_yaml_bytes(found.path, name)
            doc = parse_yaml(decode_utf8(raw, name), name)
        except DialogError as exc:
            self.findings.extend(exc.findings)
            return None, None
        try:
            return validate(doc, model, what), doc
        except DialogError as exc:
            self.findings.extend(exc.findings)
            # The rest of the file is cross-checked all the same: one round of `dialog check`
            # tells everything; `require` keeps commands from using it.
            return salvage(doc.data, model) if isinstance(doc.data, dict) else None, doc

    def referat(self, where: str) -> Referat | None:
        display = f"{where}/{REFERAT_FILE}"
        found = self.look(display)
        if found is None or not found.is_file or found.path is None:
            return None
        try:
            self.sources[display] = raw = found.path.read_bytes()
            text = decode_utf8(raw, display)
            front_text, body, body_line = split_front_matter(text, display)
            doc = parse_yaml(front_text, display)
        except DialogError as exc:
            self.findings.extend(exc.findings)
            return None
        except OSError as exc:
            self.findings.append(Finding(display, 1, 1, "error", f"cannot read the file: {exc.strerror}"))
            return None
        try:
            front = validate(doc, ReferatFrontMatter, "the minutes: date, present, absent, minutes_by, conclusions")
        except DialogError as exc:
            self.findings.extend(exc.findings)
            salvaged = salvage(doc.data, ReferatFrontMatter) if isinstance(doc.data, dict) else None
            if salvaged is None:
                return None
            front = salvaged
        return Referat(front, body, body_line, doc, where, self.snapshot)


def split_front_matter(text: str, display: str) -> tuple[str, str, int]:
    """Split Markdown with YAML front matter; the YAML keeps the file's line numbers."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        raise DialogError(
            Finding(
                display,
                1,
                1,
                "error",
                "the minutes must start with a '---' line, then the front matter (date, present, ...), then '---'",
            )
        )
    size = 0  # in characters, each one byte or more: parse_yaml() counts the bytes
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n") == "---":
            check_size(size, display, "the front matter")  # under YAML's limit, as a YAML file is
            front = "\n" + "".join(lines[1:index])  # the blank first line stands for the opening ---
            return front, "".join(lines[index + 1 :]), index + 2
        size += len(lines[index])
    raise DialogError(
        Finding(
            display,
            1,
            1,
            "error",
            "the front matter is not closed: add a '---' line after it, before the minutes' text",
        )
    )


def load(root: Path) -> Loaded:
    """Load every file of the workspace at ``root``; never raises for bad input."""
    reader = _Reader(root)
    config, config_doc = reader.model(
        CONFIG_FILE, DialogConfig, "the municipality and its dialogue process", required=True
    )
    areas_found = reader.look(AREAS_FILE)
    areas_file, areas_doc = None, None
    if areas_found is not None and not areas_found.is_file:
        reader.findings.append(
            Finding(AREAS_FILE, 1, 1, "error", f"{AREAS_FILE} is missing: list the areas beside {CONFIG_FILE}")
        )
    elif areas_found is not None:
        areas_file, areas_doc = reader.model(AREAS_FILE, AreasFile, "the areas (a list under 'areas:')")
    cycles = _load_cycles(reader)
    reader.findings.extend(cycle_rules(cycles, root))
    if config is None or areas_file is None:
        return Loaded(None, sorted(reader.findings), reader.sources)
    docs = {name: doc for name, doc in ((CONFIG_FILE, config_doc), (AREAS_FILE, areas_doc)) if doc is not None}
    workspace = Workspace(root, config, list(areas_file.areas), cycles, docs, reader.snapshot)
    reader.findings.extend(check_rules(workspace))
    return Loaded(workspace, sorted(set(reader.findings)), reader.sources)


def require(root: Path) -> Workspace:
    """Load a workspace for a command: a file with errors stops only what uses it, with its findings.

    The values of a file with errors are not to be used: reading them raises its errors
    (see :meth:`Snapshot.break_files`), so a typo in one meeting leaves the others' documents be.
    Every command reads dialog.yaml and areas.yaml: an error in them stops it at once.
    """
    loaded = load(root)
    if loaded.workspace is None or any(f.path in (CONFIG_FILE, AREAS_FILE) for f in loaded.errors):
        raise DialogError(loaded.errors)
    if loaded.workspace.snapshot is not None:
        loaded.workspace.snapshot.break_files(loaded.errors)
    return loaded.workspace


def _load_cycles(reader: _Reader) -> Folders[int, Cycle]:
    cycles: Folders[int, Cycle] = Folders()
    for name in reader.listing(CYCLES_DIR):
        where = f"{CYCLES_DIR}/{name}"
        found = reader.look(where)
        if found is None or found.stamp != FOLDER:
            continue
        if not YEAR_FOLDER.match(name):
            reader.findings.append(
                Finding(where, 1, 1, "error", f"'{name}' is not a year: folders under {CYCLES_DIR}/ are named YYYY")
            )
            continue
        cycle = Cycle(int(name), reader.root / CYCLES_DIR / name, snapshot=reader.snapshot)
        cycle.plan, doc = reader.model(f"{where}/{PLAN_FILE}", PlanFile, "the year's plan")
        _keep(cycle.docs, "plan", doc)
        cycle.case, doc = reader.model(f"{where}/{CASE_FILE}", CaseFile, "the council document")
        _keep(cycle.docs, "case", doc)
        for area in reader.listing(where):
            meeting = reader.look(f"{where}/{area}") if area != RAW_DIR else None
            if meeting is not None and meeting.stamp == FOLDER:
                cycle.meetings[area] = _load_meeting(reader, cycle, area)
        cycles[cycle.year] = cycle
    return cycles


def _load_meeting(reader: _Reader, cycle: Cycle, area: str) -> Meeting:
    meeting = Meeting(cycle.year, area, cycle.folder / area, snapshot=reader.snapshot)
    files: list[tuple[str, str, type[BaseModel], str]] = [
        ("meeting", MEETING_FILE, MeetingFile, "the meeting: area, date, start, end, place, ..."),
        ("workgroups", WORKGROUPS_FILE, WorkgroupsFile, "the work groups (a list under 'workgroups:')"),
        ("survey", SURVEY_FILE, SurveyFile, "the survey export's mapping: source, file, questions"),
    ]
    for name, file, model, what in files:
        value, doc = reader.model(meeting_path(cycle.year, area, file), model, what)
        setattr(meeting, name, value)
        _keep(meeting.docs, name, doc)
    meeting.referat = reader.referat(meeting_path(cycle.year, area))
    return meeting


def _keep(docs: dict[str, YamlDocument], name: str, doc: YamlDocument | None) -> None:
    if doc is not None:
        docs[name] = doc
