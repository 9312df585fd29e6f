"""`dialog followup YEAR` and `dialog site`: the yearly follow-up and the public status site."""

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dialogkit.cli import completion
from dialogkit.cli.app import app, err, exit_codes, options, say
from dialogkit.cli.help import examples

if TYPE_CHECKING:
    from dialogkit.workspace import Workspace


class FollowupFormat(StrEnum):
    files = "files"
    json = "json"


def _date(text: str) -> dt.date:
    """A date on the command line: 2027-12-15, or 15.12.2027 as people write it."""
    import re

    match = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})|([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})", text.strip())
    try:
        if match is not None and match[1]:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match is not None:
            return dt.date(int(match[6]), int(match[5]), int(match[4]))
    except ValueError:
        raise typer.BadParameter(f"'{text}' is not a real date (check the month and the day)") from None
    raise typer.BadParameter(f"expected a date as YYYY-MM-DD or DD.MM.YYYY, e.g. 2027-12-15, got '{text}'")


AsOfOption = Annotated[
    dt.date | None,
    typer.Option(
        "--as-of",
        help="Judge what is overdue as on DATE (YYYY-MM-DD or DD.MM.YYYY; default: today).",
        parser=_date,
        metavar="DATE",
    ),
]
OutOption = Annotated[
    Path | None, typer.Option("--out", help="Write under DIR instead of the workspace's build/.", metavar="DIR")
]


def _day(value: dt.date | None) -> dt.date:
    return value if value is not None else dt.date.today()


@app.command(epilog=examples("dialog followup 2025", "dialog followup 2025 --as-of 2025-12-31 --format json"))
def followup(
    ctx: typer.Context,
    year: Annotated[int, typer.Argument(help="The year, e.g. 2025.", metavar="YEAR", autocompletion=completion.years)],
    as_of: AsOfOption = None,
    to: Annotated[
        str | None,
        typer.Option("--to", help="A comma list of md,html,docx,odt,pdf (default docx,pdf,html).", metavar="FORMATS"),
    ] = None,
    out: OutOption = None,
    output: Annotated[
        FollowupFormat,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="files (render the documents) or json (print the totals and overdue actions).",
        ),
    ] = FollowupFormat.files,
) -> None:
    """The yearly follow-up of the work groups: actions, what is overdue, totals and funds."""
    import json

    from dialogkit.followup import followup as followup_of
    from dialogkit.followup import followup_json, render_followup
    from dialogkit.formats import parse_formats
    from dialogkit.loading import require

    with exit_codes():
        formats = parse_formats(to)
        workspace = require(options(ctx).root())
        if output is FollowupFormat.json:
            report = followup_json(followup_of(workspace, year, _day(as_of)))
        else:
            rendered = render_followup(workspace, year, _day(as_of), formats, out)
    if output is FollowupFormat.json:
        typer.echo(json.dumps(report, ensure_ascii=False))
        return
    for warning in rendered.warnings:
        err(str(warning))
    _report(workspace, rendered.written)


@app.command(epilog=examples("dialog site", "dialog site --as-of 2025-12-31 --out public"))
def site(
    ctx: typer.Context,
    out: OutOption = None,
    as_of: Annotated[
        dt.date | None,
        typer.Option(
            "--as-of",
            help="Show the dialogues held, the next planned and what is overdue as on DATE "
            "(YYYY-MM-DD or DD.MM.YYYY; default: today).",
            parser=_date,
            metavar="DATE",
        ),
    ] = None,
) -> None:
    """Build the public status site: build/site/index.html, a page per area, its feeds and open data."""
    from dialogkit.loading import require
    from dialogkit.site import build_site

    with exit_codes():
        workspace = require(options(ctx).root())
        written = build_site(workspace, out, _day(as_of))
    _report(workspace, written)


def _report(workspace: "Workspace", written: list[Path]) -> None:
    for path in written:
        say(f"wrote {workspace.relative(path)}")
