"""Planning fixtures: real workspaces in temporary folders, and in-memory ones for property tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from dialogkit.consulted import Folders
from dialogkit.loading import require
from dialogkit.models import Area, DialogConfig, MeetingFile, PlanFile
from dialogkit.workspace import Cycle, Meeting, Workspace


def config_data(**process: Any) -> dict[str, Any]:
    """A Swedish area-rotation dialog.yaml as data; keyword arguments replace process keys."""
    data: dict[str, Any] = {
        "dialog": 1,
        "municipality": {"name": "Svenljunga kommun", "country": "SE", "locale": "sv"},
        "process": {
            "name": "Träffpunkt",
            "kind": "area",
            "areas_per_year": 3,
            "seasons": [
                {"name": "spring", "count": 2, "from": "03-01", "to": "06-15"},
                {"name": "autumn", "count": 1, "from": "09-01", "to": "11-30"},
            ],
            "election_year": {"autumn_month": 11},
            "meeting": {
                "weekdays": ["tue", "wed", "thu"],
                "start": "18:00",
                "duration_minutes": 120,
                "min_days_between": 7,
            },
            "blackout": [{"from": "2025-02-17", "to": "2025-02-21", "reason": "Sportlov"}],
            "host": "ksau",
            "agenda": [
                {"title": "Välkommen", "minutes": 10, "lead": "Kommunstyrelsens ordförande"},
                {"title": "Synpunkter från enkäten, trafik", "minutes": 60},
            ],
        },
        "bodies": [{"id": "ksau", "name": "Kommunstyrelsens arbetsutskott", "chair": "Kommunstyrelsens ordförande"}],
        "departments": [{"id": "sbf", "name": "Samhällsbyggnadsförvaltningen", "keywords": ["väg"]}],
    }
    data["process"].update(process)
    return data


SIX_AREAS: list[dict[str, Any]] = [
    {
        "id": "hogvad",
        "name": "Träffpunkt Högvad",
        "localities": ["Mjögback", "Överlida", "Holsljunga"],
        "partners": ["Högvads byalag"],
    },
    {"id": "svenljunga", "name": "Träffpunkt Svenljunga", "localities": ["Svenljunga"]},
    {"id": "mardaklev", "name": "Träffpunkt Mårdaklev", "localities": ["Mårdaklev"]},
    {"id": "sexdrega", "name": "Träffpunkt Sexdrega", "localities": ["Sexdrega"], "partners": ["Sexdrega IF"]},
    {"id": "hillared", "name": "Träffpunkt Hillared", "localities": ["Hillared"]},
    {"id": "kalv", "name": "Träffpunkt Kalv", "localities": ["Kalv"]},
]


def meeting_data(area: str, date: str, **extra: Any) -> dict[str, Any]:
    return {"area": area, "date": date, "start": "18:00", "end": "20:00", **extra}


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


MakeWorkspace = Callable[..., Path]


@pytest.fixture
def make_workspace(tmp_path: Path) -> MakeWorkspace:
    """Write a workspace: dialog.yaml from ``config``, areas.yaml from ``areas``, and any other ``files``."""

    def make(
        config: dict[str, Any] | None = None,
        areas: list[dict[str, Any]] | None = None,
        files: dict[str, Any] | None = None,
    ) -> Path:
        root = tmp_path / "ws"
        contents: dict[str, Any] = {
            "dialog.yaml": config if config is not None else config_data(),
            "areas.yaml": {"areas": areas if areas is not None else SIX_AREAS},
            **(files or {}),
        }
        for name, value in contents.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(value if isinstance(value, str) else dump(value), encoding="utf-8")
        return root

    return make


@pytest.fixture
def load() -> Callable[[Path], Workspace]:
    return require


def memory_workspace(
    config: dict[str, Any],
    areas: list[dict[str, Any]],
    meetings: dict[int, list[dict[str, Any]]] | None = None,
    plans: dict[int, list[dict[str, Any]]] | None = None,
) -> Workspace:
    """A workspace held in memory only: fast enough for property tests with many examples."""
    root = Path("/nonexistent-workspace")
    cycles: dict[int, Cycle] = {}
    for year in sorted(set(meetings or {}) | set(plans or {})):
        cycle = Cycle(year, root / "cycles" / str(year))
        for item in (meetings or {}).get(year, []):
            meeting = MeetingFile.model_validate(item)
            cycle.meetings[meeting.area] = Meeting(year, meeting.area, cycle.folder / meeting.area, meeting)
        if year in (plans or {}):
            cycle.plan = PlanFile.model_validate({"year": year, "meetings": (plans or {})[year]})
        cycles[year] = cycle
    return Workspace(
        root, DialogConfig.model_validate(config), [Area.model_validate(a) for a in areas], Folders(cycles)
    )


def weekday(day: dt.date) -> str:
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[day.weekday()]
