"""Invitations, agendas and the plan: their content, the agenda's clock, overrides, labels and looks."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dialogkit.cli import app
from dialogkit.errors import DialogError, UsageError
from dialogkit.formats import parse_formats
from dialogkit.loading import require
from dialogkit.render.documents import render_meeting_document
from dialogkit.render.words import date_in_words
from tests.conftest import read_markdown

from .conftest import PNG, SV_MEETING, MakeWorkspace, docx_paragraphs, pdf_structure, pdf_text

runner = CliRunner()


def dialog(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["-C", str(root), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_dates_in_words_per_locale() -> None:
    day = dt.date(2025, 4, 8)
    assert date_in_words(day, "sv") == "tisdag 8 april 2025"
    assert date_in_words(day, "nb") == "tirsdag 8. april 2025"
    assert date_in_words(day, "nn") == "tysdag 8. april 2025"
    assert date_in_words(day, "en") == "Tuesday 8 April 2025"


def test_formats() -> None:
    assert parse_formats(None) == ("docx", "pdf", "html")
    assert parse_formats("pdf, md,pdf") == ("pdf", "md")
    with pytest.raises(UsageError, match="unknown format 'xls'"):
        parse_formats("pdf,xls")


def test_invitation_says_what_when_where_who(sv_workspace: MakeWorkspace) -> None:
    root = sv_workspace()
    (md,) = render_meeting_document(require(root), "invitation", 2025, "hogvad", ["md"]).written
    text = md.read_text(encoding="utf-8")
    assert "Provkommun bjuder in dig som bor, arbetar eller driver företag i Mjögback, Överlida och Holsljunga" in text
    assert "tisdag 8 april 2025, klockan 18.00–20.00" in text
    assert "Överlida bygdegård" in text
    assert "- Kommunstyrelsens ordförande, Kommunstyrelsens arbetsutskott (värd)" in text
    assert "- Gatuchef, Samhällsbyggnadsförvaltningen" in text
    assert "- Synpunkter från enkäten" in text
    assert "gör vi en trygghetsvandring i Överlida" in text and "klockan 16.30" in text
    assert "**Anmäl dig senast tisdag 25 mars 2025.**" in text


def test_invitation_without_safety_walk_or_rsvp(sv_workspace: MakeWorkspace) -> None:
    meeting = 'area: hogvad\ndate: 2025-04-08\nstart: "18:00"\nend: "20:00"\n'
    root = sv_workspace(**{"cycles/2025/hogvad/meeting.yaml": meeting})
    (md,) = render_meeting_document(require(root), "invitation", 2025, "hogvad", ["md"]).written
    text = md.read_text(encoding="utf-8")
    assert "Trygghetsvandring" not in text and "Anmäl" not in text
    assert "Platsen meddelas senare." in text


def test_agenda_clock_times_and_leads(sv_workspace: MakeWorkspace) -> None:
    root = sv_workspace()
    rendered = render_meeting_document(require(root), "agenda", 2025, "hogvad", ["md", "docx"])
    assert rendered.warnings == []
    text = read_markdown(rendered.written[0])
    assert "| 18.00–18.10 | Välkommen | Kommunstyrelsens ordförande |" in text
    assert "| 18.10–19.30 | Synpunkter från enkäten | |" in text
    assert "| 19.30–20.00 | Arbetsgrupper bildas | |" in text
    assert "Mötet avslutas klockan 20.00." in text
    cells = [t for style, t in docx_paragraphs(rendered.written[1]) if style == "cell"]
    assert cells[:3] == ["Tid", "Punkt", "Ansvarig"]
    assert "18.10–19.30" in cells


def test_agenda_warns_when_items_overrun_the_end(sv_workspace: MakeWorkspace) -> None:
    meeting = SV_MEETING + "agenda:\n  - {title: Välkommen, minutes: 30}\n  - {title: Enkäten, minutes: 100}\n"
    root = sv_workspace(**{"cycles/2025/hogvad/meeting.yaml": meeting})
    code, out, err = dialog(root, "render", "agenda", "2025/hogvad", "--to", "md")
    assert code == 0
    assert "wrote build/2025/hogvad/agenda.md" in out
    assert re.search(
        r"cycles/2025/hogvad/meeting\.yaml:\d+:\d+: warning: .*run 10 minutes past the meeting's end at 20:00", err
    )
    assert "| 18.30–20.10 | Enkäten |" in read_markdown(root / "build/2025/hogvad/agenda.md")


def test_agenda_overrun_of_the_standard_agenda_points_at_dialog_yaml(sv_workspace: MakeWorkspace) -> None:
    meeting = SV_MEETING.replace('end: "20:00"', 'end: "19:00"')
    root = sv_workspace(**{"cycles/2025/hogvad/meeting.yaml": meeting})
    warnings = render_meeting_document(require(root), "agenda", 2025, "hogvad", ["md"]).warnings
    assert [w.path for w in warnings] == ["dialog.yaml"] and warnings[0].line > 1


def test_norwegian_agenda(nb_workspace: MakeWorkspace) -> None:
    root = nb_workspace()
    (md,) = render_meeting_document(require(root), "agenda", 2022, "barnehage", ["md"]).written
    text = read_markdown(md)
    assert text.startswith(
        "**Nordvik kommune**\n\n# Dagsorden: Dialogmøte – Barnehage\n\ntorsdag 12. mai 2022, klokken 17.00–19.00, Solbakken barnehage"
    )
    assert "| Tid | Sak | Ansvarlig |" in text
    assert "| 17.30–19.00 | Brukerrådets innspill | |" in text


def test_cli_writes_contract_names_and_fails_cleanly(sv_workspace: MakeWorkspace, tmp_path: Path) -> None:
    root = sv_workspace()
    code, _, _ = dialog(root, "render", "invitation", "2025/hogvad", "--to", "md,html", "--out", str(tmp_path / "ut"))
    assert code == 0
    assert (tmp_path / "ut/2025/hogvad/invitation.md").is_file() and (
        tmp_path / "ut/2025/hogvad/invitation.html"
    ).is_file()
    assert not (root / "build").exists()
    code, _, err = dialog(root, "render", "agenda", "2025/sexdrega")
    assert code == 1 and "there is no meeting 2025/sexdrega" in err
    code, _, err = dialog(root, "render", "agenda", "2025/hogvad", "--to", "rtf")
    assert code == 2 and "unknown format 'rtf'" in err
    code, _, err = dialog(root, "render", "agenda", "hogvad")
    assert code == 2


def test_workspace_template_overrides_the_built_in_one(sv_workspace: MakeWorkspace) -> None:
    root = sv_workspace(**{"templates/agenda.md.j2": "Egen dagordning för {{ area.name }} {{ meeting.date }}.\n"})
    (md,) = render_meeting_document(require(root), "agenda", 2025, "hogvad", ["md"]).written
    text = md.read_text(encoding="utf-8")
    assert text.endswith(
        "# Dagordning: Träffpunkt Högvad\n\nEgen dagordning för Träffpunkt Högvad tisdag 8 april 2025.\n"
    )


def test_workspace_labels_override_single_words(sv_workspace: MakeWorkspace) -> None:
    root = sv_workspace(**{"templates/labels.yaml": "sv:\n  welcome: Hjärtligt välkomna!\n"})
    (md,) = render_meeting_document(require(root), "invitation", 2025, "hogvad", ["md"]).written
    text = md.read_text(encoding="utf-8")
    assert text.rstrip().endswith("Hjärtligt välkomna!")
    assert "# När" in text  # the other labels stay


def test_a_template_using_an_unknown_value_is_a_positioned_error(sv_workspace: MakeWorkspace) -> None:
    root = sv_workspace(**{"templates/agenda.md.j2": "Rad ett\n\n{{ meeting.nope }}\n"})
    code, _, err = dialog(root, "render", "agenda", "2025/hogvad", "--to", "md")
    assert code == 1
    assert re.match(
        r"templates/agenda\.md\.j2:3:1: error: the template uses a value the document does not have: .*nope", err
    )
    assert "Traceback" not in err


def test_templates_list_and_copy(sv_workspace: MakeWorkspace) -> None:
    root = sv_workspace(**{"templates/agenda.md.j2": "x\n"})
    code, out, _ = dialog(root, "templates", "list")
    assert code == 0
    assert "agenda.md.j2  (overridden in templates/)" in out
    assert re.search(r"^invitation\.md\.j2$", out, re.M)
    assert re.search(r"^labels\.yaml$", out, re.M)
    code, out, _ = dialog(root, "templates", "copy", "invitation.md.j2")
    assert code == 0 and "created templates/invitation.md.j2" in out
    assert '{% include "_intro.md.j2" %}' in (root / "templates/invitation.md.j2").read_text(encoding="utf-8")
    code, out, _ = dialog(root, "templates", "copy", "_intro.md.j2")  # the opening the poster shares
    assert code == 0 and "L.intro_area" in (root / "templates/_intro.md.j2").read_text(encoding="utf-8")
    code, _, err = dialog(root, "templates", "copy", "agenda.md.j2")
    assert code == 0 and "kept templates/agenda.md.j2" in err
    assert (root / "templates/agenda.md.j2").read_text(encoding="utf-8") == "x\n"
    code, _, err = dialog(root, "templates", "copy", "../dialog.yaml")
    assert code == 2 and "no built-in template" in err


def test_logo_and_word_reference_document_are_used(sv_workspace: MakeWorkspace, tmp_path: Path) -> None:
    import docx

    reference = docx.Document()
    reference.styles["Normal"].font.name = "Garamond Provkommun"
    reference.save(str(tmp_path / "reference.docx"))
    root = sv_workspace(
        **{"templates/logo.png": PNG, "templates/reference.docx": (tmp_path / "reference.docx").read_bytes()}
    )
    written = render_meeting_document(require(root), "invitation", 2025, "hogvad", ["docx", "html", "pdf"]).written
    docx_path, html_path, pdf_path = written
    with zipfile.ZipFile(docx_path) as archive:
        assert "Garamond Provkommun" in archive.read("word/styles.xml").decode("utf-8")
        assert any(name.startswith("word/media/") for name in archive.namelist())
    assert re.search(
        r'<img src="data:image/png;base64,[^"]+"[^>]*alt="Logotyp: Provkommun"', html_path.read_text("utf-8")
    )
    from pypdf import PdfReader

    assert len(PdfReader(pdf_path).pages[0].images) == 1


def test_plan_document_with_its_timeline_in_every_format(sv_workspace: MakeWorkspace) -> None:
    root = sv_workspace()
    code, out, _ = dialog(root, "render", "plan", "2025", "--to", "md,html,docx,odt,pdf")
    assert code == 0, out
    build = root / "build" / "2025"
    markdown = read_markdown(build / "plan.md")
    assert "![Tidslinje över årets möten: Träffpunkt Högvad 8 april" in markdown
    assert "| tisdag 8 april 2025 | 18.00–20.00 | Träffpunkt Högvad | Våren |" in markdown
    assert re.search(
        r'<img src="data:image/png;base64,[^"]+"[^>]*alt="Tidslinje över årets möten',
        (build / "plan.html").read_text("utf-8"),
    )
    for name, folder in (("plan.docx", "word/media/"), ("plan.odt", "Pictures/")):
        with zipfile.ZipFile(build / name) as archive:
            assert any(n.startswith(folder) for n in archive.namelist())
    from pypdf import PdfReader

    assert len(PdfReader(build / "plan.pdf").pages[0].images) == 1
    assert "Plan: Träffpunkt 2025" in pdf_text(build / "plan.pdf")
    figures = [alt for role, alt in pdf_structure(build / "plan.pdf") if role == "/Figure"]
    assert len(figures) == 1 and figures[0] is not None and figures[0].startswith("Tidslinje över årets möten")


def test_an_unknown_meeting_is_an_input_error(sv_workspace: MakeWorkspace) -> None:
    with pytest.raises(DialogError, match="there is no meeting 2024/hogvad"):
        render_meeting_document(require(sv_workspace()), "invitation", 2024, "hogvad", ["md"])


def test_version_imports_no_document_machinery() -> None:
    code = (
        "import sys\n"
        "from dialogkit.cli import main\n"
        "sys.argv = ['dialog', '--version']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('jinja2', 'pypandoc', 'typst', 'matplotlib', 'babel', 'dialogkit.render') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_every_locale_has_every_label() -> None:
    import yaml

    from dialogkit.layout import builtin_templates

    labels = yaml.safe_load((builtin_templates() / "labels.yaml").read_text(encoding="utf-8"))
    assert sorted(labels) == ["en", "nb", "nn", "sv"]
    keys = {locale: {k for k in words if not k.startswith("season_")} for locale, words in labels.items()}
    for locale, present in keys.items():
        assert present == keys["sv"], (locale, sorted(present ^ keys["sv"]))


def test_workspace_templates_cannot_run_python(sv_workspace: MakeWorkspace) -> None:
    evil = "{{ ''.__class__.__mro__[1].__subclasses__() }}\n"
    root = sv_workspace(**{"templates/agenda.md.j2": evil})
    code, _, err = dialog(root, "render", "agenda", "2025/hogvad", "--to", "md")
    assert code == 1
    assert err.startswith("templates/agenda.md.j2:1:1: error: ")
    assert not (root / "build").exists()


def test_a_broken_workspace_label_does_not_break_the_build(sv_workspace: MakeWorkspace) -> None:
    labels = 'sv:\n  welcome: "Välkommen {unknown}!"\n  rsvp: "Svara {0} senast {date"\n'
    root = sv_workspace(**{"templates/labels.yaml": labels})
    (md,) = render_meeting_document(require(root), "invitation", 2025, "hogvad", ["md"]).written
    text = md.read_text(encoding="utf-8")
    assert "Välkommen {unknown}!" in text
    assert "Svara {0} senast {date" in text
