"""Analysis: localities, routing on stems, safety concerns, proposals, and `survey report`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dialogkit.loading import require
from dialogkit.models.config import Department
from dialogkit.survey import analyse, import_survey, report_json
from dialogkit.survey.mapping import asks_about_unsafety, is_safety
from dialogkit.survey.matching import LocalityMatcher, Router, is_concern
from tests.conftest import run_dialog
from tests.survey.conftest import NB_DIALOG, SV_DIALOG, Workspace, place


def department(id_: str, *keywords: str) -> Department:
    return Department(id=id_, name=id_.upper(), keywords=list(keywords))


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Vägarna är fulla av hål", ["sbf"]),
        ("Bygg en cykelväg till skolan", ["sbf", "bun"]),
        ("Gatubelysningen fungerar inte", ["sbf"]),
        ("Förskolan behöver fler platser", ["bun"]),
        ("Skolgården är sliten", ["bun"]),
        ("Fler evenemang för unga", []),
        ("En väggmålning vore fint", []),
    ],
)
def test_swedish_answers_are_routed_on_stems(answer: str, expected: list[str]) -> None:
    router = Router([department("sbf", "väg", "belysning"), department("bun", "skola", "förskola")], "sv")
    assert router.route(answer) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Veiene er dårlige", ["tek"]),
        ("Skolevegen mangler gatelys", ["tek", "opp"]),
        ("Skolen trenger gymsal", ["opp"]),
    ],
)
def test_norwegian_answers_are_routed_on_stems(answer: str, expected: list[str]) -> None:
    router = Router([department("tek", "vei", "gatelys"), department("opp", "skole", "barnehage")], "nb")
    assert router.route(answer) == expected


def test_phrase_keywords_match_in_sequence() -> None:
    router = Router([department("sof", "träffpunkt för äldre")], "sv")
    assert router.route("Vi saknar en träffpunkt för äldre i byn") == ["sof"]
    assert router.route("Äldre saknar en träffpunkt") == []


@pytest.mark.parametrize(
    ("answer", "locality"),
    [
        ("overlida", "Överlida"),
        ("ÖVERLIDA ", "Överlida"),
        ("Mjoback", "Mjöbäck"),
        ("I Holsljunga, nära kyrkan", "Holsljunga"),
        ("Borås", ""),
        ("", ""),
    ],
)
def test_localities_match_regardless_of_case_and_diacritics(answer: str, locality: str) -> None:
    assert LocalityMatcher(["Mjöbäck", "Överlida", "Holsljunga"]).match(answer) == locality


def test_norwegian_letters_fold_too() -> None:
    matcher = LocalityMatcher(["Bø", "Sætre", "Ørje"])
    assert [matcher.match(a) for a in ("bo", "Saetre", "ORJE")] == ["Bø", "Sætre", "Ørje"]


@pytest.mark.parametrize(
    ("answer", "unsafe_question", "kind", "concern"),
    [
        ("Nej", True, "text", False),
        ("inga", True, "text", False),
        ("-", True, "text", False),
        ("", True, "text", False),
        ("Ingen.", True, "text", False),
        ("Vid stationen", True, "text", True),
        ("Ja", False, "choice", False),
        ("Nei", False, "choice", True),
        ("Ja, men inte vid stationen", False, "text", True),
        ("2", False, "scale", True),
        ("4", False, "scale", False),
    ],
)
def test_safety_concerns(answer: str, unsafe_question: bool, kind: str, concern: bool) -> None:
    assert is_concern(answer, asks_about_unsafety=unsafe_question, kind=kind) is concern


def test_the_analysis_of_a_swedish_survey(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    import_survey(require(root), place(root, "netigate.csv"), "hogvad", 2025)
    analysis = analyse(require(root), 2025, "hogvad")
    assert analysis.responses == 6
    assert analysis.by_locality == {"Mjöbäck": 2, "Överlida": 2, "Holsljunga": 2}
    sbf = next(d for d in analysis.departments if d.id == "sbf")
    assert "Vägarna är fulla av hål" in [a.text for a in sbf.answers]
    assert analysis.safety.localities == ["Mjöbäck", "Överlida"]
    assert analysis.safety_walk == ["Mjöbäck", "Överlida"]
    assert [o.department for o in analysis.officials][:1] == ["sbf"]
    assert next(o for o in analysis.officials if o.department == "sbf").listed  # meeting.yaml names sbf
    scale = next(d for d in analysis.distributions if d.kind == "scale")
    assert scale.counts == [("2", 1), ("3", 2), ("4", 3)] and scale.total == 6  # in scale order
    assert all(a.text for a in analysis.unrouted)


def test_report_json_has_exactly_the_contracts_keys(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    import_survey(require(root), place(root, "google.csv"), "hogvad", 2025)
    code, output = run_dialog(
        CliRunner(), "-C", root, "survey", "report", "2025", "--area", "hogvad", "--format", "json"
    )
    assert code == 0, output
    figures = json.loads(output)
    assert list(figures) == [
        *("responses", "by_locality", "departments", "unrouted", "safety", "redactions", "redacted"),
        *("unreviewed", "min_group_size"),
    ]
    assert figures["responses"] == 6
    # Fewer than five answers: each group's count is withheld (null), the group itself listed.
    assert figures["departments"] == {"sbf": None, "bun": None, "kof": None}
    assert figures["safety"] == {"responses": None, "localities": ["Mjöbäck", "Överlida"]}
    assert figures["redactions"] == 6 and sum(figures["redacted"].values()) == 6
    assert figures["min_group_size"] == 5
    workspace = require(root)
    assert figures == report_json(analyse(workspace, 2025, "hogvad"), workspace.config)


def test_report_without_area_adds_up_the_years_meetings(nb_workspace: Workspace) -> None:
    root = nb_workspace({"dialog.yaml": NB_DIALOG + "survey: {min_group_size: 2}\n"})
    import_survey(require(root), place(root, "nettskjema.csv"), "sentrum", 2025)
    code, output = run_dialog(CliRunner(), "-C", root, "survey", "report", "2025", "--format", "json")
    assert code == 0, output
    figures = json.loads(output)
    assert figures["by_locality"] == {"Bø": 2, "Sætre": 2, "Ørje": 2}
    assert figures["departments"] == {"tek": 3, "opp": 2}
    # "Nei" to "Føler du deg trygg?" and a place named to "hvor føler du deg utrygg?" are concerns.
    assert figures["safety"] == {"responses": 2, "localities": ["Bø", "Sætre"]}


def test_report_before_any_import_is_a_usage_error(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    code, output = run_dialog(CliRunner(), "-C", root, "survey", "report", "2025", "--format", "json")
    assert code == 2 and "no survey answers imported for 2025" in output


def test_report_text_summary(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    import_survey(require(root), place(root, "google.csv"), "hogvad", 2025)
    code, output = run_dialog(CliRunner(), "-C", root, "survey", "report", "2025")
    assert code == 0
    assert (
        "Träffpunkt Högvad 2025: 6 svar, 6 personuppgifter borttagna (1 e-post, 3 personnummer, 2 telefonnummer)"
        in output
    )
    assert "  Mjöbäck: färre än 5" in output  # two answers: their number is withheld
    assert "trygghetsvandring föreslås i: Mjöbäck, Överlida" in output
    assert (
        "föreslås skicka tjänsteperson: Samhällsbyggnadsförvaltningen, Barn- och utbildningsförvaltningen (ny)"
        in output
    )
    assert "responses" not in output and " sbf" not in output


def test_the_rendered_report_has_charts_with_text_alternatives(sv_workspace: Workspace) -> None:
    root = sv_workspace({"dialog.yaml": SV_DIALOG + "survey: {min_group_size: 2}\n"})
    import_survey(require(root), place(root, "google.csv"), "hogvad", 2025)
    code, output = run_dialog(CliRunner(), "-C", root, "survey", "report", "2025", "--to", "md,docx")
    assert code == 0, output
    folder = root / "build/2025/hogvad"
    markdown = (folder / "survey-report.md").read_text(encoding="utf-8")
    assert "![Stapeldiagram. Mjöbäck: 2, Överlida: 2, Holsljunga: 2.](survey-localities.png)" in markdown
    assert "# Svaren per förvaltning" in markdown and "## Samhällsbyggnadsförvaltningen" in markdown
    assert "Trygghetsvandring föreslås i Mjöbäck och Överlida." in markdown
    assert "=1+1" in markdown  # a resident's "formula" is text in the document
    assert (folder / "survey-localities.png").read_bytes().startswith(b"\x89PNG")
    assert (folder / "survey-report.docx").read_bytes().startswith(b"PK")


def test_an_unknown_format_is_a_usage_error(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    import_survey(require(root), place(root, "google.csv"), "hogvad", 2025)
    code, output = run_dialog(CliRunner(), "-C", root, "survey", "report", "2025", "--to", "pptx")
    assert code == 2 and "unknown format 'pptx'" in output


@pytest.mark.parametrize(
    ("heading", "safety", "unsafety"),
    [
        ("Finns det platser där du känner dig otrygg? Var?", True, True),
        ("Känner du dig trygg där du bor?", True, False),
        ("Er det steder på skoleveien der barnet ditt føler seg utrygt?", True, True),
        ("Føler du deg trygg i sentrum om kvelden?", True, False),
        ("Er barnet trygt på skolen?", True, False),
        ("Where do you feel unsafe?", True, True),
        ("Vad kan bli bättre på din ort?", False, False),
    ],
)
def test_safety_questions_are_told_by_their_heading(heading: str, safety: bool, unsafety: bool) -> None:
    assert is_safety(heading) is safety
    assert asks_about_unsafety(heading) is unsafety
