"""Where things live in a workspace: names every module agrees on, importable at no cost."""

from __future__ import annotations

import os
import re
from functools import cache
from importlib.resources import files
from pathlib import Path

from dialogkit.errors import UsageError

# The workspace's own files, beside dialog.yaml.
CONFIG_FILE = "dialog.yaml"
AREAS_FILE = "areas.yaml"
CYCLES_DIR = "cycles"
WORKSPACE_TEMPLATES = "templates"  # a file here overrides the built-in template of its name
LABELS_FILE = "labels.yaml"  # in templates/: the documents' words per locale
FONTS_DIR = "fonts"  # in templates/: fonts the PDFs embed
SCHEMA_DIR = "schemas"  # the editors' JSON Schemas, written by `dialog schema` and `dialog init`
# A year's folder, cycles/YEAR/, and what it holds.
YEAR_FOLDER = re.compile(r"[0-9]{4}\Z")  # ASCII digits only: "２０２５" would shadow 2025
PLAN_FILE = "plan.yaml"
CASE_FILE = "case.yaml"
RAW_DIR = "raw"  # raw survey exports: git-ignored, never read into a document
# A meeting's folder, cycles/YEAR/AREA/, and what it holds.
MEETING_FILE = "meeting.yaml"
REFERAT_FILE = "referat.md"
WORKGROUPS_FILE = "workgroups.yaml"
SURVEY_FILE = "survey.yaml"
RESPONSES_FILE = "survey/responses.csv"  # the redacted answers `dialog survey import` writes
# What a build writes, under build/ or --out.
BUILD_DIR = "build"
SITE_DIR = "site"
SITE_AREAS_DIR = "areas"  # in site/: a page per area, and its feed
SITE_FEED = "feed.atom"  # in site/: the Atom feed of every area
SITE_CALENDAR = "calendar.ics"  # in site/: the coming meetings and safety walks
SITE_DATA_DIR = "data"  # in site/: open data, JSON and CSV
SITE_DOCUMENTS_DIR = "documents"  # in site/: the public documents a build made, as the pages link them
# In site/data/: the open data.
SITE_DATA_JSON = "dialog.json"
SITE_MEETINGS_CSV = "meetings.csv"
SITE_ACTIONS_CSV = "actions.csv"
SITE_THEMES_CSV = "survey-themes.csv"
MEETING_ICS = "meeting.ics"  # in build/YEAR/AREA/: the meeting's calendar file
MAILOUT_DIR = "mailout"  # in build/YEAR/AREA/: the mail-out drafts, one .eml per invitee
MANIFEST_FILE = ".dialog-manifest.json"
LOCK_FILE = ".dialog-build.lock"
# Folders that hold what people write: no output may land in or over them.
SOURCE_DIRS = (CYCLES_DIR, WORKSPACE_TEMPLATES, SCHEMA_DIR, ".git")


def cycle_path(year: int, file: str = "") -> str:
    """The workspace path of a year's folder, or of ``file`` in it: "cycles/2025/plan.yaml"."""
    folder = f"{CYCLES_DIR}/{year}"
    return f"{folder}/{file}" if file else folder


def meeting_path(year: int, area: str, file: str = "") -> str:
    """The workspace path of a meeting's folder, or of ``file`` in it: "cycles/2025/hogvad/meeting.yaml"."""
    return cycle_path(year, f"{area}/{file}" if file else area)


def area_page_path(area_id: str) -> str:
    """Where an area's page lives inside the site; area ids are slugs, safe as file names: "areas/hogvad.html"."""
    return f"{SITE_AREAS_DIR}/{area_id}.html"


def area_feed_path(area_id: str) -> str:
    """Where an area's Atom feed lives inside the site, beside its page: "areas/hogvad.atom"."""
    return f"{SITE_AREAS_DIR}/{area_id}.atom"


@cache  # the same folder for the life of the process; asked on every template lookup
def builtin_templates() -> Path:
    """The built-in templates: inside the wheel, or the repository's templates/ when editable."""
    packaged = Path(str(files("dialogkit") / "templates"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


def find_root(start: Path) -> Path:
    """The nearest folder upward from ``start`` that holds dialog.yaml, like git."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise UsageError(
        f"no {CONFIG_FILE} in {start} or any folder above it: run `dialog init DIR` "
        "to start a workspace, or pass -C PATH"
    )


def output_folder(root: Path, out: Path | None) -> Path:
    """The absolute folder documents go to: the workspace's build/, or ``out``, never over what people write."""
    if out is None:
        return root.absolute() / BUILD_DIR
    folder = Path(os.path.abspath(out))
    real, home = folder.resolve(), root.resolve()
    for name in SOURCE_DIRS:
        source = home / name
        if real == source or source in real.parents:
            raise UsageError(
                f"--out {out} lies in the workspace's {name}/ folder, which holds files people write: "
                f"choose another folder, such as {BUILD_DIR}/"
            )
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--out {out} is not a folder: give a folder for the documents")
    return folder


def output_file(path: Path) -> Path:
    """The absolute file a command writes with -o FILE; refuses a folder, a device or anything but a file."""
    target = Path(os.path.abspath(path))
    if target.exists() and not target.is_file():
        raise UsageError(f"-o {path} is not a regular file (a folder or a device): give a file name")
    return target


# The survey key: a secret that response ids are made with, kept outside every workspace.
SURVEY_KEY_ENV = "DIALOG_SURVEY_KEY"  # the key itself, e.g. from a password manager or CI secret
SURVEY_KEY_FILE_ENV = "DIALOG_SURVEY_KEY_FILE"  # where the key file is, instead of the default
SURVEY_KEY_FILE = "survey-key"  # in the user's configuration folder, under "dialogkit"


def survey_key_file() -> Path:
    """Where the survey key is kept: $DIALOG_SURVEY_KEY_FILE, else ~/.config/dialogkit/survey-key."""
    named = os.environ.get(SURVEY_KEY_FILE_ENV)
    if named:
        return Path(named).expanduser()
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "dialogkit" / SURVEY_KEY_FILE
