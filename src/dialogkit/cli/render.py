"""`dialog render invitation|agenda YEAR/AREA` and `dialog render plan YEAR`: documents through the pipeline."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dialogkit.cli import completion
from dialogkit.cli.app import app, err, exit_codes, options, say
from dialogkit.cli.help import App, examples

if TYPE_CHECKING:
    from dialogkit.render.documents import MeetingDocument
    from dialogkit.render.pipeline import Rendered
    from dialogkit.workspace import Workspace

render_app = App(name="render", help="Render a document to Markdown, HTML, DOCX, ODT and PDF.", no_args_is_help=True)
app.add_typer(render_app)


ToOption = Annotated[
    str | None,
    typer.Option("--to", help="A comma list of md,html,docx,odt,pdf (default docx,pdf,html).", metavar="FORMATS"),
]
MeetingArg = Annotated[
    str,
    typer.Argument(
        help="The meeting as YEAR/AREA, e.g. 2025/hogvad.", metavar="YEAR/AREA", autocompletion=completion.meetings
    ),
]
OutOption = Annotated[
    Path | None, typer.Option("--out", help="Write under DIR instead of the workspace's build/.", metavar="DIR")
]
_MEETING_REF = r"([0-9]{4})/([a-z0-9][a-z0-9-]*)/?\Z"


def parse_meeting_ref(text: str) -> tuple[int, str]:
    """A MeetingArg, "2025/hogvad", as (2025, "hogvad")."""
    import re

    from dialogkit.errors import UsageError

    match = re.match(_MEETING_REF, text.strip())
    if match is None:
        raise UsageError(f"'{text}' is not a meeting: write YEAR/AREA, e.g. 2025/hogvad")
    return int(match[1]), match[2]


@render_app.command(
    "invitation",
    epilog=examples("dialog render invitation 2025/hogvad", "dialog render invitation 2025/hogvad --to pdf"),
)
def invitation(ctx: typer.Context, meeting: MeetingArg, to: ToOption = None, out: OutOption = None) -> None:
    """The invitation to a meeting: what, when, where, who comes, the agenda in short."""
    _meeting_document(ctx, "invitation", meeting, to, out)


@render_app.command("agenda", epilog=examples("dialog render agenda 2025/hogvad --to docx,pdf"))
def agenda(ctx: typer.Context, meeting: MeetingArg, to: ToOption = None, out: OutOption = None) -> None:
    """The agenda of a meeting, each item with its clock time and lead."""
    _meeting_document(ctx, "agenda", meeting, to, out)


@render_app.command(
    "poster",
    epilog=examples("dialog render poster 2025/hogvad", "dialog render poster 2025/hogvad --out /tmp/poster"),
)
def poster(ctx: typer.Context, meeting: MeetingArg, to: ToOption = None, out: OutOption = None) -> None:
    """An A4 notice-board poster of a meeting: large type, how to sign up, a QR code and its link."""
    _meeting_document(ctx, "poster", meeting, to, out)


@render_app.command("mailout", epilog=examples("dialog render mailout 2025/hogvad"))
def mailout(ctx: typer.Context, meeting: MeetingArg, out: OutOption = None) -> None:
    """Mail-out drafts: one .eml per invitee with an e-mail, the invitation PDF and the .ics attached. Nothing is sent."""
    from dialogkit.loading import require
    from dialogkit.render.mailout import render_mailout

    with exit_codes():
        year, area = parse_meeting_ref(meeting)
        workspace = require(options(ctx).root())
        rendered = render_mailout(workspace, year, area, out)
    _report(workspace, rendered)


@render_app.command(
    "plan", epilog=examples("dialog render plan 2026", "dialog render plan 2026 --to pdf --out /tmp/plan")
)
def plan_document(
    ctx: typer.Context,
    year: Annotated[int, typer.Argument(help="The year, e.g. 2025.", metavar="YEAR", autocompletion=completion.years)],
    to: ToOption = None,
    out: OutOption = None,
) -> None:
    """The year's plan for the committee, with a timeline picture."""
    from dialogkit.formats import parse_formats
    from dialogkit.loading import require
    from dialogkit.render.plan import render_plan_document

    with exit_codes():
        formats = parse_formats(to)
        workspace = require(options(ctx).root())
        rendered = render_plan_document(workspace, year, formats, out)
    _report(workspace, rendered)


def _meeting_document(
    ctx: typer.Context, kind: "MeetingDocument", meeting: str, to: str | None, out: Path | None
) -> None:
    from dialogkit.formats import parse_formats
    from dialogkit.loading import require
    from dialogkit.render.documents import render_meeting_document

    with exit_codes():
        formats = parse_formats(to)
        year, area = parse_meeting_ref(meeting)
        workspace = require(options(ctx).root())
        rendered = render_meeting_document(workspace, kind, year, area, formats, out)
    _report(workspace, rendered)


def _report(workspace: "Workspace", rendered: "Rendered") -> None:
    for warning in rendered.warnings:
        err(str(warning))
    for path in rendered.written:
        say(f"wrote {workspace.relative(path)}")
