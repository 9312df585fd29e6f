"""`dialog templates list` and `dialog templates copy NAME`: the built-in templates a workspace can override."""

from typing import Annotated

import typer

from dialogkit.cli import completion
from dialogkit.cli.app import app, err, exit_codes, options, say
from dialogkit.cli.help import App, examples

templates_app = App(
    name="templates", help="List the built-in templates or copy one into the workspace.", no_args_is_help=True
)
app.add_typer(templates_app)


@templates_app.command("list", epilog=examples("dialog templates list"))
def list_command(ctx: typer.Context) -> None:
    """The built-in templates; those the workspace overrides in its templates/ are marked.

    reference.docx and reference.odt are the Word and LibreOffice styles (made in the workspace's
    house style); templates/logo.png or logo.svg, the letterhead's logo, is listed when the
    workspace has one.

    Example: dialog templates list
    """
    from dialogkit.render.templates import list_templates

    with exit_codes():
        root = options(ctx).root()
        infos = list_templates(root)
    for info in infos:
        if not info.builtin:
            say(f"{info.name}  (the workspace's own, in templates/)")
        else:
            say(f"{info.name}{'  (overridden in templates/)' if info.overridden else ''}")


@templates_app.command("copy", epilog=examples("dialog templates copy invitation.md.j2"))
def copy_command(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            help="A name from `dialog templates list`, e.g. invitation.md.j2.",
            metavar="NAME",
            autocompletion=completion.templates,
        ),
    ],
) -> None:
    """Copy a built-in template into the workspace's templates/ to change it; never overwrites.

    A reference document is written in the workspace's house style (A4, its font, the footer
    with its name and page numbers), to open and restyle in Word or LibreOffice.

    Example: dialog templates copy reference.docx
    """
    from dialogkit.render.pipeline import house_style
    from dialogkit.render.templates import copy_template

    with exit_codes():
        root = options(ctx).root()
        path, copied = copy_template(root, name, lambda: house_style(root))
    shown = path.relative_to(root).as_posix()
    if copied:
        say(f"created {shown}")
    else:
        err(f"kept {shown}: it exists already; remove it first to copy the built-in one again")
