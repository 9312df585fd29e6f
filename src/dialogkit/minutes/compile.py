"""Rendering the minutes: one meeting's, the year's compilation and the council document."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from dialogkit.errors import DialogError, Finding
from dialogkit.formats import DEFAULT_FORMATS
from dialogkit.inputs import carry
from dialogkit.layout import CASE_FILE, REFERAT_FILE, cycle_path, meeting_path
from dialogkit.loading import require
from dialogkit.minutes.case import case_date, case_reference, case_view, case_warnings
from dialogkit.minutes.views import compilation_title, compilation_view, referat_view
from dialogkit.minutes.year import YearMinutes, entry_of, year_minutes
from dialogkit.render import pandoc
from dialogkit.render.pipeline import (
    Document,
    Rendered,
    Setting,
    make_outputs,
    render_document,
    setting_of,
    write_outputs,
)
from dialogkit.render.safety import check_tree
from dialogkit.render.viewbase import document_title
from dialogkit.render.words import Labels, load_labels
from dialogkit.workspace import Workspace

COMPILATION = "referat-compilation"
CASE_DOCUMENT = "case-document"
REFERAT = "referat"


@dataclass
class CompileResult:
    """What a minutes command did: the files written and the warnings (errors are raised)."""

    written: list[Path] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)


def compile_referat(
    workspace: Workspace | Path,
    year: int,
    formats: Iterable[str] = DEFAULT_FORMATS,
    out: Path | None = None,
    *,
    strict: bool = False,
) -> CompileResult:
    """Write build/YEAR/referat-compilation.* and, from cycles/YEAR/case.yaml, build/YEAR/case-document.*.

    A meeting without minutes and minutes without conclusions are warnings; with
    ``strict`` they are errors and nothing is written.
    """
    ws = workspace if isinstance(workspace, Workspace) else require(workspace)
    formats = tuple(formats)
    minutes = year_minutes(ws, year)
    warnings = list(minutes.warnings)
    case = minutes.cycle.case
    if case is None:
        warnings.append(_no_case(year))
    else:
        warnings.extend(case_warnings(ws, case, minutes))
    if not minutes.with_minutes:
        raise DialogError(_nothing_written(ws, minutes))
    if strict and warnings:
        raise DialogError([dataclasses.replace(w, severity="error") for w in warnings])
    labels = load_labels(ws.root, ws.locale)
    documents = [_compilation(ws, labels, minutes, case_reference(case) if case is not None else None)]
    if case is not None:
        documents.append(
            Document(
                name=CASE_DOCUMENT,
                template=f"{CASE_DOCUMENT}.md.j2",
                view=case_view(ws, labels, case, minutes),
                title=case.title,
                folder=Path(str(year)),
                source=cycle_path(year, CASE_FILE),
                date=case_date(case),
                unit=case.unit,
            )
        )
    rendered = _render_all(ws, minutes, setting_of(ws, out), documents, formats)
    return CompileResult(rendered.written, [*warnings, *rendered.warnings])


def render_referat(
    ws: Workspace, year: int, area_id: str, formats: Iterable[str] = DEFAULT_FORMATS, out: Path | None = None
) -> CompileResult:
    """Write one meeting's minutes to build/YEAR/AREA/referat.*."""
    cycle = ws.cycles.get(year)
    meeting = cycle.meetings.get(area_id) if cycle is not None else None
    entry = entry_of(ws, meeting) if meeting is not None else None
    path = meeting_path(year, area_id, REFERAT_FILE)
    if meeting is None or entry is None or entry.referat is None:
        written = sorted(
            f"{y}/{a}" for y, c in ws.cycles.items() for a, m in c.meetings.items() if m.referat is not None
        )
        hint = f" (minutes exist for {', '.join(written)})" if written else ""
        raise DialogError(Finding(path, 1, 1, "error", f"no minutes for {year}/{area_id}: write {path}{hint}"))
    labels = load_labels(ws.root, ws.locale)
    warnings = []
    if not entry.referat.front.conclusions:
        warnings.append(
            entry.referat.doc.finding((), "the minutes list no conclusions; add them under 'conclusions:'", "warning")
        )
    doc = Document(
        name=REFERAT,
        template=f"{REFERAT}.md.j2",
        view=referat_view(ws, labels, entry),
        title=document_title(labels, "referat_kind", entry.name),
        folder=Path(str(year)) / area_id,
        source=entry.referat.doc.path,
    )
    rendered = render_document(setting_of(ws, out), doc, formats)
    return CompileResult(rendered.written, [*warnings, *rendered.warnings])


def _compilation(ws: Workspace, labels: Labels, minutes: YearMinutes, reference: str | None) -> Document:
    return Document(
        name=COMPILATION,
        template=f"{COMPILATION}.md.j2",
        view=compilation_view(ws, labels, minutes, reference),
        title=compilation_title(ws, labels, minutes.year),
        folder=Path(str(minutes.year)),
        source=cycle_path(minutes.year),
    )


def _nothing_written(ws: Workspace, minutes: YearMinutes) -> Finding:
    folders = ", ".join(ws.relative(e.meeting.folder) for e in minutes.entries)
    return Finding(
        cycle_path(minutes.year),
        1,
        1,
        "error",
        f"no minutes in {minutes.year} yet, so there is nothing to compile: write referat.md in {folders} "
        "(front matter date, present, absent, minutes_by, conclusions between '---' lines, then the text)",
    )


def _no_case(year: int) -> Finding:
    path = cycle_path(year, CASE_FILE)
    return Finding(
        path,
        1,
        1,
        "warning",
        f"no {path}: the council document ({CASE_DOCUMENT}) was skipped; write {path} with kind, case_officer, "
        "title, summary and recommendation to add it (background, assessment, archive, to, attachments and "
        "other_documents are optional; `dialog schema` gives editors its schema)",
    )


def _check_texts(ws: Workspace, minutes: YearMinutes) -> None:
    """Check each meeting's minutes on its own, so that a bad link or image is blamed on its file."""

    def check(text: str, source: str) -> list[Finding]:
        try:
            check_tree(pandoc.parse_markdown(text, source), ws.root, source)
        except DialogError as exc:
            return exc.findings
        return []

    texts = [(e.referat.body, e.referat.doc.path) for e in minutes.with_minutes if e.referat is not None]
    with ThreadPoolExecutor(max_workers=min(8, len(texts)) or 1) as pool:
        findings = [f for found in pool.map(lambda t: check(*t), texts) for f in found]
    if findings:
        raise DialogError(findings)


def _render_all(
    ws: Workspace, minutes: YearMinutes, setting: Setting, documents: list[Document], formats: tuple[str, ...]
) -> Rendered:
    """Make every document, then write them: a failing one leaves no file of the others."""
    with ThreadPoolExecutor(max_workers=len(documents)) as pool:
        # carry: what each document reads is recorded as the build target's input.
        futures = [pool.submit(carry(make_outputs), setting, doc, formats) for doc in documents]
        try:
            made = [futures[0].result()]
        except DialogError:
            # The compilation holds every meeting's minutes and is checked as a whole; when it
            # fails, a meeting's minutes that fail on their own are blamed on their file.
            _check_texts(ws, minutes)
            raise
        made.extend(future.result() for future in futures[1:])
    written = [path for outputs in made for path in write_outputs(setting, outputs)]
    return Rendered(written, [w for outputs in made for w in outputs.warnings])
