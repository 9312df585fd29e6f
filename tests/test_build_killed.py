"""A build killed at any moment (kill -9 or SIGTERM) leaves no process, no lock and no half file behind."""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from dialogkit.builder.manifest import build_lock
from dialogkit.errors import DialogError
from dialogkit.layout import LOCK_FILE, MANIFEST_FILE
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="finds a build's processes in /proc")

# Every process a build starts, pandoc included, inherits its environment: this variable
# marks one build's processes, whoever their parent is once the build is gone.
MARK = "DIALOG_TEST_BUILD"
SEED = int(os.environ.get("DIALOG_KILL_SEED", "14"))
SIGNALS = (signal.SIGKILL, signal.SIGTERM)
FORMATS = "html,pdf"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root, example = tmp_path / "ws", EXAMPLES["sv"]
    root.mkdir()
    for name in ("dialog.yaml", "areas.yaml"):
        shutil.copy(example / name, root / name)
    shutil.copytree(example / "cycles", root / "cycles")
    return root


def test_builds_killed_at_random_moments_leave_nothing_behind(workspace: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    started = time.monotonic()
    done = _finish(_start(workspace, reference, "--force"))
    full = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    expected = _outputs(reference)

    # Each signal at a moment in each quarter of a build, so that the moments cover a whole
    # build, from its start-up to its last document, whatever the seed.
    rng = random.Random(SEED)
    moments = [(how, full * (quarter + rng.random()) / 4) for how in SIGNALS for quarter in range(4)]
    rng.shuffle(moments)
    out = tmp_path / "build"
    for round, (how, delay) in enumerate(moments):
        build = _start(workspace, out, "--force")
        time.sleep(delay)
        build.send_signal(how)
        done = _finish(build)
        said = f"round {round}: {how.name} after {delay:.2f}s; exit {done.returncode}; {done.stderr}"
        assert "waiting for another dialog build" not in done.stderr, said  # the one before left its lock behind
        assert "Traceback" not in done.stderr, said
        if how == signal.SIGTERM and done.returncode != 0:
            # Stopped cleanly: its processes and temporary files went with it.
            assert done.returncode in (128 + signal.SIGTERM, -signal.SIGTERM), said
            _wait_for_no_processes(build.pid, said, seconds=5)  # the pandoc it killed may take a moment
            assert not list(out.rglob("*.tmp")), said
            assert not list(_TMPDIRS[build.pid].iterdir()), said
        _wait_for_no_processes(build.pid, said, seconds=15)

    done = _finish(_start(workspace, out))
    assert done.returncode == 0, done.stderr
    assert "waiting for another dialog build" not in done.stderr
    assert _outputs(out) == expected
    for name in expected:
        if name.endswith(".pdf"):  # a PDF's bytes carry the time it was made: compare its text
            assert _pdf_text(out / name) == _pdf_text(reference / name), name
        else:  # pages, feeds, calendar, open data
            assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    assert not list(out.rglob("*.tmp"))
    again = _finish(_start(workspace, out))
    assert again.returncode == 0 and "nothing to do" in again.stdout, again.stdout  # the manifest is whole


def test_sigterm_stops_a_build_cleanly_and_the_next_build_goes_on(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    build = _start(workspace, out)
    log = _RUNS[build.pid] / "out"
    deadline = time.monotonic() + 120
    while "built " not in log.read_text() and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert build.poll() is None, "the build ended before it could be stopped"
    build.send_signal(signal.SIGTERM)  # while its workers make the other documents
    done = _finish(build)
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert "build stopped (SIGTERM)" in done.stderr and "Traceback" not in done.stderr
    _wait_for_no_processes(build.pid, done.stderr, seconds=5)  # it ended its workers, their pandoc, its picture process
    assert not list(out.rglob("*.tmp"))
    assert not list(_TMPDIRS[build.pid].iterdir())  # nor did their temporary files outlive them
    recorded = json.loads((out / MANIFEST_FILE).read_text())["targets"]
    assert set(_built(done.stdout)) <= set(recorded)
    for entry in recorded.values():  # what the manifest says was built is there, whole
        for name in entry["outputs"]:
            assert _whole(out / name), name
    done = _finish(_start(workspace, out))
    assert done.returncode == 0 and "taking over" not in done.stderr, done.stderr
    made = set(_built(done.stdout))
    assert made and not made & set(recorded)  # the rest, and only the rest
    assert made | set(recorded) == set(json.loads((out / MANIFEST_FILE).read_text())["targets"])


CAUGHT_STARTING = """
import multiprocessing, os, signal, sys, time
from contextlib import contextmanager
from pathlib import Path
from dialogkit.builder import pictures, runner

@contextmanager
def caught_starting():
    # The picture process has started, and SIGTERM arrives before its starter could arrange its end.
    child = multiprocessing.get_context("fork").Process(target=time.sleep, args=(600,))
    child.start()
    print(child.pid, flush=True)
    os.kill(os.getpid(), signal.SIGTERM)
    yield None

pictures.picture_process = caught_starting
runner.build(Path(sys.argv[1]), (2025,), ("html",), jobs=2, out=Path(sys.argv[2]))
"""


def test_a_process_caught_starting_does_not_keep_a_stopped_build_waiting(workspace: Path, tmp_path: Path) -> None:
    args = [sys.executable, "-c", CAUGHT_STARTING, str(workspace), str(tmp_path / "build")]
    stopped = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert stopped.stdout is not None
    child = int(stopped.stdout.readline())
    try:
        stopped.wait(timeout=60)
        left = _alive(child)
    except subprocess.TimeoutExpired:
        stopped.kill()
        pytest.fail("the stopped build waits for ever for a process it started")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)
    assert stopped.returncode == 128 + signal.SIGTERM
    assert not left


HOLD_AND_DIE = """
import multiprocessing, os, sys, time
from pathlib import Path
from dialogkit.builder.manifest import build_lock
with build_lock(Path(sys.argv[1]), print):
    (Path(sys.argv[1]) / ".plan.pdf.x1y2.tmp").write_text("half a file")
    child = multiprocessing.get_context("fork").Process(target=time.sleep, args=(60,))
    child.start()
    print(child.pid, flush=True)
    os.kill(os.getpid(), 9)
"""


def test_a_killed_builds_lock_is_taken_over_even_while_its_children_live(tmp_path: Path) -> None:
    out = tmp_path / "build"
    killed = subprocess.Popen([sys.executable, "-c", HOLD_AND_DIE, str(out)], stdout=subprocess.PIPE, text=True)
    assert killed.stdout is not None
    child = int(killed.stdout.readline())  # not communicate(): the child keeps the pipe open
    killed.wait(timeout=60)
    try:
        assert killed.returncode == -signal.SIGKILL
        assert _alive(child)  # a forked child that outlives the build, holding its descriptors
        taker = "from pathlib import Path; import sys; from dialogkit.builder.manifest import build_lock\n"
        taker += "with build_lock(Path(sys.argv[1]), print): print('got it')"
        try:
            took = subprocess.run(
                [sys.executable, "-c", taker, str(out)], capture_output=True, text=True, timeout=20, check=True
            )
        except subprocess.TimeoutExpired:
            pytest.fail("the lock of a killed build is still held: the next build waits for ever")
    finally:
        os.kill(child, signal.SIGKILL)
    assert "waiting" not in took.stdout
    assert f"taking over the build lock of pid {killed.pid}" in took.stdout
    assert took.stdout.rstrip().endswith("got it")
    assert not list(out.rglob("*.tmp"))  # what the killed build left half-written is gone
    assert (out / LOCK_FILE).read_text() == ""  # released


def test_a_lock_released_normally_is_taken_without_a_word(tmp_path: Path) -> None:
    notices: list[str] = []
    with build_lock(tmp_path, notices.append):
        pass
    with build_lock(tmp_path, notices.append):
        pass
    assert notices == []


_MARKS: dict[int, bytes] = {}  # build pid: its mark
_RUNS: dict[int, Path] = {}  # build pid: a folder with its output ("out", "err")
_TMPDIRS: dict[int, Path] = {}  # build pid: its TMPDIR, short enough for the picture process's socket


@pytest.fixture(autouse=True)
def _end_what_is_left() -> Iterator[None]:
    """A failing run must not leave processes behind that wait for ever."""
    yield
    for build in list(_MARKS):
        for line in _processes(build):
            os.kill(int(line.split()[0]), signal.SIGKILL)
        del _MARKS[build]
        shutil.rmtree(_TMPDIRS.pop(build), ignore_errors=True)


def test_a_link_in_place_of_the_lock_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (tmp_path / LOCK_FILE).symlink_to(victim)
    with pytest.raises(DialogError, match="the build lock is a symbolic link"), build_lock(tmp_path, print):
        pass
    assert victim.read_text() == "keep"


def _start(workspace: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    """Start a build; its output goes to files, as a pipe stays open while any process of the build lives."""
    dialog = Path(sys.executable).with_name("dialog")
    args = [str(dialog), "-C", str(workspace), "build", "2025", "--jobs", "2", "--to", FORMATS, "--out", str(out)]
    mark = uuid.uuid4().hex
    run, tmpdir = workspace.parent / "runs" / mark, Path(tempfile.mkdtemp(prefix="dialog-test-"))
    run.mkdir(parents=True)
    with (run / "out").open("w") as stdout, (run / "err").open("w") as stderr:
        build = subprocess.Popen(
            [*args, *extra],
            env={**os.environ, MARK: mark, "CI": "1", "PYTHONUNBUFFERED": "1", "TMPDIR": str(tmpdir)},
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
            text=True,
        )
    _MARKS[build.pid], _RUNS[build.pid], _TMPDIRS[build.pid] = f"{MARK}={mark}".encode(), run, tmpdir
    return build


def _finish(build: subprocess.Popen[str]) -> subprocess.CompletedProcess[str]:
    try:
        build.wait(timeout=120)
    except subprocess.TimeoutExpired:
        build.kill()
        build.wait()
        pytest.fail(f"the build did not finish: {_log(build, 'err')}")
    return subprocess.CompletedProcess(build.args, build.returncode, _log(build, "out"), _log(build, "err"))


def _log(build: subprocess.Popen[str], stream: str) -> str:
    return (_RUNS[build.pid] / stream).read_text()


def _processes(build: int) -> list[str]:
    """The live processes the build ``build`` started, directly or not: "pid command line"."""
    mark = _MARKS[build]
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # ended meanwhile, or not ours to read
        if mark in environ.split(b"\0") and _alive(int(entry.name)):
            found.append(f"{entry.name} {command}")
    return found


def _wait_for_no_processes(build: int, said: str, seconds: float) -> None:
    """Pandoc, started by a worker killed with the build, may finish its file; nothing may stay."""
    deadline = time.monotonic() + seconds
    while (left := _processes(build)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert left == [], said


def _built(stdout: str) -> list[str]:
    return [line.split()[1] for line in stdout.splitlines() if line.startswith("built ")]


def _outputs(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))


def _whole(path: Path) -> bool:
    if path.suffix == ".pdf":
        return "Svenljunga" in _pdf_text(path)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return bool(json.loads(text))
    if path.suffix == ".csv":
        return text.endswith("\r\n")
    return text.rstrip().endswith({".atom": "</feed>", ".ics": "END:VCALENDAR"}.get(path.suffix, "</html>"))


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    try:
        return "zombie" not in status.read_text()
    except OSError:
        return False
