"""Shell completion: the script `dialog completion SHELL` prints makes the real shell complete.

Each test sources the script in the shell itself and asks it to complete, as a person
pressing Tab would: bash through its completion function, fish through `complete -C`, zsh
in a terminal that tmux drives. Outside CI a missing shell skips its test; `.ci/run`
installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import EXAMPLES, REPO, run_dialog

BIN = Path(sys.executable).parent


def _shell(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {name} is missing; .ci/run installs it", pytrace=False)
        pytest.skip(f"{name} is not installed (apt-get install {name})")
    return path


def _env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}


BASH = """
source <(dialog completion bash)
words=($WORDS)
[[ $WORDS == *" " ]] && words+=("")
COMP_WORDS=("${words[@]}")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
_dialog_completion dialog
printf '%s\\n' "${COMPREPLY[@]}"
"""


def bash_completes(line: str, cwd: Path) -> list[str]:
    """What bash offers after ``line`` (a trailing space asks for the next word)."""
    done = subprocess.run(
        [_shell("bash"), "--norc", "-c", BASH],
        env={**_env(), "WORDS": line},
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.split()


def fish_completes(line: str, cwd: Path) -> list[str]:
    """What fish offers after ``line``, without the descriptions."""
    script = f"dialog completion fish | source; complete -C {line!r}"
    done = subprocess.run(
        [_shell("fish"), "--no-config", "-c", script], env=_env(), cwd=cwd, capture_output=True, text=True, check=True
    )
    return [row.split("\t")[0] for row in done.stdout.splitlines()]


def test_completion_prints_a_script_for_each_shell(runner: CliRunner) -> None:
    for shell, marker in [
        ("bash", "complete -o default -F"),
        ("zsh", "#compdef dialog"),
        ("fish", "complete --command"),
    ]:
        code, output = run_dialog(runner, "completion", shell)
        assert code == 0 and marker in output and "_DIALOG_COMPLETE" in output


def test_completion_refuses_an_unknown_shell(runner: CliRunner) -> None:
    code, output = run_dialog(runner, "completion", "tcsh")
    assert code == 2 and "bash" in output


def test_bash_completes_commands_meetings_areas_and_choices() -> None:
    root = EXAMPLES["sv"]
    assert "render" in bash_completes("dialog re", root)
    assert {"build", "check", "plan", "survey", "completion"} <= set(bash_completes("dialog ", root))
    assert bash_completes("dialog render invitation 2025/h", root) == ["2025/hogvad"]
    assert "hillared" in bash_completes("dialog survey import export.csv --area ", root)
    assert bash_completes("dialog check --format ", root) == ["text", "json", "github"]
    assert bash_completes("dialog templates copy invi", root) == ["invitation.md.j2"]
    assert "2025" in bash_completes("dialog build ", root)


def test_bash_completes_in_the_workspace_that_dash_c_names() -> None:
    found = bash_completes("dialog -C examples/tjenestedialog render agenda ", REPO)
    assert "2022/hytteeiere" in found and not any(m.startswith("2025/") for m in found)


def test_outside_a_workspace_values_complete_to_nothing(tmp_path: Path) -> None:
    assert bash_completes("dialog render invitation ", tmp_path) == []
    assert bash_completes("dialog survey report 2025 --area ", tmp_path) == []


def test_fish_completes_commands_and_meetings() -> None:
    root = EXAMPLES["sv"]
    assert "templates" in fish_completes("dialog te", root)
    assert fish_completes("dialog render agenda 2025/k", root) == ["2025/kalv"]


@pytest.mark.parametrize("setup", ["sourced", "fpath"])
def test_zsh_completes_in_a_terminal_at_the_first_tab(tmp_path: Path, setup: str) -> None:
    zsh, tmux = _shell("zsh"), _shell("tmux")
    rc = [f"export PATH={BIN}:$PATH"]
    if setup == "fpath":  # as the documentation says: the script saved as _dialog in a folder of $fpath
        (tmp_path / "zfunc").mkdir()
        script = subprocess.run(["dialog", "completion", "zsh"], env=_env(), capture_output=True, text=True, check=True)
        (tmp_path / "zfunc" / "_dialog").write_text(script.stdout)
        rc.append(f"fpath=({tmp_path}/zfunc $fpath)")
    rc.append(f"autoload -Uz compinit && compinit -u -d {tmp_path}/.zcompdump")
    if setup == "sourced":
        rc.append("source <(dialog completion zsh)")
    rc.append("PS1='ready> '")
    (tmp_path / ".zshrc").write_text("\n".join(rc) + "\n")
    session = f"dialog-{uuid.uuid4().hex[:8]}"
    env = {**_env(), "ZDOTDIR": str(tmp_path), "TMUX": ""}
    subprocess.run(
        [tmux, "-L", session, "new-session", "-d", "-s", session, "-x", "100", "-y", "20", "-c", str(REPO), zsh, "-i"],
        env=env,
        check=True,
    )
    try:

        def screen() -> str:
            done = subprocess.run(
                [tmux, "-L", session, "capture-pane", "-p", "-t", session], capture_output=True, text=True
            )
            return done.stdout

        def wait_for(text: str) -> bool:
            deadline = time.monotonic() + 30
            while text not in screen():
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.2)
            return True

        def keys(*keys: str) -> None:
            subprocess.run([tmux, "-L", session, "send-keys", "-t", session, *keys], check=True)

        assert wait_for("ready>")  # capture-pane trims the space after a prompt
        # Typed first and Tab once the line shows: zsh may drop keys typed before its line editor runs.
        keys("-l", "dialog render invitation 2025/h")
        assert wait_for("2025/h")
        keys("Tab")
        assert wait_for("dialog render invitation 2025/hogvad"), screen()
    finally:
        subprocess.run([tmux, "-L", session, "kill-server"], check=False)
