"""The one atomic writer every output of the toolkit goes through.

A uniquely named hidden temporary file beside the final name (:func:`temp_beside`), written,
flushed and moved into place with ``os.replace`` (:func:`publish`): a reader never sees a
half-written file, and a failed or interrupted run never replaces a good one.
:func:`replace_together` does it for a set of files (``score``'s CSV files, all or none),
:func:`atomic_write` for one; the report runner (``runner/files.py``) takes the same two
steps itself, because its temporary files must exist before the kernel starts, and publishes
with the folder locked. Leftovers of killed runs never collide with later runs (unique
names) and are removed once older than :data:`STALE_TEMP_SECONDS`.
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
from typing import IO, Any

log = logging.getLogger("boras_intl")

STALE_TEMP_SECONDS = 3600  # leftovers of killed runs older than this are removed
#: The hidden temporary files of :func:`temp_beside` (``.report-2025-sv.1a2b3c4d.tmp.html``).
TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp(\.[A-Za-z0-9_-]+)?$")


def temp_beside(final: Path) -> Path:
    """An empty, uniquely named hidden file beside ``final`` (``OSError`` when the folder is
    not writable). Unique names: a killed run's leftover never collides with a later run."""
    while True:
        temp = final.parent / f".{final.stem}.{secrets.token_hex(4)}.tmp{final.suffix}"
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return temp


def remove_stale_temps(folder: Path, max_age: float = STALE_TEMP_SECONDS) -> None:
    """Remove :func:`temp_beside` files left by killed runs (only old ones: others may run)."""
    limit = time.time() - max_age
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if TEMP_NAME.match(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < limit:
                        os.unlink(entry.path)
                        log.info("removed a stale temporary file %s", entry.path)


def publish(pairs: Sequence[tuple[Path, Path]], *, lock: bool = False) -> None:
    """Move each written temporary file onto its final name, together.

    Every file is flushed to disk before any is replaced, so a crash never leaves a final
    name pointing at an empty file, and a failure before this point leaves the previous set
    as it was. A replaced file keeps its permissions; a new one gets the usual ``0o666`` less
    the umask. With ``lock`` the replacements happen under an exclusive lock on each folder,
    so two runs writing the same files never mix them.
    """
    for temp, final in pairs:
        fsync(temp)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp, final.stat().st_mode & 0o777)
    folders = sorted({final.parent for _, final in pairs})
    with contextlib.ExitStack() as stack:
        if lock:
            for folder in folders:
                stack.enter_context(folder_lock(folder))
        for temp, final in pairs:
            os.replace(temp, final)
    for folder in folders:
        fsync(folder)


@contextlib.contextmanager
def replace_together(paths: Sequence[Path | str]) -> Iterator[list[Path]]:
    """Temporary files beside each of ``paths``, moved into place together when the block ends.

    Every file is written and flushed before any is replaced (:func:`publish`), so a failure
    while writing (a full disk) leaves the previous set of files as it was — never new
    ``scores.csv`` beside old ``partners.csv``. On an error every temporary file is removed.
    """
    finals = [Path(p) for p in paths]
    temps: list[Path] = []
    try:
        for folder in {final.parent for final in finals}:
            remove_stale_temps(folder)
        temps.extend(temp_beside(final) for final in finals)
        yield temps
        publish(list(zip(temps, finals, strict=True)), lock=True)  # two runs never mix a set
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_write(path: Path | str, mode: str = "w", **open_kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success move it into place atomically.

    On an error the temporary file is removed and ``path`` is left as it was.
    """
    with replace_together([path]) as (temp,), open(temp, mode, **open_kwargs) as handle:
        yield handle


def fsync(path: Path) -> None:
    """Flush a file or folder to disk (best effort: some file systems refuse folders)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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
