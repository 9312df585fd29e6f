"""Both example workspaces in the repository pass `dialog check` without a finding."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dialogkit.loading import require
from dialogkit.terminal.catalogue import MESSAGES
from tests.conftest import EXAMPLES, run_dialog


@pytest.mark.parametrize("locale", EXAMPLES)
def test_example_passes_check(runner: CliRunner, locale: str) -> None:
    code, output = run_dialog(runner, "-C", EXAMPLES[locale], "check")
    assert code == 0, output
    assert MESSAGES[locale]["check_clean"].replace("{root}", str(EXAMPLES[locale])) in output, output


def test_swedish_example_is_an_area_rotation_with_a_full_2025_cycle() -> None:
    ws = require(EXAMPLES["sv"])
    assert ws.config.process.kind == "area" and len(ws.areas) == 6
    cycle = ws.cycles[2025]
    assert len(cycle.meetings) == ws.config.process.areas_per_year
    assert all(m.meeting and m.referat and m.workgroups for m in cycle.meetings.values())


def test_norwegian_example_is_a_service_dialogue_with_a_one_off_meeting() -> None:
    ws = require(EXAMPLES["nb"])
    assert ws.config.process.kind == "service" and ws.locale == "nb"
    meetings = ws.cycles[2022].meetings
    one_off = [m for m in meetings.values() if m.meeting and m.meeting.title]
    assert one_off and all(not ws.area(m.area_id).planned for m in one_off)  # type: ignore[union-attr]
    assert ws.cycles[2022].case is not None and ws.cycles[2022].case.kind == "saksframlegg"
