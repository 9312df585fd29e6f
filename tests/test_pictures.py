"""The picture process of a parallel build: pictures drawn there are the ones drawn here."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dialogkit.builder import pictures
from dialogkit.builder.pictures import picture_process
from dialogkit.builder.runner import build
from dialogkit.render import figures
from tests.conftest import EXAMPLES


def _drawn_by() -> bytes:
    """A "picture" that says which process drew it."""
    return str(os.getpid()).encode()


def _refuse(message: str) -> bytes:
    raise ValueError(message)


def test_pictures_are_drawn_in_the_picture_process_and_here_once_it_is_gone() -> None:
    with picture_process() as painter:
        figures.use_painter(painter)
        try:
            assert figures.draw(_drawn_by) != str(os.getpid()).encode()
            # A picture that fails says so as it would here, not as a broken connection.
            try:
                figures.draw(functools.partial(_refuse, "no data"))
            except ValueError as exc:
                assert str(exc) == "no data"
            else:
                raise AssertionError("the picture's error was lost")
        finally:
            figures.use_painter(None)
        figures.use_painter(painter)
    try:
        assert figures.draw(_drawn_by) == str(os.getpid()).encode()
    finally:
        figures.use_painter(None)


def _example(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    root.mkdir()
    for name in ("dialog.yaml", "areas.yaml"):
        shutil.copy(EXAMPLES["sv"] / name, root / name)
    shutil.copytree(EXAMPLES["sv"] / "cycles", root / "cycles", ignore=shutil.ignore_patterns("raw"))
    return root


def test_a_parallel_build_draws_the_same_pictures_as_a_serial_one(tmp_path: Path) -> None:
    root = _example(tmp_path)
    serial = build(root, (2025,), ("md",), jobs=1, out=tmp_path / "serial")
    parallel = build(root, (2025,), ("md",), jobs=2, out=tmp_path / "parallel")
    assert not serial.failed and not parallel.failed
    pictures = sorted(p.relative_to(tmp_path / "serial") for p in (tmp_path / "serial").rglob("*.png"))
    # The plan's timeline, the follow-up's chart and the survey report's charts.
    assert len(pictures) >= 3, pictures
    for picture in pictures:
        assert (tmp_path / "parallel" / picture).read_bytes() == (tmp_path / "serial" / picture).read_bytes()


def test_the_workers_draw_when_the_picture_process_cannot_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no room for a socket")

    monkeypatch.setattr(pictures._PictureProcess, "start", refuse)
    with picture_process() as painter:
        assert painter is None
    report = build(_example(tmp_path), (2025,), ("md",), jobs=2, out=tmp_path / "out")
    assert not report.failed
    assert (tmp_path / "out" / "2025" / "followup-chart.png").read_bytes().startswith(b"\x89PNG")


def test_the_picture_process_ends_when_its_build_is_killed() -> None:
    script = (
        "import os\n"
        "from dialogkit.builder.pictures import picture_process\n"
        "def pid():\n    return str(os.getpid()).encode()\n"
        "with picture_process() as painter:\n"
        "    print(painter.draw(pid).decode(), flush=True)\n"
        "    os.kill(os.getpid(), 9)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == -9, done.stderr
    painter_pid = int(done.stdout)
    deadline = time.monotonic() + 10
    while _alive(painter_pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(painter_pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A process that ended but whose parent has not reaped it yet is as good as gone.
    status = Path(f"/proc/{pid}/status")
    return not (status.is_file() and "zombie" in status.read_text())
