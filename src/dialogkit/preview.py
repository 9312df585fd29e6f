"""`dialog serve`: a live preview of the site and a year's documents on localhost.

The incremental build does the work: on start, and each time a workspace file is saved,
:func:`dialogkit.builder.runner.build` makes what changed. The server serves the build
folder as it is and adds to every HTML page it sends a line of script that reloads the
page when a build ends, and the findings of the last build, if any, at the top. Bad input
never stops the server: the build fails, the page and the terminal say why, and the next
save tries again. Nothing is added to the files themselves.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from dialogkit.builder.runner import Outcome, build
from dialogkit.errors import DialogError, UsageError
from dialogkit.layout import BUILD_DIR, CYCLES_DIR, SITE_DIR, output_folder

HOST = "127.0.0.1"  # a preview is for the person at this computer, never for the network
EVENTS = "/__dialog/events"  # the server-sent events that tell a page to reload
KEEPALIVE_SECONDS = 15.0
IGNORED_DIRS = frozenset({".git", ".venv", "venv", "node_modules", "__pycache__", BUILD_DIR})
RELOAD_SCRIPT = (
    "<script>(() => { let seen = null;"
    f' const events = new EventSource("{EVENTS}");'
    " events.onmessage = (e) => { if (seen !== null && e.data !== seen) location.reload(); seen = e.data; };"
    " })();</script>"
)
PROBLEMS_STYLE = (
    "margin: 0; padding: 1rem; background: #fff4f4; color: #5c0000;"
    " border-bottom: 4px solid #9b1c1c; font: 1rem/1.4 system-ui, sans-serif; white-space: pre-wrap;"
)


@dataclass
class BuildState:
    """What the last build gave: its number, and the findings to show (none when it went well)."""

    generation: int = 0
    problems: list[str] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def finished(self, problems: list[str]) -> None:
        """A build ended: pages reload and show ``problems``."""
        with self.changed:
            self.generation += 1
            self.problems = problems
            self.changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """The generation once it differs from ``seen``, or after ``timeout`` seconds."""
        with self.changed:
            self.changed.wait_for(lambda: self.generation != seen, timeout)
            return self.generation


@dataclass(frozen=True)
class Preview:
    """What to preview: the workspace, the years to build, the formats and where the build goes."""

    root: Path
    years: tuple[int, ...]
    formats: tuple[str, ...]
    out: Path | None = None

    @property
    def folder(self) -> Path:
        return output_folder(self.root, self.out)


def rebuild(preview: Preview, state: BuildState, say: Callable[[str], None]) -> None:
    """Build what changed; every failure becomes findings on the page and in the terminal, never an exit."""
    problems: list[str] = []

    def heard(event: Outcome | str) -> None:
        if isinstance(event, str):
            say(event)
            return
        if event.status != "up to date":
            say(f"{event.status:<10} {event.target.key}")
        for message in event.messages:
            say(f"  {message}")
        if event.status == "failed":
            problems.extend(event.messages or [f"{event.target.key} failed"])

    try:
        build(preview.root, preview.years, preview.formats, out=preview.out, on_event=heard)
    except DialogError as exc:
        problems.extend(str(f) for f in exc.findings)
        for line in problems:
            say(line)
    except UsageError as exc:
        problems.append(str(exc))
        say(str(exc))
    except Exception as exc:  # a bug of ours: say so, and keep serving what was built
        from dialogkit.crash import internal_error

        problems.append(internal_error(exc))
        say(problems[-1])
    state.finished(problems)


class _Handler(SimpleHTTPRequestHandler):
    """Serves the build folder; HTML pages get the reload script and the last build's findings."""

    state: BuildState

    def __init__(self, *args: object, state: BuildState, directory: str) -> None:
        self.state = state
        super().__init__(*args, directory=directory)  # type: ignore[arg-type]

    def log_message(self, format: str, *args: object) -> None:
        pass  # the terminal is for builds and findings, not for every request

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == EVENTS:
            self._events()
        elif path == "/":
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", f"/{SITE_DIR}/index.html")
            self.end_headers()
        elif path.endswith((".html", "/")):
            self._page()
        else:
            super().do_GET()

    def _page(self) -> None:
        file = self.translate_path(self.path)
        target = Path(file) / "index.html" if Path(file).is_dir() else Path(file)
        try:
            text = target.read_text(encoding="utf-8") if target.is_file() else None
        except (OSError, UnicodeDecodeError):
            text = None
        problems = self.state.problems
        if text is None and not problems:
            self.send_error(HTTPStatus.NOT_FOUND, "not built (yet)")
            return
        page = with_preview(text or _empty_page(), problems)
        body = page.encode("utf-8")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = -1
        try:
            while True:
                now = self.state.wait(seen, KEEPALIVE_SECONDS)
                self.wfile.write(f"data: {now}\n\n".encode() if now != seen else b": still here\n\n")
                self.wfile.flush()
                seen = now
        except (BrokenPipeError, ConnectionResetError):
            return  # the page was closed or reloaded


def with_preview(page: str, problems: Sequence[str]) -> str:
    """``page`` with the reload script before </body>, and the findings, escaped, first in <body>."""
    if problems:
        lines = "\n".join(html.escape(p) for p in problems)
        banner = f'<pre role="alert" style="{PROBLEMS_STYLE}">{lines}</pre>'
        at = page.find(">", page.find("<body")) + 1 if "<body" in page else 0
        page = page[:at] + banner + page[at:]
    at = page.rfind("</body>")
    return page[:at] + RELOAD_SCRIPT + page[at:] if at >= 0 else page + RELOAD_SCRIPT


def _empty_page() -> str:
    return '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>dialog serve</title></head>\n<body></body>\n</html>\n'


def watched(root: Path, out: Path) -> Callable[[object, str], bool]:
    """Which changes start a build: files of the workspace, not its build output, git's files or caches."""
    outside = out.resolve()

    def keep(change: object, path: str) -> bool:
        where = Path(path)
        if where == outside or outside in where.parents:
            return False
        try:
            parts = where.relative_to(root).parts
        except ValueError:
            return False
        return not any(p in IGNORED_DIRS or p.startswith(".") for p in parts) and not path.endswith(("~", ".swp"))

    return keep


def serve(preview: Preview, port: int, say: Callable[[str], None], ready: Callable[[str], None]) -> None:
    """Build, serve on localhost and rebuild on every save, until Ctrl-C; ``ready`` hears the address.

    The watcher starts first, so that a file saved during the first build, or the moment
    the address is out, is seen.
    """
    state = BuildState()
    folder = preview.folder
    folder.mkdir(parents=True, exist_ok=True)
    server: ThreadingHTTPServer | None = None
    try:
        for changes in _changes(preview.root, folder):
            if server is None:  # the watcher runs: build, then serve
                rebuild(preview, state, say)
                server = _start(folder, port, state)
                ready(f"http://{HOST}:{server.server_address[1]}/{SITE_DIR}/index.html")
            if changes:
                say(f"changed: {', '.join(sorted(changes))}")
                rebuild(preview, state, say)
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()


def _start(folder: Path, port: int, state: BuildState) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((HOST, port), partial(_Handler, state=state, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="dialog-serve", daemon=True).start()
    return server


def _changes(root: Path, out: Path) -> Iterator[set[str]]:
    """The workspace-relative names of the files each save changed; an empty set while nothing changes."""
    from watchfiles import watch

    keep = watched(root.resolve(), out)
    # Yielding on a quiet moment too says the watcher runs; 0.2 s keeps Ctrl-C prompt and costs nothing.
    for batch in watch(root, watch_filter=keep, raise_interrupt=False, yield_on_timeout=True, rust_timeout=200):
        yield {Path(path).resolve().relative_to(root.resolve()).as_posix() for _, path in batch}


def default_years(root: Path, today_year: int) -> tuple[int, ...]:
    """The year to preview when none is given: this year if it has a cycle, else the latest one."""
    from dialogkit.builder.targets import cycle_years

    have = cycle_years(root)
    if not have:
        raise UsageError(f"no cycles/YEAR/ folder in {root / CYCLES_DIR}: `dialog plan YEAR --write` starts one")
    return (today_year,) if today_year in have else (have[-1],)
