"""Nothing a file can hold breaks `dialog check`, and no write leaves half a file behind."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from dialogkit.check import check
from dialogkit.errors import DialogError
from dialogkit.files import write_atomic
from dialogkit.yamlload import MAX_YAML_BYTES, load_yaml, parse_yaml
from tests.conftest import EXAMPLES, FUZZ, run_dialog

# The workspace's own files: not what `make demo` leaves in build/ beside them.
EXAMPLE_FILES = sorted(
    p.relative_to(EXAMPLES["nb"]).as_posix()
    for p in EXAMPLES["nb"].rglob("*")
    if p.suffix in {".yaml", ".md"} and "build" not in p.relative_to(EXAMPLES["nb"]).parts
)

SCALARS = [
    "NO",
    "18:00",
    "0123",
    "~",
    "",
    "!!python/object:os.system",
    "*x",
    "&a",
    "[",
    "{",
    "'",
    '"',
    "- ",
    ": ",
    "\t",
    "2025-02-30",
    "1e999",
    "-",
    "|",
    ">",
    "%YAML 1.1",
    "---",
    "...",
    "é",
    "\x00",
    "\ufeff",
]


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(EXAMPLE_FILES))
    data = bytearray((EXAMPLES["nb"] / name).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["delete", "insert", "scalar", "indent", "swap", "bytes"]))
        if kind == "delete":
            del data[where : where + draw(st.integers(1, 40))]
        elif kind == "insert":
            data[where:where] = draw(st.text(max_size=20)).encode("utf-8", "surrogatepass")
        elif kind == "scalar":
            data[where:where] = draw(st.sampled_from(SCALARS)).encode()
        elif kind == "indent":
            lines = bytes(data).split(b"\n")
            index = draw(st.integers(0, len(lines) - 1))
            lines[index] = b" " * draw(st.integers(0, 7)) + lines[index].lstrip()
            data = bytearray(b"\n".join(lines))
        elif kind == "swap":
            lines = bytes(data).split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
        else:
            data[where:where] = draw(st.binary(max_size=8))
    return name, bytes(data)


@pytest.fixture(scope="module")
def fuzz_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "ws"
    shutil.copytree(EXAMPLES["nb"], root, ignore=shutil.ignore_patterns("build"))
    return root


@FUZZ
@given(mutation=mutations())
def test_mutated_files_never_crash_check(fuzz_copy: Path, mutation: tuple[str, bytes]) -> None:
    name, data = mutation
    original = (fuzz_copy / name).read_bytes()
    (fuzz_copy / name).write_bytes(data)
    try:
        findings = check(fuzz_copy)  # an unexpected exception fails the test
        assert all(f.line >= 1 and f.column >= 1 and f.message for f in findings)
        code, output = run_dialog(CliRunner(), "-C", fuzz_copy, "check")
        assert code in (0, 1) and "Traceback" not in output
    finally:
        (fuzz_copy / name).write_bytes(original)


@FUZZ
@given(text=st.text(max_size=300))
def test_any_text_parses_or_fails_cleanly(text: str) -> None:
    try:
        parse_yaml(text, "t.yaml")
    except DialogError as exc:
        assert exc.findings and exc.findings[0].path == "t.yaml"


def test_deep_nesting_and_long_lines_do_not_hang(tmp_path: Path) -> None:
    start = time.perf_counter()
    with pytest.raises(DialogError, match="nests deeper"):
        parse_yaml("a: " + "[" * 200_000 + "]" * 200_000, "deep.yaml")
    with pytest.raises(DialogError, match="nests deeper"):
        parse_yaml("".join(" " * i + "- \n" for i in range(0, 400, 2)), "deep.yaml")
    assert parse_yaml("a: " + "x" * 2_000_000, "long.yaml").data["a"] == "x" * 2_000_000
    assert time.perf_counter() - start < 30  # a hang would be minutes; this is only a tripwire


def test_a_5_mb_yaml_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    rows = "".join(f"  - {{id: omrade-{i}, name: Område {i}, localities: [A, B, C]}}\n" for i in range(80_000))
    path.write_text("areas:\n" + rows, encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    assert len(load_yaml(path, "big.yaml").data["areas"]) == 80_000


def test_an_oversized_yaml_file_is_refused_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_YAML_BYTES + 1)
    with pytest.raises(DialogError, match="dialog reads YAML files up to"):
        load_yaml(path, "huge.yaml")


KILLED_WRITER = """
import sys
from pathlib import Path
from dialogkit.files import write_atomic
print("writing", flush=True)
write_atomic(Path(sys.argv[1]), b"new" * 200_000_000)
"""


def test_a_write_killed_midway_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "referat-compilation.docx"
    target.write_bytes(b"old contents")
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target)], stdout=subprocess.PIPE)
    assert child.stdout is not None and child.stdout.readline() == b"writing\n"
    time.sleep(0.3)  # well into the 600 MB write
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert target.read_bytes() == b"old contents"


def test_a_symlink_where_an_output_goes_is_not_followed_out(tmp_path: Path) -> None:
    out, outside = tmp_path / "build", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / "2025").symlink_to(outside, target_is_directory=True)
    with pytest.raises(DialogError, match="refusing to write outside"):
        write_atomic(out / "2025" / "plan.pdf", b"x", within=out)
    assert not (outside / "plan.pdf").exists()
    (outside / "secret.txt").write_text("keep")
    (out / "agenda.pdf").symlink_to(outside / "secret.txt")
    write_atomic(out / "agenda.pdf", b"pdf", within=out)
    assert (outside / "secret.txt").read_text() == "keep" and (out / "agenda.pdf").read_bytes() == b"pdf"


def test_write_atomic_keeps_what_a_person_wrote(tmp_path: Path) -> None:
    path = tmp_path / "meeting.yaml"
    path.write_text("edited by hand\n")
    assert write_atomic(path, "generated\n", overwrite=False) == "kept"
    assert path.read_text() == "edited by hand\n"
