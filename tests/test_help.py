"""Help that teaches: the house style of docs/commands.md, held for every command, new ones too.

Every command is placed in the order of the year, has an example that parses, and names
each value it takes in upper case.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from typing import Any

import pytest
import typer
import typer.main
from typer.testing import CliRunner

from dialogkit.cli import app
from dialogkit.cli.help import ORDER
from tests.conftest import run_dialog

# YEAR, YEAR/AREA, DIR, FILE, DATE, FORMATS, N; [YEAR] when optional; YEAR... when repeated.
_METAVAR = re.compile(r"\[?[A-Z][A-Z0-9_/]*\]?(\.\.\.)?")
# What click and typer print when a metavar is left to them: <path>, <int range>, {DIR}, [x>=1].
_UNSTYLED = re.compile(r"<[a-z][a-z |]*>|\{[A-Za-z/_]+\}|\[x[<>]=?\d+\]")


def _walk(command: Any, path: str) -> Iterator[tuple[str, Any]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _walk(sub, f"{path} {name}")


COMMANDS = list(_walk(typer.main.get_command(app), "dialog"))
RUNNABLE = [(path, command) for path, command in COMMANDS if not hasattr(command, "commands")]


def _help(runner: CliRunner, path: str) -> str:
    code, output = run_dialog(runner, *path.split()[1:], "--help")
    assert code == 0, output
    return output


@pytest.mark.parametrize(("path", "command"), RUNNABLE, ids=[p for p, _ in RUNNABLE])
def test_every_command_has_an_example_that_parses(path: str, command: Any, runner: CliRunner) -> None:
    text = _help(runner, path)
    assert "Examples:" in text, f"`{path} --help` shows no example: add epilog=examples(...)"
    lines = [line.strip() for line in text.split("Examples:", 1)[1].splitlines() if line.strip()]
    assert lines and all(line.startswith(f"{path} ") or line == path or "-C" in line for line in lines), lines
    for line in lines:
        _parse(shlex.split(line.split(" > ", 1)[0]))


def _parse(argv: list[str]) -> None:
    """Parse a command line as `dialog` would, without running it: a wrong option or value fails."""
    group = typer.main.get_command(app)
    ctx = group.make_context("dialog", argv[1:])
    command: Any = group
    while hasattr(command, "commands"):
        name, command, rest = command.resolve_command(ctx, [*ctx._protected_args, *ctx.args])
        ctx = command.make_context(name, rest, parent=ctx)


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_value_is_named_in_upper_case(path: str, command: Any, runner: CliRunner) -> None:
    ctx = typer.Context(command, info_name=path)
    for param in command.params:
        if getattr(param, "is_flag", False) or param.name == "help":
            continue
        metavar = param.make_metavar(ctx)
        assert _METAVAR.fullmatch(metavar), f"{path} {param.name}: metavar {metavar!r}; write metavar='NAME'"
    text = _help(runner, path)
    assert not _UNSTYLED.findall(text), f"`{path} --help`: {_UNSTYLED.findall(text)}"


def test_the_commands_come_in_the_order_of_the_year(runner: CliRunner) -> None:
    text = _help(runner, "dialog")
    listed = re.findall(r"^  ([a-z-]+)  ", text.split("Commands:", 1)[1], flags=re.MULTILINE)
    assert listed[:4] == ["init", "check", "plan", "calendar"]
    assert listed.index("survey") < listed.index("render") < listed.index("compile-referat")
    assert listed.index("followup") < listed.index("status") < listed.index("build") < listed.index("site")


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_has_its_place_in_the_order(path: str, command: Any) -> None:
    for name in getattr(command, "commands", {}):
        group = path.split()[-1]
        assert name in ORDER[group], f"`{path} {name}`: give it its place in ORDER['{group}'] (cli/help.py)"


def test_the_usage_line_names_arguments_as_the_help_does(runner: CliRunner) -> None:
    assert _help(runner, "dialog init").startswith("Usage: dialog init [OPTIONS] DIR\n")
    assert _help(runner, "dialog status").startswith("Usage: dialog status [OPTIONS] [YEAR]\n")


def test_a_number_of_jobs_below_one_is_a_usage_error(runner: CliRunner) -> None:
    code, output = run_dialog(runner, "build", "-j", "0")
    assert code == 2 and "give 1 or more" in output


def test_the_reference_shows_every_example_as_a_console_block() -> None:
    from scripts import cli_reference

    text = cli_reference.reference()
    assert "\b" not in text
    for path, command in RUNNABLE:
        first = command.epilog.split("Examples:\n", 1)[1].splitlines()[0].strip()
        assert f"$ {first}\n" in text, path
