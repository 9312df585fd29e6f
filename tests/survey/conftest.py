"""Small Swedish and Norwegian workspaces in git, with raw/ ignored, to import survey exports into."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import DIALOG_YAML, MEETING_YAML, WriteWorkspace
from tests.survey.exports import FIXTURES

SV_DEPARTMENTS = """\
departments:
  - {id: sbf, name: Samhällsbyggnadsförvaltningen, keywords: [väg, gata, belysning, cykel]}
  - {id: bun, name: Barn- och utbildningsförvaltningen, keywords: [skola, förskola]}
  - {id: kof, name: Kultur- och fritidsförvaltningen, keywords: [badplats, bibliotek]}
"""
SV_DIALOG = DIALOG_YAML.split("departments:")[0] + SV_DEPARTMENTS
SV_AREAS = """\
areas:
  - {id: hogvad, name: Träffpunkt Högvad, localities: [Mjöbäck, Överlida, Holsljunga], partners: [Högvads byalag]}
  - {id: sexdrega, name: Träffpunkt Sexdrega, localities: [Sexdrega], partners: []}
  - {id: hillared, name: Träffpunkt Hillared, localities: [Hillared], partners: []}
"""
NB_DIALOG = (
    DIALOG_YAML.split("departments:")[0]
    .replace("country: SE, locale: sv", "country: NO, locale: nb")
    .replace("name: Träffpunkt", "name: Dialogmøter")
    + """\
departments:
  - {id: tek, name: Teknisk drift, keywords: [vei, gatelys, brøyting]}
  - {id: opp, name: Oppvekst, keywords: [skole, barnehage]}
"""
)
NB_AREAS = """\
areas:
  - {id: sentrum, name: Sentrum, localities: [Bø, Sætre, Ørje]}
  - {id: nord, name: Nord, localities: [Nordby]}
  - {id: sor, name: Sør, localities: [Sørby]}
"""
NB_MEETING = (
    MEETING_YAML.replace("area: hogvad", "area: sentrum")
    .replace("Överlida bygdegård", "Rådhuset")
    .replace("officials:\n  - {department: sbf, name: Gatuchef}\n", "")
)

Workspace = Callable[..., Path]


def git_init(root: Path) -> None:
    subprocess.run(["git", "init", "-q", str(root)], check=True, capture_output=True)
    (root / ".gitignore").write_text("raw/\n", encoding="utf-8")


@pytest.fixture
def sv_workspace(write_workspace: WriteWorkspace) -> Workspace:
    """A Swedish workspace in git; returns its root."""

    def make(files: dict[str, str | bytes] | None = None) -> Path:
        root = write_workspace({"dialog.yaml": SV_DIALOG, "areas.yaml": SV_AREAS, **(files or {})})
        git_init(root)
        return root

    return make


@pytest.fixture
def nb_workspace(write_workspace: WriteWorkspace) -> Workspace:
    """A Norwegian workspace in git with one area, "sentrum"; returns its root."""

    def make(files: dict[str, str | bytes] | None = None) -> Path:
        root = write_workspace(
            {
                "dialog.yaml": NB_DIALOG,
                "areas.yaml": NB_AREAS,
                "cycles/2025/hogvad/meeting.yaml": b"",
                "cycles/2025/sentrum/meeting.yaml": NB_MEETING,
                **(files or {}),
            }
        )
        shutil.rmtree(root / "cycles" / "2025" / "hogvad")
        git_init(root)
        return root

    return make


def place(root: Path, name: str, data: bytes | None = None, folder: str = "cycles/2025/raw") -> Path:
    """Put an export (a committed fixture, or ``data``) where a person would: in a raw/ folder."""
    target = root / folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if data is None:
        shutil.copyfile(FIXTURES / name, target)
    else:
        target.write_bytes(data)
    return target
