"""The council document around the compiled minutes: a saksframlegg, a tjänsteskrivelse or a memo."""

from __future__ import annotations

from typing import Literal, TypedDict

from dialogkit.errors import Finding
from dialogkit.minutes.markdown import fit_markdown
from dialogkit.minutes.views import compilation_title
from dialogkit.minutes.year import YearMinutes
from dialogkit.models.case import CaseFile
from dialogkit.render.viewbase import DocumentView, document_base
from dialogkit.render.words import Labels, date_in_words, fill
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


class HeaderCell(TypedDict):
    """One cell of the header block: an archive field or the case officer."""

    label: str
    value: str


class CaseMeeting(TypedDict):
    """One of the year's meetings, as the case's background lists it."""

    name: str
    date: str
    host: str | None


class CaseView(DocumentView):
    """The council document: header, attachments, the case's texts (staff-written Markdown) and the meetings."""

    kind: Literal["saksframlegg", "tjansteskrivelse", "memo"]
    kind_name: str
    header: list[HeaderCell]
    title: str
    to: list[str]
    attachments: list[str]
    other_documents: list[str]
    summary: str
    background: str
    assessment: str
    recommendation: str
    recommendation_heading: str
    meetings: list[CaseMeeting]


def genitive(name: str, locale: str) -> str:
    """ "Tjenesteutvalget" as "Tjenesteutvalgets", "Hans" as "Hans'"."""
    if locale == "en":
        return f"{name}'" if name.endswith("s") else f"{name}'s"
    if name.endswith(("s", "x", "z")):
        return name if locale == "sv" else f"{name}'"
    return f"{name}s"


def header(case: CaseFile, labels: Labels) -> list[HeaderCell]:
    """The header block's cells, label and value, in order; the case officer comes last."""
    always = HEADER_FIELDS[case.kind]
    archive = case.archive.model_dump()
    cells: list[HeaderCell] = [
        {"label": labels[f"case_{name}"], "value": archive[name] or ""}
        for name in ARCHIVE_FIELDS
        if name in always or archive[name]
    ]
    cells.append({"label": labels["case_officer"], "value": case.case_officer})
    return cells


def recommendation_heading(ws: Workspace, case: CaseFile, labels: Labels) -> str:
    """Who gives the recommendation: the first body on the way, when the case goes further than it."""
    if case.kind == "saksframlegg" and len(case.to) >= 2:
        body = ws.body(case.to[0])
        if body is not None:
            return fill(labels["case_recommendation_by"], body=genitive(body.name, ws.locale))
    return labels["case_recommendation"]


def case_view(ws: Workspace, labels: Labels, case: CaseFile, minutes: YearMinutes) -> CaseView:
    """The council document: header, attachments, the case's texts and the year's meetings."""
    compiled = compilation_title(ws, labels, minutes.year)
    seen = {_norm(compiled)}
    attachments = [compiled]
    for item in case.attachments:
        if _norm(item) not in seen:  # the compilation need not be listed in case.yaml too
            seen.add(_norm(item))
            attachments.append(item)
    top = SECTION_LEVEL + 1
    return {
        **document_base(ws, labels, minutes.year),
        "kind": case.kind,
        "kind_name": labels[f"case_{case.kind}"],
        "header": header(case, labels),
        "title": case.title,
        "to": [b.name for b in (ws.body(i) for i in case.to) if b is not None],
        "attachments": attachments,
        "other_documents": list(case.other_documents),
        "summary": fit_markdown(case.summary, top),
        "background": fit_markdown(case.background, top),
        "assessment": fit_markdown(case.assessment, top),
        "recommendation": fit_markdown(case.recommendation, top),
        "recommendation_heading": recommendation_heading(ws, case, labels),
        "meetings": [
            {"name": e.name, "date": date_in_words(e.date, ws.locale), "host": e.host} for e in minutes.entries
        ],
    }


def case_warnings(ws: Workspace, case: CaseFile, minutes: YearMinutes) -> list[Finding]:
    """A kind that is not the locale's own is allowed, but probably a mistake."""
    doc = minutes.cycle.docs.get("case")
    expected = KIND_LOCALES[case.kind]
    if doc is None or ws.locale in expected:
        return []
    usual = next(kind for kind, locales in KIND_LOCALES.items() if ws.locale in locales)
    return [
        doc.finding(
            ("kind",),
            f"kind '{case.kind}' is written in {'/'.join(expected)}, but the workspace's locale is "
            f"{ws.locale} (usually kind: {usual}); the document keeps the {case.kind}'s parts in {ws.locale} words",
            "warning",
        )
    ]


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()
