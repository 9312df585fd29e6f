"""`dialog survey import` and `dialog survey report`: the web survey before each meeting."""

import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dialogkit.cli import completion
from dialogkit.cli.app import app, err, exit_codes, options, say

if TYPE_CHECKING:
    from dialogkit.survey import ImportResult, SurveyAnalysis

survey_app = typer.Typer(
    name="survey",
    help="Import web-survey exports without personal data, then route and report the answers.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(survey_app, name="survey")


class SourceChoice(StrEnum):
    auto = "auto"
    forms = "forms"
    google = "google"
    netigate = "netigate"
    esmaker = "esmaker"
    questback = "questback"
    nettskjema = "nettskjema"
    limesurvey = "limesurvey"
    csv = "csv"
    xlsx = "xlsx"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


@survey_app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The export: CSV, tab-separated text or XLSX.", metavar="FILE")],
    area: Annotated[
        str,
        typer.Option(
            "--area",
            help="The area whose meeting the survey is for.",
            metavar="AREA",
            autocompletion=completion.areas,
        ),
    ],
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help="The year (default: the year of the area's meeting folder).",
            metavar="YEAR",
            autocompletion=completion.years,
        ),
    ] = None,
    source: Annotated[
        SourceChoice, typer.Option("--source", help="The tool that made the export (default: told by its headings).")
    ] = SourceChoice.auto,
) -> None:
    """Import a survey export: drop identifying columns, redact free text, write the answers."""
    from dialogkit.loading import require
    from dialogkit.survey import default_year, import_survey

    with exit_codes():
        workspace = require(options(ctx).root())
        chosen = year if year is not None else default_year(workspace, area)
        result = import_survey(workspace, file, area, chosen, source.value)
    for warning in result.warnings:
        err(str(warning))
    _print_import(result, workspace.relative)


def _print_import(result: "ImportResult", relative: Callable[[Path], str]) -> None:
    for path, outcome in result.written:
        note = " (the mapping used: edit it and import again to change it)" if outcome == "kept" else ""
        say(f"{outcome:8} {relative(path)}{note}")
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(result.redacted.items()))
    say(
        f"source: {result.source}; {result.responses} responses; "
        f"{result.redactions} redactions{f' ({kinds})' if kinds else ''}; "
        f"{len(result.dropped_columns)} columns dropped"
    )
    for column in result.dropped_columns:
        say(f"  dropped: {column}")


@survey_app.command()
def report(
    ctx: typer.Context,
    year: Annotated[int, typer.Argument(help="The year, e.g. 2025.", metavar="YEAR", autocompletion=completion.years)],
    area: Annotated[
        str | None,
        typer.Option(
            "--area",
            help="One meeting's area (default: every meeting with answers).",
            autocompletion=completion.areas,
        ),
    ] = None,
    output: Annotated[
        ReportFormat, typer.Option("--format", help="A short summary, or the figures as JSON.")
    ] = ReportFormat.text,
    to: Annotated[
        str | None,
        typer.Option(
            "--to", help="Render the report as FORMATS, a comma list of md,html,docx,odt,pdf.", metavar="FORMATS"
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write under DIR instead of the workspace's build/.", metavar="DIR")
    ] = None,
) -> None:
    """Report a year's survey answers: per locality and department, safety concerns, proposals."""
    from dialogkit.loading import require
    from dialogkit.survey import analyse_year, report_json

    if to is not None:
        _render(ctx, year, area, to, out)
        return
    with exit_codes():
        workspace = require(options(ctx).root())
        analyses = analyse_year(workspace, year, area)
    if output is ReportFormat.json:
        typer.echo(json.dumps(report_json(analyses), ensure_ascii=False))
        return
    for analysis in analyses:
        _print_summary(analysis)


def _render(ctx: typer.Context, year: int, area: str | None, to: str, out: Path | None) -> None:
    from dialogkit.formats import parse_formats
    from dialogkit.loading import require
    from dialogkit.survey.report import render_survey_report

    with exit_codes():
        formats = parse_formats(to)
        workspace = require(options(ctx).root())
        rendered = render_survey_report(workspace, year, area, formats, out)
    for warning in rendered.warnings:
        err(str(warning))
    for path in rendered.written:
        say(f"wrote    {workspace.relative(path)}")


def _print_summary(a: "SurveyAnalysis") -> None:
    say(f"{a.area_name} {a.year}: {a.responses} responses, {a.redactions} redactions")
    for locality, n in a.by_locality.items():
        say(f"  {locality}: {n}")
    for d in a.departments:
        if d.count:
            say(f"  {d.id} ({d.name}): {d.count}")
    say(f"  unrouted: {a.unrouted_count}")
    walk = ", ".join(a.safety_walk) or "none"
    say(f"  safety: {a.safety.responses} responses with concerns; safety walk proposed in: {walk}")
    proposed = ", ".join(o.department + ("" if o.listed else " (new)") for o in a.officials) or "none"
    say(f"  officials proposed: {proposed}")
