"""The public status site: every area, its dialogues, priority issues, work groups and their progress.

Static HTML with inline CSS, no JavaScript and no external resources, so it works
offline, on any web server and on paper. Callable from Python as the CLI calls it::

    from dialogkit.site import build_site
    build_site(workspace)          # build/site/index.html and build/site/areas/AREA.html
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dialogkit.workspace import Workspace


def build_site(ws: Workspace, out: Path | None = None, today: dt.date | None = None) -> list[Path]:
    """Write the site under OUT/site/ (OUT defaults to the workspace's build/); returns the pages written.

    ``today`` decides which meetings were held, which are next and which actions are
    overdue; it defaults to the current date.
    """
    from dialogkit.files import write_atomic
    from dialogkit.layout import SITE_AREAS_DIR, SITE_DIR, output_folder
    from dialogkit.render.environment import render_template
    from dialogkit.render.words import load_labels
    from dialogkit.site.views import site_pages

    root = output_folder(ws.root, out)
    day = today if today is not None else dt.date.today()
    written = []
    for page in site_pages(ws, load_labels(ws.root, ws.locale), day):
        path = root / SITE_DIR / page.path
        write_atomic(path, render_template(ws.root, page.template, page.view, "html"), within=root)
        written.append(path)
    _remove_stale(root / SITE_DIR / SITE_AREAS_DIR, written)
    return written


def _remove_stale(folder: Path, written: list[Path]) -> None:
    """Remove the page of an area that is no longer in areas.yaml, so the site stops publishing it."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for path in folder.glob("*.html"):
        if path not in written and path.is_file() and not path.is_symlink():
            path.unlink()


__all__ = ["build_site"]
