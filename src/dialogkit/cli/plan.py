"""`dialog plan`, `dialog calendar` and `dialog status`: the year's meetings."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dialogkit.cli import completion
from dialogkit.cli.app import app, err, exit_codes, options, say, stdout_is_terminal

if TYPE_CHECKING:
    from rich.console import Console

    from dialogkit.planning import YearSchedule
    from dialogkit.workspace import Workspace

YearArg = Annotated[int, typer.Argument(help="The year, e.g. 2025.", metavar="YEAR", autocompletion=completion.years)]


class PlanFormat(StrEnum):
    table = "table"
    json = "json"
    yaml = "yaml"


@app.command()
def plan(
    ctx: typer.Context,
    year: YearArg,
    write: Annotated[
        bool,
        typer.Option("--write", help="Create cycles/YEAR/plan.yaml and a meeting.yaml per meeting; never overwrite."),
    ] = False,
    output: Annotated[
        PlanFormat, typer.Option("--format", help="A table, the plan as JSON, or as YAML.")
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


def _print_plan(workspace: "Workspace", year_plan: "YearSchedule") -> None:
    from rich.table import Table

    from dialogkit.errors import printable

    if not year_plan.meetings:
        say(f"no meetings to plan in {year_plan.year}")
        return
    title = f"{workspace.config.process.name} {year_plan.year}"
    if year_plan.election_year:
        title += " (election year)"
    table = Table(title=printable(title))
    for column in ("Date", "Time", "Area", "Season", "Note"):
        table.add_column(column)
    for meeting in year_plan.meetings:
        area = workspace.area(meeting.area)
        note = "one-off" if not meeting.counted else "fixed" if meeting.fixed else ""
        table.add_row(
            f"{meeting.date:%a} {meeting.date.isoformat()}",
            f"{meeting.start}-{meeting.end}",
            printable(area.name if area is not None else meeting.area),
            printable(meeting.season or ""),
            note,
        )
    _console().print(table)


@app.command()
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


@app.command()
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
) -> None:
    """Show which steps each meeting of a year has done and which are missing."""
    import datetime as dt

    from rich.table import Table

    from dialogkit.errors import printable
    from dialogkit.loading import require
    from dialogkit.planning import default_year, year_status
    from dialogkit.planning.status import STEPS

    with exit_codes():
        workspace = require(options(ctx).root())
        shown = year if year is not None else default_year(workspace, dt.date.today())
        report = year_status(workspace, shown)
    if not report.meetings:
        say(f"nothing planned for {shown}: run `dialog plan {shown} --write`")
        return
    headings = {
        "planned": "Planned",
        "survey": "Survey",
        "invitation": "Invitation",
        "minutes": "Minutes",
        "workgroups": "Groups",
        "followup": "Follow-up",
    }
    table = Table(title=printable(f"{workspace.config.process.name} {shown}"))
    table.add_column("Date", no_wrap=True)
    table.add_column("Area", no_wrap=True)
    for step in STEPS:
        table.add_column(headings[step], justify="center")
    for row in report.meetings:
        marks = ["yes" if done else "-" for done in row.steps.values()]
        table.add_row(row.date.isoformat() if row.date else "", row.area, *marks)
    _console().print(table)
