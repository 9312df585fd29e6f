"""A small workspace with work groups across two years, and headless Chromium with axe-core."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

DIALOG_YAML = """\
dialog: 1
municipality: {name: Provkommun, country: SE, locale: sv, website: https://example.org}
process:
  name: Träffpunkt
  kind: area
  areas_per_year: 2
  seasons:
    - {name: spring, count: 1, from: "03-01", to: "06-15"}
    - {name: autumn, count: 1, from: "09-01", to: "11-30"}
  election_year: {autumn_month: 11}
  meeting: {weekdays: [tue, wed, thu], start: "18:00", duration_minutes: 120, min_days_between: 7}
  host: ksau
bodies:
  - {id: ksau, name: Kommunstyrelsens arbetsutskott, chair: Kommunstyrelsens ordförande}
departments:
  - {id: sbf, name: Samhällsbyggnadsförvaltningen}
  - {id: kof, name: Kultur- och fritidsförvaltningen}
"""

AREAS_YAML = """\
areas:
  - {id: hogvad, name: Träffpunkt Högvad, localities: [Överlida], partners: [Högvads byalag]}
  - {id: kalv, name: Träffpunkt Kalv, localities: [Kalv], partners: [Kalvs byalag]}
  - {id: sexdrega, name: Träffpunkt Sexdrega, localities: [Sexdrega]}
"""

# 2024: Kalv, with one group that still has an open action and one that is finished.
KALV_2024 = """\
workgroups:
  - id: vagar
    name: Vägar i Kalv
    convener: {name: Gatuchef, department: sbf}
    members: [Kalvs byalag, Kalvs hembygdsförening]
    actions:
      - {text: Ny beläggning på Byvägen, owner: sbf, due: 2024-11-30, status: in-progress, funds: 300000}
      - {text: Skyltning vid skolan, owner: sbf, due: 2024-09-30, status: done, funds: 10000}
  - id: klart
    name: Avslutad grupp
    convener: {name: Fritidschef, department: kof}
    status: done
    actions:
      - {text: Midsommarfest, owner: kof, due: 2024-06-21, status: done, funds: 5000}
"""

# 2025: Högvad, every status once; the cancelled action's funds are not counted.
HOGVAD_2025 = """\
workgroups:
  - id: trafik
    name: Trafik och trygghet
    convener: {name: Gatuchef, department: sbf}
    members: [Högvads byalag]
    actions:
      - text: Belysning vid badplatsen
        owner: sbf
        due: 2025-09-30
        status: in-progress
        funds: 45000
        updates:
          - {date: 2025-06-01, text: Offert inhämtad}
          - {date: 2025-10-15, text: Stolparna levererade}
      - {text: Farthinder på Storgatan, owner: sbf, due: 2025-12-31, status: planned}
      - {text: Röjning av sly, owner: sbf, due: 2025-05-31, status: done, funds: 8000}
  - id: fritid
    name: Fritid
    convener: {name: Fritidskonsulent, department: kof}
    actions:
      - {text: Ny badbrygga, owner: kof, due: 2025-08-31, status: cancelled, funds: 70000}
      - {text: Utredning av motionsspår, owner: kof, status: planned}
"""

HOGVAD_MEETING = """\
area: hogvad
date: 2025-04-08
start: "18:00"
end: "20:00"
"""

KALV_MEETING = """\
area: kalv
date: 2024-05-14
start: "18:00"
end: "20:00"
"""

REFERAT = """\
---
date: 2025-04-08
present: [Kommunstyrelsens ordförande, Greta Privatperson]
absent: []
minutes_by: Kalle Sekreterare
conclusions:
  - Belysningen vid badplatsen ses över.
---
## Mötet

Text.
"""

MakeWorkspace = Callable[..., Path]


@pytest.fixture
def make_workspace(tmp_path: Path) -> MakeWorkspace:
    """Write the small workspace; ``files`` replaces or adds files by relative path."""

    def make(files: dict[str, str] | None = None) -> Path:
        root = tmp_path / "ws"
        contents = {
            "dialog.yaml": DIALOG_YAML,
            "areas.yaml": AREAS_YAML,
            "cycles/2024/kalv/meeting.yaml": KALV_MEETING,
            "cycles/2024/kalv/workgroups.yaml": KALV_2024,
            "cycles/2025/hogvad/meeting.yaml": HOGVAD_MEETING,
            "cycles/2025/hogvad/workgroups.yaml": HOGVAD_2025,
            "cycles/2025/hogvad/referat.md": REFERAT,
        }
        contents.update(files or {})
        for name, text in contents.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make


# --- the browser -------------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def _missing(reason: str) -> None:
    """Skip locally; under CI (the CI variable set) a missing browser is a failure, not a skip."""
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {reason}; .ci/run installs it", pytrace=False)
    pytest.skip(f"{reason} (apt-get install chromium; pip install -e '.[dev]')")


def chromium_path() -> str | None:
    """Debian's chromium: $CHROMIUM, else `chromium` on PATH, else /usr/bin/chromium."""
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's axe.min.js, as the axe-playwright-python package ships it."""
    try:
        from importlib.resources import files

        return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        _missing("axe-core (the axe-playwright-python package) is not installed")
        raise AssertionError("unreachable") from None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium, launched once for the session."""
    try:
        from playwright.sync_api import sync_playwright
    except ModuleNotFoundError:
        _missing("Playwright for Python is not installed")
    executable = chromium_path()
    if executable is None:
        _missing("no chromium browser was found")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser tab."""
    context = browser.new_context()
    yield context.new_page()
    context.close()
