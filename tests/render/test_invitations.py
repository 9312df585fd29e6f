"""Invitations residents can act on: the examples' contact, sign-up, survey and meeting point in every format."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dialogkit.loading import require
from dialogkit.render.documents import render_meeting_document

from .conftest import SV_DIALOG, SV_MEETING, MakeWorkspace, docx_paragraphs, pdf_text

REPO = Path(__file__).resolve().parents[2]
# What a resident must find in the invitation of each example meeting, in every format.
EXAMPLES = {
    "sv": (
        REPO,
        (2025, "hogvad"),
        [
            "Anmäl dig senast tisdag 25 mars 2025:",
            "www.svenljunga.se/traffpunkt",
            "0325-180 00",
            "traffpunkt@svenljunga.se",
            "Kommunsekreterare",
            "Hörslinga finns",
            "www.svenljunga.se/enkat-hogvad",
            "Enkäten är öppen till och med torsdag 20 mars 2025.",
            "Samlingsplats: Parkeringen vid Överlida bygdegård.",
        ],
        ["https://www.svenljunga.se/traffpunkt", "https://www.svenljunga.se/enkat-hogvad"],
    ),
    "nb": (
        REPO / "examples" / "tjenestedialog",
        (2022, "skole"),
        [
            "Nordvik kommune inviterer til dialogmøte om skole og SFO.",
            "møter tjenesteutvalget brukerrådene",
            "Meld deg på innen torsdag 21. april 2022:",
            "www.nordvik.kommune.no/dialogmoter",
            "75 12 34 56",
            "postmottak@nordvik.kommune.no",
            "Teleslynge i møterommet",
            "www.nordvik.kommune.no/undersokelse-skole",
            "Undersøkelsen er åpen til og med torsdag 28. april 2022.",
            "Oppmøtested: Hovedinngangen til Nordre skole.",
        ],
        ["https://www.nordvik.kommune.no/dialogmoter", "mailto:postmottak@nordvik.kommune.no"],
    ),
}


@pytest.fixture(scope="module", params=sorted(EXAMPLES))
def example(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], str]:
    root, (year, area), _, _ = EXAMPLES[request.param]
    out = tmp_path_factory.mktemp(f"invitation-{request.param}")
    rendered = render_meeting_document(require(root), "invitation", year, area, ["pdf", "docx", "html"], out)
    return {path.suffix[1:]: path for path in rendered.written}, request.param


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_pdf_carries_contact_sign_up_survey_and_meeting_point(example: tuple[dict[str, Path], str]) -> None:
    paths, locale = example
    text = _flat(pdf_text(paths["pdf"]))
    for phrase in EXAMPLES[locale][2]:
        assert phrase in text


def test_the_docx_carries_them_too(example: tuple[dict[str, Path], str]) -> None:
    paths, locale = example
    text = _flat(" ".join(text for _, text in docx_paragraphs(paths["docx"])))
    for phrase in EXAMPLES[locale][2]:
        assert phrase in text


def test_the_html_carries_them_with_links_that_work(example: tuple[dict[str, Path], str]) -> None:
    paths, locale = example
    html = paths["html"].read_text(encoding="utf-8")
    text = _flat(re.sub(r"<[^>]+>", " ", html)).replace(" :", ":").replace(" .", ".")
    for phrase in EXAMPLES[locale][2]:
        assert phrase in text
    for url in EXAMPLES[locale][3]:
        assert f'href="{url}"' in html


def test_the_agenda_gives_the_safety_walk_and_its_meeting_point(tmp_path: Path) -> None:
    ws = require(REPO)
    (md,) = render_meeting_document(ws, "agenda", 2025, "hogvad", ["md"], tmp_path).written
    text = md.read_text(encoding="utf-8")
    assert "Trygghetsvandring tisdag 8 april 2025 klockan 16.30, före mötet." in text
    assert "Samlingsplats: Parkeringen vid Överlida bygdegård." in text
    assert text.index("Samlingsplats") < text.index("| Tid")


MEETING_EN = """\
area: south
date: 2025-04-08
start: "18:00"
end: "20:00"
place: The village hall
"""


@pytest.mark.parametrize(
    ("locale", "localities", "expected", "unwanted"),
    [
        (
            "sv",
            "[]",
            "bjuder in alla som bor, arbetar eller driver företag i området till dialogmöte i Fjällby.",
            "i Fjällby till",
        ),
        (
            "nb",
            "[Nes, Vik]",
            "inviterer deg som bor, arbeider eller driver næring i Nes og Vik til dialogmøte i Fjellvik sentrum.",
            "til Fjellvik sentrum",
        ),
        (
            "nn",
            "[]",
            "inviterer alle som bur, arbeider eller driv næring i området til dialogmøte i Fjellvik sentrum.",
            "i Fjellvik sentrum til",
        ),
        (
            "en",
            "[]",
            "invites everyone who lives, works or runs a business in the area to a dialogue meeting in South.",
            "in South to",
        ),
    ],
)
def test_an_area_not_named_after_the_process_is_invited_to_a_dialogue_meeting_there(
    sv_workspace: MakeWorkspace, tmp_path: Path, locale: str, localities: str, expected: str, unwanted: str
) -> None:
    name = {"sv": "Fjällby", "en": "South"}.get(locale, "Fjellvik sentrum")
    dialog = SV_DIALOG.replace("locale: sv", f"locale: {locale}").replace("name: Träffpunkt", "name: Grendemøter")
    areas = f"areas:\n  - {{id: south, name: {name}, localities: {localities}}}\n  - {{id: north, name: North}}\n"
    root = sv_workspace(**{"dialog.yaml": dialog, "areas.yaml": areas, "cycles__2025__south__meeting.yaml": MEETING_EN})
    (root / "cycles/2025/hogvad/meeting.yaml").unlink()
    (root / "cycles/2025/hogvad").rmdir()
    (md,) = render_meeting_document(require(root), "invitation", 2025, "south", ["md"], tmp_path).written
    text = _flat(md.read_text(encoding="utf-8"))
    assert expected in text
    assert unwanted not in text


def test_a_meeting_overrides_the_defaults_key_by_key(sv_workspace: MakeWorkspace, tmp_path: Path) -> None:
    dialog = SV_DIALOG + (
        "invitations:\n"
        "  contact: {role: Kommunsekreterare, phone: '0325-180 00', email: dialog@prov.se}\n"
        "  sign_up: https://prov.se/anmalan\n"
        "  accessibility: [Hörslinga finns]\n"
    )
    meeting = SV_MEETING + "contact: {phone: '0325-181 81'}\nsign_up: anmalan.hogvad@prov.se\naccessibility: []\n"
    root = sv_workspace(**{"dialog.yaml": dialog, "cycles__2025__hogvad__meeting.yaml": meeting})
    (md,) = render_meeting_document(require(root), "invitation", 2025, "hogvad", ["md"], tmp_path).written
    text = md.read_text(encoding="utf-8")
    assert "Kontakt: Kommunsekreterare" in text and "0325-181 81" in text and "0325-180 00" not in text
    assert "dialog@prov.se" in text
    assert "Anmäl dig senast tisdag 25 mars 2025:** <anmalan.hogvad@prov.se>" in text and "prov.se/anmalan" not in text
    assert "Hörslinga" not in text


def test_without_a_way_to_sign_up_the_invitation_still_asks_for_replies(
    sv_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    (md,) = render_meeting_document(require(sv_workspace()), "invitation", 2025, "hogvad", ["md"], tmp_path).written
    text = md.read_text(encoding="utf-8")
    assert "**Anmäl dig senast tisdag 25 mars 2025.**" in text
    assert "Kontakt" not in text and "Enkät" not in text
