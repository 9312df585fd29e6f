"""A workspace as typed values: its configuration, areas, years and meetings, each from its file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dialogkit.consulted import Consulted, Folders, Snapshot
from dialogkit.inputs import FRONT
from dialogkit.layout import (
    AREAS_FILE,
    CASE_FILE,
    CONFIG_FILE,
    CYCLES_DIR,
    MEETING_FILE,
    PLAN_FILE,
    REFERAT_FILE,
    SURVEY_FILE,
    WORKGROUPS_FILE,
    cycle_path,
    meeting_path,
)
from dialogkit.models import (
    Area,
    CaseFile,
    DialogConfig,
    MeetingFile,
    PlanFile,
    ReferatFrontMatter,
    SurveyFile,
    WorkgroupsFile,
)
from dialogkit.models.config import COUNTRIES, Body, Department
from dialogkit.yamlload import YamlDocument


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
    meeting: Consulted[MeetingFile | None] = Consulted(MEETING_FILE, None)
    referat: Consulted[Referat | None] = Consulted(REFERAT_FILE + FRONT, None)
    workgroups: Consulted[WorkgroupsFile | None] = Consulted(WORKGROUPS_FILE, None)
    survey: Consulted[SurveyFile | None] = Consulted(SURVEY_FILE, None)
    docs: dict[str, YamlDocument] = field(default_factory=dict)  # positions in the files above
    snapshot: Snapshot | None = field(default=None, repr=False, compare=False)

    def consult(self, file: str) -> None:
        if self.snapshot is not None:
            self.snapshot.consulted(meeting_path(self.year, self.area_id, file))


@dataclass
class Cycle:
    """One year's folder, cycles/YEAR/."""

    year: int
    folder: Path
    plan: Consulted[PlanFile | None] = Consulted(PLAN_FILE, None)
    case: Consulted[CaseFile | None] = Consulted(CASE_FILE, None)
    meetings: Folders[str, Meeting] = field(default_factory=Folders)
    docs: dict[str, YamlDocument] = field(default_factory=dict)
    snapshot: Snapshot | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.meetings.attach(cycle_path(self.year), self.snapshot)

    def consult(self, file: str) -> None:
        if self.snapshot is not None:
            self.snapshot.consulted(cycle_path(self.year, file))


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
