"""The status site: every page built, static, in the workspace's language, escaped, without personal data."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dialogkit.errors import DialogError
from dialogkit.loading import require
from dialogkit.site import build_site
from tests.conftest import EXAMPLES

from .conftest import HOGVAD_2025, MakeWorkspace

TODAY = dt.date(2026, 1, 15)


def _pages(out: Path) -> dict[str, str]:
    return {p.relative_to(out / "site").as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.html")}


@pytest.mark.parametrize("locale", sorted(EXAMPLES))
def test_example_site_builds(locale: str, tmp_path: Path) -> None:
    ws = require(EXAMPLES[locale])
    written = build_site(ws, tmp_path, TODAY)
    assert written[0] == tmp_path / "site" / "index.html"
    assert len([p for p in written if p.suffix == ".html"]) == 1 + len(ws.areas)
    assert {p.name for p in written} >= {"feed.atom", "calendar.ics", "dialog.json", "actions.csv", "meetings.csv"}
    for path, html in _pages(tmp_path).items():
        assert html.startswith("<!DOCTYPE html>\n"), path
        assert f'<html lang="{ws.locale}">' in html, path
        assert len(re.findall(r"<h1[ >]", html)) == 1, path
        # The one script element holds data, never code; the one kind of link names a feed.
        assert re.findall(r"<script[^>]*>", html.lower()) in ([], ['<script type="application/ld+json">']), path
        assert " src=" not in html and "url(" not in html, path  # nothing to fetch
        assert all('rel="alternate"' in link for link in re.findall(r"<link[^>]*>", html)), path
        assert 'href="feed.atom"' in html or 'href="../feed.atom"' in html, path  # subscribe from every page
        assert "calendar.ics" in html, path
        assert "@media print" in html, path


def test_index_shows_every_area_with_its_dialogues(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    build_site(require(make_workspace()), tmp_path, TODAY)
    index = _pages(tmp_path)["index.html"]
    for name in ("Träffpunkt Högvad", "Träffpunkt Kalv", "Träffpunkt Sexdrega"):
        assert name in index
    assert '<a href="areas/hogvad.html">Träffpunkt Högvad</a>' in index
    assert "8 april 2025" in index  # Högvad's dialogue
    assert "14 maj 2024" in index  # Kalv's
    assert "Inget möte än" in index  # Sexdrega has had none
    assert "(preliminärt)" in index  # 2026 has nothing on file: the planner's projection
    # Progress is written out, not shown by colour alone.
    assert "2 av 5 avslutade" in index
    assert '<th scope="col">' in index and '<th scope="row">' in index


def test_area_page_shows_groups_actions_updates(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    build_site(require(make_workspace()), tmp_path, TODAY)
    page = _pages(tmp_path)["areas/hogvad.html"]
    assert "<h1>Träffpunkt Högvad</h1>" in page
    assert "Belysningen vid badplatsen ses över." in page  # a priority issue from the minutes
    assert "Trafik och trygghet" in page and "Fritid" in page
    assert "Sammankallande: Gatuchef, Samhällsbyggnadsförvaltningen" in page
    assert '<time datetime="2025-10-15">15 oktober 2025</time>: Stolparna levererade' in page
    assert "försenad" in page
    assert 'aria-current="page">Träffpunkt Högvad</a>' in page


def test_no_personal_data(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    build_site(require(make_workspace()), tmp_path, TODAY)
    everything = "\n".join(_pages(tmp_path).values())
    assert "Kalvs byalag, Kalvs hembygdsförening" in everything  # every member, partner in areas.yaml or not
    assert "Greta Privatperson" not in everything  # who attended
    assert "Kalle Sekreterare" not in everything  # who wrote the minutes


def test_residents_text_stays_text(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    hostile = HOGVAD_2025.replace(
        "Offert inhämtad", '"<script>alert(1)</script> & <img src=x onerror=alert(2)>"'
    ).replace("Belysning vid badplatsen", '"Belysning <b>nu</b> <script>alert(1)</script>"')
    root = make_workspace({"cycles/2025/hogvad/workgroups.yaml": hostile})
    build_site(require(root), tmp_path, TODAY)
    page = _pages(tmp_path)["areas/hogvad.html"]
    assert "<script>" not in page and "<script " not in page.replace('<script type="application/ld+json">', "")
    assert "<img" not in page and "<b>nu" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;" in page
    assert "Belysning &lt;b&gt;nu&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_norwegian_site_speaks_norwegian(tmp_path: Path) -> None:
    build_site(require(EXAMPLES["nb"]), tmp_path, dt.date(2023, 1, 15))
    index = _pages(tmp_path)["index.html"]
    assert '<html lang="nb">' in index
    assert "Hopp til hovedinnholdet" in index


def test_site_refuses_to_write_through_a_link(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    out = tmp_path / "out"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out.mkdir()
    (out / "site").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(DialogError, match="refusing to write outside"):
        build_site(require(make_workspace()), out, TODAY)
    assert not any(elsewhere.iterdir())


def test_a_removed_area_is_no_longer_published(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    root = make_workspace()
    build_site(require(root), tmp_path, TODAY)
    assert (tmp_path / "site" / "areas" / "sexdrega.html").is_file()
    areas = (root / "areas.yaml").read_text(encoding="utf-8")
    (root / "areas.yaml").write_text(
        areas.replace("  - {id: sexdrega, name: Träffpunkt Sexdrega, localities: [Sexdrega]}\n", "")
    )
    build_site(require(root), tmp_path, TODAY)
    assert not (tmp_path / "site" / "areas" / "sexdrega.html").exists()
    assert (tmp_path / "site" / "areas" / "hogvad.html").is_file()
