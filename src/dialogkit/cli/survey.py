"""`dialog survey import` and `dialog survey report`: the web survey before each meeting."""

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
    remap: Annotated[
        bool,
        typer.Option(
            "--remap",
            help="The survey has changed: replace survey.yaml with a new mapping and the answers imported with it.",
        ),
    ] = False,
) -> None:
    """Import a survey export: drop identifying columns, redact free text, write the answers."""
    from dialogkit.loading import require
    from dialogkit.survey import default_year, import_survey

    with exit_codes():
        workspace = require(options(ctx).root())
        chosen = year if year is not None else default_year(workspace, area, file)
        result = import_survey(workspace, file, area, chosen, source.value, remap=remap)
    for warning in result.warnings:
        err(str(warning))
    _print_import(result, workspace.relative)


def _print_import(result: "ImportResult", relative: Callable[[Path], str]) -> None:
    for path, outcome in result.written:
        note = " (the mapping used: edit it and import again to change it)" if outcome == "kept" else ""
        say(f"{outcome:8} {relative(path)}{note}")
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(result.redacted.items()) if n)
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
    import json

    from dialogkit.loading import require
    from dialogkit.survey import analyse_year, report_json

    if to is not None:
        _render(ctx, year, area, to, out)
        return
    with exit_codes():
        workspace = require(options(ctx).root())
        analyses = analyse_year(workspace, year, area)
    if output is ReportFormat.json:
        typer.echo(json.dumps(report_json(analyses, workspace.config), ensure_ascii=False))
        return
    from dialogkit.survey.report import unreviewed_warning

    for analysis in analyses:
        _print_summary(workspace, analysis)
    for analysis in analyses:  # in JSON, the "unreviewed" count says it
        if analysis.unreviewed:
            err(str(unreviewed_warning(workspace, analysis)))


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
    """The report in short, in the workspace's language; departments by name, small groups withheld."""
    from dialogkit.survey.analysis import UNKNOWN_LOCALITY
    from dialogkit.survey.redact import kind_name
    from dialogkit.survey.smallgroups import published_count
    from dialogkit.terminal import Words

    words = Words.of(workspace.locale)

    def shown(n: int) -> str:  # as reports and the site publish it
        count = published_count(n, workspace.config)
        return words("survey_fewer", k=workspace.config.survey.min_group_size) if count is None else str(count)

    named = sorted((kind_name(kind, workspace.locale), n) for kind, n in a.redacted.items())
    kinds = ", ".join(f"{n} {name}" for name, n in named)
    summary = words(
        "survey_summary", area=a.area_name, year=a.year, responses=shown(a.responses), redactions=a.redactions
    )
    say(summary + (f" ({kinds})" if kinds else ""))
    for locality, n in a.by_locality.items():
        say(f"  {words('survey_unknown') if locality == UNKNOWN_LOCALITY else locality}: {shown(n)}")
    for d in a.departments:
        if d.count:
            say(f"  {d.name}: {shown(d.count)}")
    say(f"  {words('survey_unrouted')}: {shown(a.unrouted_count)}")
    walk = ", ".join(a.safety_walk) or words("none")
    say("  " + words("survey_safety", count=shown(a.safety.responses), places=walk))
    # "(new)": a department not yet among the officials of meeting.yaml
    proposed = [o.name if o.listed else words("survey_new", department=o.name) for o in a.officials]
    say("  " + words("survey_officials", departments=", ".join(proposed) or words("none")))


@survey_app.command(
    "review",
    epilog=examples("dialog survey review 2025/hogvad", "dialog survey review 2025/hogvad --keep 3fa9c1d2e4b5a697"),
)
def review(
    ctx: typer.Context,
    meeting: Annotated[
        str,
        typer.Argument(
            help="The meeting as YEAR/AREA, e.g. 2025/hogvad.", metavar="YEAR/AREA", autocompletion=completion.meetings
        ),
    ],
    keep: Annotated[
        list[str] | None,
        typer.Option("--keep", help="Keep the word of FINDING in its answer (repeat for more).", metavar="FINDING"),
    ] = None,
    redact: Annotated[
        list[str] | None,
        typer.Option("--redact", help="Redact the word of FINDING as a name (repeat for more).", metavar="FINDING"),
    ] = None,
    redact_all: Annotated[bool, typer.Option("--redact-all", help="Redact every word still listed.")] = False,
) -> None:
    """List the words of the answers that may be names, and record keep or redact for each in survey.yaml."""
    from dialogkit.cli.render import parse_meeting_ref
    from dialogkit.loading import require
    from dialogkit.survey.review import review as record

    with exit_codes():
        year, area = parse_meeting_ref(meeting)
        workspace = require(options(ctx).root())
        done = record(workspace, year, area, set(keep or ()), set(redact or ()), redact_all=redact_all)
    for path, outcome in done.written:
        say(f"{outcome:8} {workspace.relative(path)}")
    if done.kept or done.redacted:
        say(f"{done.kept} kept, {done.redacted} redacted")
    for unsure in done.findings:
        say(f"{unsure.key}  {unsure.response_id}  {unsure.question}  {unsure.word!r}: {unsure.context}")
    if done.findings:
        say(
            f"{len(done.findings)} to review: --keep FINDING or --redact FINDING for each, "
            f"e.g. dialog survey review {year}/{area} --keep {done.findings[0].key}"
        )
    else:
        say(f"nothing to review in {year}/{area}")
