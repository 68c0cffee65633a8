"""Inputs are read-only: where a command may not write (issue 22, item 1).

Every command that writes checks, before it reads or writes anything, that no file it will
write is, or is inside, a file or folder it reads (the register, the parameters file), and
that it writes over no register: not an existing workbook with an ``activities`` sheet, not
into a folder holding a CSV register (``activities.csv`` or ``aktiviteter.csv``). A refusal
is one line in the user's language and exit status 2, with nothing written.

A folder of register *workbooks* is only protected as the register being read: a working
folder holds ``register.xlsx`` beside the CSV files and reports written next to it, which
touch no register file. ``template`` and ``init`` replace an existing register file only
with ``--force``, and then only when it is an empty template (:func:`is_empty_template`).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from html import unescape
from pathlib import Path

from .errors import BorasIntlError
from .i18n.labels import Lang, label

_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\bname\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_WORKBOOK_XML_LIMIT = 4 << 20  # a workbook.xml listing sheets is a few KiB


class WouldOverwriteError(BorasIntlError):
    """A command was asked to write over one of its inputs or over a register (exit 2)."""

    def __init__(self, key: str, path: Path, **values: object) -> None:
        self.key = key
        self.path = path
        self.values = {"path": path, **values}
        super().__init__(self.message("en"))

    def message(self, lang: Lang = "sv") -> str:
        """The refusal in Swedish (``"sv"``) or English, naming the path."""
        return label(self.key, lang, **self.values)


def _real(path: Path) -> Path:
    return Path(path).expanduser().resolve()


def _within(path: Path, other: Path) -> bool:
    """``path`` is ``other`` or lies inside it (both resolved)."""
    return path == other or other in path.parents


def sheet_names(path: Path) -> list[str]:
    """The sheet names of an ``.xlsx`` file from ``xl/workbook.xml`` alone ([] if none)."""
    try:
        with zipfile.ZipFile(path) as book:
            info = book.getinfo("xl/workbook.xml")
            if info.file_size > _WORKBOOK_XML_LIMIT:
                return []
            xml = book.read(info)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return []
    return [unescape((a or b).decode("utf-8", "replace")) for a, b in _SHEET.findall(xml)]


def is_register_workbook(path: Path) -> bool:
    """An existing file that is a workbook with a register's activities sheet."""
    from .register.format import find_table

    if not path.is_file():
        return False
    return any(
        (table := find_table(name)) is not None and table.name == "activities"
        for name in sheet_names(path)
    )


def holds_csv_register(folder: Path) -> bool:
    """A folder with a register's activities file (``activities.csv``, ``aktiviteter.csv``)."""
    from .register.format import find_table

    try:
        entries = list(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return False
    return any(
        p.suffix.lower() == ".csv"
        and (table := find_table(p.stem)) is not None
        and table.name == "activities"
        and p.is_file()
        for p in entries
    )


def is_empty_template(path: Path) -> bool:
    """A register workbook whose tables hold no row: what ``template`` writes, unfilled."""
    from .register.reading import read_register

    if not is_register_workbook(path):
        return False
    try:
        raw = read_register(path)
    except BorasIntlError:
        return False
    return all(t.cells.empty and not t.bad_lines for t in raw.tables.values())


def check_writes(
    files: Iterable[Path] = (),
    *,
    folders: Iterable[Path] = (),
    register: Path | None = None,
    params: Path | None = None,
) -> None:
    """Refuse (:class:`WouldOverwriteError`) any write that would harm an input or a register.

    ``files`` are the files the command will write (an existing one may be replaced),
    ``folders`` the folders it will write files into. None may be, or lie inside, the
    ``register`` (a workbook or folder) or the ``params`` file; no file may be an existing
    register workbook; no folder may hold a CSV register.
    """
    reads = [(_real(p), key) for p, key in ((register, "register"), (params, "params")) if p]
    for target in [*folders, *files]:
        real = _real(target)
        for read, key in reads:
            if real == read:
                raise WouldOverwriteError(f"guard.is_{key}", target)
            if _within(real, read):
                inside = "guard.inside_register" if key == "register" else "guard.is_params"
                raise WouldOverwriteError(inside, target, register=register)
    for folder in folders:
        if holds_csv_register(_real(folder)):
            raise WouldOverwriteError("guard.folder_holds_register", folder)
    for file in files:
        if is_register_workbook(_real(file)) or holds_csv_register(_real(file).parent):
            raise WouldOverwriteError("guard.file_is_register", file)


def check_replace(path: Path, *, force: bool) -> None:
    """``template`` / ``init``: an existing file is replaced only with ``force``, and then only
    when it is an empty template — never a filled register or any other file."""
    if not path.exists() or path.is_dir():
        return  # a folder is refused by the writer itself, with its own message
    if not force:
        raise WouldOverwriteError("guard.exists", path)
    if not is_empty_template(_real(path)):
        raise WouldOverwriteError("guard.not_empty_template", path)
