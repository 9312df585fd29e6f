"""The public side: "you said, we did", the feeds, the calendar, open data and schema.org events."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import feedparser
import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from dialogkit.loading import require
from dialogkit.site import build_site
from dialogkit.site.opendata import OPEN_DATA_VERSION
from dialogkit.survey.smallgroups import publishable
from tests.conftest import EXAMPLES, run_dialog

from .conftest import DIALOG_YAML, HOGVAD_2025, HOGVAD_MEETING, REFERAT, MakeWorkspace

TODAY = dt.date(2026, 1, 15)
SURVEY_YAML = """\
source: generic
file: raw/export.csv
questions:
  - {column: Ort, id: ort, kind: choice, role: locality}
  - {column: Synpunkter, id: synpunkter, kind: text}
"""
ANSWERED = HOGVAD_2025.replace(
    "      - {text: Farthinder på Storgatan, owner: sbf, due: 2025-12-31, status: planned}\n",
    "      - {text: Farthinder på Storgatan, owner: sbf, due: 2025-12-31, status: planned, answers: [conclusion:1]}\n",
)


def _site(root: Path, out: Path, today: dt.date = TODAY) -> dict[str, Path]:
    return {p.relative_to(out / "site").as_posix(): p for p in build_site(require(root), out, today)}


def _check(root: Path) -> tuple[int, str]:
    return run_dialog(CliRunner(), "-C", root, "check")


# --- you said, we did -----------------------------------------------------------------------


def test_swedish_area_page_links_a_survey_theme_and_an_action_both_ways(tmp_path: Path) -> None:
    page = _site(EXAMPLES["sv"], tmp_path)["areas/hogvad.html"].read_text(encoding="utf-8")
    theme = re.search(r'<li id="said-2025-survey-sbf" tabindex="-1">(.*?)</li>\n</ul>\n</li>', page, re.S)
    assert theme is not None
    assert "Samhällsbyggnadsförvaltningen (8 svar)" in theme[1]
    assert 'href="#action-2025-trafik-1">Belysning längs gång- och cykelvägen' in theme[1]
    action = page[page.index('<li id="action-2025-trafik-1"') :]
    action = action[: action.index("</dl>")]
    assert '<a href="#said-2025-survey-sbf">Samhällsbyggnadsförvaltningen (8 svar)</a>' in action
    assert '<a href="#said-2025-conclusion-1">Belysningen längs' in action
    assert "180\xa0000\xa0kr" in action  # funds
    # Counts only, and never a small group: Socialförvaltningen had one answer.
    assert "Socialförvaltningen (färre än 5 svar)" in page
    assert "(1 svar)" not in page and "(4 svar)" not in page
    assert "Otrygga platser och situationer (5 svar)" in page
    assert "14 personer svarade på enkäten inför mötet." in page


def test_small_groups_are_left_out() -> None:
    assert publishable(0, 5) == 0
    assert [publishable(n, 5) for n in (1, 4)] == [None, None]
    assert publishable(5, 5) == 5


def test_a_meeting_without_a_survey_shows_its_conclusions(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    root = make_workspace({"cycles/2025/hogvad/workgroups.yaml": ANSWERED})
    page = _site(root, tmp_path)["areas/hogvad.html"].read_text(encoding="utf-8")
    assert "8 april 2025: ni sa, vi gjorde" in page
    assert "Mötets slutsatser" in page and "svarade på enkäten" not in page
    assert '<a href="#action-2025-trafik-2">Farthinder på Storgatan</a>' in page
    kalv = _site(root, tmp_path)["areas/kalv.html"].read_text(encoding="utf-8")
    assert "Inga synpunkter från enkäten eller mötet är registrerade." in kalv


# --- answers: checked -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "finding"),
    [
        (
            "[conclusion:2]",
            "cycles/2025/hogvad/workgroups.yaml:15:97: error: 'conclusion:2' names no conclusion: "
            "the minutes (referat.md) list 1; count from 1",
        ),
        (
            "[survey:sbf]",
            "cycles/2025/hogvad/workgroups.yaml:15:97: warning: 'survey:sbf' names a survey theme, "
            "but this meeting has no survey.yaml (yet): the site links nothing",
        ),
        (
            "[idea]",
            "cycles/2025/hogvad/workgroups.yaml:15:97: error: workgroups[0].actions[1].answers[0]: 'idea' names "
            "nothing an action can answer: write conclusion:N",
        ),
    ],
)
def test_answers_that_name_nothing_are_positioned_findings(
    answers: str, finding: str, make_workspace: MakeWorkspace
) -> None:
    root = make_workspace({"cycles/2025/hogvad/workgroups.yaml": ANSWERED.replace("[conclusion:1]", answers)})
    code, output = _check(root)
    assert code == (0 if ": warning: " in finding else 1)
    assert finding in output


def test_an_unknown_survey_theme_gets_a_suggestion(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    root = make_workspace(
        {
            "cycles/2025/hogvad/workgroups.yaml": ANSWERED.replace("[conclusion:1]", "[survey:sfb]"),
            "cycles/2025/hogvad/survey.yaml": SURVEY_YAML,
        }
    )
    code, output = _check(root)
    assert code == 1
    assert "workgroups.yaml:15:97: error: unknown survey theme 'sfb': did you mean 'sbf'?" in output


# --- bad input for the feeds and data -------------------------------------------------------


def test_a_site_url_that_is_not_a_web_address(make_workspace: MakeWorkspace) -> None:
    root = make_workspace({"dialog.yaml": DIALOG_YAML + "site: {url: 'ftp://dialog.example.org/'}\n"})
    code, output = _check(root)
    assert code == 1
    assert (
        "dialog.yaml:18:13: error: site.url: 'ftp://dialog.example.org/' is not a web address: "
        "the site's url starts with https://"
    ) in output


def test_control_characters_and_markup_are_findings_and_the_feeds_stay_valid(
    make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    hostile = HOGVAD_2025.replace("Stolparna levererade", '"Stolparna\\x07 levererade"').replace(
        "Farthinder på Storgatan", '"Farthinder <b>nu</b> & <script>alert(1)</script>"'
    )
    root = make_workspace({"cycles/2025/hogvad/workgroups.yaml": hostile})
    code, output = _check(root)
    assert code == 0  # warnings: what is published leaves the character out and shows the markup as text
    assert (
        "cycles/2025/hogvad/workgroups.yaml:14:38: warning: a control character (U+0007) in 'Stolparna\\x07 levererade'"
    ) in output
    assert "workgroups.yaml:15:16: warning: '<b>' looks like HTML: the site and its feeds show it as text" in output
    files = _site(root, tmp_path)
    feed = feedparser.parse(files["feed.atom"].read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    titles = [e.title for e in feed.entries]
    assert "Träffpunkt Högvad: Farthinder <b>nu</b> & <script>alert(1)</script> (Planerad)" in titles
    data = json.loads(files["data/dialog.json"].read_text(encoding="utf-8"))
    texts = [u["text"] for a in data["actions"] for u in a["updates"]]
    assert "Stolparna levererade" in texts  # the control character left out
    lighting = next(e for e in feed.entries if e.id.endswith("action/2025/hogvad/trafik/1"))
    assert lighting.summary.endswith("15 oktober 2025: Stolparna levererade")


# --- the feeds ------------------------------------------------------------------------------


def test_the_feeds_parse_with_stable_ids(tmp_path: Path) -> None:
    files = _site(EXAMPLES["sv"], tmp_path / "one")
    feed = feedparser.parse(files["feed.atom"].read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Träffpunkt – Svenljunga kommun"
    assert feed.feed.language == "sv"
    ids = [e.id for e in feed.entries]
    assert len(ids) == len(set(ids))
    assert "tag:www.svenljunga.se,2026:meeting/2025/hogvad" in ids
    assert "tag:www.svenljunga.se,2026:action/2025/hogvad/trafik/1" in ids
    newest = feed.entries[0]
    assert newest.updated_parsed >= feed.entries[-1].updated_parsed
    lighting = next(e for e in feed.entries if e.id.endswith("action/2025/hogvad/trafik/1"))
    assert lighting.updated.startswith("2025-10-24")  # its latest dated update
    assert "Senaste uppdatering 24 oktober 2025: Belysningen tänd och besiktigad" in lighting.summary
    assert lighting.link.endswith("areas/hogvad.html#action-2025-trafik-1")
    again = _site(EXAMPLES["sv"], tmp_path / "two", TODAY + dt.timedelta(days=30))
    assert again["feed.atom"].read_bytes() == files["feed.atom"].read_bytes()  # the day of the build is no news
    area = feedparser.parse(files["areas/hogvad.atom"].read_bytes())
    assert not area.bozo
    assert area.entries and all("/2025/hogvad" in e.id for e in area.entries)


def test_a_changed_action_keeps_its_id_and_moves_up(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    root = make_workspace()
    before = feedparser.parse(_site(root, tmp_path / "a")["feed.atom"].read_bytes())
    changed = HOGVAD_2025.replace(
        "      - {text: Farthinder på Storgatan, owner: sbf, due: 2025-12-31, status: planned}\n",
        "      - text: Farthinder på Storgatan\n        owner: sbf\n        status: in-progress\n"
        "        updates: [{date: 2026-01-10, text: Beslut i nämnden}]\n",
    )
    (root / "cycles/2025/hogvad/workgroups.yaml").write_text(changed, encoding="utf-8")
    after = feedparser.parse(_site(root, tmp_path / "b")["feed.atom"].read_bytes())
    assert {e.id for e in before.entries} == {e.id for e in after.entries}
    assert after.entries[0].id.endswith("action/2025/hogvad/trafik/2")
    assert after.entries[0].title == "Träffpunkt Högvad: Farthinder på Storgatan (Pågår)"


def test_every_page_links_its_feeds(tmp_path: Path) -> None:
    files = _site(EXAMPLES["sv"], tmp_path)
    index = files["index.html"].read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" href="feed.atom"' in index
    area = files["areas/hogvad.html"].read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" href="../areas/hogvad.atom"' in area
    assert '<a href="../calendar.ics" type="text/calendar">' in area
    assert '<a href="../data/dialog.json">alla uppgifter (JSON)</a>' in area


# --- the calendar ---------------------------------------------------------------------------


def test_the_calendar_holds_the_coming_meetings_and_walks(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    walk = 'safety_walk: {date: 2025-04-08, start: "16:30", with: [Polisen], localities: [Överlida]}\n'
    root = make_workspace({"cycles/2025/hogvad/meeting.yaml": HOGVAD_MEETING + walk})
    calendar = Calendar.from_ical(_site(root, tmp_path, dt.date(2025, 3, 1))["calendar.ics"].read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert "2025-hogvad-meeting@example.org.dialogkit" not in events  # ids as `dialog calendar` gives them
    uids = sorted(events)
    assert any(u.startswith("2025-hogvad-meeting@") for u in uids)
    assert any(u.startswith("2025-hogvad-safety-walk@") for u in uids)
    assert not any(u.startswith("2024-") for u in uids)  # held already
    later = Calendar.from_ical(_site(root, tmp_path, dt.date(2025, 5, 1))["calendar.ics"].read_bytes())
    assert not [e for e in later.walk("VEVENT") if str(e["UID"]).startswith("2025-hogvad")]


# --- open data and schema.org -----------------------------------------------------------------


def test_open_data_has_its_documented_shape(tmp_path: Path) -> None:
    files = _site(EXAMPLES["sv"], tmp_path)
    data = json.loads(files["data/dialog.json"].read_text(encoding="utf-8"))
    assert data["version"] == OPEN_DATA_VERSION == 1
    assert set(data) == {
        "version", "municipality", "country", "locale", "process", "generated", "meetings", "actions", "survey_themes",
    }  # fmt: skip
    lighting = next(a for a in data["actions"] if a["text"].startswith("Belysning längs"))
    assert lighting["answers"] == ["survey:sbf", "survey:safety", "conclusion:1"]
    assert lighting["funds"] == 180000 and lighting["status"] == "done" and lighting["due"] == "2025-10-31"
    themes = {(t["area"], t["theme"]): t["count"] for t in data["survey_themes"]}
    assert themes[("hogvad", "survey:sbf")] == 8
    assert themes[("hogvad", "survey:sof")] is None  # one answer: a small group
    rows = list(csv.DictReader(io.StringIO(files["data/actions.csv"].read_text(encoding="utf-8"))))
    assert len(rows) == len(data["actions"])
    assert rows[0].keys() >= {"year", "area", "group", "text", "status", "due", "funds", "answers", "page"}
    meetings = list(csv.DictReader(io.StringIO(files["data/meetings.csv"].read_text(encoding="utf-8"))))
    assert {"hogvad", "kalv", "atradalen"} <= {m["area"] for m in meetings}


def test_a_formula_stays_text_in_the_csv(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    root = make_workspace({"cycles/2025/hogvad/workgroups.yaml": HOGVAD_2025.replace("Fritid\n", "'=HYPERLINK(1)'\n")})
    rows = list(csv.reader(io.StringIO(_site(root, tmp_path)["data/actions.csv"].read_text(encoding="utf-8"))))
    assert [c for r in rows for c in r if "HYPERLINK" in c][:1] == ["'=HYPERLINK(1)"]


def test_area_pages_carry_schema_org_events(tmp_path: Path) -> None:
    page = _site(EXAMPLES["sv"], tmp_path)["areas/hogvad.html"].read_text(encoding="utf-8")
    found = re.findall(r'<script type="application/ld\+json">\n(.*?)\n</script>', page, re.S)
    assert len(found) == 1
    data: dict[str, Any] = json.loads(found[0])
    assert data["@context"] == "https://schema.org"
    event = data["@graph"][0]
    assert event["@type"] == "Event"
    assert event["startDate"] == "2025-04-08T18:00:00+02:00"
    assert event["location"]["name"] == "Överlida bygdegård"
    assert event["organizer"]["name"] == "Svenljunga kommun"


def test_minutes_conclusions_in_the_feed_and_page_are_the_minutes_own(
    make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    root = make_workspace({"cycles/2025/hogvad/referat.md": REFERAT.replace("ses över.", "ses över <i>snart</i>.")})
    page = _site(root, tmp_path)["areas/hogvad.html"].read_text(encoding="utf-8")
    assert "Belysningen vid badplatsen ses över &lt;i&gt;snart&lt;/i&gt;." in page


# --- published documents ----------------------------------------------------------------------


def test_documents_are_published_with_format_and_size(make_workspace: MakeWorkspace, tmp_path: Path) -> None:
    root = make_workspace()
    out = tmp_path / "build"
    for name, size in {
        "2025/hogvad/invitation.pdf": 2_400,
        "2025/hogvad/invitation.docx": 1_250_000,
        "2025/hogvad/invitation.html": 900,  # read in the browser, not downloaded: not listed
        "2025/hogvad/survey-report.pdf": 5_000,  # quotes residents: never published
        "2025/followup.pdf": 87_000,
    }.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(b"%" * size)
    files = _site(root, out)
    page = files["areas/hogvad.html"].read_text(encoding="utf-8")
    assert '<a href="../documents/2025/hogvad/invitation.pdf">Inbjudan (PDF, 2 kB)</a>' in page
    assert '<a href="../documents/2025/hogvad/invitation.docx">Inbjudan (Word, 1,2 MB)</a>' in page
    assert "survey-report" not in page and "invitation.html" not in page
    index = files["index.html"].read_text(encoding="utf-8")
    assert '<a href="documents/2025/followup.pdf">Uppföljning 2025 (PDF, 87 kB)</a>' in index
    assert files["documents/2025/hogvad/invitation.pdf"].read_bytes() == b"%" * 2_400
    assert "documents/2025/hogvad/survey-report.pdf" not in files
    (out / "2025/followup.pdf").unlink()
    again = _site(root, out)
    assert "documents/2025/followup.pdf" not in again
    assert not (out / "site/documents/2025/followup.pdf").exists()  # no longer published


def test_published_documents_are_feed_entries_at_their_meetings_time(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for made in ("2025/hogvad/invitation.pdf", "2025/hogvad/invitation.docx", "2025/case-document.pdf"):
        (out / made).parent.mkdir(parents=True, exist_ok=True)
        (out / made).write_bytes(b"%PDF-1.7\n")  # as a build leaves them: the site only copies and links
    files = _site(EXAMPLES["sv"], out)
    feed = feedparser.parse(files["feed.atom"].read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    entries = {e.id.split(":", 2)[2]: e for e in feed.entries}
    invitation = entries["document/2025/hogvad/invitation"]
    assert invitation.title == "Publicerat: Träffpunkt Högvad: Inbjudan"
    assert invitation.summary == "Träffpunkt Högvad: Inbjudan finns att läsa: PDF, Word."
    assert invitation.link.endswith("documents/2025/hogvad/invitation.pdf")
    assert invitation.updated.startswith("2025-04-08T18:00")  # the meeting's start, not the build's time
    case = entries["document/2025/year/case-document"]
    assert case.updated.startswith("2025-11-20")  # the council document's own date
    area = feedparser.parse(files["areas/hogvad.atom"].read_bytes())
    assert any(e.id.endswith("document/2025/hogvad/invitation") for e in area.entries)
    assert not any(e.id.endswith("case-document") for e in area.entries)
