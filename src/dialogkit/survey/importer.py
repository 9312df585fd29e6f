"""`dialog survey import`: an export in, survey.yaml and redacted responses.csv out."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dialogkit import inputs
from dialogkit.errors import Finding, UsageError
from dialogkit.files import WriteOutcome, atomic_file, write_atomic
from dialogkit.layout import CYCLES_DIR, RAW_DIR, RESPONSES_FILE, SURVEY_FILE, YEAR_FOLDER, meeting_path
from dialogkit.models.areas import Area
from dialogkit.models.survey import SurveyFile
from dialogkit.survey.key import survey_key
from dialogkit.survey.mapping import Applied, apply, propose, survey_yaml, unique_headers
from dialogkit.survey.matching import LocalityMatcher
from dialogkit.survey.names import NameFinder, meeting_vocabulary
from dialogkit.survey.reading import Export, open_export
from dialogkit.survey.redact import Redactor
from dialogkit.survey.responses import Written, write_responses
from dialogkit.survey.sources import SOURCES, SurveyTool, detect_source, source_named
from dialogkit.survey.unsure import apply_decisions
from dialogkit.validation import validate
from dialogkit.workspace import Workspace
from dialogkit.yamlload import YamlDocument, load_yaml

SAMPLE_ROWS = 200


@dataclass
class ImportResult:
    """What an import did: the files written, the counts, and warnings for a person to read."""

    source: str
    responses: int
    redactions: int
    redacted: dict[str, int]
    dropped_columns: list[str]
    written: list[tuple[Path, WriteOutcome]]
    warnings: list[Finding] = field(default_factory=list)


def default_year(workspace: Workspace, area: str, export: Path | None = None, today: dt.date | None = None) -> int:
    """The survey's year: the year folder the export lies in (cycles/2027/raw/), else the one
    year whose plan or meeting folders have a meeting for the area, else the current year."""
    if export is not None:
        parts = (export if export.is_absolute() else Path.cwd() / export).parts
        for name, child in itertools.pairwise(parts):
            if name == CYCLES_DIR and YEAR_FOLDER.match(child) and int(child) in workspace.cycles:
                return int(child)
    years = {year for year, cycle in workspace.cycles.items() if area in cycle.meetings}
    if not years:
        years = {
            year
            for year, cycle in workspace.cycles.items()
            if cycle.plan is not None and any(m.area == area for m in cycle.plan.meetings)
        }
    return years.pop() if len(years) == 1 else (today or dt.date.today()).year


def meeting_folder(workspace: Workspace, area: str, year: int) -> Path:
    """cycles/YEAR/AREA/, once the area is known and the year plans a meeting for it."""
    known = workspace.area(area)
    if known is None:
        names = ", ".join(a.id for a in workspace.areas)
        raise UsageError(f"no area '{area}' in areas.yaml; the areas are: {names}")
    cycle = workspace.cycles.get(year)
    planned = cycle is not None and (
        area in cycle.meetings or (cycle.plan is not None and any(m.area == area for m in cycle.plan.meetings))
    )
    if not planned:
        raise UsageError(
            f"no meeting for '{area}' in {year}: there is no {meeting_path(year, area)}/ folder; "
            f"run `dialog plan {year} --write`, create the folder, or pass the right --year"
        )
    return workspace.root / meeting_path(year, area)


def import_survey(
    workspace: Workspace, file: Path, area: str, year: int, source: str = "auto", *, remap: bool = False
) -> ImportResult:
    """Import one survey export for the meeting of ``area`` in ``year``.

    With ``remap`` an existing survey.yaml is replaced by a mapping proposed for this
    export (its review decisions kept), as when the survey itself has changed.
    """
    if source not in SOURCES:
        raise UsageError(f"unknown --source '{source}': choose from {', '.join(SOURCES)}")
    folder = meeting_folder(workspace, area, year)
    existing, doc = read_mapping(workspace, folder / SURVEY_FILE)
    file = file if file.is_absolute() else Path.cwd() / file
    display = workspace_path(workspace, file)
    if not file.is_file():
        raise UsageError(f"no export at {display}: give the path to the file the survey tool exported")
    importing = _Import(workspace, file, display, folder, area_of(workspace, area), year, survey_key(workspace.root))
    return importing.run(source, existing, doc, remap=remap)


def workspace_path(workspace: Workspace, file: Path) -> str:
    """A file as survey.yaml and findings name it: relative to the workspace, "../" and all if it lies outside."""
    return Path(os.path.relpath(file, workspace.root)).as_posix()


@dataclass
class _Import:
    """One export on its way into a meeting's folder: mapped, redacted, written."""

    workspace: Workspace
    file: Path
    display: str  # the export, as findings and survey.yaml name it
    folder: Path
    area: Area
    year: int
    key: bytes

    def run(
        self, source_name: str, existing: SurveyFile | None, doc: YamlDocument | None, *, remap: bool
    ) -> ImportResult:
        """Map the export (by ``existing``, or by a proposal), write responses.csv, and survey.yaml when new."""
        export = self._open(existing if not remap else None)
        names = NameFinder(meeting_vocabulary(self.workspace, self.year, self.area.id))
        try:
            headers = unique_headers(export.headers)
            sample = self._sample(export)
            if existing is None or remap:
                source = self._source(export, source_name, headers)
                mapping = propose(export, self.display, source, sample, self.area.localities)
                if existing is not None:
                    mapping = mapping.model_copy(update={"review": existing.review})
                applied = apply(mapping, headers, None, self.display)
            else:
                mapping = existing
                applied = apply(existing, headers, doc, self.workspace.relative(self.folder / SURVEY_FILE))
            redactor = self._redactor(names)
            written, responses = self._write_responses(itertools.chain(sample, export.rows), applied, redactor, export)
        finally:
            export.close()
        if written.late_names:
            # The export named people in later rows whom earlier answers may mention: read
            # it again, with every name known from the start.
            redactor = self._redactor(names)
            again = self._open(mapping)
            try:
                written, responses = self._write_responses(again.rows, applied, redactor, again)
            finally:
                again.close()
        apply_decisions(self.workspace.root, self.folder / RESPONSES_FILE, mapping, self.key, redactor.mark)
        warnings = [*raw_folder_warnings(self.workspace, self.file, self.display), *self._unnamed(applied)]
        written_mapping = self._write_mapping(mapping, replace=remap and existing is not None)
        if written.count == 0:
            warnings.append(Finding(self.display, 1, 1, "warning", "the export has headings but no answers"))
        return ImportResult(
            source=mapping.source,
            responses=written.count,
            redactions=redactor.total,
            redacted=dict(redactor.counts),
            dropped_columns=list(mapping.drop_columns),
            written=[written_mapping, responses],
            warnings=warnings,
        )

    def _open(self, mapping: SurveyFile | None) -> Export:
        return open_export(
            self.file,
            self.display,
            encoding=mapping.encoding if mapping else None,
            delimiter=mapping.delimiter if mapping else None,
        )

    def _redactor(self, names: NameFinder) -> Redactor:
        config = self.workspace.config
        return Redactor(self.workspace.locale, self.year, config.municipality.country, names)

    def _source(self, export: Export, name: str, headers: list[str]) -> SurveyTool:
        """The tool that made the export: as --source names it, or recognised by its headings."""
        if name == "auto":
            return detect_source(headers, export.kind)
        return source_named(name, export.kind)

    def _sample(self, export: Export) -> list[list[str]]:
        """The first rows, from which a mapping is proposed; they are imported with the rest."""
        try:
            return list(itertools.islice(export.rows, SAMPLE_ROWS))
        except (UnicodeDecodeError, csv.Error) as exc:
            raise export.problem(exc, self.display) from None

    def _unnamed(self, applied: Applied) -> list[Finding]:
        survey = self.workspace.relative(self.folder / SURVEY_FILE)
        return [
            Finding(
                survey,
                1,
                1,
                "warning",
                f"the export's column '{heading}' is neither a question nor in drop_columns: left out; "
                "add it to survey.yaml to import it",
            )
            for heading in applied.unnamed
        ]

    def _write_responses(
        self, rows: Iterable[list[str]], applied: Applied, redactor: Redactor, export: Export
    ) -> tuple[Written, tuple[Path, WriteOutcome]]:
        """Write survey/responses.csv; what it holds, and whether it was created or replaced."""
        path = self.folder / RESPONSES_FILE
        outcome: WriteOutcome = "replaced" if path.exists() else "created"
        matcher = LocalityMatcher(self.area.localities)
        salt = f"{self.year}/{self.area.id}"
        try:
            # No fsync (it costs a tenth of a 100,000-row import): the file is made from the raw
            # export, so should a crash leave it short, importing again mends it.
            with atomic_file(path, within=self.workspace.root, encoding="utf-8", durable=False) as out:
                written = write_responses(out, rows, applied, matcher, redactor, salt, self.key)
        except (UnicodeDecodeError, csv.Error) as exc:
            raise export.problem(exc, self.display) from None
        return written, (path, outcome)

    def _write_mapping(self, mapping: SurveyFile, *, replace: bool) -> tuple[Path, WriteOutcome]:
        """Write the proposed survey.yaml; one a person has left is kept, unless --remap replaces it."""
        path = self.folder / SURVEY_FILE
        return path, write_atomic(path, survey_yaml(mapping), overwrite=replace, within=self.workspace.root)


def read_mapping(workspace: Workspace, path: Path) -> tuple[SurveyFile | None, YamlDocument | None]:
    """survey.yaml as it is on disk now (a person may have corrected it since the workspace was loaded)."""
    found = inputs.resolve(workspace.root, workspace.relative(path))
    if found is None:
        return None, None
    doc = load_yaml(found, workspace.relative(path))
    return validate(doc, SurveyFile, "the survey export's mapping: source, file, questions"), doc


def area_of(workspace: Workspace, area: str) -> Area:
    found = workspace.area(area)
    assert found is not None  # meeting_folder() has checked it
    return found


def raw_folder_warnings(workspace: Workspace, file: Path, display: str) -> list[Finding]:
    """Warn unless the export sits in a raw/ folder that git ignores: it holds personal data."""
    if RAW_DIR not in file.parent.parts:
        return [
            Finding(
                display,
                1,
                1,
                "warning",
                f"the raw export is not in a {RAW_DIR}/ folder: move it to e.g. {CYCLES_DIR}/YEAR/{RAW_DIR}/ (git-ignored), "
                "it holds personal data",
            )
        ]
    try:
        done = subprocess.run(
            ["git", "check-ignore", "-q", str(file)],
            cwd=workspace.root,
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []  # no git: nothing can be committed by mistake
    if done.returncode == 1:
        return [
            Finding(
                display,
                1,
                1,
                "warning",
                "git does not ignore this raw export (or tracks it): add `raw/` to .gitignore; it holds personal data",
            )
        ]
    return []  # 0: ignored; 128: not a git repository
