"""`dialog survey import` and `dialog survey report`: the web survey before each meeting."""

import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dialogkit.cli import completion
from dialogkit.cli.app import app, err, exit_codes, options, say
from dialogkit.cli.help import App, examples

if TYPE_CHECKING:
    from dialogkit.survey import ImportResult, SurveyAnalysis
    from dialogkit.workspace import Workspace

survey_app = App(
    name="survey",
    help="Import web-survey exports without personal data, then route and report the answers.",
    no_args_is_help=True,
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


@survey_app.command(
    "import",
    epilog=examples(
        "dialog survey import cycles/2025/raw/hogvad-enkat.csv --area hogvad",
        "dialog survey import export.xlsx --area skole --year 2022 --source nettskjema",
    ),
)
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
        SourceChoice,
        typer.Option(
            "--source",
            metavar="TOOL",
            help="The tool that made the export: forms, google, netigate, esmaker, questback, nettskjema, "
            "limesurvey, csv or xlsx (default: auto, told by its headings).",
        ),
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


@survey_app.command(
    epilog=examples("dialog survey report 2025", "dialog survey report 2025 --area hogvad --to pdf,docx")
)
def report(
    ctx: typer.Context,
    year: Annotated[int, typer.Argument(help="The year, e.g. 2025.", metavar="YEAR", autocompletion=completion.years)],
    area: Annotated[
        str | None,
        typer.Option(
            "--area",
            help="One meeting's area (default: every meeting with answers).",
            metavar="AREA",
            autocompletion=completion.areas,
        ),
    ] = None,
    output: Annotated[
        ReportFormat,
        typer.Option("--format", metavar="FORMAT", help="text (a short summary) or json (the figures)."),
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
        _print_summary(workspace, analysis)


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


def _print_summary(workspace: "Workspace", a: "SurveyAnalysis") -> None:
    """The report in short, in the workspace's language; departments by name."""
    from dialogkit.survey.analysis import UNKNOWN_LOCALITY
    from dialogkit.terminal import Words

    words = Words.of(workspace.locale)
    say(words("survey_summary", area=a.area_name, year=a.year, responses=a.responses, redactions=a.redactions))
    for locality, n in a.by_locality.items():
        say(f"  {words('survey_unknown') if locality == UNKNOWN_LOCALITY else locality}: {n}")
    for d in a.departments:
        if d.count:
            say(f"  {d.name}: {d.count}")
    say(f"  {words('survey_unrouted')}: {a.unrouted_count}")
    walk = ", ".join(a.safety_walk) or words("none")
    say("  " + words("survey_safety", count=a.safety.responses, places=walk))
    # "(new)": a department not yet among the officials of meeting.yaml
    proposed = [o.name if o.listed else words("survey_new", department=o.name) for o in a.officials]
    say("  " + words("survey_officials", departments=", ".join(proposed) or words("none")))
