"""What the import keeps from telling: ids, order, unsure words, small groups; and staff files checked."""

from __future__ import annotations

import csv
import hashlib
import re
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from dialogkit.check import CONTACT_KEYS
from dialogkit.loading import require
from dialogkit.survey import import_survey
from dialogkit.survey.staff import personal_data
from tests.conftest import FUZZ, MEETING_YAML, run_dialog
from tests.survey.conftest import Workspace, place

RESPONSES = "cycles/2025/hogvad/survey/responses.csv"
SURVEY = "cycles/2025/hogvad/survey.yaml"
HEADINGS = ["Tidstämpel", "E-postadress", "Vilken ort bor du i?", "Vad kan bli bättre?", "Namn"]


def google_export(rows: int) -> bytes:
    lines = [",".join(HEADINGS)]
    for n in range(rows):
        lines.append(
            f"2025/03/01 8:{n // 60:02d}:{n % 60:02d} fm CET,person{n}@example.se,Överlida,"
            f"Vägen behöver lagas {n},Person Nummer{n}"
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def rows_of(root: Path) -> list[dict[str, str]]:
    with (root / RESPONSES).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_a_residents_name_email_and_submission_time_do_not_find_their_row(
    sv_workspace: Workspace, survey_key_outside: Path
) -> None:
    root = sv_workspace()
    export = place(root, "google.csv", google_export(50))
    import_survey(require(root), export, "hogvad", 2025)
    rows = rows_of(root)
    ids = [r["response_id"] for r in rows]
    # What an attacker knows of resident 17: the time of submission, e-mail and name.
    known = ["2025/03/01 8:00:17 fm CET", "person17@example.se", "Person Nummer17"]
    salts = ["", "2025/hogvad", "2025/hogvad/id", "2025/hogvad/row"]
    guesses = {f"r{zlib.crc32(k.encode(), zlib.crc32(s.encode())):08x}" for k in known for s in salts}
    for name in ("sha256", "sha1", "md5", "blake2b"):
        for k in known:
            for s in salts:
                digest = hashlib.new(name, (s + k).encode()).hexdigest()
                guesses |= {"r" + digest[:8], "r" + digest[:10]}
    assert not guesses & {i.split("-")[0] for i in ids}
    # No time is kept, and the rows are in the order of their ids, not of their arrival.
    text = (root / RESPONSES).read_text(encoding="utf-8")
    assert "2025/03/01" not in text and "8:00" not in text and "person17" not in text
    assert ids == sorted(ids) and [r["vad-kan-bli-battre"] for r in rows] != [
        f"Vägen behöver lagas {n}" for n in range(50)
    ]
    # Stable with the same key; with another key, nothing in common.
    import_survey(require(root), export, "hogvad", 2025)
    assert [r["response_id"] for r in rows_of(root)] == ids
    survey_key_outside.write_text("00" * 32 + "\n", encoding="ascii")
    import_survey(require(root), export, "hogvad", 2025)
    assert not set(ids) & {r["response_id"] for r in rows_of(root)}


def test_the_key_is_made_outside_the_workspace_readable_by_its_owner_alone(
    sv_workspace: Workspace, survey_key_outside: Path
) -> None:
    root = sv_workspace()
    import_survey(require(root), place(root, "google.csv", google_export(3)), "hogvad", 2025)
    assert survey_key_outside.stat().st_mode & 0o777 == 0o600
    assert not survey_key_outside.resolve().is_relative_to(root.resolve())


def test_a_key_file_inside_the_workspace_is_refused(sv_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    root = sv_workspace()
    monkeypatch.setenv("DIALOG_SURVEY_KEY_FILE", str(root / "key"))
    code, output = run_dialog(
        CliRunner(), "-C", root, "survey", "import", place(root, "g.csv", google_export(3)), "--area", "hogvad"
    )
    assert code == 2 and "lies inside the workspace" in output and not (root / "key").exists()


def test_unsure_words_are_reviewed_by_hash_and_a_strict_build_waits_for_them(sv_workspace: Workspace) -> None:
    root = sv_workspace({"cycles/2025/hogvad/meeting.yaml": MEETING_YAML})
    export = "Vilken ort bor du i?,Vad kan bli bättre?\nÖverlida,Vi saknar Zorbagrund vid sjön\nÖverlida,Prata med Kvarnbergsson\n"
    place(root, "e.csv", export.encode())
    runner = CliRunner()
    code, output = run_dialog(
        runner, "-C", root, "survey", "import", root / "cycles/2025/raw/e.csv", "--area", "hogvad"
    )
    assert code == 0, output
    code, output = run_dialog(runner, "-C", root, "survey", "review", "2025/hogvad")
    assert code == 0 and "'Zorbagrund'" in output and "'Kvarnbergsson'" in output and "2 to review" in output
    keys = {line.split()[3].strip("':"): line.split()[0] for line in output.splitlines() if "  r" in line}
    code, output = run_dialog(runner, "-C", root, "survey", "report", "2025", "--to", "md")
    assert "2 word(s) in the answers may be names and are not reviewed" in output
    code, output = run_dialog(runner, "-C", root, "build", "2025", "--to", "md", "--strict")
    assert code == 1 and "dialog survey review 2025/hogvad" in output

    code, output = run_dialog(
        runner, "-C", root, "survey", "review", "2025/hogvad",
        "--keep", keys["Zorbagrund"], "--redact", keys["Kvarnbergsson"],
    )  # fmt: skip
    assert code == 0 and "1 kept, 1 redacted" in output and "nothing to review" in output, output
    survey = (root / SURVEY).read_text(encoding="utf-8")
    assert "Zorbagrund" not in survey and "Kvarnbergsson" not in survey
    assert keys["Zorbagrund"] in survey and "decision: keep" in survey and "decision: redact" in survey
    answers = (root / RESPONSES).read_text(encoding="utf-8")
    assert "Zorbagrund" in answers and "Kvarnbergsson" not in answers and "Prata med [namn]" in answers
    code, output = run_dialog(runner, "-C", root, "build", "2025", "--to", "md", "--strict")
    assert code == 0, output
    # Imported again, the answer is redacted again: the decision is kept by its keyed hash.
    code, output = run_dialog(
        runner, "-C", root, "survey", "import", root / "cycles/2025/raw/e.csv", "--area", "hogvad"
    )
    assert "Kvarnbergsson" not in (root / RESPONSES).read_text(encoding="utf-8")
    code, output = run_dialog(runner, "-C", root, "survey", "review", "2025/hogvad")
    assert "nothing to review" in output


def test_small_groups_show_as_fewer_than_k(sv_workspace: Workspace) -> None:
    root = sv_workspace({"cycles/2025/hogvad/meeting.yaml": MEETING_YAML})
    lines = ["Vilken ort bor du i?,Vad kan bli bättre?"] + ["Överlida,Vägen"] * 6 + ["Mjöbäck,Vägen vid bron"] * 2
    import_survey(require(root), place(root, "e.csv", "\n".join(lines).encode()), "hogvad", 2025)
    code, output = run_dialog(CliRunner(), "-C", root, "survey", "report", "2025", "--to", "md")
    assert code == 0, output
    markdown = (root / "build/2025/hogvad/survey-report.md").read_text(encoding="utf-8")
    assert re.search(r"\| Överlida +\| +6 \|", markdown) and re.search(r"\| Mjöbäck +\| färre än 5 \|", markdown)
    assert "Mjöbäck: 2" not in markdown and "(Mjöbäck)" not in markdown  # no chart bar, no answer's place
    assert "Grupper med färre än 5 svar redovisas inte med antal" in markdown


def test_the_year_comes_from_the_exports_folder_and_paths_are_relative(sv_workspace: Workspace) -> None:
    root = sv_workspace(
        {
            "cycles/2025/hogvad/meeting.yaml": MEETING_YAML,
            "cycles/2027/hogvad/meeting.yaml": MEETING_YAML.replace("2025-", "2027-"),
        }
    )
    place(root, "e.csv", b"Vilken ort bor du i?,Synpunkt\n\xc3\x96verlida,Bra\n", folder="cycles/2027/raw")
    code, output = run_dialog(
        CliRunner(), "-C", root, "survey", "import", root / "cycles/2027/raw/e.csv", "--area", "hogvad"
    )
    assert code == 0, output
    survey = (root / "cycles/2027/hogvad/survey.yaml").read_text(encoding="utf-8")
    assert "file: cycles/2027/raw/e.csv" in survey and str(root) not in survey


def test_a_changed_export_is_remapped_with_remap(sv_workspace: Workspace) -> None:
    root = sv_workspace()
    place(root, "e.csv", "Vilken ort bor du i?,Synpunkt\nÖverlida,Bra\n".encode())
    runner = CliRunner()
    assert (
        run_dialog(runner, "-C", root, "survey", "import", root / "cycles/2025/raw/e.csv", "--area", "hogvad")[0] == 0
    )
    place(root, "e.csv", "Vilken ort bor du i?,Vad saknas?\nÖverlida,En affär\n".encode())
    code, output = run_dialog(
        runner, "-C", root, "survey", "import", root / "cycles/2025/raw/e.csv", "--area", "hogvad"
    )
    assert code == 1 and "--remap" in output
    code, output = run_dialog(
        runner, "-C", root, "survey", "import", root / "cycles/2025/raw/e.csv", "--area", "hogvad", "--remap"
    )
    assert code == 0, output
    assert "Vad saknas?" in (root / SURVEY).read_text(encoding="utf-8")
    answers = (root / RESPONSES).read_text(encoding="utf-8")
    assert "En affär" in answers and "Bra" not in answers


def test_contact_fields_are_no_finding() -> None:
    text = "contact: {name: Kommunens växel, phone: 0325-180 00}\nemail: info@example.se\nnote: ring 070-123 45 67\n"
    assert personal_data(text, skip_keys=CONTACT_KEYS) == [(3, 12, "phone")]


def test_check_warns_on_personal_data_in_staff_files(sv_workspace: Workspace) -> None:
    meeting = MEETING_YAML
    referat = (
        "---\ndate: 2025-03-27\npresent: [Kommunstyrelsens ordförande]\nabsent: []\nminutes_by: Sekreterare\n"
        "conclusions: []\n---\n## Punkt 1\n\nEn boende (070-123 45 67, anna@example.se) tog upp vägen.\n"
    )
    root = sv_workspace({"cycles/2025/hogvad/meeting.yaml": meeting, "cycles/2025/hogvad/referat.md": referat})
    _code, output = run_dialog(CliRunner(), "-C", root, "check")
    assert "cycles/2025/hogvad/referat.md:10:11: warning: a phone number" in output, output
    assert "cycles/2025/hogvad/referat.md:10:27: warning: an e-mail address" in output
    assert "meeting.yaml" not in output  # its dates and times are no phone numbers


def test_a_contact_field_in_a_flow_mapping_is_no_finding_but_the_same_address_in_text_is() -> None:
    from dialogkit.check import CONTACT_KEYS
    from dialogkit.survey.staff import personal_data

    text = (
        "invitees:\n"
        "  - {name: Högvads byalag, email: styrelsen@hogvadsbyalag.se}\n"
        '  - {name: Byalaget, "phone": "+46 70 123 45 67"}\n'
        "  - {name: Anna, note: skriv till anna@example.se}\n"
    )
    assert personal_data(text, CONTACT_KEYS) == [(4, 35, "email")]


def _every_line(text: str, skip: frozenset[str]) -> list[tuple[int, int, str]]:
    """What the staff-file check must find: each line looked at on its own, every pattern on every line."""
    from dialogkit.survey import identifiers, staff

    found = []
    for number, line in enumerate(text.splitlines(), 1):
        key = staff._KEY.match(line)
        if key is not None and key[1].casefold() in skip:
            continue
        emails = identifiers.EMAIL.finditer(line)
        found += [(number, m.start() + 1, "email") for m in emails if not staff._value_of(line, m.start(), skip)]
        for span in identifiers.NUMBER_SPAN.finditer(identifiers.ascii_digits(line)):
            kind = staff._number_kind(span[0])
            if kind and not staff._value_of(line, span.start(), skip):
                found.append((number, span.start() + 1, kind))
    return found


STAFF_PIECES = [
    *("070-123 45 67", "+46 70 123 45 67", "(08) 123 456 78", "811228-9874", "19811228-9874", "0325-180 00"),
    *("anna@example.se", "ola (at) x (dot) no", "kari AT hotmail dot com", "per snabel-a x punkt se"),
    *("ſnabel-a", "ALFAKRØLL", "{ a }", "[at]", "2025-03-27", "18.00-20.00", "٠٧٠١٢٣٤٥٦٧", "١٢٣٤"),
    *("\n", "\r\n", "\u2028", "\x85", "\t", " ", "-", "(", ")", "{", "}", ",", ":", "ö", "x"),
    *("email: ", "phone: ", "note: ", "  - {name: X, email: ", "'phone': "),
]


@FUZZ
@given(st.lists(st.sampled_from(STAFF_PIECES), max_size=30))
def test_staff_files_are_read_as_if_line_by_line(pieces: list[str]) -> None:
    """The staff-file check looks only at the lines a pass over the whole text points to, and at a
    line's addresses only where the text has an "at": what it finds is what every line alone holds."""
    text = "".join(pieces)
    assert sorted(personal_data(text, CONTACT_KEYS)) == sorted(_every_line(text, CONTACT_KEYS))


@pytest.mark.parametrize(
    "at",
    [
        "@",
        " at ",
        "\tAT\t",
        "(at)",
        "[ a ]",
        "{A}",
        " snabel-a ",
        "(ſnabelA)",
        " alfaKrøll ",
        " alfa\u212arøll ",
        "\u2003at\xa0",
    ],
)
def test_the_quick_look_for_an_at_misses_none(at: str) -> None:
    from dialogkit.survey import identifiers, staff

    text = f"skriv till anna{at}example.se"
    assert identifiers.EMAIL_AT.search(text) is not None
    assert staff._may_hold_an_address(text)
    assert personal_data(text) == [(1, 12, "email")]


def test_staff_files_loading_read_are_looked_into_as_they_were_read(sv_workspace: Workspace) -> None:
    """check hands the scan the bytes loading read; what loading did not read (a hidden folder,
    a file that is not UTF-8) is read for the scan as before, with the same findings."""
    from dialogkit.check import personal_data_in_staff_files
    from dialogkit.loading import load

    note = "note: ring 070-123 45 67\n"
    root = sv_workspace(
        {
            "cycles/2025/hogvad/meeting.yaml": MEETING_YAML + note,
            "cycles/2025/hogvad/workgroups.yaml": b"workgroups: []\n# Anna \xe5 070-765 43 21\n",
            "cycles/2025/.gammal/meeting.yaml": note,
            "cycles/2025/case.yaml": "summary: skriv till anna@example.se\n",
        }
    )
    loaded = load(root)
    assert "cycles/2025/hogvad/meeting.yaml" in loaded.sources
    assert "cycles/2025/.gammal/meeting.yaml" not in loaded.sources
    found = personal_data_in_staff_files(root, loaded.sources)
    assert found == personal_data_in_staff_files(root)
    assert sorted((f.path, f.line) for f in found) == [
        ("cycles/2025/.gammal/meeting.yaml", 1),
        ("cycles/2025/case.yaml", 1),
        ("cycles/2025/hogvad/meeting.yaml", MEETING_YAML.count("\n") + 1),
        ("cycles/2025/hogvad/workgroups.yaml", 2),
    ]
