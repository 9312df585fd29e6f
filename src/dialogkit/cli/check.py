"""`dialog check`, `dialog init` and `dialog schema`: the workspace itself."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dialogkit.cli.app import EXIT_INPUT, app, err, exit_codes, options, say
from dialogkit.cli.help import examples


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class Locale(StrEnum):
    sv = "sv"
    nb = "nb"
    nn = "nn"
    en = "en"


class Kind(StrEnum):
    area = "area"
    service = "service"


class Country(StrEnum):
    SE = "SE"
    NO = "NO"


class Ci(StrEnum):
    github = "github"
    gitlab = "gitlab"


@app.command(epilog=examples("dialog check", "dialog check --format github", "dialog -C ../kommun check"))
def check(
    ctx: typer.Context,
    output: Annotated[
        CheckFormat,
        typer.Option(
            "--format", metavar="FORMAT", help="text (one line per finding), json (a list) or github (annotations)."
        ),
    ] = CheckFormat.text,
) -> None:
    """Validate every file of the workspace and report every finding (exit 1 on errors)."""
    from dialogkit.check import check as check_workspace
    from dialogkit.cli.findings import format_findings

    with exit_codes():
        root = options(ctx).root()
        findings = check_workspace(root)
    text = format_findings(findings, output.value, root=root)
    if text:
        typer.echo(text)
    errors = sum(f.severity == "error" for f in findings)
    if output is CheckFormat.text:
        from dialogkit.terminal import Words, locale_of

        words = Words.of(locale_of(root))
        warnings = len(findings) - errors
        summary = "check_summary" if findings else "check_clean"
        err(words(summary, errors=errors, warnings=warnings, root=root))
    if errors:
        raise typer.Exit(EXIT_INPUT)


@app.command(
    epilog=examples(
        "dialog init kommun",
        "dialog init kommune --locale nb --kind service",
        "dialog init . --ci github",
    )
)
def init(
    directory: Annotated[
        Path, typer.Argument(help="The folder of the new workspace (created when missing).", metavar="DIR")
    ],
    locale: Annotated[
        Locale,
        typer.Option(
            metavar="LOCALE",
            help="The language of documents and the terminal: sv, nb (bokmål), nn (nynorsk) or en.",
        ),
    ] = Locale.sv,
    kind: Annotated[
        Kind,
        typer.Option(metavar="KIND", help="area (a rotation of areas) or service (every area every year)."),
    ] = Kind.area,
    country: Annotated[
        Country | None,
        typer.Option(
            metavar="COUNTRY",
            help="SE or NO, for holidays and elections (default: from the locale).",
            case_sensitive=False,
        ),
    ] = None,
    ci: Annotated[
        Ci | None,
        typer.Option(
            "--ci",
            metavar="PLATFORM",
            help="github or gitlab: also write a CI pipeline that uses dialogkit's action or component, pinned to this version; in an existing workspace, only the pipeline.",
        ),
    ] = None,
) -> None:
    """Write a new workspace that passes `dialog check`, with .gitignore and editor schemas."""
    from dialogkit.scaffold import init_workspace

    with exit_codes():
        written = init_workspace(
            directory,
            locale=locale.value,
            kind=kind.value,
            country=country.value if country else None,
            ci=ci.value if ci else None,
        )
    for path, outcome in written:
        say(f"{outcome:8} {path}")


@app.command(epilog=examples("dialog schema", "dialog schema --out .vscode/schemas"))
def schema(
    ctx: typer.Context,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", metavar="DIR", help="Write the schemas into DIR (default: schemas/ in the workspace)."
        ),
    ] = None,
) -> None:
    """Write JSON Schema for every file format, for editors that validate and complete YAML."""
    from dialogkit.errors import UsageError
    from dialogkit.layout import SCHEMA_DIR
    from dialogkit.schema import write_schemas

    with exit_codes():
        if out is None:
            try:
                out = options(ctx).root() / SCHEMA_DIR
            except UsageError:
                out = Path.cwd() / SCHEMA_DIR
        written = write_schemas(out)
    for path, outcome in written:
        say(f"{outcome:8} {path}")
