"""`dialog completion bash|zsh|fish`, and the values a shell completes: years, meetings, areas, templates.

Typer's `--install-completion` option would import its completion machinery on every start;
here it is imported only when a shell asks (`main` calls `prepare`) or a script is printed.
The value completers read folder names and areas.yaml, never the whole workspace, and
never fail: a shell shows nothing rather than a traceback.
"""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

COMPLETE_VAR = "_DIALOG_COMPLETE"


class Shell(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


def prepare() -> None:
    """Register typer's completion classes, whose answers fit the scripts `dialog completion` prints."""
    from typer._completion_classes import completion_init

    completion_init()


def completion(
    shell: Annotated[Shell, typer.Argument(help="The shell: bash, zsh or fish.", metavar="SHELL")],
) -> None:
    """Print the script that lets SHELL complete dialog's commands, options, years and meetings."""
    from typer._completion_shared import get_completion_script

    script = get_completion_script(prog_name="dialog", complete_var=COMPLETE_VAR, shell=shell.value)
    if shell is Shell.zsh:
        # Autoloaded from a file _dialog in $fpath, the script is the function _dialog itself:
        # it must complete at once, or the first Tab after starting the shell does nothing.
        script = script.replace("compdef _dialog_completion dialog", _ZSH_END)
    typer.echo(script)


_ZSH_END = """if [ "$funcstack[1]" = "_dialog" ]; then
  _dialog_completion "$@"
else
  compdef _dialog_completion dialog
fi"""


def _root(ctx: typer.Context) -> Path | None:
    from dialogkit.layout import find_root

    directory = ctx.find_root().params.get("directory")
    try:
        return find_root(Path(directory) if directory else Path.cwd())
    except Exception:  # no workspace here: nothing to offer
        return None


def _years(root: Path) -> list[str]:
    from dialogkit.layout import CYCLES_DIR

    return sorted(p.name for p in (root / CYCLES_DIR).glob("[0-9][0-9][0-9][0-9]") if p.is_dir())


def years(ctx: typer.Context, incomplete: str) -> list[str]:
    """The years that have a folder under cycles/."""
    root = _root(ctx)
    return [y for y in _years(root) if y.startswith(incomplete)] if root else []


def meetings(ctx: typer.Context, incomplete: str) -> list[str]:
    """The meetings as YEAR/AREA: the folders under cycles/YEAR/ that hold a meeting.yaml."""
    from dialogkit.layout import CYCLES_DIR

    root = _root(ctx)
    if root is None:
        return []
    found = (f"{p.parent.parent.name}/{p.parent.name}" for p in (root / CYCLES_DIR).glob("*/*/meeting.yaml"))
    return sorted(m for m in found if m.startswith(incomplete))


def areas(ctx: typer.Context, incomplete: str) -> list[str]:
    """The area ids of areas.yaml."""
    import yaml

    from dialogkit.layout import AREAS_FILE

    root = _root(ctx)
    if root is None:
        return []
    try:
        data = yaml.safe_load((root / AREAS_FILE).read_text(encoding="utf-8"))
        ids = [str(area["id"]) for area in data["areas"]]
    except Exception:  # a file half written: complete nothing rather than fail
        return []
    return [i for i in ids if i.startswith(incomplete)]


def templates(incomplete: str) -> list[str]:
    """The names of the built-in templates."""
    from dialogkit.layout import builtin_templates

    base = builtin_templates()
    names = (p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file() and not p.name.startswith("."))
    return sorted(n for n in names if n.startswith(incomplete))
