"""`dialog survey import`: an export in, survey.yaml and redacted responses.csv out."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from dialogkit import inputs
from dialogkit.errors import Finding, UsageError
from dialogkit.files import WriteOutcome, atomic_file, write_atomic
from dialogkit.layout import RAW_DIR
from dialogkit.models.areas import Area
from dialogkit.models.survey import SurveyFile
from dialogkit.survey.mapping import apply, propose, survey_yaml, unique_headers
from dialogkit.survey.matching import LocalityMatcher
from dialogkit.survey.reading import Export, open_export
from dialogkit.survey.redact import Redactor
from dialogkit.survey.responses import write_responses
from dialogkit.survey.sources import SOURCES, detect_source, source_named
from dialogkit.validation import validate
from dialogkit.workspace import CYCLES_DIR, Workspace
from dialogkit.yamlload import YamlDocument, load_yaml

SURVEY_FILE = "survey.yaml"
RESPONSES = Path("survey") / "responses.csv"
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


def default_year(workspace: Workspace, area: str, today: dt.date | None = None) -> int:
    """The year of the area's only meeting folder; else the current year."""
    years = [year for year, cycle in workspace.cycles.items() if area in cycle.meetings]
    return years[0] if len(years) == 1 else (today or dt.date.today()).year


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
            f"no meeting for '{area}' in {year}: there is no {CYCLES_DIR}/{year}/{area}/ folder; "
            f"run `dialog plan {year} --write`, create the folder, or pass the right --year"
        )
    return workspace.root / CYCLES_DIR / str(year) / area


def import_survey(workspace: Workspace, file: Path, area: str, year: int, source: str = "auto") -> ImportResult:
    """Import one survey export for the meeting of ``area`` in ``year``."""
    if source not in SOURCES:
        raise UsageError(f"unknown --source '{source}': choose from {', '.join(SOURCES)}")
    folder = meeting_folder(workspace, area, year)
    existing, doc = read_mapping(workspace, folder / SURVEY_FILE)
    file = file if file.is_absolute() else Path.cwd() / file
    display = workspace.relative(file)
    if not file.is_file():
        raise UsageError(f"no export at {display}: give the path to the file the survey tool exported")
    export = open_export(
        file,
        display,
        encoding=existing.encoding if existing else None,
        delimiter=existing.delimiter if existing else None,
    )
    try:
        return _import(workspace, export, folder, area, year, source, existing, doc, display)
    finally:
        export.close()


def _import(
    workspace: Workspace,
    export: Export,
    folder: Path,
    area: str,
    year: int,
    source_name: str,
    existing: SurveyFile | None,
    doc: YamlDocument | None,
    display: str,
) -> ImportResult:
    headers = unique_headers(export.headers)
    if existing is not None:
        source = source_named(existing.source, export.kind)
    elif source_name == "auto":
        source = detect_source(headers, export.kind)
    else:
        source = source_named(source_name, export.kind)
    try:
        sample = list(itertools.islice(export.rows, SAMPLE_ROWS))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise export.problem(exc, display) from None
    rows = itertools.chain(sample, export.rows)
    localities = list(area_of(workspace, area).localities)
    survey_path = folder / SURVEY_FILE
    if existing is None:
        mapping = propose(
            source, headers, sample, localities, file=display, encoding=export.encoding, delimiter=export.delimiter
        )
        applied = apply(mapping, headers, None, display)
    else:
        mapping = existing
        applied = apply(existing, headers, doc, workspace.relative(survey_path))
    warnings = raw_folder_warnings(workspace, export.path, display)
    warnings.extend(
        Finding(
            workspace.relative(survey_path),
            1,
            1,
            "warning",
            f"the export's column '{heading}' is neither a question nor in drop_columns: left out; "
            "add it to survey.yaml to import it",
        )
        for heading in applied.unnamed
    )
    redactor = Redactor(workspace.locale)
    responses_path = folder / RESPONSES
    outcome: WriteOutcome = "replaced" if responses_path.exists() else "created"
    try:
        # No fsync (it costs a tenth of a 100,000-row import): the file is made from the raw
        # export, so should a crash leave it short, importing again mends it.
        with atomic_file(responses_path, within=workspace.root, encoding="utf-8", durable=False) as out:
            count = write_responses(out, rows, applied, LocalityMatcher(localities), redactor, f"{year}/{area}")
    except (UnicodeDecodeError, csv.Error) as exc:
        raise export.problem(exc, display) from None
    written: list[tuple[Path, WriteOutcome]] = []
    if existing is None:
        text = survey_yaml(mapping)
        written.append((survey_path, write_atomic(survey_path, text, overwrite=False, within=workspace.root)))
    else:
        written.append((survey_path, "kept"))  # the mapping this import followed, as a person left it
    written.append((responses_path, outcome))
    if count == 0:
        warnings.append(Finding(display, 1, 1, "warning", "the export has headings but no answers"))
    return ImportResult(
        source=mapping.source,
        responses=count,
        redactions=redactor.total,
        redacted=dict(redactor.counts),
        dropped_columns=list(mapping.drop_columns),
        written=written,
        warnings=warnings,
    )


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
                "the raw export is not in a raw/ folder: move it to e.g. cycles/YEAR/raw/ (git-ignored), "
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
