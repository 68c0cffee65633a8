"""Every entry of a register folder read or named: which files are tables, which continue one,
and why each of the others is not read.

A folder of CSV files is read from the files named after a table (``aktiviteter.csv``) and
from the files that continue one, as a copied sheet continues its table in a workbook: a file
named like a table with more words after it (``aktiviteter (2).csv``, ``aktiviteter - kopia
.csv``, by :func:`~.sheetscan.continued_table`), or one whose first line holds a table's
headers (``kultur 2025.csv``). A folder of workbooks is read from its ``.xlsx`` files. Every
other entry (another file, Excel's ``~$`` lock file, a hidden file, a folder) is named as not
read, with the reason's label key, so that nothing a coordinator put there is passed over in
silence. Unlike a workbook's sheets, a CSV file's headers cost one short read to look at.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, os_reason
from .format import TABLES, Table, normalise_token
from .raw import CSV_SUFFIX, UNREAD_LANGS, XLSX_SUFFIX, Unread, match_names, unreadable
from .sheetscan import continued_table

LOCK_PREFIX = "~$"  # Excel's lock file of an open file: ~$aktiviteter.csv, ~$kultur.xlsx
HIDDEN_PREFIX = "."  # a hidden file: macOS's ._kultur.xlsx beside each file copied, .DS_Store


@dataclass(frozen=True)
class CsvFolder:
    """What a folder of CSV files holds: each table's own file, the files continuing it (in
    name order), how each continuation was recognised, and every entry not read."""

    tables: dict[str, Path]
    continuations: dict[str, list[Path]]
    by_headers: frozenset[Path]  # continuations recognised by their headers, not their name
    unread: tuple[Unread, ...]


def entries(folder: Path) -> list[Path]:
    """The folder's entries in name order (a folder that cannot be listed is unreadable)."""
    try:
        return sorted(folder.iterdir())
    except OSError as exc:
        detail = Problem("detail.named", {"name": folder.name, "reason": os_reason(exc)})
        raise unreadable(folder, "unreadable.os_error", detail=detail) from None


def is_lock_file(path: Path) -> bool:
    return path.name.startswith(LOCK_PREFIX)


def is_hidden(path: Path) -> bool:
    """A hidden entry: never register data, even when it ends in ``.xlsx`` or ``.csv`` (macOS
    writes ``._kultur.xlsx`` beside a workbook copied to a shared drive)."""
    return path.name.startswith(HIDDEN_PREFIX)


def is_register_file(path: Path, suffix: str) -> bool:
    """A file a register folder's reader reads: ``suffix``, neither a lock file nor hidden."""
    return (
        path.suffix.lower() == suffix
        and not is_lock_file(path)
        and not is_hidden(path)
        and path.is_file()
    )


def plan_csv_folder(folder: Path, headers_of: Callable[[Path], Sequence[str]]) -> CsvFolder:
    """Sort a CSV folder's entries into tables, continuations and entries not read.

    ``headers_of`` gives the headers of a CSV file's first line (empty if none can be read);
    it is asked only about ``.csv`` files whose name is no table's. A continuation of a table
    the folder has no file for (``undantag 2024.csv`` without ``undantag.csv``) is not read:
    the summary asks for it to be renamed.
    """
    listed = entries(folder)
    csv_files = [p for p in listed if _is_csv(p)]
    tables = match_names(folder, csv_files, lambda p: p.stem, "file")
    own = set(tables.values())
    continuations: dict[str, list[Path]] = {}
    by_headers: set[Path] = set()
    unread: list[Unread] = []
    for path in listed:
        if path in own:
            continue
        if not _is_csv(path):
            unread.append(not_read(path, CSV_SUFFIX))
            continue
        table = continued_table(path.stem)
        if table is None:
            table = table_of_headers(headers_of(path))
            if table is None:
                unread.append((path.name, None, "", "unread.file_csv"))
                continue
            by_headers.add(path)
        if table.name not in tables:
            names = f"{table.swedish}{UNREAD_LANGS}{table.name}"
            unread.append((path.name, None, names, "unread.file_no_table"))
            continue
        continuations.setdefault(table.name, []).append(path)
    return CsvFolder(tables, continuations, frozenset(by_headers), tuple(unread))


def not_read(path: Path, suffix: str) -> Unread:
    """Why an entry that is no ``suffix`` file of the register is not read."""
    if path.is_dir():
        return (path.name, None, "", "unread.folder")
    if is_hidden(path):
        return (path.name, None, "", "unread.file_hidden")
    if is_lock_file(path):
        return (path.name, None, "", "unread.file_lock")
    key = "unread.file_not_csv" if suffix == CSV_SUFFIX else "unread.file_not_xlsx"
    return (path.name, None, "", key)


def other_entries(folder: Path, read: Sequence[Path]) -> tuple[Unread, ...]:
    """Every entry of a folder of workbooks but the workbooks ``read``, with its reason."""
    kept = set(read)
    return tuple(not_read(p, XLSX_SUFFIX) for p in entries(folder) if p not in kept)


def table_of_headers(headers: Sequence[str]) -> Table | None:
    """The table whose required headers are all in ``headers`` (any accepted spelling, any
    order); of several, the one with most of ``headers``; None if no table's are."""
    tokens = {normalise_token(h) for h in headers if h}
    best: tuple[int, Table] | None = None
    for table in TABLES.values():
        lookup = table.header_lookup()
        columns = {lookup[t] for t in tokens if t in lookup}
        fits = all(c in columns for c in table.required) and all(
            any(c in columns for c in group) for group in table.one_of
        )
        if fits and (best is None or len(columns) > best[0]):
            best = (len(columns), table)
    return best[1] if best else None


def _is_csv(path: Path) -> bool:
    return is_register_file(path, CSV_SUFFIX)
