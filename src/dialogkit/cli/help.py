"""How `dialog --help` teaches: commands in the order of the year, upper-case metavars, examples.

The house style (docs/commands.md, "Writing a command's help") is held by
tests/test_help.py: every command is placed in `ORDER`, has an example, and names each
value in upper case (YEAR, YEAR/AREA, DIR, FILE, DATE, FORMATS).
"""

from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandFunctionType

# The commands of each group in the order a clerk meets them in a year. A new command
# takes its place here; names not yet written (another branch's) are skipped.
ORDER: dict[str, tuple[str, ...]] = {
    "dialog": (
        "init",
        "check",
        "plan",
        "calendar",
        "survey",
        "render",
        "compile-referat",
        "followup",
        "status",
        "build",
        "site",
        "serve",
        "templates",
        "schema",
        "completion",
    ),
    "survey": ("import", "review", "report"),
    "render": ("plan", "invitation", "agenda", "poster", "mailout", "referat"),
    "templates": ("list", "copy"),
}


class YearOrder(TyperGroup):
    """A command group that lists its commands in the order of `ORDER`, not as registered."""

    def list_commands(self, ctx: Any) -> list[str]:
        order = ORDER.get(self.name or "dialog", ())
        known = [name for name in order if name in self.commands]
        return known + [name for name in self.commands if name not in order]


class Command(TyperCommand):
    """A command whose usage line names its arguments as the help does: `YEAR`, not `{YEAR}`."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":  # typer's own copy of click: no isinstance
                pieces.append(param.make_metavar(ctx))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces


class App(typer.Typer):
    """A Typer application whose commands and groups follow the house style of help."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", YearOrder)
        kwargs.setdefault("rich_markup_mode", None)
        super().__init__(**kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Callable[[CommandFunctionType], CommandFunctionType]:
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)


def examples(*lines: str) -> str:
    """The last part of a command's help: command lines to copy, kept as written."""
    # "\b" tells click not to rewrap the paragraph that follows.
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)
