"""Stopping a run when told: SIGINT (Ctrl-C) and SIGTERM (a scheduler, ``systemctl stop``).

What a stopped run guarantees: no file under a final name is written after the signal (a
set of report files being moved into place when it arrives is finished first — that takes
milliseconds), queued reports are not started, running kernels and worker processes are
ended, temporary files are removed, one line says what was written and what was not, and the
exit status is 128 + the signal (130, 143).

Jupyter kernels run in a session of their own (jupyter_client starts them so that Ctrl-C in
a terminal does not reach them), so a signal to the command's process group never reaches
them. Each process of a run therefore keeps a small registry of what it started and has not
finished — kernels (through :class:`TrackedKernelManager`) and temporary files — and
:func:`abandon` ends and removes exactly those. The registry is per process on purpose: it is
what a signal handler needs, and nothing else reads it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_KERNELS: dict[int, str] = {}  # pid of a running kernel → its connection file
_TEMPS: set[Path] = set()  # temporary files this process created and has not moved or removed
_TEMP_DIRS: set[Path] = set()  # private temporary folders (Chromium's) removed on abandon
_ABANDONED: list[bool] = []  # non-empty once abandon() ran: a failing run keeps no notebook
# A kernel is started and recorded under this lock: abandon() waits for a start in another
# thread to be recorded (then ends that kernel too), and refuses starts once it ran.
_STARTING = threading.Lock()
_STARTING_IN: set[int] = set()  # threads between spawning a kernel and recording it
_DEFERRED: dict[int, list[Callable[[], None]]] = {}  # per thread: stops deferred to the end
_START_WAIT_SECONDS = 5.0  # a start takes milliseconds; never wait forever in a handler


def exit_status(signum: int) -> int:
    """The shell's convention: 128 + the signal number (SIGINT 130, SIGTERM 143)."""
    return 128 + signum


def signal_name(signum: int) -> str:
    return signal.Signals(signum).name


# --- the registry ------------------------------------------------------------------------------


def track_temps(paths: Iterable[Path]) -> None:
    _TEMPS.update(paths)


def untrack_temps(paths: Iterable[Path]) -> None:
    _TEMPS.difference_update(paths)


def track_temp_dir(path: Path) -> None:
    _TEMP_DIRS.add(path)


def untrack_temp_dir(path: Path) -> None:
    _TEMP_DIRS.discard(path)


def track_kernel(pid: int, connection_file: str) -> None:
    _KERNELS[pid] = connection_file


def untrack_kernel(pid: int) -> None:
    _KERNELS.pop(pid, None)


def abandoned() -> bool:
    """True once :func:`abandon` ran in this process (what fails now was ended on purpose)."""
    return bool(_ABANDONED)


class StartRefused(RuntimeError):
    """A kernel was to be started after this process abandoned its run."""


@contextlib.contextmanager
def starting_kernel() -> Iterator[None]:
    """While a kernel is spawned and recorded: a stop can never miss it.

    A stop handled in another thread waits (in :func:`abandon`) until the kernel is recorded,
    then ends it; a stop whose handler interrupts this very thread is deferred to the end of
    the block (:func:`defer_while_starting`). Without this, a kernel spawned just before a
    stop outlived the run and printed "Current working directory doesn't exist" on the
    command's stderr once its folder was removed.
    """
    me = threading.get_ident()
    try:
        with _STARTING:
            if _ABANDONED:
                raise StartRefused("the run was stopped")
            _STARTING_IN.add(me)
            yield
    finally:
        _STARTING_IN.discard(me)
        for action in _DEFERRED.pop(me, []):
            action()


def defer_while_starting(action: Callable[[], None]) -> bool:
    """In a signal handler: if this thread is starting a kernel, run ``action`` once the
    kernel is recorded (end of :func:`starting_kernel`) and return True; else False."""
    if threading.get_ident() not in _STARTING_IN:
        return False
    _DEFERRED.setdefault(threading.get_ident(), []).append(action)
    return True


def abandon() -> None:
    """Kill this process's kernels (their whole process group) and remove its temporary files."""
    waits = threading.get_ident() not in _STARTING_IN  # never wait for this thread itself
    got = _STARTING.acquire(timeout=_START_WAIT_SECONDS) if waits else False
    try:
        _abandon()
    finally:
        if got:
            _STARTING.release()


def _abandon() -> None:
    _ABANDONED.append(True)
    for pid, connection_file in list(_KERNELS.items()):
        _kill_group(pid)
        with contextlib.suppress(OSError):
            Path(connection_file).unlink(missing_ok=True)
    _KERNELS.clear()
    for path in list(_TEMPS):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    _TEMPS.clear()
    for folder in list(_TEMP_DIRS):
        shutil.rmtree(folder, ignore_errors=True)
    _TEMP_DIRS.clear()


def _kill_group(pid: int) -> None:
    """SIGKILL the kernel and anything it started, then reap it if it is our child."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, 0)


def tracked_kernel_manager() -> type:
    """jupyter_client's AsyncKernelManager that records its kernel in this process's registry."""
    from jupyter_client.manager import AsyncKernelManager

    class TrackedKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd: list[str], **kwargs: Any) -> None:
            # Tracked as soon as its process exists, not once it has started (≈ 1 s later),
            # and spawned and tracked as one step (starting_kernel): a run stopped meanwhile
            # ends it too, instead of leaving it to boot in a folder that is being removed.
            with starting_kernel():
                await super()._async_launch_kernel(kernel_cmd, **kwargs)
                pid = getattr(self.provisioner, "pid", None)
                if pid:
                    track_kernel(int(pid), self.connection_file)

        async def shutdown_kernel(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
            pid = getattr(self.provisioner, "pid", None)
            await super().shutdown_kernel(*args, **kwargs)
            if pid:
                untrack_kernel(int(pid))

    return TrackedKernelManager


# --- the command's side ------------------------------------------------------------------------


class Stopper:
    """Catches SIGINT and SIGTERM for one run and decides when the run may act on them.

    ``immediate`` (the default) means this process is executing a report itself: the handler
    calls ``on_abort(signum)`` at once, which must end the process. While files are being
    moved into place (:meth:`committing`) or while a loop polls :attr:`signum` (worker pool:
    ``immediate = False``), the signal is only recorded and acted on by the caller.
    """

    def __init__(self, on_abort: Callable[[int], None]) -> None:
        self.on_abort = on_abort
        self.signum: int | None = None
        self.immediate = True
        self.before_abort: list[Callable[[], None]] = []  # e.g. end the workers first
        self._committing = False
        self._previous: dict[int, Any] = {}

    def install(self) -> None:
        for signum in STOP_SIGNALS:
            self._previous[signum] = signal.signal(signum, self._handle)

    def restore(self) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous.clear()

    def _handle(self, signum: int, frame: Any) -> None:
        if self.signum is None:
            self.signum = signum
        if (
            self.immediate
            and not self._committing
            and not defer_while_starting(self._abort_unless_done)
        ):
            self._abort()

    def _abort_unless_done(self) -> None:
        """A stop deferred while this thread started a kernel, acted on once it is recorded."""
        if self.immediate and not self._committing:
            self._abort()

    def _abort(self) -> None:
        for signum in STOP_SIGNALS:  # a second Ctrl-C must not interrupt the clean-up
            signal.signal(signum, signal.SIG_IGN)
        assert self.signum is not None
        for cleanup in list(self.before_abort):
            cleanup()
        self.on_abort(self.signum)

    @contextlib.contextmanager
    def committing(self) -> Iterator[None]:
        """Files move into place as a set; a signal meanwhile is acted on right after."""
        self._committing = True
        try:
            yield
        finally:
            self._committing = False
        if self.signum is not None and self.immediate:
            self._abort()

    @contextlib.contextmanager
    def abortable(self, cleanup: Callable[[], None]) -> Iterator[None]:
        """While this thread does work that does not poll (preparing data with workers already
        running): a signal calls ``cleanup`` (ending the workers), then ``on_abort``."""
        immediate = self.immediate
        self.before_abort.append(cleanup)
        self.immediate = True
        try:
            if self.signum is not None:
                self._abort()
            yield
        finally:
            self.immediate = immediate
            self.before_abort.remove(cleanup)

    @contextlib.contextmanager
    def polled(self) -> Iterator[None]:
        """While a loop checks :attr:`signum` itself (a pool of workers)."""
        self.immediate = False
        try:
            yield
        finally:
            self.immediate = True


def worker_signals() -> None:
    """In a worker: ignore Ctrl-C (the command decides), and on SIGTERM end at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_terminated)


def _worker_terminated(signum: int, frame: Any) -> None:
    if defer_while_starting(lambda: _worker_terminated(signum, None)):
        return
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    abandon()
    os._exit(exit_status(signum))
