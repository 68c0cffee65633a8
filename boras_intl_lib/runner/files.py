"""Files of a report run: unique temporary files, moved into place together, safely.

Every output of a run is first written to a hidden, uniquely named file beside its final
name (``.report-2025-sv.1a2b3c4d.tmp.html``), created before the kernel starts — which also
proves the folder is writable. :func:`commit` moves them all into place with ``os.replace``
under an exclusive ``flock`` on the folder, so two runs for the same report never mix their
files. Leftovers of killed runs never collide with later runs (unique names) and are removed
once older than :data:`STALE_TEMP_SECONDS`. The temporary files and their publishing are
:mod:`..atomic`'s, the one writer of the toolkit; this module adds the report's error
messages and the folder lock.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
from pathlib import Path

from ..atomic import STALE_TEMP_SECONDS, publish, remove_stale_temps, temp_beside
from ..errors import Problem, ReportError, os_reason


def create_temp(final: Path) -> Path:
    """An empty, uniquely named hidden file beside ``final``; proves the folder is writable."""
    folder = final.parent
    if final.is_dir():
        raise ReportError(Problem("run.err.is_folder", {"path": final}))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        problem = Problem("run.err.create_folder", {"folder": folder, "reason": os_reason(exc)})
        raise ReportError(problem) from None
    remove_stale_temps(folder)
    try:
        return temp_beside(final)
    except OSError as exc:
        problem = Problem("run.err.write_folder", {"folder": folder, "reason": os_reason(exc)})
        raise ReportError(problem) from None


RUN_FOLDER_PREFIX = "boras-intl-run-"  # a run's private folder in the system's temp folder


def new_run_folder() -> Path:
    """A private (0700) folder for one run's data files; stale ones of killed runs go first."""
    import shutil
    import tempfile

    limit = time.time() - STALE_TEMP_SECONDS
    for old in Path(tempfile.gettempdir()).glob(f"{RUN_FOLDER_PREFIX}*"):
        with contextlib.suppress(OSError):
            if old.is_dir() and not old.is_symlink() and old.stat().st_mtime < limit:
                shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=RUN_FOLDER_PREFIX))


def write_text(path: Path, text: str) -> None:
    """Write a temporary file of this module (:func:`commit` flushes it to disk)."""
    path.write_text(text, encoding="utf-8", newline="\n")


def replace_text(final: Path, text: str) -> None:
    """Write one file atomically (a temporary file of this module, published)."""
    from . import stopping

    temp = create_temp(final)
    stopping.track_temps([temp])  # a run stopped meanwhile removes it
    try:
        write_text(temp, text)
        publish([(temp, final)])
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        stopping.untrack_temps([temp])


def commit(pairs: Sequence[tuple[Path, Path]], out_html: Path) -> None:
    """Move every temporary file to its final name under the folder lock; drop an old failure."""
    try:
        publish(pairs, lock=True)
    except OSError as exc:
        final = exc.filename2 or out_html  # os.replace names the file it could not replace
        problem = Problem("run.err.write", {"path": final, "reason": os_reason(exc)})
        raise ReportError(problem) from None
    with contextlib.suppress(OSError):
        out_html.with_name(f"{out_html.stem}.failed.ipynb").unlink(missing_ok=True)
