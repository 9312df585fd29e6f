"""Finding and loading a workspace: every file read once, every problem kept as a finding."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from dialogkit.consulted import Consulted, Folders, Snapshot
from dialogkit.errors import DialogError, Finding
from dialogkit.inputs import FOLDER, FRONT, Look
from dialogkit.layout import AREAS_FILE as AREAS_FILE  # re-exported: older imports name workspace
from dialogkit.layout import CONFIG_FILE as CONFIG_FILE
from dialogkit.layout import CYCLES_DIR as CYCLES_DIR
from dialogkit.layout import RAW_DIR
from dialogkit.layout import find_root as find_root
from dialogkit.models import (
    Area,
    AreasFile,
    CaseFile,
    DialogConfig,
    MeetingFile,
    PlanFile,
    ReferatFrontMatter,
    SurveyFile,
    WorkgroupsFile,
)
from dialogkit.models.config import COUNTRIES, Body, Department
from dialogkit.validation import validate
from dialogkit.yamlload import YamlDocument, check_size, decode_utf8, load_yaml, parse_yaml

_YEAR = re.compile(r"[0-9]{4}\Z")  # ASCII digits only: "２０２５" would shadow 2025
REFERAT_FILE = "referat.md"
M = TypeVar("M", bound=BaseModel)


@dataclass
class Referat:
    """The minutes of one meeting: front matter and the Markdown body."""

    front: ReferatFrontMatter  # consulting the meeting's referat records "referat.md#front"
    _body: str
    _body_line: int
    doc: YamlDocument
    where: str = ""  # the meeting's folder, relative to the workspace
    snapshot: Snapshot | None = field(default=None, repr=False, compare=False)

    @property
    def body(self) -> str:
        """The Markdown after the front matter: reading it records the whole file."""
        self._consult()
        return self._body

    @property
    def body_line(self) -> int:
        """The file line the body starts on."""
        self._consult()
        return self._body_line

    def _consult(self) -> None:
        if self.snapshot is not None:
            self.snapshot.consulted(f"{self.where}/{REFERAT_FILE}")


@dataclass
class Meeting:
    """One meeting folder, cycles/YEAR/AREA/, with whichever of its files exist."""

    year: int
    area_id: str
    folder: Path
    meeting: Consulted[MeetingFile | None] = Consulted("meeting.yaml", None)
    referat: Consulted[Referat | None] = Consulted(REFERAT_FILE + FRONT, None)
    workgroups: Consulted[WorkgroupsFile | None] = Consulted("workgroups.yaml", None)
    survey: Consulted[SurveyFile | None] = Consulted("survey.yaml", None)
    docs: dict[str, YamlDocument] = field(default_factory=dict)  # positions in the files above
    snapshot: Snapshot | None = field(default=None, repr=False, compare=False)

    def consult(self, file: str) -> None:
        if self.snapshot is not None:
            self.snapshot.consulted(f"{CYCLES_DIR}/{self.year}/{self.area_id}/{file}")


@dataclass
class Cycle:
    """One year's folder, cycles/YEAR/."""

    year: int
    folder: Path
    plan: Consulted[PlanFile | None] = Consulted("plan.yaml", None)
    case: Consulted[CaseFile | None] = Consulted("case.yaml", None)
    meetings: Folders[str, Meeting] = field(default_factory=Folders)
    docs: dict[str, YamlDocument] = field(default_factory=dict)
    snapshot: Snapshot | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.meetings.attach(f"{CYCLES_DIR}/{self.year}", self.snapshot)

    def consult(self, file: str) -> None:
        if self.snapshot is not None:
            self.snapshot.consulted(f"{CYCLES_DIR}/{self.year}/{file}")


@dataclass
class Workspace:
    """A loaded workspace: configuration, areas and every cycle, as typed values.

    Reading its values while a build makes a target records the files they came from as
    the target's inputs (see :mod:`dialogkit.consulted`).
    """

    root: Path
    _config: DialogConfig
    _areas: list[Area]
    cycles: Folders[int, Cycle]
    docs: dict[str, YamlDocument] = field(default_factory=dict)
    snapshot: Snapshot | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.cycles, Folders):  # a workspace put together by hand, as tests do
            self.cycles = Folders(self.cycles)
        self.cycles.attach(CYCLES_DIR, self.snapshot)

    @property
    def config(self) -> DialogConfig:
        if self.snapshot is not None:
            self.snapshot.consulted(CONFIG_FILE)
        return self._config

    @property
    def areas(self) -> list[Area]:
        if self.snapshot is not None:
            self.snapshot.consulted(AREAS_FILE)
        return self._areas

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def body(self, body_id: str) -> Body | None:
        return next((b for b in self.config.bodies if b.id == body_id), None)

    def department(self, department_id: str) -> Department | None:
        return next((d for d in self.config.departments if d.id == department_id), None)

    @property
    def locale(self) -> str:
        return self.config.municipality.locale

    @property
    def timezone(self) -> str:
        return COUNTRIES[self.config.municipality.country]

    def relative(self, path: Path) -> str:
        """A path as shown in findings: relative to the workspace, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


@dataclass
class Loaded:
    """The outcome of loading: the workspace when its core files are sound, and all findings."""

    workspace: Workspace | None
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


class _Reader:
    """Reads files of one workspace, turning every problem into a finding."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.snapshot = Snapshot(root)
        self.findings: list[Finding] = []

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
            doc = load_yaml(found.path, name)
        except DialogError as exc:
            self.findings.extend(exc.findings)
            return None, None
        try:
            return validate(doc, model, what), doc
        except DialogError as exc:
            self.findings.extend(exc.findings)
            return None, doc

    def referat(self, where: str) -> Referat | None:
        display = f"{where}/{REFERAT_FILE}"
        found = self.look(display)
        if found is None or not found.is_file or found.path is None:
            return None
        try:
            text = decode_utf8(found.path.read_bytes(), display)
            front_text, body, body_line = split_front_matter(text, display)
            doc = parse_yaml(front_text, display)
            front = validate(doc, ReferatFrontMatter, "the minutes: date, present, absent, minutes_by, conclusions")
        except DialogError as exc:
            self.findings.extend(exc.findings)
            return None
        except OSError as exc:
            self.findings.append(Finding(display, 1, 1, "error", f"cannot read the file: {exc.strerror}"))
            return None
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
    from dialogkit.rules import check_rules, cycle_rules

    reader.findings.extend(cycle_rules(cycles, root))
    if config is None or areas_file is None:
        return Loaded(None, sorted(reader.findings))
    docs = {name: doc for name, doc in ((CONFIG_FILE, config_doc), (AREAS_FILE, areas_doc)) if doc is not None}
    workspace = Workspace(root, config, list(areas_file.areas), cycles, docs, reader.snapshot)
    reader.findings.extend(check_rules(workspace))
    return Loaded(workspace, sorted(set(reader.findings)))


def require(root: Path) -> Workspace:
    """Load a workspace for a command that needs it whole: any error stops it."""
    loaded = load(root)
    if loaded.errors or loaded.workspace is None:
        raise DialogError(loaded.errors)
    return loaded.workspace


def _load_cycles(reader: _Reader) -> Folders[int, Cycle]:
    cycles: Folders[int, Cycle] = Folders()
    for name in reader.listing(CYCLES_DIR):
        where = f"{CYCLES_DIR}/{name}"
        found = reader.look(where)
        if found is None or found.stamp != FOLDER:
            continue
        if not _YEAR.match(name):
            reader.findings.append(
                Finding(where, 1, 1, "error", f"'{name}' is not a year: folders under cycles/ are named YYYY")
            )
            continue
        cycle = Cycle(int(name), reader.root / CYCLES_DIR / name, snapshot=reader.snapshot)
        cycle.plan, doc = reader.model(f"{where}/plan.yaml", PlanFile, "the year's plan")
        _keep(cycle.docs, "plan", doc)
        cycle.case, doc = reader.model(f"{where}/case.yaml", CaseFile, "the council document")
        _keep(cycle.docs, "case", doc)
        for area in reader.listing(where):
            meeting = reader.look(f"{where}/{area}") if area != RAW_DIR else None
            if meeting is not None and meeting.stamp == FOLDER:
                cycle.meetings[area] = _load_meeting(reader, cycle, area)
        cycles[cycle.year] = cycle
    return cycles


def _load_meeting(reader: _Reader, cycle: Cycle, area: str) -> Meeting:
    meeting = Meeting(cycle.year, area, cycle.folder / area, snapshot=reader.snapshot)
    where = f"{CYCLES_DIR}/{cycle.year}/{area}"
    files: list[tuple[str, type[BaseModel], str]] = [
        ("meeting", MeetingFile, "the meeting: area, date, start, end, place, ..."),
        ("workgroups", WorkgroupsFile, "the work groups (a list under 'workgroups:')"),
        ("survey", SurveyFile, "the survey export's mapping: source, file, questions"),
    ]
    for name, model, what in files:
        value, doc = reader.model(f"{where}/{name}.yaml", model, what)
        setattr(meeting, name, value)
        _keep(meeting.docs, name, doc)
    meeting.referat = reader.referat(where)
    return meeting


def _keep(docs: dict[str, YamlDocument], name: str, doc: YamlDocument | None) -> None:
    if doc is not None:
        docs[name] = doc
