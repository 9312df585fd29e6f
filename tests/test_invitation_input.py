"""Bad contact and sign-up input: addresses, links, phone numbers and private domains give positioned findings."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.conftest import DIALOG_YAML, MEETING_YAML, WriteWorkspace, run_dialog

MEETING = "cycles/2025/hogvad/meeting.yaml"
DEFAULTS = "invitations:\n  contact: {role: Kommunsekreterare, phone: '0325-180 00', email: dialog@prov.se}\n"

CASES = {
    "not an e-mail address": (
        {"dialog.yaml": DIALOG_YAML + DEFAULTS.replace("dialog@prov.se", "dialog.prov.se")},
        "dialog.yaml:23:67: error: invitations.contact.email: 'dialog.prov.se' is not an e-mail address",
    ),
    "a javascript: sign-up link": (
        {MEETING: MEETING_YAML + "sign_up: 'javascript:alert(1)'\n"},
        f"{MEETING}:9:10: error: sign_up: 'javascript:alert(1)' is not a link a reader can follow",
    ),
    "a file link": (
        {MEETING: MEETING_YAML + "sign_up: file:///etc/passwd\n"},
        f"{MEETING}:9:10: error: sign_up: 'file:///etc/passwd' is not a link",
    ),
    "a survey link without https": (
        {MEETING: MEETING_YAML + "survey: {link: www.prov.se/enkat}\n"},
        f"{MEETING}:9:16: error: survey.link: 'www.prov.se/enkat' is not a link a reader can follow: write a whole "
        "https:// link, e.g.",
    ),
    "a mailto: link to no address": (
        {MEETING: MEETING_YAML + "sign_up: 'mailto:anmalan'\n"},
        f"{MEETING}:9:10: error: sign_up: 'anmalan' is not an e-mail address",
    ),
    "a phone number that is not Swedish": (
        {"dialog.yaml": DIALOG_YAML + DEFAULTS.replace("0325-180 00", "12345")},
        "dialog.yaml:23:45: error: '12345' is not a phone number in SE",
    ),
    "a meeting's phone number": (
        {MEETING: MEETING_YAML + "contact: {phone: '0325-18'}\n"},
        f"{MEETING}:9:18: error: '0325-18' is not a phone number in SE",
    ),
    "a private person's address": (
        {
            "dialog.yaml": DIALOG_YAML + "invitations:\n  private_email_domains: [gmail.com, hotmail.com]\n",
            MEETING: MEETING_YAML + "invitees: [{name: Byalaget, email: Kalle.Svensson@Gmail.com}]\n",
        },
        f"{MEETING}:9:36: error: 'Kalle.Svensson@gmail.com' is on gmail.com, a domain of private persons' mail",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_contact_input_is_a_positioned_error(case: str, write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    files, expected = CASES[case]
    code, out = run_dialog(runner, "-C", write_workspace(files), "check")
    assert code == 1, out
    assert expected in out


def test_a_reply_date_without_a_way_to_sign_up_is_a_warning(write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    root = write_workspace({MEETING: MEETING_YAML + "rsvp_by: 2025-03-25\n"})
    code, out = run_dialog(runner, "-C", root, "check")
    assert code == 0, out
    assert f"{MEETING}:9:10: warning: the invitation asks for replies by this day but gives no way to sign up" in out
    for fixed in (
        {MEETING: MEETING_YAML + "rsvp_by: 2025-03-25\nsign_up: anmalan@prov.se\n"},
        {MEETING: MEETING_YAML + "rsvp_by: 2025-03-25\n", "dialog.yaml": DIALOG_YAML + DEFAULTS},
    ):
        code, out = run_dialog(runner, "-C", write_workspace(fixed), "check")
        assert code == 0 and "no way to sign up" not in out, out


def test_good_links_and_addresses_pass(write_workspace: WriteWorkspace, runner: CliRunner) -> None:
    meeting = MEETING_YAML + (
        "sign_up: 'mailto:Anmalan@Prov.se'\n"
        "survey: {link: 'https://prov.se/enkat?id=1&steg=2', closes: 2025-03-20}\n"
        "contact: {phone: '+46 325 180 00'}\n"
        "invitees: [{name: Byalaget, email: styrelsen@byalaget.se}, Hembygdsföreningen]\n"
    )
    code, out = run_dialog(
        runner, "-C", write_workspace({MEETING: meeting, "dialog.yaml": DIALOG_YAML + DEFAULTS}), "check"
    )
    assert code == 0 and "error" not in out, out
