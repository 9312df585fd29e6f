"""The command line itself: version, module entry point, formats, exit codes, docs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogkit.cli.render import parse_meeting_ref
from dialogkit.errors import UsageError
from tests.conftest import MEETING_YAML, REPO, WriteWorkspace, run_dialog


def test_version(runner: CliRunner) -> None:
    code, output = run_dialog(runner, "--version")
    assert code == 0 and output.startswith("dialog ")


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run([sys.executable, "-m", "dialogkit", "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("dialog ")


def test_version_does_not_import_the_heavy_parts() -> None:
    code = (
        "import sys, dialogkit.cli; dialogkit.cli.app(['--version'], standalone_mode=False); print(sorted(sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = done.stdout
    for heavy in ("'pydantic'", "'yaml'", "'pypandoc'", "'typst'", "'matplotlib'", "'openpyxl'", "'jinja2'"):
        assert heavy not in loaded, heavy


def test_meeting_references() -> None:
    assert parse_meeting_ref("2025/hogvad") == (2025, "hogvad")
    assert parse_meeting_ref(" 2025/hogvad/ ") == (2025, "hogvad")
    with pytest.raises(UsageError, match="YEAR/AREA"):
        parse_meeting_ref("hogvad")
    with pytest.raises(UsageError, match="YEAR/AREA"):
        parse_meeting_ref("2025/Högvad")


def test_usage_error_exits_2(runner: CliRunner) -> None:
    code, _ = run_dialog(runner, "check", "--format", "xml")
    assert code == 2


def test_check_json_lists_findings_with_the_contract_keys(write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    root = write_workspace({"cycles/2025/hogvad/meeting.yaml": MEETING_YAML.replace("host: ksau", "host: x")})
    result = runner.invoke(__import__("dialogkit.cli").cli.app, ["-C", str(root), "check", "--format", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert findings == [
        {
            "path": "cycles/2025/hogvad/meeting.yaml",
            "line": 6,
            "column": 7,
            "severity": "error",
            "message": "unknown host body 'x': known: ksau",
        }
    ]


def test_check_github_prints_workflow_annotations(write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    root = write_workspace({"cycles/2025/hogvad/meeting.yaml": MEETING_YAML.replace("host: ksau", "host: x")})
    code, output = run_dialog(runner, "-C", root, "check", "--format", "github")
    assert code == 1
    assert "::error file=cycles/2025/hogvad/meeting.yaml,line=6,col=7::unknown host body 'x'" in output


def test_workspace_is_found_from_a_subfolder(write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    root = write_workspace()
    code, output = run_dialog(runner, "-C", root / "cycles" / "2025", "check")
    assert code == 0, output


def test_warnings_do_not_fail_check(write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    root = write_workspace(
        {
            "cycles/2025/hogvad/workgroups.yaml": "workgroups: []\n",
            "cycles/2025/sexdrega/referat.md": "---\ndate: 2025-05-06\nminutes_by: Sekreterare\n---\nText.\n",
        }
    )
    code, output = run_dialog(runner, "-C", root, "check")
    assert code == 0
    assert "cycles/2025/sexdrega:1:1: warning: this meeting folder has no meeting.yaml" in output
    assert "warning: the minutes list no conclusions" in output


def test_raw_export_tracked_by_git_is_a_warning(write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    root = write_workspace({"cycles/2025/hogvad/raw/export.csv": "Namn;Svar\nAnna;Hej\n"})
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-f", "."], check=True)
    code, output = run_dialog(runner, "-C", root, "check")
    assert code == 0
    assert "cycles/2025/hogvad/raw/export.csv:1:1: warning: a raw survey export is tracked by git" in output


def test_readme_cli_reference_is_generated_from_the_app() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "cli_reference.py"), "--check", str(REPO / "README.md")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_schema_writes_one_json_schema_per_format(tmp_path: Path, runner: CliRunner) -> None:
    code, _ = run_dialog(runner, "schema", "--out", tmp_path)
    assert code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(
        f"{n}.schema.json" for n in ("dialog", "areas", "plan", "meeting", "survey", "referat", "workgroups", "case")
    )
    meeting = json.loads((tmp_path / "meeting.schema.json").read_text())
    assert meeting["additionalProperties"] is False
    assert {"area", "date", "start", "end"} <= set(meeting["required"])
