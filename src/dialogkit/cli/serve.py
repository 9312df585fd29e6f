"""`dialog serve`: a live preview of the status site and a year's documents on localhost."""

import datetime as dt
from contextlib import suppress
from pathlib import Path
from typing import Annotated

import typer

from dialogkit.cli import completion
from dialogkit.cli.app import app, err, exit_codes, options, say
from dialogkit.cli.help import examples


@app.command(epilog=examples("dialog serve", "dialog serve 2025 --port 8080 --to html,pdf"))
def serve(
    ctx: typer.Context,
    year: Annotated[
        int | None,
        typer.Argument(
            help="The year whose documents to build (default: this year, else the latest).",
            metavar="[YEAR]",
            autocompletion=completion.years,
        ),
    ] = None,
    port: Annotated[
        int,
        typer.Option("--port", min=0, max=65535, help="The port on 127.0.0.1 (0: any free one).", metavar="PORT"),
    ] = 8000,
    to: Annotated[
        str, typer.Option("--to", help="Formats: a comma list of md,html,docx,odt,pdf.", metavar="FORMATS")
    ] = "html",
    out: Annotated[
        Path | None, typer.Option("--out", help="Build under DIR instead of the workspace's build/.", metavar="DIR")
    ] = None,
) -> None:
    """Preview the site and a year's documents on localhost; each save rebuilds and reloads the page.

    Bad input shows as findings at the top of the page and here, and the server keeps
    running; Ctrl-C stops it. Then open the address it prints, e.g. http://127.0.0.1:8000/.
    """
    from dialogkit.formats import parse_formats
    from dialogkit.preview import Preview, default_years
    from dialogkit.preview import serve as run_server

    with exit_codes():
        root = options(ctx).root()
        formats = parse_formats(to)
        years = (year,) if year is not None else default_years(root, dt.date.today().year)
        preview = Preview(root, years, formats, out)
        with suppress(KeyboardInterrupt):  # Ctrl-C is how a preview ends: not an interruption
            run_server(preview, port, err, lambda address: say(f"serving {address} (Ctrl-C stops)"))
    say("stopped")
