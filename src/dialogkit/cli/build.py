"""`dialog build`: every document of the given years and the status site, for CI."""

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dialogkit.cli import completion
from dialogkit.cli.app import EXIT_INPUT, EXIT_INTERNAL, app, err, exit_codes, options, say
from dialogkit.cli.help import examples

if TYPE_CHECKING:
    from collections.abc import Sequence

    from dialogkit.builder.runner import BuildReport, Outcome


def _at_least_one(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise typer.BadParameter(f"{value} is not a number of documents: give 1 or more")
    return value


@app.command(epilog=examples("dialog build", "dialog build 2025 --to pdf", "dialog build --force -j 2"))
def build(
    ctx: typer.Context,
    years: Annotated[
        list[int] | None,
        typer.Argument(
            help="The years to build (default: every year with a cycle).",
            metavar="[YEAR]...",
            autocompletion=completion.years,
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option("--to", help="A comma list of md,html,docx,odt,pdf (default docx,pdf,html).", metavar="FORMATS"),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            callback=_at_least_one,
            help="Build N documents at once, 1 or more (default: the CPU count).",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Rebuild everything, even what is up to date.")] = False,
    out: Annotated[
        Path | None, typer.Option("--out", metavar="DIR", help="Write under DIR instead of the workspace's build/.")
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Exit 1 while a survey has words that may be names and are not reviewed (`dialog survey review`).",
        ),
    ] = False,
) -> None:
    """Build every document of the years and the status site; only what changed is rebuilt."""
    from dialogkit.builder.runner import build as run_build
    from dialogkit.formats import parse_formats

    with exit_codes():
        root = options(ctx).root()
        formats = parse_formats(to)
        interactive = _interactive()
        show = _Progress(interactive=interactive)
        try:
            report = run_build(root, years or (), formats, jobs=jobs, force=force, out=out, on_event=show.event)
        finally:
            show.close()
    _summary(report, interactive=interactive)
    if any(outcome.internal for outcome in report.failed):
        raise typer.Exit(EXIT_INTERNAL)
    if report.failed:
        raise typer.Exit(EXIT_INPUT)
    if strict:
        _strict(root, years or ())


def _strict(root: Path, years: "Sequence[int]") -> None:
    """Exit 1 when a survey's answers hold words not reviewed yet: a strict build publishes none."""
    from dialogkit.loading import require
    from dialogkit.survey.review import unreviewed_warnings

    with exit_codes():
        warnings = unreviewed_warnings(require(root), years)
    for warning in warnings:
        err(str(warning))
    if warnings:
        err("--strict: not built for publishing while survey answers wait for review")
        raise typer.Exit(EXIT_INPUT)


def _interactive() -> bool:
    import sys

    return sys.stdout.isatty() and not os.environ.get("CI")


class _Progress:
    """A rich progress bar on a terminal, one plain line per target in CI and in pipes."""

    def __init__(self, *, interactive: bool) -> None:
        self.bar = None
        if interactive:
            from rich.progress import Progress

            self.bar = Progress(transient=True)
            self.bar.start()
            self.task = self.bar.add_task("building", total=None)

    def event(self, event: "Outcome | str") -> None:
        if isinstance(event, str):
            err(event)
            return
        if event.status == "up to date":
            return  # counted in the summary; a CI log lists only what was done
        line = f"{event.status:<10} {event.target.key}"
        if event.status == "built":
            line += f"  ({event.seconds:.1f}s)"
        if self.bar is not None:
            self.bar.console.print(line, highlight=False)
            self.bar.advance(self.task)
        else:
            say(line)
        for message in event.messages:
            err(f"  {message}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _summary(report: "BuildReport", *, interactive: bool) -> None:
    counts = {status: report.count(status) for status in ("built", "up to date", "failed")}
    if interactive:
        from rich.console import Console
        from rich.table import Table

        table = Table(title="dialog build", show_edge=False)
        for column in counts:
            table.add_column(column, justify="right")
        table.add_row(*(str(n) for n in counts.values()))
        Console(highlight=False).print(table)
    else:  # the same table as plain text: CI logs need no colour codes, and rich costs start-up time
        typer.echo("  ".join(f"{name:>10}" for name in counts))
        typer.echo("  ".join(f"{n:>10}" for n in counts.values()))
    if counts["built"] == 0 and not report.failed:
        typer.echo("nothing to do: every document is up to date")
    for outcome in report.failed:
        err(f"failed: {outcome.target.key}")
