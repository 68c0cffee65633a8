"""Files of a report run: unique temporary files, moved into place together, safely.

Every output of a run is first written to a hidden, uniquely named file beside its final
name (``.report-2025-sv.1a2b3c4d.tmp.html``), created before the kernel starts — which also
proves the folder is writable. :func:`commit` moves them all into place with ``os.replace``
under an exclusive ``flock`` on the folder, so two runs for the same report never mix their
files. Leftovers of killed runs never collide with later runs (unique names) and are removed
once older than :data:`STALE_TEMP_SECONDS`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import ReportError

log = logging.getLogger("boras_intl")
STALE_TEMP_SECONDS = 3600  # leftovers of killed runs older than this are removed
TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp(\.[A-Za-z0-9_-]+)?$")


def create_temp(final: Path) -> Path:
    """An empty, uniquely named hidden file beside ``final``; proves the folder is writable."""
    folder = final.parent
    if final.is_dir():
        raise ReportError(f"cannot write {final}: it is a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(
            f"cannot create the output folder {folder}: {exc.strerror or exc}"
        ) from None
    remove_stale_temps(folder)
    while True:
        temp = folder / f".{final.stem}.{secrets.token_hex(4)}.tmp{final.suffix}"
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        except OSError as exc:
            raise ReportError(
                f"cannot write to the output folder {folder}: {exc.strerror or exc}"
            ) from None
        return temp


def remove_stale_temps(folder: Path, max_age: float = STALE_TEMP_SECONDS) -> None:
    """Remove this module's temporary files left by killed runs (only old ones: others may run)."""
    limit = time.time() - max_age
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if TEMP_NAME.match(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < limit:
                        os.unlink(entry.path)
                        log.info("removed a stale temporary file %s", entry.path)


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
    """Write and flush to disk (so a rename after a crash never points at an empty file)."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())


def fsync(path: Path) -> None:
    """Flush a file or folder to disk (best effort)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_text(final: Path, text: str) -> None:
    """Write one file atomically (a temporary file of this module + ``os.replace``)."""
    from . import stopping

    temp = create_temp(final)
    stopping.track_temps([temp])  # a run stopped meanwhile removes it
    try:
        write_text(temp, text)
        os.replace(temp, final)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        stopping.untrack_temps([temp])


def commit(pairs: Sequence[tuple[Path, Path]], out_html: Path) -> None:
    """Move every temporary file to its final name under the folder lock; drop an old failure."""
    for temp, _ in pairs:
        fsync(temp)
    with folder_lock(out_html.parent):
        for temp, final in pairs:
            try:
                os.replace(temp, final)
            except OSError as exc:
                raise ReportError(f"cannot write {final}: {exc.strerror or exc}") from None
        with contextlib.suppress(OSError):
            out_html.with_name(f"{out_html.stem}.failed.ipynb").unlink(missing_ok=True)
    for folder in {final.parent for _, final in pairs}:
        fsync(folder)


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive advisory lock on the folder itself (no lock file to leave behind)."""
    try:
        import fcntl
    except ImportError:  # Windows: each file is still replaced atomically
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
