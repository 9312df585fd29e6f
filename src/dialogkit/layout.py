"""Where things live in a workspace: names every module agrees on, importable at no cost."""

from __future__ import annotations

import os
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
SCHEMA_DIR = "schemas"
# Folders that hold what people write: no output may land in or over them.
SOURCE_DIRS = (CYCLES_DIR, WORKSPACE_TEMPLATES, SCHEMA_DIR, ".git")


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
