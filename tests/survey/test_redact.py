"""Redaction: e-mail, SE and NO phone numbers, identity numbers with their check digits."""

from __future__ import annotations

import pytest

from dialogkit.survey.redact import Redactor
from tests.survey.exports import NO_DNR, NO_FNR, SE_PNR, SE_PNR_12, SE_PNR_PLAIN, SE_SAMORDNING, personnummer


@pytest.mark.parametrize(
    "text",
    [
        "Mejla anna.svensson@example.se",
        "ola+dialog@sub.example.no tack",
        "Ring 070-123 45 67",
        "ring 0701234567",
        "+46 70 123 45 67",
        "0046 70 123 45 67",
        "0321-123 45",
        "08-123 456 78",
        "ring 912 34 567",
        "+47 912 34 567",
        "tlf 22 33 44 55",
        f"pnr {SE_PNR}",
        f"pnr {SE_PNR.replace('-', '')}",
        f"pnr {SE_PNR_12}",
        f"pnr {SE_PNR_PLAIN}",
        f"samordningsnummer {SE_SAMORDNING}",
        f"fnr {NO_FNR}",
        f"fnr {NO_FNR[:6]} {NO_FNR[6:]}",
        f"D-nummer {NO_DNR}",
    ],
)
def test_personal_data_is_replaced_and_counted(text: str) -> None:
    redact = Redactor("sv")
    out = redact(text)
    assert redact.total == 1, out
    assert "[" in out and not any(c.isdigit() for c in out)
    assert "@" not in out


def test_numbers_with_a_wrong_check_digit_are_left() -> None:
    wrong = SE_PNR[:-1] + str((int(SE_PNR[-1]) + 1) % 10)
    redact = Redactor("sv")
    assert wrong in redact(f"ärendenummer {wrong}")
    assert redact.counts["id"] == 0


@pytest.mark.parametrize("text", ["Det kostar 45 000 kr", "år 2024 och 2025", "Postnummer 512 60", "kl 18.00-20.00"])
def test_ordinary_numbers_are_left(text: str) -> None:
    redact = Redactor("sv")
    assert redact(text) == text and redact.total == 0


@pytest.mark.parametrize(
    ("locale", "placeholder"),
    [("sv", "[e-post]"), ("nb", "[e-post]"), ("nn", "[e-post]"), ("en", "[e-mail]")],
)
def test_placeholders_are_in_the_workspace_language(locale: str, placeholder: str) -> None:
    assert Redactor(locale)("skriv till a@example.se") == f"skriv till {placeholder}"


def test_counts_by_kind() -> None:
    redact = Redactor("nb")
    out = redact(f"Ring 912 34 567 eller 070-123 45 67, fnr {NO_FNR}, {personnummer('811228', '987')}, x@y.no")
    assert dict(redact.counts) == {"phone": 2, "id": 2, "email": 1}
    assert out.count("[telefonnummer]") == 2 and out.count("[fødselsnummer]") == 2
