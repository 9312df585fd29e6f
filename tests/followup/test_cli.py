"""`dialog followup` and `dialog site` through the CLI runner, as a person calls them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import run_dialog

from .conftest import MakeWorkspace


def test_followup_json(runner: CliRunner, make_workspace: MakeWorkspace) -> None:
    root = make_workspace()
    code, output = run_dialog(runner, "-C", root, "followup", "2025", "--as-of", "2025-09-01", "--format", "json")
    assert code == 0, output
    data = json.loads(output)
    assert data["workgroups"] == 3
    assert [o["text"] for o in data["overdue"]] == ["Ny beläggning på Byvägen"]


def test_followup_as_of_must_be_a_date(runner: CliRunner, make_workspace: MakeWorkspace) -> None:
    root = make_workspace()
    code, output = run_dialog(runner, "-C", root, "followup", "2025", "--as-of", "15/1/2026", "--format", "json")
    assert code == 2
    assert "--as-of" in output


def test_followup_unknown_format_is_a_usage_error(runner: CliRunner, make_workspace: MakeWorkspace) -> None:
    code, output = run_dialog(runner, "-C", make_workspace(), "followup", "2025", "--to", "rtf")
    assert code == 2
    assert "unknown format 'rtf'" in output


def test_followup_writes_markdown(runner: CliRunner, make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    root = make_workspace()
    out = tmp_path / "out"
    code, output = run_dialog(
        runner, "-C", root, "followup", "2025", "--as-of", "2026-01-15", "--to", "md", "--out", out
    )
    assert code == 0, output
    text = (out / "2025" / "followup.md").read_text(encoding="utf-8")
    # The Markdown is whole: the letterhead, then the title as its one level-1 heading.
    assert text.startswith("**Provkommun**\n\n# Träffpunkt – uppföljning 2025\n")
    assert text.count("\n# ") == 1
    assert "Läget per 15 januari 2026" in text
    assert "Försenade åtgärder: 3" in text
    assert "Avsatta medel: 363 000 kr" in text  # escape_markdown folds no-break spaces
    assert "](followup-chart.png)" in text


def test_followup_bad_workspace_exits_1(runner: CliRunner, make_workspace: MakeWorkspace) -> None:
    root = make_workspace({"cycles/2025/hogvad/workgroups.yaml": "workgroups:\n  - id: X\n"})
    code, output = run_dialog(runner, "-C", root, "followup", "2025", "--format", "json")
    assert code == 1
    assert "cycles/2025/hogvad/workgroups.yaml" in output
    assert "Traceback" not in output


def test_site_command(runner: CliRunner, make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    root = make_workspace()
    out = tmp_path / "out"
    code, output = run_dialog(runner, "-C", root, "site", "--out", out, "--as-of", "2026-01-15")
    assert code == 0, output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html")) == [
        "site/areas/hogvad.html",
        "site/areas/kalv.html",
        "site/areas/sexdrega.html",
        "site/index.html",
    ]
    assert "wrote" in output


def test_site_defaults_to_build(runner: CliRunner, make_workspace: MakeWorkspace) -> None:
    root = make_workspace()
    code, output = run_dialog(runner, "-C", root, "site")
    assert code == 0, output
    assert (root / "build" / "site" / "index.html").is_file()
