"""Finding and loading a workspace: every file read once, every problem kept as a finding."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from dialogkit.errors import DialogError, Finding
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

_YEAR = re.compile(r"\d{4}\Z")
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Referat:
    """The minutes of one meeting: front matter and the Markdown body."""

    front: ReferatFrontMatter
    body: str
    body_line: int  # the file line the body starts on
    doc: YamlDocument


@dataclass
class Meeting:
    """One meeting folder, cycles/YEAR/AREA/, with whichever of its files exist."""

    year: int
    area_id: str
    folder: Path
    meeting: MeetingFile | None = None
    referat: Referat | None = None
    workgroups: WorkgroupsFile | None = None
    survey: SurveyFile | None = None
    docs: dict[str, YamlDocument] = field(default_factory=dict)


@dataclass
class Cycle:
    """One year's folder, cycles/YEAR/."""

    year: int
    folder: Path
    plan: PlanFile | None = None
    case: CaseFile | None = None
    meetings: dict[str, Meeting] = field(default_factory=dict)
    docs: dict[str, YamlDocument] = field(default_factory=dict)


@dataclass
class Workspace:
    """A loaded workspace: configuration, areas and every cycle, as typed values."""

    root: Path
    config: DialogConfig
    areas: list[Area]
    cycles: dict[int, Cycle]
    docs: dict[str, YamlDocument] = field(default_factory=dict)

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
        self.findings: list[Finding] = []

    def display(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def model(self, path: Path, model: type[M], what: str) -> tuple[M | None, YamlDocument | None]:
        try:
            doc = load_yaml(path, self.display(path))
        except DialogError as exc:
            self.findings.extend(exc.findings)
            return None, None
        try:
            return validate(doc, model, what), doc
        except DialogError as exc:
            self.findings.extend(exc.findings)
            return None, doc

    def referat(self, path: Path) -> Referat | None:
        display = self.display(path)
        try:
            text = decode_utf8(path.read_bytes(), display)
            front_text, body, body_line = split_front_matter(text, display)
            doc = parse_yaml(front_text, display)
            front = validate(doc, ReferatFrontMatter, "the minutes: date, present, absent, minutes_by, conclusions")
        except DialogError as exc:
            self.findings.extend(exc.findings)
            return None
        except OSError as exc:
            self.findings.append(Finding(display, 1, 1, "error", f"cannot read the file: {exc.strerror}"))
            return None
        return Referat(front, body, body_line, doc)


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
    config, config_doc = reader.model(root / CONFIG_FILE, DialogConfig, "the municipality and its dialogue process")
    areas_path = root / AREAS_FILE
    if not areas_path.is_file():
        reader.findings.append(
            Finding(AREAS_FILE, 1, 1, "error", f"{AREAS_FILE} is missing: list the areas beside {CONFIG_FILE}")
        )
        areas_file, areas_doc = None, None
    else:
        areas_file, areas_doc = reader.model(areas_path, AreasFile, "the areas (a list under 'areas:')")
    cycles = _load_cycles(reader, root / CYCLES_DIR)
    from dialogkit.rules import check_rules, cycle_rules

    reader.findings.extend(cycle_rules(cycles, root))
    if config is None or areas_file is None:
        return Loaded(None, sorted(reader.findings))
    docs = {name: doc for name, doc in ((CONFIG_FILE, config_doc), (AREAS_FILE, areas_doc)) if doc is not None}
    workspace = Workspace(root, config, list(areas_file.areas), cycles, docs)
    reader.findings.extend(check_rules(workspace))
    return Loaded(workspace, sorted(set(reader.findings)))


def require(root: Path) -> Workspace:
    """Load a workspace for a command that needs it whole: any error stops it."""
    loaded = load(root)
    if loaded.errors or loaded.workspace is None:
        raise DialogError(loaded.errors)
    return loaded.workspace


def _load_cycles(reader: _Reader, cycles_dir: Path) -> dict[int, Cycle]:
    cycles: dict[int, Cycle] = {}
    if not cycles_dir.is_dir():
        return cycles
    for year_dir in sorted(p for p in cycles_dir.iterdir() if not p.name.startswith(".")):
        if not year_dir.is_dir():
            continue
        if not _YEAR.match(year_dir.name):
            reader.findings.append(
                Finding(
                    reader.display(year_dir),
                    1,
                    1,
                    "error",
                    f"'{year_dir.name}' is not a year: folders under cycles/ are named YYYY",
                )
            )
            continue
        cycle = Cycle(int(year_dir.name), year_dir)
        if (year_dir / "plan.yaml").is_file():
            cycle.plan, doc = reader.model(year_dir / "plan.yaml", PlanFile, "the year's plan")
            _keep(cycle.docs, "plan", doc)
        if (year_dir / "case.yaml").is_file():
            cycle.case, doc = reader.model(year_dir / "case.yaml", CaseFile, "the council document")
            _keep(cycle.docs, "case", doc)
        for meeting_dir in sorted(p for p in year_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
            if meeting_dir.name == RAW_DIR:
                continue
            cycle.meetings[meeting_dir.name] = _load_meeting(reader, cycle.year, meeting_dir)
        cycles[cycle.year] = cycle
    return cycles


def _load_meeting(reader: _Reader, year: int, folder: Path) -> Meeting:
    meeting = Meeting(year, folder.name, folder)
    files: list[tuple[str, type[BaseModel], str]] = [
        ("meeting", MeetingFile, "the meeting: area, date, start, end, place, ..."),
        ("workgroups", WorkgroupsFile, "the work groups (a list under 'workgroups:')"),
        ("survey", SurveyFile, "the survey export's mapping: source, file, questions"),
    ]
    for name, model, what in files:
        path = folder / f"{name}.yaml"
        if path.is_file():
            value, doc = reader.model(path, model, what)
            setattr(meeting, name, value)
            _keep(meeting.docs, name, doc)
    if (folder / "referat.md").is_file():
        meeting.referat = reader.referat(folder / "referat.md")
    return meeting


def _keep(docs: dict[str, YamlDocument], name: str, doc: YamlDocument | None) -> None:
    if doc is not None:
        docs[name] = doc
