"""`dialog compile-referat YEAR` and `dialog render referat YEAR/AREA`: the minutes."""

from typing import TYPE_CHECKING, Annotated

import typer

from dialogkit.cli import completion
from dialogkit.cli.app import app, err, exit_codes, options, say
from dialogkit.cli.help import examples
from dialogkit.cli.render import MeetingArg, OutOption, ToOption, parse_meeting_ref, render_app

if TYPE_CHECKING:
    from dialogkit.minutes import CompileResult
    from dialogkit.workspace import Workspace


@app.command(
    "compile-referat", epilog=examples("dialog compile-referat 2025", "dialog compile-referat 2025 --to pdf --strict")
)
def compile_referat(
    ctx: typer.Context,
    year: Annotated[int, typer.Argument(help="The year, e.g. 2025.", metavar="YEAR", autocompletion=completion.years)],
    to: ToOption = None,
    out: OutOption = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat warnings (missing minutes, no conclusions) as errors, for CI.")
    ] = False,
) -> None:
    """Compile the year's minutes and write the council document around them (from case.yaml)."""
    from dialogkit.formats import parse_formats
    from dialogkit.loading import require
    from dialogkit.minutes import compile_referat as compile_year

    with exit_codes():
        formats = parse_formats(to)
        workspace = require(options(ctx).root())
        result = compile_year(workspace, year, formats, out, strict=strict)
    _report(workspace, result)


@render_app.command(
    "referat", epilog=examples("dialog render referat 2025/hogvad", "dialog render referat 2025/hogvad --to md")
)
def referat(ctx: typer.Context, meeting: MeetingArg, to: ToOption = None, out: OutOption = None) -> None:
    """One meeting's minutes: who came, the conclusions and the minutes' text."""
    from dialogkit.formats import parse_formats
    from dialogkit.loading import require
    from dialogkit.minutes import render_referat

    with exit_codes():
        formats = parse_formats(to)
        year, area = parse_meeting_ref(meeting)
        workspace = require(options(ctx).root())
        result = render_referat(workspace, year, area, formats, out)
    _report(workspace, result)


def _report(workspace: "Workspace", result: "CompileResult") -> None:
    for warning in result.warnings:
        err(str(warning))
    for path in result.written:
        say(f"wrote {workspace.relative(path)}")
