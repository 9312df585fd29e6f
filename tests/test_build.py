"""`dialog build`: every document once, then only what changed; failures and locks handled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogkit.builder.manifest import build_lock
from dialogkit.builder.runner import build
from tests.conftest import EXAMPLES, run_dialog


@pytest.fixture
def workspace(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    root, example = tmp_path / "ws", EXAMPLES[getattr(request, "param", "sv")]
    root.mkdir()
    for name in ("dialog.yaml", "areas.yaml"):
        shutil.copy(example / name, root / name)
    shutil.copytree(example / "cycles", root / "cycles")
    return root


def built(output: str) -> list[str]:
    return sorted(line.split()[1] for line in output.splitlines() if line.startswith("built "))


@pytest.mark.parametrize("workspace", ["sv", "nb"], indirect=True)
def test_second_build_has_nothing_to_do(workspace: Path, runner: CliRunner) -> None:
    code, output = run_dialog(runner, "-C", workspace, "build", "--jobs", "2")
    assert code == 0, output
    first = built(output)
    assert "site" in first and any(key.endswith("/referat-compilation") for key in first)
    assert (workspace / "build" / "site" / "index.html").is_file()
    year = "2025" if (workspace / "cycles" / "2025").is_dir() else "2022"
    for name in ("referat-compilation.pdf", "case-document.docx", "followup.html", "plan.pdf"):
        assert (workspace / "build" / year / name).is_file(), name
    manifest = workspace / "build" / ".dialog-manifest.json"
    written = manifest.stat().st_mtime_ns
    code, output = run_dialog(runner, "-C", workspace, "build")
    assert code == 0 and built(output) == []
    assert "nothing to do" in output
    assert manifest.stat().st_mtime_ns == written  # a build with nothing to do writes nothing
    assert not list((workspace / "build").rglob("*.tmp"))


def test_editing_one_minute_rebuilds_only_its_compilation_and_council_document(
    workspace: Path, runner: CliRunner
) -> None:
    run_dialog(runner, "-C", workspace, "build", "--to", "html,docx")
    compilation = workspace / "build" / "2025" / "referat-compilation.html"
    case_document = workspace / "build" / "2025" / "case-document.docx"
    before = compilation.stat().st_mtime_ns, case_document.stat().st_mtime_ns
    invitation = (workspace / "build" / "2025" / "kalv" / "invitation.html").stat().st_mtime_ns
    with (workspace / "cycles" / "2025" / "kalv" / "referat.md").open("a", encoding="utf-8") as handle:
        handle.write("\nTillägg: mötet avslutades med fika.\n")
    code, output = run_dialog(runner, "-C", workspace, "build", "--to", "html,docx")
    assert code == 0, output
    # And the site, which links the compiled minutes and the council document with their sizes.
    assert built(output) == ["2025/referat-compilation", "site"]
    assert "mötet avslutades med fika" in compilation.read_text(encoding="utf-8")
    after = compilation.stat().st_mtime_ns, case_document.stat().st_mtime_ns
    assert after[0] > before[0] and after[1] > before[1]
    assert (workspace / "build" / "2025" / "kalv" / "invitation.html").stat().st_mtime_ns == invitation


def test_changed_conclusions_also_update_the_site(workspace: Path, runner: CliRunner) -> None:
    run_dialog(runner, "-C", workspace, "build", "--to", "html")
    minutes = workspace / "cycles" / "2025" / "kalv" / "referat.md"
    minutes.write_text(
        minutes.read_text(encoding="utf-8").replace(
            "conclusions:\n", "conclusions:\n  - Ny slutsats om busshållplatsen\n", 1
        ),
        encoding="utf-8",
    )
    code, output = run_dialog(runner, "-C", workspace, "build", "--to", "html")
    assert code == 0, output
    assert built(output) == ["2025/referat-compilation", "site"]


def test_one_failing_document_does_not_stop_the_others(workspace: Path, runner: CliRunner) -> None:
    (workspace / "templates").mkdir()
    (workspace / "templates" / "agenda.md.j2").write_text("# {{ no_such_value }}\n", encoding="utf-8")
    code, output = run_dialog(runner, "-C", workspace, "build", "--to", "html", "--jobs", "2")
    assert code == 1
    assert "failed: 2025/hogvad/agenda" in output
    assert "templates/agenda.md.j2:1:1: error: the template uses a value the document does not have" in output
    assert "Traceback" not in output
    assert (workspace / "build" / "2025" / "hogvad" / "invitation.html").is_file()
    (workspace / "templates" / "agenda.md.j2").unlink()
    code, output = run_dialog(runner, "-C", workspace, "build", "--to", "html")
    assert code == 0 and "2025/hogvad/agenda" in built(output)  # templates changed: all is rebuilt


def test_force_rebuilds_everything_and_years_narrow_the_build(workspace: Path, runner: CliRunner) -> None:
    run_dialog(runner, "-C", workspace, "build", "2025", "--to", "md")
    code, output = run_dialog(runner, "-C", workspace, "build", "2025", "--to", "md", "--force")
    assert code == 0 and "2025/referat-compilation" in built(output)
    assert not any(key.startswith("2024/") for key in built(output))


def test_an_unknown_year_is_a_usage_error(workspace: Path, runner: CliRunner) -> None:
    code, output = run_dialog(runner, "-C", workspace, "build", "1999")
    assert code == 2 and "no cycle for 1999" in output


def test_a_second_build_waits_for_the_first_and_says_why(workspace: Path) -> None:
    out = workspace / "build"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from dialogkit.builder.manifest import build_lock\n"
            "with build_lock(Path(sys.argv[1]), print):\n    print('holding', flush=True); time.sleep(1.5)",
            str(out),
        ],
        stdout=subprocess.PIPE,
    )
    assert holder.stdout is not None and holder.stdout.readline() == b"holding\n"
    notices: list[str] = []
    start = time.perf_counter()
    with build_lock(out, notices.append):
        waited = time.perf_counter() - start
    holder.wait()
    assert notices and "waiting for another dialog build" in notices[0] and f"pid {holder.pid}" in notices[0]
    assert waited > 0.5


def test_builds_at_once_leave_a_whole_build(workspace: Path) -> None:
    results: list[int] = []

    def one() -> None:
        results.append(len(build(workspace, (2025,), ("html",)).failed))

    threads = [threading.Thread(target=one) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [0, 0]
    assert (workspace / "build" / "2025" / "referat-compilation.html").is_file()
    assert not list((workspace / "build").rglob("*.tmp"))


def test_a_build_with_nothing_to_do_does_not_load_the_workspace(workspace: Path, runner: CliRunner) -> None:
    """Up to date is known from stats and the manifest: the loading code is not even imported."""
    code, output = run_dialog(runner, "-C", workspace, "build", "--to", "md")
    assert code == 0, output
    check = (
        "import sys; from pathlib import Path; from dialogkit.builder.runner import build; "
        f"report = build(Path({str(workspace)!r}), formats=('md',)); "
        "assert not [o for o in report.outcomes if o.status != 'up to date'], report; "
        "print(sorted(m for m in sys.modules if m.startswith('dialogkit.loading')))"
    )
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
