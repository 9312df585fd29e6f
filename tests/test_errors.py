"""Every error reaches a person as a sentence and an exit code: never a traceback."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from dialogkit.errors import Finding, printable
from dialogkit.render.words import fill
from tests.conftest import MEETING_YAML, REPO, WriteWorkspace


def dialog_main(monkeypatch: pytest.MonkeyPatch, *args: str | Path) -> int:
    """Run the console script's entry point in-process, as `dialog ARGS`; returns its exit code."""
    from dialogkit.cli import main

    monkeypatch.setattr(sys, "argv", ["dialog", *map(str, args)])
    with pytest.raises(SystemExit) as exited:
        main()
    code = exited.value.code
    return code if isinstance(code, int) else 0


def test_a_bug_is_one_line_with_the_trace_in_a_log_and_exit_3(
    write_workspace: WriteWorkspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_workspace()
    monkeypatch.setenv("DIALOG_LOG_DIR", str(tmp_path / "logs"))

    def broken(_root: Path) -> list[Finding]:
        return {}["no such key"]  # type: ignore[index]

    monkeypatch.setattr("dialogkit.check.check", broken)
    code = dialog_main(monkeypatch, "-C", root, "check")
    err = capsys.readouterr().err
    assert code == 3
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert lines[0].startswith("dialog: internal error (KeyError: 'no such key')")
    (log,) = (tmp_path / "logs").iterdir()
    assert str(log) in lines[0]
    assert "Traceback (most recent call last)" in log.read_text(encoding="utf-8") and "broken" in log.read_text()


def test_ctrl_c_says_interrupted_and_exits_130(
    write_workspace: WriteWorkspace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(_root: Path) -> list[Finding]:
        raise KeyboardInterrupt

    monkeypatch.setattr("dialogkit.check.check", interrupted)
    assert dialog_main(monkeypatch, "-C", write_workspace(), "check") == 130
    assert capsys.readouterr().err.strip() == "dialog: interrupted"


@pytest.mark.parametrize(
    ("code", "reason"), [(errno.EROFS, "Read-only file system"), (errno.ENOSPC, "No space left on device")]
)
def test_a_read_only_or_full_disk_is_a_sentence_and_exit_1(
    write_workspace: WriteWorkspace,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    code: int,
    reason: str,
) -> None:
    out = tmp_path / "ut"

    def refuse(*_args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(code, reason, str(kwargs.get("dir", out)))

    monkeypatch.setattr("dialogkit.files.tempfile.mkstemp", refuse)
    exit_code = dialog_main(
        monkeypatch, "-C", write_workspace(), "render", "invitation", "2025/hogvad", "--to", "md", "--out", out
    )
    err = capsys.readouterr().err
    assert exit_code == 1, err
    assert err.strip() == f"dialog: cannot use {out / '2025' / 'hogvad'}: {reason}"


def test_a_build_reports_a_full_disk_per_document_not_as_a_bug(
    write_workspace: WriteWorkspace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise OSError(errno.ENOSPC, "No space left on device", "build")

    root = write_workspace()
    monkeypatch.setattr("dialogkit.files.tempfile.mkstemp", refuse)
    assert dialog_main(monkeypatch, "-C", root, "build", "--to", "md", "-j", "1") == 1
    err = capsys.readouterr().err
    assert "cannot use build: No space left on device" in err and "internal error" not in err


def test_a_bug_in_one_build_target_exits_3_after_building_the_rest(
    write_workspace: WriteWorkspace,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    from dialogkit.builder import documents

    def broken(*_args: object) -> tuple[list[Path], list[Finding]]:
        raise ZeroDivisionError("planted")

    monkeypatch.setenv("DIALOG_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setitem(documents.MAKERS, "agenda", broken)
    root = write_workspace()
    assert dialog_main(monkeypatch, "-C", root, "build", "--to", "md", "-j", "1") == 3
    captured = capsys.readouterr()
    assert "internal error (ZeroDivisionError: planted)" in captured.err and "Traceback" not in captured.err
    assert (root / "build/2025/hogvad/invitation.md").is_file()


def test_the_console_script_never_shows_a_traceback_for_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dialogkit", "-C", str(REPO), "render", "invitation", "nonsense"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "'nonsense' is not a meeting: write YEAR/AREA" in done.stderr


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("Välkommen {unknown}!", "Välkommen {unknown}!"),
        ("Svara {0} senast {date", "Svara {0} senast {date"),
        ("{area.__class__.__mro__}", "{area.__class__.__mro__}"),
        ("{area[0]}", "{area[0]}"),
        ("{area:>999999999}", "{area:>999999999}"),
        ("{area!r}", "{area!r}"),
        ("{{area}} i {area}", "{area} i Högvad"),
        ("}", "}"),
    ],
)
def test_a_label_fills_only_plain_names_and_keeps_the_rest_as_written(label: str, shown: str) -> None:
    assert fill(label, area="Högvad") == shown


def test_a_broken_label_in_the_workspace_still_builds_every_document_and_the_site(
    write_workspace: WriteWorkspace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    labels = "sv:\n  site_title: '{oops} {0} {x:>99999999999}'\n  welcome: '{oops}'\n  followup_title: '{oops'\n"
    root = write_workspace({"templates/labels.yaml": labels})
    assert dialog_main(monkeypatch, "-C", root, "build", "--to", "md", "-j", "1") == 0, capsys.readouterr()
    assert (root / "build/site/index.html").is_file()


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Mjögback\n::error file=x::owned", "Mjögback\\n::error file=x::owned"),
        ("a\r\x1b[2Jb", "a\\r\\x1b[2Jb"),
        ("\u202eevil", "\\u202eevil"),
        ("tab\there", "tab\\there"),
        ("Överlida – ok", "Överlida – ok"),
    ],
)
def test_control_characters_in_a_message_are_shown_as_escapes(raw: str, shown: str) -> None:
    assert printable(raw) == shown
    assert str(Finding("areas.yaml", 3, 5, "warning", raw)) == f"areas.yaml:3:5: warning: {shown}"


def test_a_locality_cannot_write_workflow_commands_into_a_ci_log(write_workspace: WriteWorkspace) -> None:
    areas = 'areas:\n  - {id: hogvad, name: "Högvad", localities: ["X\\n::stop-commands::abc"]}\n'
    meeting = MEETING_YAML + "safety_walk: {date: 2025-04-08, start: '16:30', localities: ['Y\\n::error::owned']}\n"
    root = write_workspace({"areas.yaml": areas, "cycles/2025/hogvad/meeting.yaml": meeting})
    done = subprocess.run(
        [sys.executable, "-m", "dialogkit", "-C", str(root), "check"], capture_output=True, text=True, check=False
    )
    output = done.stdout + done.stderr
    assert "'Y\\n::error::owned' is not a locality" in output
    assert not any(line.startswith("::") for line in output.splitlines())
