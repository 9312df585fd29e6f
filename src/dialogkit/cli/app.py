"""The Typer application, its global options and the one place errors become exit codes.

Command modules import only this module and typer at start-up; the core is imported
inside each command, so `dialog --version` stays as quick as importing typer. They do not
use `from __future__ import annotations`: typer reads every command's signature on every
start, and annotations it must evaluate from strings cost each start 7 ms.
"""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
T = TypeVar("T")

app = typer.Typer(
    name="dialog",
    help="Run a municipality's recurring citizen dialogue over plain files in git.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@dataclass
class Options:
    """The global options, kept on the Typer context."""

    directory: Path | None = None

    def root(self) -> Path:
        """The workspace root: -C PATH, or the nearest folder upward with dialog.yaml."""
        from dialogkit.layout import find_root

        return find_root(self.directory or Path.cwd())


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
        typer.Option("-C", help="Run as if started in PATH (the workspace or a folder inside it).", metavar="PATH"),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Run a municipality's recurring citizen dialogue over plain files in git."""
    ctx.obj = Options(directory)


def options(ctx: typer.Context) -> Options:
    """The global options of the running command."""
    return ctx.obj if isinstance(ctx.obj, Options) else Options()


def err(message: str) -> None:
    """Print a message for a person on standard error."""
    typer.echo(message, err=True)


@contextmanager
def exit_codes() -> Iterator[None]:
    """Map the core's typed errors to the contract's exit codes; never show a traceback."""
    from dialogkit.errors import DialogError, UsageError

    try:
        yield
    except DialogError as exc:
        for finding in exc.findings:
            err(str(finding))
        raise typer.Exit(EXIT_INPUT) from None
    except UsageError as exc:
        err(f"dialog: {exc}")
        raise typer.Exit(EXIT_USAGE) from None


def run(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call a core function under :func:`exit_codes`."""
    with exit_codes():
        return func(*args, **kwargs)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
