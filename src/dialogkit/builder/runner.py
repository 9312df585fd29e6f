"""`dialog build`: every document of the given years and the site, incrementally and in parallel."""

from __future__ import annotations

import datetime as dt
import os
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Literal

from dialogkit.builder.manifest import Manifest, build_lock, tree_digest
from dialogkit.builder.targets import (
    DATED_KINDS,
    PUBLISHED_FORMATS,
    PUBLISHED_KINDS,
    SITE,
    Target,
    cycle_years,
    targets,
)
from dialogkit.errors import DialogError, UsageError
from dialogkit.inputs import recording
from dialogkit.layout import builtin_templates, output_folder

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from dialogkit.render.figures import Painter
    from dialogkit.workspace import Workspace

Status = Literal["built", "up to date", "failed"]


@dataclass
class Outcome:
    """What became of one target."""

    target: Target
    status: Status
    outputs: list[Path] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    seconds: float = 0.0
    internal: bool = False  # failed through a bug of dialog's, not through the input
    inputs: dict[str, str] = field(default_factory=dict)  # the workspace files it read: name -> stamp


@dataclass
class BuildReport:
    outcomes: list[Outcome]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def count(self, status: Status) -> int:
        return sum(o.status == status for o in self.outcomes)


@dataclass(frozen=True)
class Worklist:
    """The targets of a build, split into those to make and those already up to date."""

    todo: list[tuple[Target, str]]  # each with its salt: what its output depends on besides its inputs
    fresh: list[Target]


def worklist(root: Path, years: Sequence[int], formats: Sequence[str], manifest: Manifest, *, force: bool) -> Worklist:
    """Decide what to build: a target whose recorded inputs hash as they did, with its files present, is skipped."""

    have = cycle_years(root)
    unknown = [y for y in years if y not in have]
    if unknown:
        raise UsageError(
            f"no cycle for {', '.join(map(str, unknown))} (cycles/YEAR/ folders: {', '.join(map(str, have)) or 'none'})"
        )
    # The built-in templates change with dialog itself (or in an editable install); the
    # workspace's own templates are inputs that the documents record when they read them.
    salt = "\0".join([",".join(formats), tree_digest(builtin_templates())])
    today = dt.date.today().isoformat()
    todo, fresh = [], []
    for target in targets(root, list(years) or have):
        dated = today if target.kind in DATED_KINDS else ""
        target_salt = f"{salt}\0{target.kind}\0{dated}"
        if not force and manifest.up_to_date(target.key, target_salt):
            fresh.append((target, target_salt))
        else:
            todo.append((target, target_salt))
    if PUBLISHED_FORMATS & set(formats) and any(t.kind in PUBLISHED_KINDS for t, _ in todo):
        todo += [(t, s) for t, s in fresh if t.kind == SITE]  # it links them with their sizes
    made = {t.key for t, _ in todo}
    return Worklist(todo, [t for t, _ in fresh if t.key not in made])


def build(  # noqa: PLR0913  (the Python face of `dialog build`: one keyword per option, as cli/ is exempt)
    root: Path,
    years: Sequence[int] = (),
    formats: Sequence[str] = ("docx", "pdf", "html"),
    *,
    jobs: int | None = None,
    force: bool = False,
    out: Path | None = None,
    on_event: Callable[[Outcome | str], None] = lambda _event: None,
) -> BuildReport:
    """Build what changed; ``on_event`` hears each finished target and each notice, in order.

    When every target is up to date the workspace is not even parsed: each input is as
    it was when the last build, which loaded and checked it, made the target.
    """
    out = output_folder(root, out)
    with _stopped_cleanly(on_event), build_lock(out, on_event):
        manifest = Manifest(root, out)
        work = worklist(root, years, formats, manifest, force=force)
        outcomes = [Outcome(t, "up to date") for t in work.fresh]
        for outcome in outcomes:
            on_event(outcome)
        try:
            # The site after the documents it links (it reads their sizes), each phase in parallel.
            phases = [[w for w in work.todo if w[0].kind != SITE], [w for w in work.todo if w[0].kind == SITE]]
            phases = [phase for phase in phases if phase]
            for outcome, salt in _run_all(root, phases, tuple(formats), out, jobs or os.cpu_count() or 1):
                if outcome.status == "built":
                    manifest.record(outcome.target.key, salt, outcome.inputs, outcome.outputs)
                else:
                    manifest.forget(outcome.target.key)
                outcomes.append(outcome)
                on_event(outcome)
        finally:
            manifest.save()
    return BuildReport(outcomes)


class _Terminated(BaseException):
    """SIGTERM arrived: unwinds the build as Ctrl-C does (no ``except Exception`` goes on building)."""


@contextmanager
def _stopped_cleanly(on_event: Callable[[str], None]) -> Iterator[None]:
    """While building, SIGTERM stops the build as Ctrl-C does, then exits with 143 (128 + SIGTERM).

    The workers are ended (see :func:`_stop`), the manifest records what was built and the
    lock is released, so the next build goes on from there; after either, no process the
    build started is left. A second SIGTERM ends the process at once. Only the main thread
    can handle signals; a handler someone else set is left alone.
    """
    catch = threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL

    def stop(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        raise _Terminated

    try:
        if catch:
            signal.signal(signal.SIGTERM, stop)
        yield
    except BaseException as exc:
        if isinstance(exc, Exception):
            raise  # a failed build: the code that started each process has ended it
        _end_leftovers()  # Ctrl-C, SIGTERM, an exit: the process is ending
        if not isinstance(exc, _Terminated):
            raise
        on_event("build stopped (SIGTERM); the next build makes what is missing")
        raise SystemExit(128 + signal.SIGTERM) from None
    finally:
        if catch:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _end_leftovers() -> None:
    """Kill the processes this one started and has not ended: those caught starting.

    The code that starts the picture process or a worker cannot end one it was interrupted
    in starting, and Python's exit would wait for it for ever.
    """
    import multiprocessing  # imported already if the build started a process

    for child in multiprocessing.active_children():
        child.kill()
        child.join()


Phase = list[tuple[Target, str]]  # targets that may be made at once: each phase waits for the one before


def _run_all(
    root: Path, phases: list[Phase], formats: tuple[str, ...], out: Path, jobs: int
) -> Iterator[tuple[Outcome, str]]:
    """Load the workspace once and run the targets, in ``jobs`` processes; yields (outcome, salt) as they finish."""
    if not phases:
        return  # nothing to make: not even the loading code is imported
    from dialogkit.loading import require

    if jobs <= 1 or len(phases[0]) <= 1:
        ws = require(root)
        for target, salt in (item for phase in phases for item in phase):
            yield make(ws, target, formats, out), salt
        return
    with ExitStack() as stack:
        painter = None
        if any(target.kind in _DRAWING for phase in phases for target, _ in phase):
            from dialogkit.builder.pictures import picture_process

            # Started before the workspace is loaded, so that its imports overlap the loading.
            painter = stack.enter_context(picture_process())
        yield from _run_in_workers(require(root), phases, formats, out, jobs, painter)


def _run_in_workers(
    ws: Workspace,
    phases: list[Phase],
    formats: tuple[str, ...],
    out: Path,
    jobs: int,
    painter: Painter | None,
) -> Iterator[tuple[Outcome, str]]:
    """Run the targets, one process each at a time, phase after phase in the same processes: the
    site is made by a worker that has its imports and templates from the documents already."""
    from concurrent.futures import Future, ProcessPoolExecutor, as_completed

    from dialogkit.builder.children import context

    global _WORKSPACE
    _WORKSPACE = ws  # inherited by forked workers; others load it in _init
    workers = min(jobs, max(len(phase) for phase in phases))
    # The workers' temporary files go in a folder of this build's, which goes when it ends,
    # even if the workers had to be killed in the middle of a conversion.
    with (
        tempfile.TemporaryDirectory(prefix="dialog-build-", ignore_cleanup_errors=True) as scratch,
        ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context(),
            initializer=_init,
            initargs=(ws.root, painter, os.getpid(), scratch),
        ) as pool,
    ):
        try:
            for phase in phases:
                # The longest targets first, so the last minutes are not one worker finishing a big one.
                todo = sorted(phase, key=lambda item: _HEAVIEST_FIRST.index(item[0].kind))
                futures: dict[Future[Outcome], str] = {}
                # Submitting starts the workers: inside the try, so that they are ended if interrupted.
                futures.update((pool.submit(_make_in_worker, t, formats, out), d) for t, d in todo)
                for future in as_completed(futures):
                    yield future.result(), futures[future]
        except BaseException:  # Ctrl-C, SIGTERM, or the caller stopped listening
            _stop(pool, out)
            raise


def _stop(pool: ProcessPoolExecutor, out: Path) -> None:
    """End the workers at once, the pandoc they run with them, and remove the files they were writing.

    Letting them finish their documents could take many seconds, more than a CI runner waits
    between its SIGTERM and its SIGKILL, and their outputs would not be recorded anyway.
    """
    from dialogkit.builder.manifest import remove_temporaries

    workers = list((pool._processes or {}).values())  # no public way before Python 3.14's kill_workers()
    for worker in workers:
        if worker.pid is None or worker.exitcode is not None:
            continue  # ended and reaped already: its pid may be another process's by now
        for kill in (os.killpg, os.kill):  # its process group (children.follow_build), or itself if not yet
            with suppress(OSError):
                kill(worker.pid, signal.SIGKILL)
    pool.shutdown(wait=True, cancel_futures=True)
    remove_temporaries(out)


_WORKSPACE: Workspace | None = None
_DRAWING = frozenset({"plan", "followup", "survey-report"})  # the kinds of target whose documents have pictures
_HEAVIEST_FIRST = ("followup", "referat-compilation", "site", "plan", "survey-report", "agenda", "invitation")


def _init(root: Path, painter: Painter | None, build: int, scratch: str) -> None:
    from dialogkit.builder.children import follow_build
    from dialogkit.loading import require
    from dialogkit.render.figures import use_painter

    follow_build(build)
    tempfile.tempdir = scratch
    use_painter(painter)
    global _WORKSPACE
    if _WORKSPACE is None or _WORKSPACE.root != root:
        _WORKSPACE = require(root)


def _make_in_worker(target: Target, formats: tuple[str, ...], out: Path) -> Outcome:
    assert _WORKSPACE is not None
    return make(_WORKSPACE, target, formats, out)


def make(ws: Workspace, target: Target, formats: tuple[str, ...], out: Path) -> Outcome:
    """Make one target; a failure becomes an outcome, so one document never stops the others."""
    from dialogkit.builder.documents import MAKERS

    start = time.perf_counter()
    try:
        with recording() as used:
            outputs, findings = MAKERS[target.kind](ws, target, formats, out)
    except DialogError as exc:
        return Outcome(target, "failed", messages=[str(f) for f in exc.findings], seconds=time.perf_counter() - start)
    except UsageError as exc:
        return Outcome(target, "failed", messages=[str(exc)], seconds=time.perf_counter() - start)
    except OSError as exc:  # a full disk or a read-only folder: this document fails, the others may not
        from dialogkit.crash import os_error

        return Outcome(target, "failed", messages=[os_error(exc)], seconds=time.perf_counter() - start)
    except Exception as exc:  # a bug of ours: say so plainly, keep building the rest
        from dialogkit.crash import internal_error

        seconds = time.perf_counter() - start
        return Outcome(target, "failed", messages=[internal_error(exc)], seconds=seconds, internal=True)
    return Outcome(target, "built", outputs, [str(f) for f in findings], time.perf_counter() - start, inputs=used)
