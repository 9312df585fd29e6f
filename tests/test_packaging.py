"""A plain (non-editable) install works: the wheel carries the package and the templates."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
    )
    return next(out.glob("dialogkit-*.whl"))


def test_wheel_ships_the_templates_and_the_console_script(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    built_in = sorted(
        p.relative_to(REPO / "templates").as_posix() for p in (REPO / "templates").rglob("*") if p.is_file()
    )
    assert built_in, "the repository has built-in templates"
    for name in built_in:
        assert f"dialogkit/templates/{name}" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "dialog = dialogkit.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


@pytest.mark.parametrize("locale", EXAMPLES)
def test_installed_wheel_checks_the_examples(wheel: Path, tmp_path: Path, locale: str) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import dialogkit; print(dialogkit.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(target)), "the installed copy is the one that runs"
    done = subprocess.run(
        [sys.executable, "-m", "dialogkit", "-C", str(EXAMPLES[locale]), "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
