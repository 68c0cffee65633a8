"""Ending multiprocessing's helper processes and folder with the run, not after it.

A pool of report workers makes multiprocessing start a forkserver and a resource tracker and
create a ``pymp-*`` folder (the forkserver's socket). Left alone they end and go when the
command's interpreter exits normally — moments after the run, and never when a stopped run
ends with ``os._exit``. The standard library has no public call to end them earlier, so this
module is the one place that uses multiprocessing's internals for it:

- ``forkserver._forkserver._stop()`` and ``resource_tracker._resource_tracker._stop()``
  (CPython 3.8+), which close the pipes the helpers wait on and reap them;
- the current process's ``_config["tempdir"]``, the folder multiprocessing removes at exit.

Each call degrades to doing nothing if a future Python changes them (the helpers then end on
their own when the command exits); ``tests/test_helpers_cleanup.py`` checks that they still
work on this Python, so such a change fails the tests instead of passing unnoticed.
"""

from __future__ import annotations

import contextlib
import shutil
import sys


def stop_helpers() -> None:
    """Stop the forkserver and the resource tracker now, so that none outlives the run."""
    if "multiprocessing" not in sys.modules:
        return
    with contextlib.suppress(Exception):
        from multiprocessing import forkserver

        forkserver._forkserver._stop()  # type: ignore[attr-defined]
    with contextlib.suppress(Exception):
        from multiprocessing import resource_tracker

        resource_tracker._resource_tracker._stop()  # type: ignore[attr-defined]


def remove_temp_folder() -> None:
    """Remove this process's ``pymp-*`` folder, if it made one (a normal exit would)."""
    if "multiprocessing" not in sys.modules:
        return
    from multiprocessing import process

    with contextlib.suppress(Exception):
        tempdir = process.current_process()._config.get("tempdir")  # type: ignore[attr-defined]
        if tempdir:
            shutil.rmtree(tempdir, ignore_errors=True)
