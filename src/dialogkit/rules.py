"""Rules that span files: ids, references between files, dates that must agree."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from dialogkit.dates import minutes_of
from dialogkit.errors import Finding
from dialogkit.layout import AREAS_FILE, CONFIG_FILE, MEETING_FILE, REFERAT_FILE, SURVEY_FILE, cycle_path
from dialogkit.models import Area, MeetingFile, WorkgroupsFile
from dialogkit.models.base import CONTROL_CHARACTER, MARKUP, SLUG
from dialogkit.models.config import Process
from dialogkit.models.workgroups import SAFETY_THEME
from dialogkit.workspace import Cycle, Meeting, Referat, Workspace
from dialogkit.yamlload import YamlDocument


def check_rules(ws: Workspace) -> list[Finding]:
    """Every cross-file finding of a workspace whose dialog.yaml and areas.yaml loaded."""
    config_doc, areas_doc = ws.docs[CONFIG_FILE], ws.docs[AREAS_FILE]
    findings = [
        *_unique(config_doc, ("bodies",), [b.id for b in ws.config.bodies], "body"),
        *_unique(config_doc, ("departments",), [d.id for d in ws.config.departments], "department"),
        *_unique(areas_doc, ("areas",), [a.id for a in ws.areas], "area"),
        *_process(ws, config_doc),
        *_invitation_defaults(ws, config_doc),
    ]
    for cycle in ws.cycles.values():
        findings.extend(_cycle(ws, cycle))
        for meeting in cycle.meetings.values():
            findings.extend(_meeting(ws, meeting))
    return findings


def cycle_rules(cycles: Mapping[int, Cycle], root: Path) -> list[Finding]:
    """The findings each cycle's files give on their own, without dialog.yaml or areas.yaml."""
    findings: list[Finding] = []
    for cycle in cycles.values():
        plan_doc = cycle.docs.get("plan")
        if cycle.plan is not None and plan_doc is not None:
            if cycle.plan.year != cycle.year:
                findings.append(
                    plan_doc.finding(
                        ("year",), f"the plan says year {cycle.plan.year} but lies in {cycle_path(cycle.year)}/"
                    )
                )
            for index, planned in enumerate(cycle.plan.meetings):
                if planned.date.year != cycle.year:
                    findings.append(
                        plan_doc.finding(("meetings", index, "date"), f"{planned.date} is not in {cycle.year}")
                    )
        for meeting in cycle.meetings.values():
            findings.extend(_meeting_alone(cycle, meeting, root))
    return findings


def _unique(doc: YamlDocument, loc: tuple[str, ...], ids: list[str], what: str) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for index, value in enumerate(ids):
        if value in seen:
            line, _ = doc.position((*loc, seen[value], "id"))
            yield doc.finding(
                (*loc, index, "id"), f"duplicate {what} id '{value}' (first at line {line}); ids must be unique"
            )
        seen.setdefault(value, index)


def _process(ws: Workspace, doc: YamlDocument) -> Iterator[Finding]:
    process = ws.config.process
    if ws.body(process.host) is None:
        yield doc.finding(("process", "host"), _unknown("host body", process.host, [b.id for b in ws.config.bodies]))
    if process.kind == "area":
        yield from _area_rotation(ws, doc)
    else:
        yield from _service_dialogue(process, doc)
    yield from _seasons(process, doc)
    yield from _blackouts(process, doc)
    yield from _evening(process, doc)
    yield from _department_keywords(ws, doc)


def _area_rotation(ws: Workspace, doc: YamlDocument) -> Iterator[Finding]:
    """An area rotation: the seasons' counts add up to the areas a year, and there are that many areas."""
    process = ws.config.process
    counts = [s.count for s in process.seasons]
    if process.areas_per_year is None:
        yield doc.finding(
            ("process",),
            "'areas_per_year' is missing: an area-rotation process says how many areas a year get a meeting",
        )
    elif any(c is None for c in counts):
        index = counts.index(None)
        yield doc.finding(
            ("process", "seasons", index), "every season needs a 'count' of meetings in an area-rotation process"
        )
    elif sum(c for c in counts if c is not None) != process.areas_per_year:
        yield doc.finding(
            ("process", "seasons"),
            f"the season counts add up to {sum(c for c in counts if c is not None)} "
            f"but areas_per_year is {process.areas_per_year}; make them agree",
        )
    planned = [a for a in ws.areas if a.planned]
    if process.areas_per_year is not None and process.areas_per_year > len(planned):
        yield doc.finding(
            ("process", "areas_per_year"),
            f"areas_per_year is {process.areas_per_year} but {AREAS_FILE} has only {len(planned)} planned areas",
        )


def _service_dialogue(process: Process, doc: YamlDocument) -> Iterator[Finding]:
    """A service dialogue meets every area every year: the rotation's numbers do not apply."""
    if process.areas_per_year is not None:
        yield doc.finding(
            ("process", "areas_per_year"),
            "areas_per_year applies to the area kind only: a service process meets every area every year",
            "warning",
        )
    for index, season in enumerate(process.seasons):
        if season.count is not None:
            yield doc.finding(
                ("process", "seasons", index, "count"),
                "a season 'count' applies to the area kind only: a service process meets every area every year",
                "warning",
            )


def _seasons(process: Process, doc: YamlDocument) -> Iterator[Finding]:
    seen_names: set[str] = set()
    for index, season in enumerate(process.seasons):
        if season.from_ > season.to:
            yield doc.finding(
                ("process", "seasons", index, "to"),
                f"the season '{season.name}' ends ({season.to}) before it starts ({season.from_}); seasons lie within one year",
            )
    for index, season in enumerate(process.seasons):
        if season.name in seen_names:
            yield doc.finding(("process", "seasons", index, "name"), f"duplicate season name '{season.name}'")
        seen_names.add(season.name)


def _blackouts(process: Process, doc: YamlDocument) -> Iterator[Finding]:
    for index, blackout in enumerate(process.blackout):
        if blackout.from_ > blackout.to:
            yield doc.finding(
                ("process", "blackout", index, "to"),
                f"the blackout ends ({blackout.to}) before it starts ({blackout.from_})",
            )


def _evening(process: Process, doc: YamlDocument) -> Iterator[Finding]:
    """The meeting's weekdays and hours."""
    if len(set(process.meeting.weekdays)) != len(process.meeting.weekdays):
        yield doc.finding(("process", "meeting", "weekdays"), "a weekday is listed twice", "warning")
    if minutes_of(process.meeting.start) + process.meeting.duration_minutes > 24 * 60:
        yield doc.finding(
            ("process", "meeting", "duration_minutes"),
            "the meeting would run past midnight; shorten it or start earlier",
        )


def _department_keywords(ws: Workspace, doc: YamlDocument) -> Iterator[Finding]:
    for index, department in enumerate(ws.config.departments):
        if not department.keywords:
            yield doc.finding(
                ("departments", index),
                f"department '{department.id}' has no keywords: no survey answer will be routed to it",
                "warning",
            )


def _cycle(ws: Workspace, cycle: Cycle) -> Iterator[Finding]:
    doc = cycle.docs.get("plan")
    if cycle.plan is not None and doc is not None:
        for index, planned in enumerate(cycle.plan.meetings):
            if ws.area(planned.area) is None:
                yield doc.finding(("meetings", index, "area"), _unknown("area", planned.area, [a.id for a in ws.areas]))
    case_doc = cycle.docs.get("case")
    if cycle.case is not None and case_doc is not None:
        for index, step in enumerate(cycle.case.to):
            if ws.body(step.body) is None:
                where = ("to", index, "body")  # a step's body, or the id alone
                yield case_doc.finding(where, _unknown("body", step.body, [b.id for b in ws.config.bodies]))


def _meeting(ws: Workspace, meeting: Meeting) -> Iterator[Finding]:
    area = ws.area(meeting.area_id)
    if SLUG.match(meeting.area_id) and area is None:
        yield Finding(
            ws.relative(meeting.folder),
            1,
            1,
            "error",
            _unknown("area folder", meeting.area_id, [a.id for a in ws.areas])
            + " (meeting folders are named by area id)",
        )
    doc = meeting.docs.get("meeting")
    if meeting.meeting is not None and doc is not None:
        yield from _meeting_file(ws, meeting.meeting, doc, area)
    wg_doc = meeting.docs.get("workgroups")
    if meeting.workgroups is not None and wg_doc is not None:
        yield from _workgroups(ws, meeting, meeting.workgroups, wg_doc)
    if meeting.referat is not None:
        conclusions = meeting.referat.front.conclusions
        yield from _public_text(meeting.referat.doc, [(("conclusions", i), c) for i, c in enumerate(conclusions)])


def _workgroups(ws: Workspace, meeting: Meeting, workgroups: WorkgroupsFile, wg_doc: YamlDocument) -> Iterator[Finding]:
    """A meeting's work groups: departments, names that look like a person's, what each action answers."""
    partners = {p for a in ws.areas for p in a.partners}
    for g, group in enumerate(workgroups.workgroups):
        yield from _department(ws, wg_doc, ("workgroups", g, "convener", "department"), group.convener.department)
        if looks_like_a_person(group.convener.name):
            yield wg_doc.finding(("workgroups", g, "convener", "name"), _PERSON.format(group.convener.name), "warning")
        for m, member in enumerate(group.members):
            if member not in partners and looks_like_a_person(member):
                yield wg_doc.finding(("workgroups", g, "members", m), _PERSON.format(member), "warning")
        for a, action in enumerate(group.actions):
            yield from _department(ws, wg_doc, ("workgroups", g, "actions", a, "owner"), action.owner)
            for i, ref in enumerate(action.answers):
                where = ("workgroups", g, "actions", a, "answers", i)
                yield from _answer(ws, meeting, wg_doc, where, ref)
    yield from _public_text(wg_doc, _workgroup_texts(workgroups))


def _answer(ws: Workspace, meeting: Meeting, doc: YamlDocument, loc: tuple[Any, ...], ref: str) -> Iterator[Finding]:
    """An action's `answers:` names a conclusion of the meeting's minutes or a theme of its survey."""
    kind, _, name = ref.partition(":")
    if kind == "conclusion":
        if meeting.referat is None:
            yield doc.finding(loc, f"'{ref}' names no conclusion: this meeting has no {REFERAT_FILE} yet")
        elif int(name) > (listed := len(meeting.referat.front.conclusions)):
            yield doc.finding(
                loc, f"'{ref}' names no conclusion: the minutes ({REFERAT_FILE}) list {listed}; count from 1"
            )
    elif meeting.survey is None:
        yield doc.finding(
            loc,
            f"'{ref}' names a survey theme, but this meeting has no {SURVEY_FILE} (yet): the site links nothing",
            "warning",
        )
    elif name != SAFETY_THEME and ws.department(name) is None:
        known = [SAFETY_THEME, *(d.id for d in ws.config.departments)]
        yield doc.finding(loc, _unknown("survey theme", name, known) + " (survey:DEPARTMENT or survey:safety)")


def _workgroup_texts(file: WorkgroupsFile) -> Iterator[tuple[tuple[Any, ...], str]]:
    for g, group in enumerate(file.workgroups):
        yield ("workgroups", g, "name"), group.name
        for a, action in enumerate(group.actions):
            yield ("workgroups", g, "actions", a, "text"), action.text
            for u, update in enumerate(action.updates):
                yield ("workgroups", g, "actions", a, "updates", u, "text"), update.text


def _public_text(doc: YamlDocument, texts: Iterable[tuple[tuple[Any, ...], str]]) -> Iterator[Finding]:
    """Text the site, its feeds and open data publish: no control characters, no markup that would not work."""
    for loc, text in texts:
        control = CONTROL_CHARACTER.search(text)
        if control is not None:
            yield doc.finding(
                loc,
                f"a control character (U+{ord(control[0]):04X}) in '{text}': "
                "the site and its feeds leave it out; remove it",
                "warning",
            )
        markup = MARKUP.search(text)
        if markup is not None:
            yield doc.finding(
                loc,
                f"{markup[0]!r} looks like HTML: the site and its feeds show it as text, not as markup; write plain text",
                "warning",
            )


def _meeting_file(ws: Workspace, m: MeetingFile, doc: YamlDocument, area: Area | None) -> Iterator[Finding]:
    """A meeting.yaml against dialog.yaml and areas.yaml: its host, agenda, officials and localities."""
    if m.host is not None and ws.body(m.host) is None:
        yield doc.finding(("host",), _unknown("host body", m.host, [b.id for b in ws.config.bodies]))
    if m.agenda is None and not ws.config.process.agenda:
        yield doc.finding(
            (), "the meeting has no agenda and the process has no standard agenda; add 'agenda:'", "warning"
        )
    for index, official in enumerate(m.officials):
        yield from _department(ws, doc, ("officials", index, "department"), official.department)
    yield from _invitation(ws, m, doc)
    if m.safety_walk is not None and area is not None and area.localities:
        for index, locality in enumerate(m.safety_walk.localities):
            if locality not in area.localities:
                yield doc.finding(
                    ("safety_walk", "localities", index),
                    f"'{locality}' is not a locality of {area.name} ({', '.join(area.localities)})",
                    "warning",
                )


def _invitation_defaults(ws: Workspace, doc: YamlDocument) -> Iterator[Finding]:
    contact = ws.config.invitations.contact
    if contact is not None and contact.phone is not None:
        yield from _phone(ws, doc, ("invitations", "contact", "phone"), contact.phone)


def _invitation(ws: Workspace, m: MeetingFile, doc: YamlDocument) -> Iterator[Finding]:
    """A meeting's ways to sign up and to reach the municipality, and its invitees' addresses."""
    if m.contact is not None and m.contact.phone is not None:
        yield from _phone(ws, doc, ("contact", "phone"), m.contact.phone)
    defaults = ws.config.invitations
    if m.rsvp_by is not None and m.sign_up is None and defaults.sign_up is None:
        contact = m.contact or defaults.contact
        if contact is None or (contact.phone is None and contact.email is None):
            yield doc.finding(
                ("rsvp_by",),
                "the invitation asks for replies by this day but gives no way to sign up: add 'sign_up:' (a link "
                "or an e-mail address) here or under 'invitations:' in dialog.yaml, or a contact's phone or e-mail",
                "warning",
            )
    private = {d.strip().lower().lstrip("@") for d in defaults.private_email_domains}
    for index, invitee in enumerate(m.invitees):
        if isinstance(invitee, str) or invitee.email is None:
            continue
        domain = invitee.email.rpartition("@")[2].lower()
        if domain in private:
            yield doc.finding(
                ("invitees", index, "email"),
                f"'{invitee.email}' is on {domain}, a domain of private persons' mail (invitations: "
                "private_email_domains): invite an organisation at its own address, or leave the e-mail out",
            )


_PHONE_EXAMPLES = {"SE": "'0325-180 00' or '+46 325 180 00'", "NO": "'75 12 34 56' or '+47 75 12 34 56'"}


def _phone(ws: Workspace, doc: YamlDocument, loc: tuple[str, ...], number: str) -> Iterator[Finding]:
    import phonenumbers

    country = ws.config.municipality.country
    try:
        valid = phonenumbers.is_valid_number(phonenumbers.parse(number, country))
    except phonenumbers.NumberParseException:
        valid = False
    if not valid:
        yield doc.finding(
            loc,
            f"'{number}' is not a phone number in {country}: write it as residents dial it, "
            f"with the area code or the country code, e.g. {_PHONE_EXAMPLES.get(country, '+46 325 180 00')}",
        )


def _meeting_alone(cycle: Cycle, meeting: Meeting, root: Path) -> Iterator[Finding]:
    folder = meeting.folder.relative_to(root).as_posix()
    if not SLUG.match(meeting.area_id):
        yield Finding(
            folder,
            1,
            1,
            "error",
            f"'{meeting.area_id}' is not an area id: meeting folders are named by area id (a-z, 0-9, '-')",
        )
    doc = meeting.docs.get("meeting")
    m = meeting.meeting
    if m is not None and doc is not None:
        yield from _meeting_file_alone(cycle, meeting, m, doc)
    elif not (meeting.folder / MEETING_FILE).is_file():
        yield Finding(
            folder,
            1,
            1,
            "warning",
            f"this meeting folder has no {MEETING_FILE}; `dialog plan YEAR --write` creates one",
        )
    if meeting.referat is not None:
        yield from _referat_alone(meeting.referat, m)
    wg_doc = meeting.docs.get("workgroups")
    if meeting.workgroups is not None and wg_doc is not None:
        yield from _unique(wg_doc, ("workgroups",), [g.id for g in meeting.workgroups.workgroups], "work group")
    survey_doc = meeting.docs.get("survey")
    if meeting.survey is not None and survey_doc is not None:
        yield from _unique(survey_doc, ("questions",), [q.id for q in meeting.survey.questions], "question")


def _meeting_file_alone(cycle: Cycle, meeting: Meeting, m: MeetingFile, doc: YamlDocument) -> Iterator[Finding]:
    """A meeting.yaml against its folder: the area and year it lies in, and its own times."""
    if m.area != meeting.area_id:
        yield doc.finding(
            ("area",), f"area '{m.area}' does not match the folder name '{meeting.area_id}'; they must agree"
        )
    if m.date.year != cycle.year:
        yield doc.finding(("date",), f"{m.date} is not in {cycle.year}, the year of the folder it lies in")
    if minutes_of(m.end) <= minutes_of(m.start):
        yield doc.finding(
            ("end",), f"the meeting ends ({m.end}) no later than it starts ({m.start}): give an end after the start"
        )
    if m.rsvp_by is not None and m.rsvp_by > m.date:
        yield doc.finding(("rsvp_by",), f"replies are due ({m.rsvp_by}) after the meeting ({m.date})", "warning")


def _referat_alone(referat: Referat, m: MeetingFile | None) -> Iterator[Finding]:
    """The minutes against their meeting: the same date, conclusions, and a text after the front matter."""
    if m is not None and referat.front.date != m.date:
        yield referat.doc.finding(
            ("date",), f"the minutes are dated {referat.front.date} but the meeting was held {m.date}"
        )
    if not referat.front.conclusions:
        yield referat.doc.finding(
            (), "the minutes list no conclusions; the compilation reports them to the council", "warning"
        )
    if not referat.body.strip():
        yield Finding(
            referat.doc.path, referat.body_line, 1, "error", "the minutes have no text after the front matter"
        )


def _department(ws: Workspace, doc: YamlDocument, loc: tuple[Any, ...], department_id: str) -> Iterable[Finding]:
    if ws.department(department_id) is None:
        yield doc.finding(loc, _unknown("department", department_id, [d.id for d in ws.config.departments]))


_PERSON = (
    "'{}' looks like a private person's name: the follow-up and the status site are public and show it; "
    "write the association or the role instead"
)
_NAME_WORD = re.compile(r"[A-ZÅÄÖÆØÜÉ][a-zåäöæøüéèá]+(?:-[A-ZÅÄÖÆØÜÉ][a-zåäöæøüéèá]+)?\Z")
# Endings of the words that name associations, bodies and roles, not people (sv, nb, nn, en).
_ASSOCIATION_WORDS = """
lag laget förening föreningen forening foreningen foreining råd rådet klubb klubben club kyrka
kyrkan kirke kyrkje skola skolan skole skolen kommun kommune polisen politiet chef sjef leder
ledare ledar konsulent ordförande rektor förvaltning förvaltningen etat etaten avdeling
avdelning enhet enheten sällskap selskap grupp gruppen gruppe forum center senter huset utvalg
utvalget nämnd nämnden styrelse styrelsen styret korset kors service tjeneste tenesta bolag
bolaget företagare næringsforening byalag hembygdsförening vel
"""
_NOT_A_PERSON = tuple(_ASSOCIATION_WORDS.split())


def looks_like_a_person(text: str) -> bool:
    """Whether ``text`` reads as a private person's name ("Anna Andersson"), not an association or a role."""
    words = text.split()
    return (
        2 <= len(words) <= 3
        and all(_NAME_WORD.match(word) for word in words)
        and not any(word.lower().endswith(_NOT_A_PERSON) for word in words)
    )


def _unknown(what: str, value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(known) or 'none'}"
    return f"unknown {what} '{value}': {hint}"
