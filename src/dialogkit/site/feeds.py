"""The site's Atom feeds: new meetings, new or changed actions and published documents, for the whole site and per area.

An entry's id never changes: it names the year, the area and the meeting or the group and
the action's place in it (`tag:` URIs, RFC 4151), so a feed reader shows an update to an
action as that entry updated, not as a new one. An entry's time is the meeting's start, the
action's latest dated update, or for a document its meeting's start or the council
document's date, never the time of the build, so building twice gives the same feed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from dialogkit.dates import minutes_of
from dialogkit.followup.words import long_date, status_word
from dialogkit.layout import SITE_FEED, area_feed_path, area_page_path
from dialogkit.planning.ics import slug
from dialogkit.render.words import fill
from dialogkit.site.feedback import action_anchor
from dialogkit.site.opendata import plain
from dialogkit.workspace import Meeting, Workspace

if TYPE_CHECKING:
    from dialogkit.site.documents import Published

TAG_DATE = "2026"  # the date part of every tag: URI (RFC 4151): when dialogkit's feeds began


@dataclass(frozen=True)
class Entry:
    """One entry of a feed."""

    id: str
    area: str
    title: str
    text: str
    updated: dt.datetime
    link: str  # relative to the site's root


def feed_entries(ws: Workspace, labels: Mapping[str, str], meetings: list[Meeting]) -> list[Entry]:
    """Every entry: a meeting on file, and each action of its work groups."""
    zone = ZoneInfo(ws.timezone)
    tag = f"tag:{_authority(ws)},{TAG_DATE}:"
    entries: list[Entry] = []
    for meeting in meetings:
        area = ws.area(meeting.area_id)
        area_name = area.name if area is not None else meeting.area_id
        page = area_page_path(meeting.area_id)
        m = meeting.meeting
        held = _at(m.date, m.start, zone) if m is not None else dt.datetime(meeting.year, 1, 1, tzinfo=zone)
        if m is not None:
            day = long_date(m.date, ws.locale)
            text = fill(labels["feed_meeting_text"], date=day, start=m.start, end=m.end)
            if m.place:
                text += " " + fill(labels["feed_place"], place=m.place)
            title = fill(labels["feed_meeting_title"], area=area_name, date=day)
            entries.append(
                Entry(f"{tag}meeting/{meeting.year}/{meeting.area_id}", meeting.area_id, title, text, held, page)
            )
        for group in meeting.workgroups.workgroups if meeting.workgroups is not None else ():
            for index, action in enumerate(group.actions):
                status = status_word(labels, action.status)
                owner = ws.department(action.owner)
                text = fill(
                    labels["feed_action_text"],
                    group=group.name,
                    status=status,
                    owner=owner.name if owner is not None else action.owner,
                )
                latest = max(action.updates, key=lambda u: u.date) if action.updates else None
                if latest is not None:
                    text += " " + fill(labels["feed_latest"], date=long_date(latest.date, ws.locale), text=latest.text)
                anchor = action_anchor(meeting.year, group.id, index)
                entries.append(
                    Entry(
                        f"{tag}action/{meeting.year}/{meeting.area_id}/{group.id}/{index + 1}",
                        meeting.area_id,
                        fill(labels["feed_action_title"], area=area_name, action=action.text, status=status),
                        text,
                        dt.datetime(latest.date.year, latest.date.month, latest.date.day, tzinfo=zone)
                        if latest
                        else held,
                        f"{page}#{anchor}",
                    )
                )
    return sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)


def document_entries(ws: Workspace, labels: Mapping[str, str], documents: list[Published]) -> list[Entry]:
    """One entry per published document (an invitation, the council document ...), linking its first format."""
    from dialogkit.site.documents import FORMATS

    zone = ZoneInfo(ws.timezone)
    tag = f"tag:{_authority(ws)},{TAG_DATE}:"
    kinds: dict[tuple[int, str | None, str], list[Published]] = {}
    for document in documents:
        kinds.setdefault((document.year, document.area, document.kind), []).append(document)
    entries = []
    for (year, area, kind), files in kinds.items():
        known = ws.area(area) if area is not None else None
        name = fill(labels[f"site_doc_{kind.replace('-', '_')}"], year=year)
        where = f"{known.name}: {name}" if known is not None else name
        formats = ", ".join(FORMATS[f.format] for f in files)
        entries.append(
            Entry(
                f"{tag}document/{year}/{area or 'year'}/{kind}",
                area or "",
                fill(labels["feed_document_title"], document=where),
                fill(labels["feed_document_text"], document=where, formats=formats),
                _published_at(ws, year, area, zone),
                files[0].path,
            )
        )
    return entries


def _published_at(ws: Workspace, year: int, area: str | None, zone: ZoneInfo) -> dt.datetime:
    """A document's time in the feed: its meeting's start, else the council document's date, else the year's last meeting."""
    from dialogkit.errors import DialogError

    cycle = ws.cycles[year]
    dates: list[dt.datetime] = []
    for area_id, meeting in cycle.meetings.items():
        try:
            m = meeting.meeting
        except DialogError:  # a broken meeting.yaml: its own finding says why
            continue
        if m is not None and area_id == area:
            return _at(m.date, m.start, zone)
        if m is not None:
            dates.append(_at(m.date, m.start, zone))
    try:
        case = cycle.case
    except DialogError:
        case = None
    if area is None and case is not None and case.date is not None:
        return dt.datetime(case.date.year, case.date.month, case.date.day, tzinfo=zone)
    return max(dates, default=dt.datetime(year, 1, 1, tzinfo=zone))


def atom_feed(ws: Workspace, labels: Mapping[str, str], entries: list[Entry], area: str | None = None) -> bytes:
    """The Atom feed of every area, or of one (``area``), newest entry first."""
    from feedgen.feed import FeedGenerator

    from dialogkit import __version__

    base = site_base(ws)
    process, municipality = ws.config.process.name, ws.config.municipality.name
    chosen = [e for e in entries if area is None or e.area == area]
    path = SITE_FEED if area is None else area_feed_path(area)
    known = ws.area(area) if area is not None else None
    feed = FeedGenerator()
    feed.id(f"tag:{_authority(ws)},{TAG_DATE}:feed/{area or 'all'}")
    if area is None:
        feed.title(plain(fill(labels["feed_title"], process=process, municipality=municipality)))
    else:
        name = known.name if known is not None else area
        feed.title(plain(fill(labels["feed_area_title"], area=name, process=process)))
    feed.author({"name": plain(municipality)})
    feed.link(href=base + path, rel="self")
    feed.link(href=base + ("index.html" if area is None else area_page_path(area)), rel="alternate")
    feed.language(ws.locale)
    feed.generator("dialogkit", __version__)
    stamp = max((e.updated for e in chosen), default=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    feed.updated(stamp)
    for item in reversed(chosen):  # feedgen puts each new entry first
        entry = feed.add_entry()
        entry.id(item.id)
        entry.title(plain(item.title))
        entry.content(plain(item.text), type="text")
        entry.updated(item.updated)
        entry.link(href=base + item.link, rel="alternate")
    data: bytes = feed.atom_str(pretty=True)
    return data


def site_base(ws: Workspace) -> str:
    """The site's address ending in "/", for links in feeds; "" when dialog.yaml gives none (links stay relative)."""
    url = ws.config.site.url
    if url is None:
        return ""
    text = str(url)
    return text if text.endswith("/") else text + "/"


def _authority(ws: Workspace) -> str:
    """Whose tags the ids are: the municipality's website's host, else a name made from its name.

    Not the site's own address: a site that moves keeps its entries' ids.
    """
    website = ws.config.municipality.website
    if website is not None and (host := urlsplit(str(website)).hostname):
        return host
    return f"{slug(ws.config.municipality.name)}.invalid"


def _at(day: dt.date, clock: str, zone: ZoneInfo) -> dt.datetime:
    minutes = minutes_of(clock)
    return dt.datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=zone)
