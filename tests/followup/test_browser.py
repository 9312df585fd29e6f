"""Every page of the status site in headless Chromium: axe-core finds no WCAG 2.0, 2.1 or 2.2 A/AA violation.

Locally these tests skip when Chromium, Playwright or axe-core is missing; with the CI
environment variable set they fail instead, so CI cannot pass without running them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from dialogkit.loading import require
from dialogkit.site import build_site
from tests.conftest import EXAMPLES

from .conftest import HOGVAD_2025, HOGVAD_MEETING, WCAG_TAGS, MakeWorkspace

pytestmark = pytest.mark.browser

TODAY = dt.date(2026, 1, 15)


def _violations(page: Any, axe_source: str, page_path: Path) -> list[str]:
    """Open a page, note any request that is not the page itself, run axe; returns readable findings."""
    requests: list[str] = []

    def note(request: Any) -> None:
        requests.append(request.url)

    page.on("request", note)
    try:
        page.goto(page_path.as_uri())
        page.evaluate(axe_source)
        results = page.evaluate(
            "options => axe.run(document, options)",
            {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
        )
    finally:
        page.remove_listener("request", note)
    found = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}" for v in results["violations"]
    ]
    others = [url for url in requests if url != page_path.as_uri()]
    if others:
        found.append(f"the page fetched more than itself: {others}")
    return found


def _site(root: Path, out: Path) -> list[Path]:
    """The site's pages (the feeds and data beside them are tested apart)."""
    return [p for p in build_site(require(root), out, TODAY) if p.suffix == ".html"]


@pytest.mark.parametrize("locale", sorted(EXAMPLES))
def test_every_example_page_passes_axe(locale: str, page: Any, axe_source: str, tmp_path: Path) -> None:
    pages = _site(EXAMPLES[locale], tmp_path)
    assert len(pages) > 1
    failures = {p.name: v for p in pages if (v := _violations(page, axe_source, p))}
    assert failures == {}


def test_print_layout_passes_axe(page: Any, axe_source: str, tmp_path: Path) -> None:
    pages = _site(EXAMPLES["sv"], tmp_path)
    page.emulate_media(media="print")
    failures = {p.name: v for p in pages[:2] if (v := _violations(page, axe_source, p))}
    assert failures == {}


def test_hostile_text_stays_text_in_the_browser(
    page: Any, axe_source: str, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    hostile = HOGVAD_2025.replace("Offert inhämtad", "\"<script>document.title = 'pwned'</script><img src=x>\"")
    place = "place: \"</script><script>document.title = 'pwned'</script>\"\n"
    root = make_workspace(
        {"cycles/2025/hogvad/workgroups.yaml": hostile, "cycles/2025/hogvad/meeting.yaml": HOGVAD_MEETING + place}
    )
    page_path = next(p for p in _site(root, tmp_path / "out") if p.name == "hogvad.html")
    page.goto(page_path.as_uri())
    assert page.title() != "pwned"
    assert page.locator("script").count() == 1  # the schema.org data, whole: the place did not end it
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content() or "")
    assert data["@graph"][0]["location"]["name"] == "</script><script>document.title = 'pwned'</script>"
    assert page.locator("main img").count() == 0
    assert "<script>document.title = 'pwned'</script><img src=x>" in page.inner_text("main")
    assert _violations(page, axe_source, page_path) == []


def test_skip_link_and_focus(page: Any, make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    index = _site(make_workspace(), tmp_path)[0]
    page.goto(index.as_uri())
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.textContent]")
    assert focused == ["skip", "Hoppa till huvudinnehållet"]
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # focus is visible
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_narrow_screens_reflow_and_pass_axe(page: Any, axe_source: str, tmp_path: Path) -> None:
    """WCAG 1.4.10: at 320 CSS pixels no page scrolls sideways, and the narrow layout passes axe too."""
    page.set_viewport_size({"width": 320, "height": 800})
    failures: dict[str, list[str]] = {}
    for path in _site(EXAMPLES["sv"], tmp_path):
        found = _violations(page, axe_source, path)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 320:
            found.append(f"the page is {width} px wide at a 320 px viewport")
        if found:
            failures[path.name] = found
    assert failures == {}


def test_a_survey_theme_leads_to_the_action_that_answers_it_and_back(page: Any, tmp_path: Path) -> None:
    path = next(p for p in _site(EXAMPLES["sv"], tmp_path) if p.name == "hogvad.html")
    page.goto(path.as_uri())
    theme = page.locator("#said-2025-survey-sbf")
    assert theme.inner_text().startswith("Samhällsbyggnadsförvaltningen (8 svar)")
    action = "Belysning längs gång- och cykelvägen mellan skolan och badplatsen i Överlida"
    theme.get_by_role("link", name=action).focus()
    page.keyboard.press("Enter")
    # The action gets the focus, so the next Tab goes on from it.
    assert page.evaluate("() => [location.hash, document.activeElement.id]") == [
        "#action-2025-trafik-1",
        "action-2025-trafik-1",
    ]
    answered = page.locator("#action-2025-trafik-1")
    assert answered.is_visible() and answered.locator(".action").inner_text() == action
    answered.get_by_role("link", name="Samhällsbyggnadsförvaltningen (8 svar)").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#said-2025-survey-sbf"


def test_every_link_is_reached_by_keyboard_with_visible_focus(page: Any, tmp_path: Path) -> None:
    path = next(p for p in _site(EXAMPLES["sv"], tmp_path) if p.name == "hogvad.html")
    page.goto(path.as_uri())
    links = page.locator("a[href]").count()
    reached = set()
    for _ in range(links):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return [e.tagName, e.getAttribute('href'), s.outlineStyle, s.outlineWidth]; }"
        )
        assert focused[0] == "A" and focused[2] == "solid" and focused[3] != "0px", focused
        reached.add(focused[1])
    assert len(reached) == len({page.locator("a[href]").nth(i).get_attribute("href") for i in range(links)})
