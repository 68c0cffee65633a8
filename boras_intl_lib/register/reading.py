"""Reading a register: a path → raw tables of text with Excel row numbers.

A register is an ``.xlsx`` workbook or a folder of CSV files (see ``docs/register-format.md``).
Nothing is interpreted here beyond turning every cell into stripped text: parsing and checking
happen in :mod:`parsing` and :mod:`validation`, which can then report each problem with the
sheet or file, the row number Excel shows, and the header as the coordinator wrote it.
Anything that makes the register unreadable as a whole raises
:class:`~boras_intl_lib.errors.RegisterUnreadableError` with one sentence.
"""

from __future__ import annotations

from pathlib import Path

from ..settings import RegisterLimits
from .cells import visible
from .format import find_table
from .raw import (
    CSV_SUFFIX,
    ROW_KEY,
    UNREAD_LANGS,
    XLSX_SUFFIX,
    RawRegister,
    RawTable,
    Unread,
    unreadable,
)
from .read_csv import read_csv_folder
from .read_folder import read_workbook_folder, workbooks
from .read_xlsx import cell_text, read_workbook

# The shared types are defined in :mod:`raw` (which every reader imports) and named here too,
# where the register's readers have always been looked for.
__all__ = [
    "CSV_SUFFIX",
    "ROW_KEY",
    "UNREAD_LANGS",
    "XLSX_SUFFIX",
    "RawRegister",
    "RawTable",
    "Unread",
    "cell_text",
    "read_csv_folder",
    "read_register",
    "read_workbook",
    "read_workbook_folder",
    "visible",
]


def read_register(path: Path | str, limits: RegisterLimits | None = None) -> RawRegister:
    """Read a workbook or a folder of CSV files into raw tables, each file within ``limits``
    (what a file may cost to read; the defaults of :class:`RegisterLimits` if not given)."""
    path = Path(path)
    if not path.exists():
        raise unreadable(path, "unreadable.not_found")
    if path.is_dir():
        if workbooks(path) and not any(
            p.suffix.lower() == CSV_SUFFIX and find_table(p.stem) for p in path.iterdir()
        ):
            return read_workbook_folder(path, limits)
        return read_csv_folder(path, limits)
    if path.suffix.lower() == CSV_SUFFIX:
        raise unreadable(path, "unreadable.csv_file")
    return read_workbook(path, limits)
