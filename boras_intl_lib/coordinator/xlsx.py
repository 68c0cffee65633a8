"""Writing a coordinator's workbook (the correction list, the template): one way for both.

The name must end in ``.xlsx`` (checked before anything is built), the folder is created,
the file is replaced atomically, and a failure to write is one error naming the path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from ..atomic import atomic_write
from ..errors import Problem, WriteError, os_reason


def write_xlsx(path: Path | str, build: Callable[[], Workbook], what: str) -> None:
    """Build the workbook and write it to ``path`` (replaced atomically if it exists).

    ``what`` names the file in the error for a wrong suffix: ``template`` or ``fix_list``
    (labels ``write.what.…``).
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        said = {"what": Problem(f"write.what.{what}")}
        raise WriteError(path, Problem("write.not_xlsx", said))
    book = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path, "wb") as handle:
            book.save(handle)
    except OSError as exc:
        said = {"reason": os_reason(exc)}
        raise WriteError(path, Problem("write.cannot", said)) from None
