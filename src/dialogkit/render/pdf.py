"""PDF from pandoc's Typst output: A4, tagged, PDF/A (2a unless the workspace asks for another) and PDF/UA-1, compiled in a closed folder."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from dialogkit.errors import DialogError, Finding
from dialogkit.render import fonts

if TYPE_CHECKING:
    from typst import PDFStandard

# PDF/A-2a is the archival profile with tagged structure; PDF/UA-1 adds the accessibility
# rules (title shown, language, alt text). Typst checks both while it writes the file.
PDF_STANDARDS: list[PDFStandard] = ["a-2a", "ua-1"]
# PDF/UA-1 rests on PDF 1.7 (ISO 32000-1), as PDF/A-2 and PDF/A-3 do; PDF/A-1 is PDF 1.4.
_WITH_UA: dict[str, list[PDFStandard]] = {
    "a-2a": ["a-2a", "ua-1"],
    "a-2b": ["a-2b", "ua-1"],
    "a-2u": ["a-2u", "ua-1"],
    "a-3b": ["a-3b", "ua-1"],
    "a-1b": ["a-1b"],
}
_OUTPUT = "out.pdf"
_PICTURE_PPI = 300.0  # a picture for print: a 3 cm logo is 354 pixels wide

# The fonts found and what they show, once per set of font folders and process. Each compile
# gets a compiler of its own (a millisecond), so nothing of one document, not even a failed
# one's state, reaches the next; what Typst has laid out before is kept by Typst itself.
_coverages: dict[tuple[str | int | tuple[str, int, int] | None, ...], fonts.Coverage] = {}
_lock = threading.Lock()
# Typst's worker threads do not survive a fork: a process forked after this one compiled
# would wait for them forever, so such a process compiles in a fresh one instead.
_used_here = False
_inherited = False


class _Job(TypedDict):
    """One compile, as plain values a fresh process can read from JSON."""

    root: str  # the private folder with main.typ and the images
    inputs: dict[str, str]  # sys.inputs: title, author, language
    standard: str  # documents.pdf_standard: a-2a, a-2b, a-2u, a-3b or a-1b; "png" for a picture
    font_dir: str | None  # the workspace's templates/fonts/
    fallbacks: list[str]  # the system's Noto folders


def _after_fork() -> None:
    global _inherited, _used_here
    _inherited = _inherited or _used_here
    _used_here = False
    _coverages.clear()


os.register_at_fork(after_in_child=_after_fork)


@dataclass(frozen=True)
class CompiledPdf:
    """A PDF and the warnings compiling it gave."""

    data: bytes
    warnings: list[Finding] = field(default_factory=list)


def compile_pdf(
    typst_source: bytes,
    files: Mapping[str, bytes],
    *,
    source: str,
    inputs: Mapping[str, str],
    font_dir: Path | None = None,
    standard: str = "a-2a",
) -> CompiledPdf:
    """Compile Typst to an archival, accessible PDF.

    The compiler's root is a fresh temporary folder holding only ``files`` (the images),
    so even Typst code that got into the document could read nothing else. ``inputs`` reach
    the template as ``sys.inputs`` (title, author, language), never as Typst code. Text is
    set in the template's fonts, the workspace's ``font_dir`` and the system's Noto fonts;
    a character none of them has is shown as U+FFFD, with a warning that names ``source``.
    """
    with tempfile.TemporaryDirectory(prefix="dialog-typst-") as folder:
        root = Path(folder)
        for name, data in files.items():
            (root / name).write_bytes(data)
        (root / "main.typ").write_bytes(typst_source)
        job: _Job = {
            "root": folder,
            "inputs": dict(inputs),
            "standard": standard,
            "font_dir": str(font_dir) if font_dir else None,
            "fallbacks": [str(p) for p in fonts.default_noto_folders()],
        }
        if _inherited:
            pdf, lacking = _compile_in_new_process(job, source)
        else:
            try:
                pdf, lacking = _compile(job)
            except RuntimeError as exc:  # typst.TypstError
                raise DialogError(_finding(source, _message(exc))) from None
    warnings = [Finding(source, 1, 1, "warning", fonts.describe(lacking))] if lacking else []
    return CompiledPdf(pdf, warnings)


def svg_as_png(svg: bytes, width: str, *, source: str) -> bytes:
    """An SVG picture drawn as a PNG ``width`` wide (e.g. "3cm"), for Word versions that show no SVG."""
    page = f'#set page(width: auto, height: auto, margin: 0pt, fill: none)\n#image("picture.svg", width: {width})\n'
    return compile_pdf(page.encode("utf-8"), {"picture.svg": svg}, source=source, inputs={}, standard="png").data


def _compile(job: _Job) -> tuple[bytes, list[str]]:
    """The PDF, and the characters (and clusters) shown as U+FFFD because no font has them."""
    import typst

    global _used_here
    root = Path(job["root"])
    main = root / "main.typ"
    data = main.read_bytes()
    inputs: dict[str, str] = dict(job["inputs"])
    with _lock:
        _used_here = True
        coverage = _coverage(job["font_dir"], job["fallbacks"])
        unusual = fonts.unusual(data) + "".join(inputs.values())
        lacking = coverage.lacking(unusual, root)
        if fonts.has_marks(unusual):  # rare: only then is the whole text read for clusters
            whole = "\n".join([data.decode("utf-8"), *inputs.values()])
            lacking += coverage.lacking_clusters(fonts.replace(whole, lacking), root)
        if lacking or fonts.needs_swaps(data):
            main.write_bytes(fonts.replace(data.decode("utf-8"), lacking).encode("utf-8"))
        compiler = typst.Compiler(font_paths=coverage.fonts, ignore_system_fonts=True)
        picture = job["standard"] == "png"
        pdf, _warnings = compiler.compile_with_warnings(
            input=main,
            root=root,
            format="png" if picture else "pdf",
            ppi=_PICTURE_PPI if picture else None,
            pdf_standards=[] if picture else standards(job["standard"]),
            sys_inputs={key: fonts.replace(value, lacking) for key, value in inputs.items()},
            timestamp=_timestamp(),
        )
    if not isinstance(pdf, bytes):
        raise RuntimeError("typst made no PDF")
    return pdf, lacking


def standards(standard: str) -> list[PDFStandard]:
    """The standards a PDF of documents.pdf_standard meets: the PDF/A level, with PDF/UA-1 where it fits."""
    return _WITH_UA[standard]


def _coverage(font_dir: str | None, fallbacks: list[str]) -> fonts.Coverage:
    """The fonts (found again when a workspace font changes) and what they show."""
    key = (font_dir, *_font_stamp(Path(font_dir) if font_dir else None), *fallbacks)
    coverage = _coverages.get(key)
    if coverage is None:
        found = fonts.discover([*([font_dir] if font_dir else []), *fallbacks])
        coverage = _coverages[key] = fonts.Coverage(found, PDF_STANDARDS)
    return coverage


def _font_stamp(font_dir: Path | None) -> list[tuple[str, int, int]]:
    """The font files as they are now, so that a changed fonts/ folder gets a new compiler."""
    if font_dir is None:
        return []
    stamps = []
    for path in sorted(p for p in font_dir.rglob("*") if p.is_file()):
        stat = path.stat()
        stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
    return stamps


def _compile_in_new_process(job: _Job, source: str) -> tuple[bytes, list[str]]:
    code = "from dialogkit.render.pdf import compile_job_from_stdin; compile_job_from_stdin()"
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], input=json.dumps(job).encode(), capture_output=True, timeout=300
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DialogError(_finding(source, f"typst did not run: {exc}")) from None
    if done.returncode != 0:
        raise DialogError(_finding(source, done.stderr.decode("utf-8", "replace").strip()))
    lacking: list[str] = json.loads(done.stdout)
    return (Path(job["root"]) / _OUTPUT).read_bytes(), lacking


def compile_job_from_stdin() -> None:
    """A fresh process's half of :func:`_compile_in_new_process`: the PDF goes beside main.typ,
    the characters shown as U+FFFD to standard output."""
    job: _Job = json.loads(sys.stdin.buffer.read())
    try:
        pdf, lacking = _compile(job)
    except RuntimeError as exc:
        sys.stderr.write(_message(exc))
        raise SystemExit(1) from None
    (Path(job["root"]) / _OUTPUT).write_bytes(pdf)
    sys.stdout.write(json.dumps(lacking))


def _finding(source: str, message: str) -> Finding:
    return Finding(source, 1, 1, "error", f"typst could not make the PDF: {message}")


def _timestamp() -> int:
    """The creation time in the PDF: SOURCE_DATE_EPOCH when set, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(epoch) if epoch.isdigit() else int(dt.datetime.now(dt.UTC).timestamp())


def _message(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc)
    hints = getattr(exc, "hints", None) or []
    return " ".join([str(message), *(f"(hint: {h})" for h in hints)])
