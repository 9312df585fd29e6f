"""Shared fixtures: small real workspaces in temporary folders, and the CLI runner."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from dialogkit.cli import app

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = {"sv": REPO, "nb": REPO / "examples" / "tjenestedialog"}
# The fuzzing tests' example count: bounded in CI, many more with `make fuzz`.
FUZZ = settings(
    max_examples=int(os.environ.get("DIALOG_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

DIALOG_YAML = """\
dialog: 1
municipality: {name: Provkommun, country: SE, locale: sv}
process:
  name: Träffpunkt
  kind: area
  areas_per_year: 3
  seasons:
    - {name: spring, count: 2, from: "03-01", to: "06-15"}
    - {name: autumn, count: 1, from: "09-01", to: "11-30"}
  election_year: {autumn_month: 11}
  meeting: {weekdays: [tue, wed, thu], start: "18:00", duration_minutes: 120, min_days_between: 7}
  blackout:
    - {from: 2025-02-17, to: 2025-02-21, reason: Sportlov}
  host: ksau
  agenda:
    - {title: Välkommen, minutes: 10, lead: Kommunstyrelsens ordförande}
    - {title: Synpunkter från enkäten, minutes: 110}
bodies:
  - {id: ksau, name: Kommunstyrelsens arbetsutskott, chair: Kommunstyrelsens ordförande}
departments:
  - {id: sbf, name: Samhällsbyggnadsförvaltningen, keywords: [väg, gata]}
"""

AREAS_YAML = """\
areas:
  - {id: hogvad, name: Träffpunkt Högvad, localities: [Mjögback, Överlida, Holsljunga], partners: [Högvads byalag]}
  - {id: sexdrega, name: Träffpunkt Sexdrega, localities: [Sexdrega], partners: []}
  - {id: hillared, name: Träffpunkt Hillared, localities: [Hillared], partners: []}
"""

MEETING_YAML = """\
area: hogvad
date: 2025-04-08
start: "18:00"
end: "20:00"
place: Överlida bygdegård
host: ksau
officials:
  - {department: sbf, name: Gatuchef}
"""

WriteWorkspace = Callable[..., Path]


@pytest.fixture(autouse=True)
def survey_key_outside(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's survey key in a folder of its own, outside its workspace and the user's home."""
    path = tmp_path_factory.mktemp("key") / "survey-key"
    monkeypatch.setenv("DIALOG_SURVEY_KEY_FILE", str(path))
    monkeypatch.delenv("DIALOG_SURVEY_KEY", raising=False)
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write_workspace(tmp_path: Path) -> WriteWorkspace:
    """Write a small valid workspace; ``files`` replaces or adds files by relative path."""

    def write(files: dict[str, str | bytes] | None = None) -> Path:
        root = tmp_path / "ws"
        contents: dict[str, str | bytes] = {
            "dialog.yaml": DIALOG_YAML,
            "areas.yaml": AREAS_YAML,
            "cycles/2025/hogvad/meeting.yaml": MEETING_YAML,
        }
        contents.update(files or {})
        for name, text in contents.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        return root

    return write


def read_markdown(path: Path) -> str:
    """A Markdown output as a person reads it: table cells without the padding that lines them up."""
    text = path.read_text(encoding="utf-8")
    return re.sub(r"\| {2,}", "| ", re.sub(r" {2,}\|", " |", text))


def run_dialog(runner: CliRunner, *args: str | Path) -> tuple[int, str]:
    """Run `dialog ARGS` in-process; returns the exit code and everything printed."""
    result = runner.invoke(app, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output
