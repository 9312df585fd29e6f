"""Where dialog writes: output folders and files people name, temporary files, and file modes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogkit.check import check
from dialogkit.files import write_atomic
from tests.conftest import WriteWorkspace, run_dialog


def test_a_relative_out_folder_builds(
    write_workspace: WriteWorkspace, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = write_workspace()
    monkeypatch.chdir(tmp_path)
    code, output = run_dialog(runner, "-C", root, "build", "--to", "md", "-j", "1", "--out", "ut")
    assert code == 0, output
    # taken from the -C folder, as git takes relative paths
    assert (root / "ut/2025/hogvad/invitation.md").is_file() and (root / "ut/site/index.html").is_file()
    code, output = run_dialog(runner, "-C", root, "build", "--to", "md", "-j", "1", "--out", "ut")
    assert code == 0 and "nothing to do" in output


@pytest.mark.parametrize("out", ["cycles", "cycles/2025", "templates", "schemas/x", ".git"])
def test_out_may_not_be_a_folder_people_write_in(
    write_workspace: WriteWorkspace, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, out: str
) -> None:
    root = write_workspace()
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    monkeypatch.chdir(root)
    for command in (["build", "--to", "md"], ["render", "invitation", "2025/hogvad", "--to", "md"], ["site"]):
        code, output = run_dialog(runner, *command, "--out", out)
        assert code == 2, (command, output)
        assert f"--out {out} lies in the workspace's {out.split('/')[0]}/ folder" in output
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


def test_out_may_not_be_a_file(write_workspace: WriteWorkspace, runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("kept\n", encoding="utf-8")
    code, output = run_dialog(runner, "-C", write_workspace(), "build", "--out", tmp_path / "a-file")
    assert code == 2 and "is not a folder" in output
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "kept\n"


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_calendar_output_must_be_a_regular_file(
    write_workspace: WriteWorkspace, runner: CliRunner, tmp_path: Path, kind: str
) -> None:
    # A named pipe stands for /dev/full: a test must not risk replacing the machine's own device nodes.
    target = tmp_path / kind
    os.mkfifo(target) if kind == "fifo" else target.mkdir()
    before = os.lstat(target)
    code, output = run_dialog(runner, "-C", write_workspace(), "calendar", "2025", "-o", target)
    assert code == 2 and "is not a regular file" in output
    after = os.lstat(target)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


def test_writing_never_replaces_a_device_or_a_folder(tmp_path: Path) -> None:
    from dialogkit.errors import DialogError

    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(DialogError, match="not a regular file"):
        write_atomic(tmp_path / "pipe", "x")
    (tmp_path / "folder").mkdir()
    with pytest.raises(DialogError, match="a folder"):
        write_atomic(tmp_path / "folder", "x")
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode) and (tmp_path / "folder").is_dir()


def test_a_year_folder_in_other_digits_is_an_error_not_a_second_2025(write_workspace: WriteWorkspace) -> None:
    root = write_workspace()
    (root / "cycles/２０２５/hogvad").mkdir(parents=True)
    (root / "cycles/２０２５/hogvad/meeting.yaml").write_text(
        (root / "cycles/2025/hogvad/meeting.yaml").read_text(encoding="utf-8").replace("2025-04-08", "2025-05-08"),
        encoding="utf-8",
    )
    findings = [f for f in check(root) if f.severity == "error"]
    assert [(f.path, f.message) for f in findings] == [
        ("cycles/２０２５", "'２０２５' is not a year: folders under cycles/ are named YYYY")
    ]


def test_an_area_folder_in_other_letters_is_an_error(write_workspace: WriteWorkspace) -> None:
    root = write_workspace()
    (root / "cycles/2025/ｈｏｇｖａｄ").mkdir()
    messages = [f.message for f in check(root) if f.path == "cycles/2025/ｈｏｇｖａｄ"]
    assert any("is not an area id" in m for m in messages)


def test_what_a_killed_write_left_behind_is_removed_by_the_next(tmp_path: Path) -> None:
    target = tmp_path / "responses.csv"
    # A writer killed half-way: its temporary file stays, named with its process id.
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; from pathlib import Path; from dialogkit.files import atomic_file\n"
            "with atomic_file(Path(sys.argv[1])) as f:\n    f.write(b'half'); f.flush(); os._exit(9)",
            str(target),
        ],
        check=False,
    )
    assert child.returncode == 9
    (left,) = [p for p in tmp_path.iterdir() if p.name.startswith(".responses.csv.")]
    live = tmp_path / f".responses.csv.{os.getpid()}.abc.tmp"  # a write under way in a live process
    live.write_bytes(b"busy")
    write_atomic(target, "whole\n")
    assert not left.exists() and live.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, live.name])


def test_temporary_files_are_git_ignored_in_this_repository_and_in_new_workspaces(
    tmp_path: Path, runner: CliRunner
) -> None:
    from tests.conftest import REPO

    for folder in (REPO, REPO / "examples/tjenestedialog"):
        done = subprocess.run(
            ["git", "check-ignore", "-q", "--no-index", str(folder / "cycles/2025/hogvad/.responses.csv.123.x.tmp")],
            cwd=REPO,
            check=False,
        )
        assert done.returncode == 0
    code, _ = run_dialog(runner, "init", tmp_path / "ny")
    assert code == 0
    assert ".*.tmp" in (tmp_path / "ny/.gitignore").read_text(encoding="utf-8").splitlines()


def test_files_get_the_mode_the_umask_gives_and_keep_their_own(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.txt", "x")
        assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644
        os.umask(0o002)
        write_atomic(tmp_path / "shared.txt", "x")
        assert stat.S_IMODE((tmp_path / "shared.txt").stat().st_mode) == 0o664
        (tmp_path / "new.txt").chmod(0o600)
        write_atomic(tmp_path / "new.txt", "y")
        assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_a_build_under_umask_022_writes_readable_documents(
    write_workspace: WriteWorkspace, runner: CliRunner, tmp_path: Path
) -> None:
    root = write_workspace()
    old = os.umask(0o022)
    try:
        code, output = run_dialog(runner, "-C", root, "build", "--to", "md,html", "-j", "1")
    finally:
        os.umask(old)
    assert code == 0, output
    modes = {stat.S_IMODE(p.stat().st_mode) for p in (root / "build").rglob("*") if p.is_file()}
    assert modes == {0o644}


def test_init_refuses_a_country_dialog_does_not_know(runner: CliRunner, tmp_path: Path) -> None:
    code, output = run_dialog(runner, "init", tmp_path / "dk", "--country", "DK")
    assert code == 2 and "'DK' is not one of" in output
    assert not (tmp_path / "dk").exists()
    code, output = run_dialog(runner, "init", tmp_path / "no", "--country", "no", "--locale", "nb")
    assert code == 0, output
    assert check(tmp_path / "no") == []


def test_init_from_python_refuses_an_unknown_country(tmp_path: Path) -> None:
    from dialogkit.errors import UsageError
    from dialogkit.scaffold import init_workspace

    with pytest.raises(UsageError, match="unknown country 'DK'"):
        init_workspace(tmp_path / "dk", country="DK")
