"""Reading a folder of ``.xlsx`` workbooks (one per administration, say) as one register.

Every other entry of the folder (a CSV or text file, Excel's ``~$`` lock file, a hidden file,
a folder) is named as not read, with the reason (:mod:`folder_files`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..settings import RegisterLimits
from .folder_files import entries, is_register_file, other_entries
from .format import TABLES
from .raw import XLSX_SUFFIX, RawRegister, combine
from .read_xlsx import read_workbook


def workbooks(folder: Path) -> list[Path]:
    """The ``.xlsx`` files of a folder, in name order (Excel's ``~$`` lock files and hidden
    files left out)."""
    return [p for p in entries(folder) if is_register_file(p, XLSX_SUFFIX)]


def read_workbook_folder(folder: Path, limits: RegisterLimits | None = None) -> RawRegister:
    """Several workbooks (one per administration, say) read as one register.

    Each table's rows are keyed by file number × :data:`ROW_KEY` + Excel row, and each file's
    sheet is named ``workbook.xlsx, sheet`` so that every issue says which file to open. The
    folder's other entries come first among what was not read.
    """
    paths = workbooks(folder)
    books = [read_workbook(path, limits) for path in paths]
    digest = hashlib.sha256()
    for book in books:
        digest.update(book.path.name.encode("utf-8") + b"\0" + book.sha256.encode())
    tables = {}
    for name in TABLES:
        parts = [
            (i, book.path.name, book.tables[name])
            for i, book in enumerate(books)
            if name in book.tables
        ]
        if parts:
            tables[name] = combine(name, parts)
    unread = other_entries(folder, paths) + tuple(
        (f"{book.path.name}, {source}", row, value, key)
        for book in books
        for source, row, value, key in book.unread
    )
    return RawRegister(folder, tables, tuple(b.path for b in books), digest.hexdigest(), unread)
