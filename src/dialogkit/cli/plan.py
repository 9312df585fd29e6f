"""`dialog plan`, `dialog calendar` and `dialog status`: the year's meetings."""

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dialogkit.cli import completion
from dialogkit.cli.app import app, err, exit_codes, options, say, stdout_is_terminal
from dialogkit.cli.help import examples

if TYPE_CHECKING:
    from rich.console import Console

    from dialogkit.planning import YearSchedule
    from dialogkit.terminal import Table
    from dialogkit.workspace import Workspace

YearArg = Annotated[int, typer.Argument(help="The year, e.g. 2025.", metavar="YEAR", autocompletion=completion.years)]


class PlanFormat(StrEnum):
    table = "table"
    json = "json"
    yaml = "yaml"


@app.command(epilog=examples("dialog plan 2026", "dialog plan 2026 --write", "dialog plan 2026 --format json"))
def plan(
    ctx: typer.Context,
    year: YearArg,
    write: Annotated[
        bool,
        typer.Option("--write", help="Create cycles/YEAR/plan.yaml and a meeting.yaml per meeting; never overwrite."),
    ] = False,
    output: Annotated[
        PlanFormat, typer.Option("--format", metavar="FORMAT", help="table, json or yaml (as plan.yaml would be).")
    ] = PlanFormat.table,
) -> None:
    """Plan a year: which areas meet, in which season, on which evening."""
    import json

    from dialogkit.loading import require
    from dialogkit.planning import plan_yaml, plan_year, write_plan

    with exit_codes():
        workspace = require(options(ctx).root())
        year_plan = plan_year(workspace, year)
        written = write_plan(workspace, year, year_plan) if write else []
    for warning in year_plan.warnings:
        err(str(warning))
    if output is PlanFormat.json:
        typer.echo(json.dumps(year_plan.as_dict(), ensure_ascii=False))
    elif output is PlanFormat.yaml:
        typer.echo(plan_yaml(year_plan), nl=False)
    else:
        _print_plan(workspace, year_plan)
    for path, outcome in written:
        line = f"{outcome:8} {workspace.relative(path)}"
        if output is PlanFormat.table:
            say(line)
        else:
            err(line)  # standard output carries only the plan


def _console() -> "Console":
    from rich.console import Console

    # A pipe or a file gets the whole table, not one squeezed into 80 columns.
    return Console(soft_wrap=True, width=None if stdout_is_terminal() else 160)


def _print_table(table: "Table") -> None:
    from rich.table import Table as RichTable

    from dialogkit.errors import printable

    shown = RichTable(title=printable(table.title))
    for heading in table.headings:
        shown.add_column(printable(heading))
    for row in table.rows:
        shown.add_row(*(printable(cell) for cell in row))
    _console().print(shown, highlight=False)


def _print_plan(workspace: "Workspace", year_plan: "YearSchedule") -> None:
    from dialogkit.terminal import Words, plan_table

    table = plan_table(workspace, year_plan)
    if table is None:
        say(Words.of(workspace.locale)("no_meetings", year=year_plan.year))
    else:
        _print_table(table)


@app.command(epilog=examples("dialog calendar 2026 -o 2026.ics"))
def calendar(
    ctx: typer.Context,
    year: YearArg,
    out: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the calendar to FILE (default: standard output).", metavar="FILE"),
    ] = None,
) -> None:
    """Write the year's meetings and safety walks as an iCalendar (.ics) file."""
    from dialogkit.files import write_atomic
    from dialogkit.layout import output_file
    from dialogkit.loading import require
    from dialogkit.render.calendar import calendar_ics

    with exit_codes():
        workspace = require(options(ctx).root())
        data = calendar_ics(workspace, year)
        if out is not None:
            outcome = write_atomic(output_file(out), data)
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        err(f"{outcome:8} {out}")


class StatusFormat(StrEnum):
    table = "table"
    json = "json"


@app.command(
    epilog=examples("dialog status 2025", "dialog status 2025 --as-of 2025-05-01", "dialog status --format json")
)
def status(
    ctx: typer.Context,
    year: Annotated[
        int | None,
        typer.Argument(
            help="The year (default: the latest in cycles/, else this year).",
            metavar="[YEAR]",
            autocompletion=completion.years,
        ),
    ] = None,
    as_of: Annotated[
        dt.datetime | None,
        typer.Option(
            "--as-of",
            help="Judge what is due and overdue as on DATE (YYYY-MM-DD; default: today).",
            formats=["%Y-%m-%d"],
            metavar="DATE",
        ),
    ] = None,
    output: Annotated[
        StatusFormat,
        typer.Option("--format", metavar="FORMAT", help="table, or json (its shape: docs/status.md)."),
    ] = StatusFormat.table,
) -> None:
    """The clerk's to-do list: per meeting the next step and its date, and what is missing."""
    import json

    from dialogkit.loading import require
    from dialogkit.planning import default_year, year_status
    from dialogkit.terminal import nothing_planned, status_json, status_table

    with exit_codes():
        workspace = require(options(ctx).root())
        today = as_of.date() if as_of is not None else dt.date.today()
        shown = year if year is not None else default_year(workspace, today)
        report = year_status(workspace, shown, today)
    if output is StatusFormat.json:
        typer.echo(json.dumps(status_json(workspace, report), ensure_ascii=False, indent=2))
        return
    table = status_table(workspace, report)
    if table is None:
        say(nothing_planned(workspace, shown))
    else:
        _print_table(table)
