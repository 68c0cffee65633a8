"""Many reports at once: worker processes, files moved into place by the command, stopping.

Workers are started from a ``forkserver`` that imported papermill and nbconvert once (never
plain fork: zmq and jupyter_client hold threads). A worker executes a report and hands back
its files under temporary names (:class:`~.pipeline.ProducedReport`); the command moves them
into place, so that it alone decides whether anything is written — after a signal, nothing
is. One failing report does not stop the others; each outcome carries its error and section.

The pool is a few lines of our own rather than ``ProcessPoolExecutor``: stopping needs the
workers' ids (to end them and, through them, their kernels) and no queued job may start after
a signal.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BorasIntlError, ReportError
from ..i18n.formatting import formatter
from ..i18n.labels import Lang, label
from . import helpers_cleanup, stopping
from .kernel import ready_to_start_kernels
from .pipeline import (
    DeriveOutput,
    ProducedReport,
    ReportResult,
    commit_report,
    produce_report,
    quiet_library_logs,
    warm_exporter,
)

log = logging.getLogger("boras_intl")
WORKER_GRACE_SECONDS = 2.0  # a worker told to stop (SIGTERM) gets this long before SIGKILL
POLL_SECONDS = 0.2  # how often the command looks for a signal while workers run


@dataclass(frozen=True)
class ReportJob:
    """One report to produce: the notebook, its parameters and where its files go."""

    notebook: Path
    parameters: Mapping[str, Any]
    out_html: Path
    out_ipynb: Path | None = None
    kernel_name: str = "python3"
    timeout: int | None = 600
    lang: Lang = "sv"
    title: str | None = None
    extra_outputs: Mapping[str, Path] = field(default_factory=dict)
    # Files made from the finished HTML (e.g. a PDF): (final path, module-level function).
    derived_outputs: tuple[tuple[Path, DeriveOutput], ...] = ()
    workdir: Path | None = None  # where the kernel runs (default: a new temporary folder)
    name: str = ""  # shown in progress lines, e.g. "2025 sv"


@dataclass(frozen=True)
class ReportOutcome:
    """One job of :func:`render_many`: its result, or the error message and section."""

    job: ReportJob
    result: ReportResult | None = None
    error: str | None = None
    section: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Stopped(Exception):
    """The run was stopped by a signal; ``outcomes`` are the jobs that finished before it."""

    def __init__(self, signum: int, outcomes: list[ReportOutcome]) -> None:
        super().__init__(stopping.signal_name(signum))
        self.signum = signum
        self.outcomes = outcomes


def render_many(
    jobs: Sequence[ReportJob],
    n_jobs: int | None = None,
    *,
    on_done: Callable[[ReportOutcome], None] | None = None,
    stopper: stopping.Stopper | None = None,
    prepare: Callable[[], None] | None = None,
    refuse: Callable[[ReportJob], str | None] | None = None,
) -> list[ReportOutcome]:
    """Produce the jobs in worker processes (``n_jobs``, default: cores), outcomes in job order.

    Each report's files are moved into place as soon as it is ready, then ``on_done`` is
    called (the index page follows the reports on disk). A failing job does not stop the
    others. With a ``stopper``, a signal cancels the queued jobs, ends the workers and their
    kernels, discards files not yet moved and raises :class:`Stopped`.

    ``prepare`` computes what the jobs read (their data files) and is called once, in this
    thread, after the first jobs started: their kernels boot and import while it runs, then
    wait for their data files. ``refuse`` may give a reason not to move a finished job's
    files into place (it is asked after ``prepare``); the job then fails with that reason.
    """
    if not jobs:
        return []
    workers = max(1, min(n_jobs or os.cpu_count() or 1, len(jobs)))
    progress = _Progress(len(jobs), jobs[0].lang)
    outcomes: list[ReportOutcome | None] = [None] * len(jobs)

    def finished(index: int, outcome: ReportOutcome, produced: ProducedReport | None) -> None:
        reason = refuse(outcome.job) if refuse is not None else None
        if reason is not None:
            if produced is not None:
                produced.discard()
            produced, outcome = None, ReportOutcome(outcome.job, error=reason)
        if produced is not None:
            with stopper.committing() if stopper else contextlib.nullcontext():
                outcome = _commit(outcome, produced)
                outcomes[index] = outcome
                if on_done is not None:
                    on_done(outcome)
        else:
            outcomes[index] = outcome
            if on_done is not None:
                on_done(outcome)
        progress.update(outcome)

    try:
        if workers == 1:
            for i, job in enumerate(jobs):
                if stopper is not None and stopper.signum is not None:
                    raise Stopped(stopper.signum, _done(outcomes))
                if i == 0 and prepare is not None:
                    finished(i, *_produce_while(job, prepare))
                else:
                    finished(i, *_produce(job))
        else:
            _Pool(workers, stopper, _mp_context()).run(jobs, finished, prepare)
    finally:
        progress.close()
    if stopper is not None and stopper.signum is not None:
        raise Stopped(stopper.signum, _done(outcomes))
    return _done(outcomes)


def _done(outcomes: list[ReportOutcome | None]) -> list[ReportOutcome]:
    return [o for o in outcomes if o is not None]


def _produce(job: ReportJob) -> tuple[ReportOutcome, ProducedReport | None]:
    """One job, errors turned into an outcome that the pool sends back to the command."""
    try:
        produced = produce_report(
            job.notebook,
            job.parameters,
            job.out_html,
            out_ipynb=job.out_ipynb,
            kernel_name=job.kernel_name,
            timeout=job.timeout,
            lang=job.lang,
            title=job.title,
            extra_outputs=job.extra_outputs,
            derived_outputs=job.derived_outputs,
            workdir=job.workdir,
        )
    except ReportError as exc:
        return ReportOutcome(job, error=exc.message(job.lang), section=exc.section), None
    except BorasIntlError as exc:
        return ReportOutcome(job, error=_in_language(exc, job.lang)), None
    except Exception as exc:  # a bug: still report it per job and let the others finish
        log.debug("report job %s failed", job.name, exc_info=True)
        return ReportOutcome(job, error=f"{type(exc).__name__}: {exc}"), None
    return ReportOutcome(job, result=produced.result), produced


def _produce_while(
    job: ReportJob, prepare: Callable[[], None]
) -> tuple[ReportOutcome, ProducedReport | None]:
    """Start ``job`` in a helper thread, run ``prepare`` here, then wait for the job.

    If ``prepare`` fails, the job's kernel is ended and its files removed before the error
    is raised (the job's own failure is then not reported: the run was abandoned).
    """
    import threading

    box: dict[str, tuple[ReportOutcome, ProducedReport | None]] = {}
    ready_to_start_kernels()  # the job's kernel is then spawned before ``prepare`` imports
    thread = threading.Thread(
        target=lambda: box.update(result=_produce(job)), name="boras-intl-job", daemon=True
    )
    thread.start()
    try:
        prepare()
        warm_exporter(job.lang)  # this thread would only wait for the kernel meanwhile
    except BaseException:
        for name in ("papermill", "nbclient", "traitlets"):  # the ended kernel is no news
            logging.getLogger(name).setLevel(logging.CRITICAL)
        stopping.abandon()
        thread.join(WORKER_GRACE_SECONDS)
        raise
    while thread.is_alive():
        thread.join(POLL_SECONDS)
    return box["result"]


def _in_language(exc: BorasIntlError, lang: Lang) -> str:
    """The error's words in the report's language, where it carries both."""
    said = getattr(exc, "message", None)
    return said(lang) if callable(said) else str(exc)


def _commit(outcome: ReportOutcome, produced: ProducedReport) -> ReportOutcome:
    try:
        commit_report(produced)
    except ReportError as exc:
        return ReportOutcome(outcome.job, error=exc.message(outcome.job.lang))
    finally:
        produced.discard()  # whatever was not moved
    return outcome


# --- the pool ----------------------------------------------------------------------------------


class _Pool:
    """Worker processes fed one job at a time over a pipe each."""

    def __init__(self, size: int, stopper: stopping.Stopper | None, context: Any) -> None:
        self.size = size
        self.stopper = stopper
        self.context = context
        self.workers: dict[Any, Any] = {}  # connection → process
        self.busy: dict[Any, tuple[int, ReportJob]] = {}  # connection → (job index, job)

    def run(
        self,
        jobs: Sequence[ReportJob],
        finished: Callable[[int, ReportOutcome, ProducedReport | None], None],
        prepare: Callable[[], None] | None = None,
    ) -> None:
        from multiprocessing.connection import wait

        queue = deque(enumerate(jobs))
        guard = self.stopper.polled() if self.stopper else contextlib.nullcontext()
        try:
            with guard:
                _start_forkserver(self.context)
                for _ in range(self.size):
                    self._start_worker()
                for conn in list(self.workers):
                    self._assign(conn, queue)
                if prepare is not None:  # the first jobs' kernels start meanwhile
                    if self.stopper is None:
                        prepare()
                    else:
                        with self.stopper.abortable(self._close):
                            prepare()
                while self.busy and not self._stopping():
                    for conn in wait(list(self.busy), timeout=POLL_SECONDS):
                        if self._stopping():  # results not yet received are discarded
                            break
                        index, job = self.busy.pop(conn)
                        outcome, produced = self._receive(conn, job)
                        finished(index, outcome, produced)
                        if conn not in self.workers:  # it died: a fresh one takes the queue
                            conn = self._start_worker()
                        self._assign(conn, queue)
        finally:
            self._close()

    def _stopping(self) -> bool:
        return self.stopper is not None and self.stopper.signum is not None

    def _start_worker(self) -> Any:
        parent, child = self.context.Pipe()
        level = log.getEffectiveLevel()
        process = self.context.Process(target=_worker_main, args=(child, level), daemon=True)
        process.start()
        child.close()
        self.workers[parent] = process
        return parent

    def _assign(self, conn: Any, queue: deque[tuple[int, ReportJob]]) -> None:
        if queue and not self._stopping():
            index, job = queue.popleft()
            conn.send(job)
            self.busy[conn] = (index, job)

    def _receive(self, conn: Any, job: ReportJob) -> tuple[ReportOutcome, ProducedReport | None]:
        try:
            return conn.recv()
        except (EOFError, OSError):  # the worker process itself died
            process = self.workers.pop(conn)
            process.join(1)
            error = f"the worker process ended unexpectedly (exit status {process.exitcode})"
            return ReportOutcome(job, error=error), None

    def _close(self) -> None:
        """End the workers: politely when idle, by SIGTERM (then SIGKILL) when stopping."""
        stopping_now = self._stopping()
        for conn, process in self.workers.items():
            if stopping_now or conn in self.busy:
                with contextlib.suppress(OSError):
                    os.kill(process.pid, signal.SIGTERM)
            else:
                with contextlib.suppress(OSError):
                    conn.send(None)
        deadline = _monotonic() + WORKER_GRACE_SECONDS
        for process in self.workers.values():
            process.join(max(0.0, deadline - _monotonic()))
        for process in self.workers.values():
            if process.is_alive():
                process.kill()
                process.join(5)
        for conn in self.workers:  # results sent but not received: discard their files
            with contextlib.suppress(EOFError, OSError):
                while conn.poll(0):
                    _, produced = conn.recv()
                    if produced is not None:
                        produced.discard()
            conn.close()
        self.workers.clear()
        helpers_cleanup.stop_helpers()


def _worker_main(conn: Any, level: int) -> None:
    """A worker: produce each job it is sent, hand the result back, until told to stop."""
    stopping.worker_signals()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    logging.getLogger("boras_intl").setLevel(level if level <= logging.DEBUG else logging.WARNING)
    if level > logging.DEBUG:
        quiet_library_logs()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        outcome, produced = _produce(job)
        conn.send((outcome, produced))
        if produced is not None:  # the command owns those files now
            stopping.untrack_temps(temp for temp, _ in produced.pairs)


def _mp_context() -> Any:
    """forkserver where available: workers fork from a server that imported papermill and
    nbconvert once; spawn elsewhere. Never plain fork (threads of zmq and jupyter_client)."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__, "papermill", "nbconvert"])
        return context
    return multiprocessing.get_context("spawn")


def _start_forkserver(context: Any) -> None:
    """Start the forkserver with Ctrl-C ignored, which it keeps across ``exec``.

    On a terminal Ctrl-C reaches the whole process group. The forkserver ignores SIGINT only
    once it has imported papermill and nbconvert (≈ 1.3 s); a Ctrl-C before that killed it
    with a traceback, and the command then failed with ``EOFError`` instead of stopping with
    one line. The command's own handler is back a few milliseconds later.
    """
    import threading

    if context.get_start_method() != "forkserver":
        return
    if threading.current_thread() is not threading.main_thread():
        return  # signal handlers can only be changed in the main thread
    from multiprocessing import forkserver

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


def _monotonic() -> float:
    import time

    return time.monotonic()


class _Progress:
    """tqdm on a terminal, plain log lines otherwise."""

    def __init__(self, total: int, lang: Lang) -> None:
        self.total, self.done, self.lang = total, 0, lang
        self.bar = None
        if sys.stderr is not None and sys.stderr.isatty():
            from tqdm import tqdm

            unit, desc = label("run.bar_unit", lang), label("run.bar", lang)
            self.bar = tqdm(total=total, unit=unit, desc=desc, file=sys.stderr)

    def update(self, outcome: ReportOutcome | None) -> None:
        self.done += 1
        if outcome is None:
            return
        name = outcome.job.name or outcome.job.out_html.name
        if self.bar is not None:
            self.bar.update(1)
            if not outcome.ok:
                self.bar.set_postfix_str(label("run.bar_failed", self.lang, name=name))
        elif outcome.ok and outcome.result is not None:
            seconds = formatter("number:1", self.lang)(outcome.result.seconds)
            log.info(
                label(
                    "run.progress",
                    self.lang,
                    done=self.done,
                    total=self.total,
                    path=outcome.result.html,
                    seconds=seconds,
                )
            )
        else:  # the caller reports the error itself, once
            log.debug("report %d/%d failed: %s", self.done, self.total, name)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
