"""Which documents a build makes, and which workspace files each of them reads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dialogkit.workspace import AREAS_FILE, CONFIG_FILE, Workspace

SITE = "site"
CONCLUSIONS = "#conclusions"  # an input that is only the conclusions of a referat.md


@dataclass(frozen=True)
class Target:
    """One document (or the site) of a build, named by its place under build/."""

    key: str  # e.g. 2025/hogvad/invitation, 2025/referat-compilation, site
    kind: str  # invitation | agenda | plan | survey-report | referat-compilation | followup | site
    year: int | None
    area: str | None
    inputs: tuple[str, ...]  # workspace-relative files the document reads


def targets(ws: Workspace, years: list[int]) -> list[Target]:
    """Every target of the given years, and the status site, in a stable order."""
    found: list[Target] = []
    for year in years:
        cycle = ws.cycles.get(year)
        if cycle is None:
            continue
        for area_id, meeting in sorted(cycle.meetings.items()):
            folder = _rel(ws, meeting.folder)
            if meeting.meeting is not None:
                for kind in ("invitation", "agenda"):
                    found.append(
                        Target(f"{year}/{area_id}/{kind}", kind, year, area_id, _base(f"{folder}/meeting.yaml"))
                    )
            if meeting.survey is not None:
                found.append(
                    Target(
                        f"{year}/{area_id}/survey-report",
                        "survey-report",
                        year,
                        area_id,
                        _base(f"{folder}/survey.yaml", f"{folder}/survey/responses.csv", f"{folder}/meeting.yaml"),
                    )
                )
        if cycle.plan is not None or cycle.meetings:
            found.append(Target(f"{year}/plan", "plan", year, None, _base(*_history(ws, year))))
        if any(m.referat is not None for m in cycle.meetings.values()):
            minutes = [
                f"{_rel(ws, m.folder)}/{name}"
                for m in cycle.meetings.values()
                for name in ("meeting.yaml", "referat.md")
            ]
            found.append(
                Target(
                    f"{year}/referat-compilation",
                    "referat-compilation",
                    year,
                    None,
                    _base(f"cycles/{year}/case.yaml", f"cycles/{year}/plan.yaml", *minutes),
                )
            )
        groups = _files(ws, "workgroups.yaml", up_to=year) + _files(ws, "meeting.yaml", up_to=year)
        if any(name.endswith("workgroups.yaml") for name in groups):
            found.append(Target(f"{year}/followup", "followup", year, None, _base(*groups)))
    # The site shows the minutes' conclusions, not their text: editing the text leaves it be.
    conclusions = [f"{name}{CONCLUSIONS}" for name in _files(ws, "referat.md")]
    site_inputs = [*_files(ws, "workgroups.yaml"), *_history(ws, None), *conclusions]
    found.append(
        Target(
            SITE, SITE, None, None, _base(*site_inputs, *_files(ws, "survey.yaml"), *_files(ws, "survey/responses.csv"))
        )
    )
    return found


def _base(*names: str) -> tuple[str, ...]:
    return (CONFIG_FILE, AREAS_FILE, *names)


def _rel(ws: Workspace, path: Path) -> str:
    return path.relative_to(ws.root).as_posix()


def _history(ws: Workspace, up_to: int | None) -> list[str]:
    """The plans and meeting files the planner reads for the rotation."""
    names = []
    for year, cycle in ws.cycles.items():
        if up_to is None or year <= up_to:
            names.append(f"cycles/{year}/plan.yaml")
            names.extend(f"{_rel(ws, m.folder)}/meeting.yaml" for m in cycle.meetings.values())
    return names


def _files(ws: Workspace, name: str, up_to: int | None = None) -> list[str]:
    return [
        f"{_rel(ws, m.folder)}/{name}"
        for year, cycle in ws.cycles.items()
        if up_to is None or year <= up_to
        for m in cycle.meetings.values()
        if (m.folder / name).is_file()
    ]
