"""The council document around the compiled minutes: a saksframlegg, a tjänsteskrivelse or a memo."""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Literal, TypedDict

from dialogkit.errors import Finding
from dialogkit.minutes.markdown import fit_markdown
from dialogkit.minutes.views import compilation_title, missing_meetings
from dialogkit.minutes.year import YearMinutes
from dialogkit.models.case import CaseFile
from dialogkit.render.viewbase import DocumentView, document_base
from dialogkit.render.words import Labels, date_in_words, document_date, fill
from dialogkit.workspace import Workspace

# The kinds a locale writes; another pairing is allowed, with a warning.
KIND_LOCALES = {"saksframlegg": ("nb", "nn"), "tjansteskrivelse": ("sv",), "memo": ("en",)}
# The archive fields each kind's header shows even when empty; other fields show when set.
HEADER_FIELDS = {
    "saksframlegg": ("ark", "lnr", "arkivsaksnr"),
    "tjansteskrivelse": ("diarienummer",),
    "memo": ("diarienummer",),
}
ARCHIVE_FIELDS = ("ark", "lnr", "arkivsaksnr", "diarienummer")
SECTION_LEVEL = 2  # the case's title is a level-1 heading, its parts level 2
# "22/1380-1" is document 1 of case 22/1380: an attachment belongs to the case.
_DOCUMENT_NUMBER = re.compile(r"-\d+\Z")


class HeaderCell(TypedDict):
    """One row of the header block: the date, an archive field or the case officer."""

    label: str
    value: str


class Step(TypedDict):
    """One body on the case's way (saksgang): its name, meeting date and case number, each maybe empty."""

    body: str
    date: str
    number: str


class Signature(TypedDict):
    """One signer of the document: a name and a title."""

    name: str
    title: str


class CaseMeeting(TypedDict):
    """One of the year's meetings with minutes, as the case's background lists it."""

    name: str
    date: str
    host: str | None


class CaseView(DocumentView):
    """The council document: header, route, attachments, the case's texts (staff-written Markdown) and the meetings."""

    kind: Literal["saksframlegg", "tjansteskrivelse", "memo"]
    kind_name: str
    header: list[HeaderCell]
    title: str
    date: str
    route: list[Step]
    addressee: str | None  # the body that decides: the last on the way
    to: list[str]
    attachments: list[str]
    other_documents: list[str]
    summary: str
    background: str
    assessment: str
    recommendation: str
    recommendation_heading: str
    proposal: str  # nb/nn: "Kommunedirektøren foreslår at det gjøres følgende innstilling:"
    meetings: list[CaseMeeting]
    missing: list[str]  # the meetings without minutes, with their dates
    send_to: list[str]
    signatures: list[Signature]


def header(case: CaseFile, labels: Labels, date: str) -> list[HeaderCell]:
    """The header block's rows, label and value, in order: the case officer, the archive fields, the date."""
    always = HEADER_FIELDS[case.kind]
    archive = case.archive.model_dump()
    cells: list[HeaderCell] = [{"label": labels["case_officer"], "value": case.case_officer}]
    cells += [
        {"label": labels[f"case_{name}"], "value": archive[name] or ""}
        for name in ARCHIVE_FIELDS
        if name in always or archive[name]
    ]
    cells.append({"label": labels["case_date"], "value": date})
    return cells


def case_reference(case: CaseFile) -> str | None:
    """The case's number, which its attachments carry: "22/1380" (of document 22/1380-1), "KS 2025/214"."""
    if case.archive.arkivsaksnr:
        return _DOCUMENT_NUMBER.sub("", case.archive.arkivsaksnr)
    return case.archive.diarienummer


def case_date(case: CaseFile) -> dt.date:
    """The document's date: its own, else the day it is made (SOURCE_DATE_EPOCH's, for a reproducible build)."""
    if case.date is not None:
        return case.date
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch.isdigit() else dt.date.today()


def proposer(ws: Workspace, case: CaseFile, labels: Labels) -> str:
    """Who in the administration proposes the decision: the case's, the workspace's, else the usual title."""
    return case.proposer or ws.config.documents.proposer or labels["case_proposer"]


def case_view(ws: Workspace, labels: Labels, case: CaseFile, minutes: YearMinutes) -> CaseView:
    """The council document: header, route, attachments, the case's texts and the year's meetings with minutes."""
    compiled = compilation_title(ws, labels, minutes.year)
    seen = {_norm(compiled)}
    attachments = [compiled]
    for item in case.attachments:
        if _norm(item) not in seen:  # the compilation need not be listed in case.yaml too
            seen.add(_norm(item))
            attachments.append(item)
    top = SECTION_LEVEL + 1
    bodies = [(ws.body(step.body), step) for step in case.to]
    route: list[Step] = [
        {
            "body": body.name,
            "date": document_date(step.date, ws.locale) if step.date else "",
            "number": step.number or "",
        }
        for body, step in bodies
        if body is not None
    ]
    date = document_date(case_date(case), ws.locale)
    return {
        **document_base(ws, labels, minutes.year),
        "kind": case.kind,
        "kind_name": labels[f"case_{case.kind}"],
        "header": header(case, labels, date),
        "title": case.title,
        "date": date,
        "route": route,
        "addressee": route[-1]["body"] if route else None,
        "to": [step["body"] for step in route],
        "attachments": attachments,
        "other_documents": list(case.other_documents),
        "summary": fit_markdown(case.summary, top),
        "background": fit_markdown(case.background, top),
        "assessment": fit_markdown(case.assessment, top),
        "recommendation": fit_markdown(case.recommendation, top),
        "recommendation_heading": labels["case_recommendation"],
        "proposal": fill(labels["case_proposal"], proposer=proposer(ws, case, labels)),
        "meetings": [
            {"name": e.name, "date": date_in_words(e.date, ws.locale), "host": e.host} for e in minutes.with_minutes
        ],
        "missing": missing_meetings(ws, minutes),
        "send_to": list(case.send_to),
        "signatures": [{"name": s.name, "title": s.title or ""} for s in case.signed_by],
    }


def case_warnings(ws: Workspace, case: CaseFile, minutes: YearMinutes) -> list[Finding]:
    """A kind that is not the locale's own is allowed, but probably a mistake; a document without a date too."""
    doc = minutes.cycle.docs.get("case")
    if doc is None:
        return []
    warnings = []
    if case.date is None:
        today = case_date(case).isoformat()
        warnings.append(
            doc.finding(
                (),
                f"the case has no date: the document is dated {today}, the day it was made; "
                f"add `date: {today}` (YYYY-MM-DD) to keep the date it was sent",
                "warning",
            )
        )
    expected = KIND_LOCALES[case.kind]
    if ws.locale not in expected:
        usual = next(kind for kind, locales in KIND_LOCALES.items() if ws.locale in locales)
        warnings.append(
            doc.finding(
                ("kind",),
                f"kind '{case.kind}' is written in {'/'.join(expected)}, but the workspace's locale is "
                f"{ws.locale} (usually kind: {usual}); the document keeps the {case.kind}'s parts in {ws.locale} words",
                "warning",
            )
        )
    return warnings


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()
