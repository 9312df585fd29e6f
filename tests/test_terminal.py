"""The terminal in the workspace's language: `dialog plan`, `dialog status` and `dialog init`, run as a clerk runs them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from dialogkit.cli import app
from dialogkit.terminal.catalogue import MESSAGES
from tests.conftest import EXAMPLES, REPO

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def dialog(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["-C", str(root), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _cells(out: str) -> str:
    """A rich table as words: box characters and padding away, so that a test can read a row."""
    return re.sub(r" {2,}", " ", re.sub(r"[│┃┏┓┗┛┡┩└┘━─┳┻╇┴┼]", " ", out))


def _copy(example: str, tmp_path: Path) -> Path:
    """A copy of an example workspace: its files, without the repository around the Swedish one."""
    root = tmp_path / example
    source = EXAMPLES[example]
    shutil.copytree(source / "cycles", root / "cycles", ignore=shutil.ignore_patterns("raw"))
    for name in ("dialog.yaml", "areas.yaml"):
        shutil.copy(source / name, root / name)
    return root


def _set_locale(root: Path, locale: str) -> None:
    path = root / "dialog.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"locale: \w+", f"locale: {locale}", text, count=1), encoding="utf-8")


def test_every_locale_has_every_message_with_the_same_placeholders() -> None:
    english = MESSAGES["en"]
    assert set(MESSAGES) == {"sv", "nb", "nn", "en"}
    for locale, messages in MESSAGES.items():
        assert set(messages) == set(english), locale
        for key, text in messages.items():
            assert set(_PLACEHOLDER.findall(text)) == set(_PLACEHOLDER.findall(english[key])), (locale, key)


def test_the_plan_speaks_bokmal_in_the_norwegian_example() -> None:
    code, out, _ = dialog(EXAMPLES["nb"], "plan", "2023")
    assert code == 0
    text = _cells(out)
    assert "Dialogmøter 2023 (valgår)" in text
    assert "Dato Tid Område Periode Merknad" in text
    assert "tor. 4. mai 17.00–19.00 Barnehage Våren" in text
    for english in ("Thu", "Mon", "election year", "Season", " var "):
        assert english not in text, english


def test_the_plan_speaks_swedish_in_the_swedish_example() -> None:
    code, out, _ = dialog(EXAMPLES["sv"], "plan", "2026")
    text = _cells(out)
    assert code == 0 and "Träffpunkt 2026 (valår)" in text
    assert "tis 17 november 18.00–20.00 Träffpunkt Hillared Hösten" in text
    assert "autumn" not in text and "Tue" not in text


@pytest.mark.parametrize(
    ("locale", "title", "row"),
    [
        ("nn", "Dialogmøter 2023 (valår)", "to. 4. mai 17.00–19.00 Barnehage Våren"),
        ("en", "Dialogmøter 2023 (election year)", "Thu 4 May 17:00–19:00 Barnehage Våren"),
    ],
)
def test_the_plan_follows_the_locale_of_dialog_yaml(locale: str, title: str, row: str, tmp_path: Path) -> None:
    root = _copy("nb", tmp_path)
    _set_locale(root, locale)
    code, out, _ = dialog(root, "plan", "2023")
    assert code == 0 and title in out and row in _cells(out)


def test_a_season_shows_its_label_never_its_id(tmp_path: Path) -> None:
    root = _copy("nb", tmp_path)
    path = root / "dialog.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("label: Våren", "label: Vårsesongen"), encoding="utf-8")
    code, out, _ = dialog(root, "plan", "2023")
    assert code == 0 and "Vårsesongen" in out and " var " not in _cells(out)


def _unbuilt(locale: str, tmp_path: Path) -> Path:
    """The example's workspace files without its build/: status reads what was built, and a demo may have run."""
    target = tmp_path / locale
    target.mkdir()
    for name in ("dialog.yaml", "areas.yaml"):
        shutil.copy(EXAMPLES[locale] / name, target / name)
    shutil.copytree(EXAMPLES[locale] / "cycles", target / "cycles")
    return target


def test_status_is_a_to_do_list_in_bokmal_with_areas_by_name(tmp_path: Path) -> None:
    code, out, _ = dialog(_unbuilt("nb", tmp_path), "status", "2022", "--as-of", "2022-05-20")
    text = _cells(out)
    assert code == 0 and "Dialogmøter 2022, status per 20. mai 2022" in text
    assert "Dato Område Neste steg Mangler" in text
    assert "tor. 5. mai Skole og SFO ferdig" in text
    assert "ons. 1. juni Teknisk drift send invitasjonen innen 11. mai (forsinket) invitasjon" in text
    assert "tor. 4. august Dialogmøte med hytteeierne send invitasjonen innen 14. juli" in text
    assert " teknisk " not in text and "yes" not in text and "Follow-up" not in text


def test_status_in_swedish_names_the_survey_closing_and_what_is_missing() -> None:
    code, out, _ = dialog(EXAMPLES["sv"], "status", "2025", "--as-of", "2025-04-20")
    text = _cells(out)
    assert code == 0 and "Träffpunkt 2025, läget 20 april 2025" in text
    assert (
        "tis 13 maj Träffpunkt Kalv och Mårdaklev enkäten stänger 15 april: importera svaren (försenat) enkätsvar"
        in (text)
    )


def test_a_meeting_without_minutes_is_never_followed_up(tmp_path: Path) -> None:
    root = _copy("sv", tmp_path)
    (root / "cycles/2025/kalv/referat.md").unlink()
    (root / "build/2025").mkdir(parents=True)
    (root / "build/2025/followup.html").write_text("<html></html>", encoding="utf-8")
    code, out, _ = dialog(root, "status", "2025", "--as-of", "2025-06-15", "--format", "json")
    assert code == 0
    kalv = next(m for m in json.loads(out)["meetings"] if m["area"] == "kalv")
    states = {s["step"]: s["state"] for s in kalv["steps"]}
    assert states["minutes"] == "overdue" and states["followup"] != "done"
    assert kalv["next"] == {
        "step": "minutes",
        "due": "2025-05-27",
        "overdue": True,
        "text": "referatet ska vara klart 27 maj (försenat)",
    }
    assert kalv["missing"] == ["minutes"]
    code, out, _ = dialog(root, "status", "2025", "--as-of", "2025-06-15")
    assert "Träffpunkt Kalv och Mårdaklev referatet ska vara klart 27 maj (försenat) referat" in _cells(out)


def _shape(value: Any) -> Any:
    """The keys of a JSON value, at every depth; lists by their first item."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return None


def test_the_status_json_has_the_shape_docs_status_md_shows(tmp_path: Path) -> None:
    page = (REPO / "docs/status.md").read_text(encoding="utf-8")
    documented = json.loads(page.split("```json\n", 1)[1].split("```", 1)[0])
    code, out, _ = dialog(_unbuilt("sv", tmp_path), "status", "2025", "--as-of", "2025-04-20", "--format", "json")
    printed = json.loads(out)
    kalv = next(m for m in printed["meetings"] if m["area"] == "kalv")
    assert code == 0 and kalv == documented["meetings"][0]
    assert _shape({**printed, "meetings": [kalv]}) == _shape(documented)
    assert printed["version"] == documented["version"] == 1
    for key in ("version", "as_of", "meetings[].next", "meetings[].missing", "meetings[].steps"):
        assert f"`{key}`" in page, key


def test_init_nb_writes_bokmal(tmp_path: Path) -> None:
    root = tmp_path / "kommune"
    code, _, _ = dialog(tmp_path, "init", str(root), "--locale", "nb")
    assert code == 0
    written = (root / "dialog.yaml").read_text(encoding="utf-8") + (root / "areas.yaml").read_text(encoding="utf-8")
    for nynorsk in ("haust", "Haust", "Aust", "Tenesteutvalet", "Innspel"):
        assert nynorsk not in written, nynorsk
    seasons = yaml.safe_load((root / "dialog.yaml").read_text(encoding="utf-8"))["process"]["seasons"]
    assert [(s["name"], s["label"]) for s in seasons] == [("spring", "Våren"), ("autumn", "Høsten")]
    assert "Område Øst" in written and "Område Sør" in written
    code, out, _ = dialog(root, "plan", "2027")
    assert code == 0 and "Høsten" in out and "(valgår)" in out


def test_init_nn_writes_nynorsk(tmp_path: Path) -> None:
    root = tmp_path / "kommune"
    assert dialog(tmp_path, "init", str(root), "--locale", "nn")[0] == 0
    written = (root / "dialog.yaml").read_text(encoding="utf-8") + (root / "areas.yaml").read_text(encoding="utf-8")
    assert "Hausten" in written and "Område Aust" in written and "Tenesteutvalet" in written


def test_the_check_summary_speaks_the_workspace_language(tmp_path: Path) -> None:
    root = _copy("nb", tmp_path)
    code, _, err = dialog(root, "check")
    assert code == 0 and f"ingen feil eller advarsler i {root}" in err
    path = root / "dialog.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("host: tju", "host: tjx"), encoding="utf-8")
    code, _, err = dialog(root, "check")
    assert code == 1 and f"1 feil, 0 advarsler i {root}" in err


def test_the_check_summary_of_an_unreadable_dialog_yaml_is_english(tmp_path: Path) -> None:
    root = _copy("nb", tmp_path)
    (root / "dialog.yaml").write_text("municipality: [\n", encoding="utf-8")
    code, _, err = dialog(root, "check")
    assert code == 1 and re.search(r"\d+ error\(s\), \d+ warning\(s\) in ", err)


def test_the_survey_summary_names_departments_in_bokmal() -> None:
    code, out, _ = dialog(EXAMPLES["nb"], "survey", "report", "2022")
    assert code == 0
    assert out.startswith(
        "Skole og SFO 2022: 6 svar, 12 personopplysninger fjernet (1 adresse, 1 e-post, 1 fødselsdato,"
    )
    assert "  ukjent sted: 6\n  Oppvekst: 8\n" in out and "uten tjenesteområde: færre enn 5" in out
    assert "foreslås å sende en ansatt: Oppvekst, Teknisk drift, Kultur (ny), Plan og utvikling (ny)" in out
    assert "responses" not in out and "unknown" not in out and "account" not in out
