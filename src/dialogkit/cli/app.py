"""The Typer application, its global options and the one place errors become exit codes.

Command modules import only this module and typer at start-up; the core is imported
inside each command, so `dialog --version` stays as quick as importing typer. They do not
use `from __future__ import annotations`: typer reads every command's signature on every
start, and annotations it must evaluate from strings cost each start 7 ms.
"""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from dialogkit.cli.help import App

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

app = App(
    name="dialog",
    help="Run a municipality's recurring citizen dialogue over plain files in git.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Options:
    """The global options, kept on the Typer context (a plain class: dataclasses is an import at every start)."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory

    def root(self) -> Path:
        """The workspace root: the nearest folder upward with dialog.yaml, from -C DIR or here."""
        from dialogkit.layout import find_root

        return find_root(self.directory or Path.cwd())


def _enter(ctx: typer.Context, directory: Path) -> Path:
    """Change into ``directory`` for this command, as git does, so relative paths are taken from it."""
    import contextlib

    from dialogkit.errors import UsageError

    with exit_codes():
        if not directory.is_dir():
            what = "is not a folder" if directory.exists() else "no such folder"
            raise UsageError(f"-C {directory}: {what}; give the workspace or a folder inside it")
    absolute = directory.absolute()
    ctx.with_resource(contextlib.chdir(absolute))  # back where it was when the command ends (in tests too)
    return absolute


def _version(value: bool) -> None:
    if value:
        from dialogkit import __version__

        typer.echo(f"dialog {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Option(
            "-C",
            help="Run as if started in DIR (the workspace or a folder inside it); relative paths are taken from it.",
            metavar="DIR",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Run a municipality's recurring citizen dialogue over plain files in git."""
    ctx.obj = Options(_enter(ctx, directory) if directory is not None else None)


def options(ctx: typer.Context) -> Options:
    """The global options of the running command."""
    return ctx.obj if isinstance(ctx.obj, Options) else Options()


def say(message: str) -> None:
    """Print a line for a person on standard output, control characters shown as escapes."""
    from dialogkit.errors import printable

    typer.echo(printable(message))


def err(message: str) -> None:
    """Print a message for a person on standard error, control characters shown as escapes."""
    from dialogkit.errors import printable

    typer.echo(printable(message), err=True)


@contextmanager
def exit_codes() -> Iterator[None]:
    """Map every error to the contract's exit codes; a person never sees a traceback.

    Findings exit 1, usage errors 2, Ctrl-C 130 ("interrupted"); an operating-system error
    (read-only folder, full disk) is a sentence and exit 1; anything else is a bug: one
    line saying where its trace was written, and exit 3.
    """
    try:
        yield
    except typer.Exit:
        raise
    except BaseException as exc:  # the one place every error is mapped
        code = exit_code_for(exc)
        if code is None:
            raise
        raise typer.Exit(code) from None


def exit_code_for(exc: BaseException) -> int | None:
    """Say what ``exc`` means to the person and return its exit code; None for exits to pass on."""
    if isinstance(exc, SystemExit | typer.Exit):
        return None  # every command ends so, `dialog --version` too: before the import below
    from dialogkit.errors import DialogError, UsageError

    if isinstance(exc, DialogError):
        for finding in exc.findings:
            err(str(finding))
        return EXIT_INPUT
    if isinstance(exc, UsageError):
        err(f"dialog: {exc}")
        return EXIT_USAGE
    if isinstance(exc, KeyboardInterrupt):
        err("dialog: interrupted")
        return EXIT_INTERRUPTED
    if isinstance(exc, BrokenPipeError):  # `dialog check | head`: the reader has gone
        _quiet_stdout()
        return EXIT_INPUT
    from dialogkit import crash

    if isinstance(exc, OSError):
        err(f"dialog: {crash.os_error(exc)}")
        return EXIT_INPUT
    if not isinstance(exc, Exception):
        return None
    err(f"dialog: {crash.internal_error(exc)}")
    return EXIT_INTERNAL


def _quiet_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
