"""A report's kernel: started before papermill is imported, run by papermill, then ended.

The kernel is spawned first, with the report modules preloaded (``exec_lines``), so that it
boots while the command imports papermill and evaluates the register; papermill then runs the
notebook on it. nbclient is handed the started kernel through its public ``kernel_manager_class``
setting (a class whose construction returns that kernel's manager), so nbclient owns it as if it
had started it itself: it ends the kernel at once after the last cell (nothing is left to flush)
and closes its channels. papermill's own engine runs unchanged; ours only keeps its notebook.

Kernels talk over Unix sockets in the run's private folder where the system has them: no TCP
port is opened, so no other local user can connect and no two kernels race for a free port.
Every kernel is tracked by :mod:`.stopping`.
"""

from __future__ import annotations

import contextlib
import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..report.contract import NOTEBOOK_MODULES
from . import stopping

if TYPE_CHECKING:
    from nbformat import NotebookNode

# The kernel logs to our stderr: "running over TCP" (a warning, where TCP is used) and,
# when jupyter_client interrupts it before shutdown, "KeyboardInterrupt caught in kernel"
# (an error). Both are noise; a kernel that really fails surfaces as an execution error.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]
#: Run by the kernel while it boots (before it answers), so the notebook's first cell finds
#: the report modules loaded: the kernel starts before the parent imports papermill.
KERNEL_PRELOAD = f"import {', '.join(NOTEBOOK_MODULES)}"
_ENGINE_NAME = "boras_intl"


def run_notebook(
    notebook: Path,
    params: dict[str, Any],
    kernel_name: str,
    timeout: int | None,
    cwd: Path,
    kept: list[Any],
) -> NotebookNode:
    """Start the kernel first — it boots and imports the report modules while papermill is
    imported and the notebook parameterised — then execute the notebook on it."""
    km = _start_kernel(kernel_name, cwd)
    try:
        import papermill

        _register_engine()
        return papermill.execute_notebook(
            str(notebook),
            None,
            parameters=params,
            engine_name=_ENGINE_NAME,
            kernel_name=kernel_name,
            execution_timeout=timeout or None,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            record_timing=False,
            kernel_manager_class=_handing_out(km),  # nbclient owns it: ends it with the run
            shutdown_kernel="immediate",  # nothing is left to flush once the last cell ran
            keep=kept,
        )
    finally:
        _end_kernel(km)  # nbclient ended it; this covers a failure before nbclient took it


def ready_to_start_kernels() -> None:
    """Import what spawning a kernel needs (≈ 0.1 s), so that a job thread started next
    spawns its kernel at once instead of importing alongside other work."""
    import jupyter_core.utils  # noqa: F401

    _kernel_manager_class()


def _start_kernel(kernel_name: str, cwd: Path) -> Any:
    """A tracked kernel (see :mod:`.stopping`) started in ``cwd`` with the report modules
    preloaded; on this thread's event loop, the one nbclient will use."""
    from jupyter_core.utils import run_sync

    # The connection file (the kernel's keys) goes into the run's private folder too, which
    # every run removes however it ends, never into Jupyter's shared runtime folder.
    km = _kernel_manager_class()(
        kernel_name=kernel_name, connection_file=str(cwd / "kernel.json"), **_transport(cwd)
    )
    arguments = [
        *KERNEL_ARGUMENTS,
        f"--IPKernelApp.exec_lines={[KERNEL_PRELOAD]!r}",
        "--HistoryManager.hist_file=:memory:",  # as nbclient does: no history database
    ]
    # The kernel's temporary files (openpyxl writes the workbook through one) go into the
    # run's private folder as well: a kernel ended by a stop cannot remove its own.
    env = {**os.environ, "TMPDIR": str(cwd)}
    run_sync(km.start_kernel)(extra_arguments=arguments, cwd=str(cwd), env=env)
    return km


_MAX_SOCKET_PATH = 100  # Unix socket paths are limited to about 107 bytes


def _transport(cwd: Path) -> dict[str, str]:
    """Unix sockets in the run's private folder where the system has them: no TCP port is
    opened (no other local user can reach the kernel, no race for free ports); else TCP."""
    prefix = str(cwd / "kernel")
    if os.name != "posix" or len(os.fsencode(prefix)) + 3 > _MAX_SOCKET_PATH:
        return {}
    return {"transport": "ipc", "ip": prefix}


def _end_kernel(km: Any) -> None:
    from jupyter_core.utils import run_sync

    with contextlib.suppress(Exception):
        if km.has_kernel:
            run_sync(km.shutdown_kernel)(now=True)


@functools.cache
def _kernel_manager_class() -> type:
    return stopping.tracked_kernel_manager()


def _handing_out(km: Any) -> type:
    """A kernel manager class whose construction returns ``km``, already started.

    nbclient builds its kernel manager from ``kernel_manager_class`` when it is given none, and
    then owns it: it skips starting (the kernel is running) and, after the last cell, ends the
    kernel and closes the client's channels. Handing it ``km`` directly would leave both to us.
    """

    class Started(type(km)):  # type: ignore[misc]
        def __new__(cls, *args: Any, **kwargs: Any) -> Any:
            return km

    return Started


@functools.cache
def _register_engine() -> None:
    """papermill's nbclient engine, which also hands out its notebook manager (``keep``): on
    a failure papermill raises without it, and the failing section is named from its cells."""
    from papermill.engines import NBClientEngine, papermill_engines

    class KeepingEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(
            cls, nb_man: Any, kernel_name: str, keep: list | None = None, **kwargs: Any
        ) -> Any:
            if keep is not None:
                keep.append(nb_man)
            return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)

    papermill_engines.register(_ENGINE_NAME, KeepingEngine)
