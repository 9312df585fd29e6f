"""Where things live in a workspace: names every module agrees on, importable at no cost."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from dialogkit.errors import UsageError

CONFIG_FILE = "dialog.yaml"
AREAS_FILE = "areas.yaml"
CYCLES_DIR = "cycles"
BUILD_DIR = "build"
RAW_DIR = "raw"  # raw survey exports: git-ignored, never read into a document
MEETING_FILES = ("meeting.yaml", "referat.md", "workgroups.yaml", "survey.yaml")
WORKSPACE_TEMPLATES = "templates"


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
