"""The public status site: every area, its dialogues, priority issues, work groups and their progress.

Static HTML with inline CSS, no JavaScript and no external resources, so it works
offline, on any web server and on paper; beside it Atom feeds, a calendar of coming
meetings and open data. Callable from Python as the CLI calls it::

    from dialogkit.site import build_site
    build_site(workspace)          # build/site/index.html, build/site/areas/AREA.html, feeds and data
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from dialogkit.workspace import Workspace

if TYPE_CHECKING:
    from dialogkit.render.words import Labels
    from dialogkit.site.documents import Published
    from dialogkit.site.views import SitePage


def build_site(ws: Workspace, out: Path | None = None, today: dt.date | None = None) -> list[Path]:
    """Write the site under OUT/site/ (OUT defaults to the workspace's build/); returns the files written.

    The pages, the Atom feeds (the whole site's and each area's), the calendar of coming
    meetings and the open data. ``today`` decides which meetings were held, which are next
    and which actions are overdue; it defaults to the current date.
    """
    from dialogkit.files import write_atomic
    from dialogkit.layout import SITE_AREAS_DIR, SITE_DIR, SITE_DOCUMENTS_DIR, output_folder
    from dialogkit.render.environment import render_template
    from dialogkit.render.words import load_labels
    from dialogkit.site.documents import published

    root = output_folder(ws.root, out)
    site = root / SITE_DIR
    day = today if today is not None else dt.date.today()
    labels = load_labels(ws.root, ws.locale)
    documents = published(ws, root)
    written = []
    for document in documents:  # copied, so that publishing build/site publishes them too
        path = site / document.path
        write_atomic(path, document.source.read_bytes(), within=root)
        written.append(path)
    for name, content in _feeds_and_data(ws, labels, day, documents):
        path = site / name
        write_atomic(path, content, within=root)
        written.append(path)
    for page in _pages(ws, labels, day, documents):
        path = site / page.path
        write_atomic(path, render_template(ws.root, page.template, page.view, "html"), within=root)
        written.append(path)
    _remove_stale(site / SITE_AREAS_DIR, written, ("*.html", "*.atom"))
    _remove_stale(site / SITE_DOCUMENTS_DIR, written, ("*/*.*", "*/*/*.*"))
    return sorted(written, key=_page_first)


def _page_first(path: Path) -> tuple[int, int, str]:
    """The index first, then the area pages, then feeds and data: as a person would look at them."""
    return (path.suffix != ".html", path.name != "index.html", path.as_posix())


def _pages(ws: Workspace, labels: Labels, day: dt.date, documents: list[Published]) -> list[SitePage]:
    from dialogkit.site.feeds import site_base
    from dialogkit.site.opendata import meeting_events
    from dialogkit.site.views import meetings_of, site_pages

    base = site_base(ws) or "../"
    return site_pages(ws, labels, day, lambda area: meeting_events(ws, meetings_of(ws, area), base), documents)


def _feeds_and_data(
    ws: Workspace, labels: Labels, day: dt.date, documents: list[Published]
) -> list[tuple[str, str | bytes]]:
    """The feeds, the calendar and the open data, each with its path inside the site."""
    from dialogkit.layout import SITE_CALENDAR, SITE_DATA_DIR, SITE_DATA_JSON, SITE_FEED, area_feed_path
    from dialogkit.render.calendar import upcoming_ics
    from dialogkit.site.feedback import survey_counts
    from dialogkit.site.feeds import atom_feed, document_entries, feed_entries
    from dialogkit.site.opendata import CSV_FILES, open_data
    from dialogkit.site.views import meetings_of

    meetings = [m for a in ws.areas for m in meetings_of(ws, a.id)]
    k = ws.config.survey.min_group_size
    surveys = {(m.year, m.area_id): s for m in meetings if (s := survey_counts(ws, m, k)) is not None}
    entries = feed_entries(ws, labels, meetings) + document_entries(ws, labels, documents)
    entries.sort(key=lambda e: (e.updated, e.id), reverse=True)
    data = open_data(ws, meetings, surveys, day)
    files: list[tuple[str, str | bytes]] = [
        (SITE_FEED, atom_feed(ws, labels, entries)),
        *((area_feed_path(a.id), atom_feed(ws, labels, entries, a.id)) for a in ws.areas),
        (SITE_CALENDAR, upcoming_ics(ws, day)),
        (f"{SITE_DATA_DIR}/{SITE_DATA_JSON}", data.json()),
        *((f"{SITE_DATA_DIR}/{name}", data.csv(name)) for name in CSV_FILES),
    ]
    return files


def _remove_stale(folder: Path, written: list[Path], patterns: tuple[str, ...]) -> None:
    """Remove what this build did not write: an area no longer in areas.yaml, a document no longer built."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for path in [p for pattern in patterns for p in folder.glob(pattern)]:
        if path not in written and path.is_file() and not path.is_symlink():
            path.unlink()


__all__ = ["build_site"]
