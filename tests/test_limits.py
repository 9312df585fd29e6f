"""Limits on what a workspace file may hold, where more would make documents no one can build or read."""

from __future__ import annotations

from typer.testing import CliRunner

from dialogkit.models.workgroups import MAX_ACTIONS, MAX_WORKGROUPS
from tests.conftest import MEETING_YAML, WriteWorkspace, run_dialog

ACTION = "      - {text: Åtgärd, owner: sbf}\n"


def _group(n: int, actions: int) -> str:
    return (
        f"  - id: grupp-{n}\n    name: Grupp {n}\n    convener: {{name: Fritidskonsulent, department: sbf}}\n"
        f"    actions:\n{ACTION * actions}"
    )


def test_too_many_work_groups_or_actions_are_findings_that_say_what_to_do(
    write_workspace: WriteWorkspace, runner: CliRunner
) -> None:
    groups = "workgroups:\n" + "".join(_group(n, 1) for n in range(MAX_WORKGROUPS + 1))
    actions = "workgroups:\n" + _group(0, MAX_ACTIONS) + _group(1, MAX_ACTIONS + 5)
    root = write_workspace(
        {
            "cycles/2025/hogvad/meeting.yaml": MEETING_YAML,
            "cycles/2025/hogvad/workgroups.yaml": groups,
            "cycles/2025/sexdrega/workgroups.yaml": actions,
        }
    )

    code, output = run_dialog(runner, "-C", root, "check")

    assert code == 1, output
    assert (
        f"cycles/2025/hogvad/workgroups.yaml:2:3: error: workgroups: {MAX_WORKGROUPS + 1} work groups at one "
        f"meeting; dialog takes at most {MAX_WORKGROUPS}: merge the groups that work on the same thing"
    ) in output
    line = 2 + 4 + MAX_ACTIONS + 4  # the heading, group 0, group 1's four lines, then its actions
    assert (
        f"cycles/2025/sexdrega/workgroups.yaml:{line}:7: error: workgroups[1].actions: {MAX_ACTIONS + 5} actions in one "
        f"work group; dialog takes at most {MAX_ACTIONS}: split the group, or merge actions that are steps of one"
    ) in output
