"""`dialog survey review YEAR/AREA`: the words the import was unsure of, and the clerk's keep or redact."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dialogkit import inputs
from dialogkit.errors import Finding, UsageError
from dialogkit.files import WriteOutcome, write_atomic
from dialogkit.layout import RESPONSES_FILE, SURVEY_FILE, meeting_path
from dialogkit.survey.importer import meeting_folder, read_mapping
from dialogkit.survey.key import survey_key
from dialogkit.survey.mapping import survey_yaml
from dialogkit.survey.names import meeting_vocabulary
from dialogkit.survey.redact import Redactor
from dialogkit.survey.unsure import Unsure, UnsureScan, answers, apply_decisions, decide, kept_hashes
from dialogkit.workspace import Workspace


@dataclass
class Review:
    """The findings still to decide, and what recording the decisions wrote."""

    findings: list[Unsure]
    kept: int = 0
    redacted: int = 0
    written: list[tuple[Path, WriteOutcome]] = field(default_factory=list)


def unsure_findings(workspace: Workspace, year: int, area: str) -> list[Unsure]:
    """The unsure words of a meeting's imported answers that no decision covers yet."""
    folder = meeting_folder(workspace, area, year)
    path = inputs.resolve(workspace.root, workspace.relative(folder / RESPONSES_FILE))
    if path is None:
        raise UsageError(
            f"no survey answers for '{area}' in {year}: run `dialog survey import FILE --area {area} --year {year}`"
        )
    survey, _ = read_mapping(workspace, folder / SURVEY_FILE)
    scan = UnsureScan(
        workspace.locale, meeting_vocabulary(workspace, year, area), f"{year}/{area}", kept_hashes(survey)
    )
    for response_id, question, text in answers(path):
        scan.add(response_id, question, text)
    return scan.found


def review(
    workspace: Workspace, year: int, area: str, keep: set[str], redact: set[str], *, redact_all: bool = False
) -> Review:
    """Record the clerk's decisions in survey.yaml, redact what they chose to, and list what is left."""
    findings = unsure_findings(workspace, year, area)
    if redact_all:
        redact = redact | {f.key for f in findings}
    unknown = sorted((keep | redact) - {f.key for f in findings})
    if unknown:
        raise UsageError(
            f"no unsure finding {', '.join(unknown)} in {year}/{area}: "
            f"run `dialog survey review {year}/{area}` to list them"
        )
    if not keep and not redact:
        return Review(findings)
    folder = meeting_folder(workspace, area, year)
    survey, _ = read_mapping(workspace, folder / SURVEY_FILE)
    if survey is None:
        raise UsageError(f"no {SURVEY_FILE} for {year}/{area}: import the survey again")
    key = survey_key(workspace.root)
    decided = decide(survey, findings, keep, redact, key, f"{year}/{area}")
    written = [(folder / SURVEY_FILE, write_atomic(folder / SURVEY_FILE, survey_yaml(decided), within=workspace.root))]
    redactor = Redactor(workspace.locale)
    apply_decisions(workspace.root, folder / RESPONSES_FILE, decided, key, redactor.mark)
    if redactor.total:
        written.append((folder / RESPONSES_FILE, "replaced"))
    left = [f for f in findings if f.key not in keep and f.key not in redact]
    return Review(left, len(keep), len(redact), written)


def unreviewed_warnings(workspace: Workspace, years: Iterable[int] = ()) -> list[Finding]:
    """A warning for each meeting of ``years`` (default: all) whose answers hold words not reviewed yet."""
    from dialogkit.survey.report import unreviewed_finding

    out = []
    for year in sorted(set(years) or workspace.cycles):
        cycle = workspace.cycles.get(year)
        for area in sorted(cycle.meetings) if cycle else []:
            if inputs.resolve(workspace.root, meeting_path(year, area, RESPONSES_FILE)) is None:
                continue
            count = len(unsure_findings(workspace, year, area))
            if count:
                out.append(unreviewed_finding(year, area, count))
    return out
