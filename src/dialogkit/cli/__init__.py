"""The `dialog` command: a thin Typer layer over the core, one module per command group."""

import os
import sys

from dialogkit.cli import build as _build  # noqa: F401  (registers the commands)
from dialogkit.cli import check as _check  # noqa: F401
from dialogkit.cli import completion as _completion
from dialogkit.cli import followup as _followup  # noqa: F401
from dialogkit.cli import minutes as _minutes  # noqa: F401
from dialogkit.cli import plan as _plan  # noqa: F401
from dialogkit.cli import render as _render  # noqa: F401
from dialogkit.cli import serve as _serve  # noqa: F401
from dialogkit.cli import survey as _survey  # noqa: F401
from dialogkit.cli import templates as _templates  # noqa: F401
from dialogkit.cli.app import app, exit_code_for
from dialogkit.cli.help import examples

app.command(epilog=examples("dialog completion bash > ~/.local/share/bash-completion/completions/dialog"))(
    _completion.completion
)


def main() -> None:
    """Entry point of the `dialog` console script: every error becomes an exit code, never a traceback."""
    if _completion.COMPLETE_VAR in os.environ:  # a shell asks for completions
        _completion.prepare()
    try:
        app()
    except BaseException as exc:  # errors raised outside a command's own mapping
        code = exit_code_for(exc)
        if code is None:
            raise
        sys.exit(code)


__all__ = ["app", "main"]
