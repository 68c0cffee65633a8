"""The correction list ``validate --fix-list rättelser.xlsx``: what each administration must fix.

One sheet per administration (the ``administration`` column of the issues: a partner row is
its activity's, a misspelt administration is the one suggested for it, and rows of no
administration go to a sheet of their own), each listing every rejected row and every flagged
value with the sheet or file, the row as Excel shows it, the column, the value, the reason and
a suggestion. Written with openpyxl, formula-like text neutralised, so the file can be e-mailed
as it is.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from ..i18n.labels import Lang, label
from ..register.model import Register
from ..safety import neutralise_frame
from .xlsx import write_xlsx

_FIELDS = ("severity", "source", "row", "column", "value", "reason", "suggestion")
_WIDTHS = (12, 16, 6, 22, 28, 70, 24)
HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
MAX_TITLE = 31  # Excel's limit for a sheet name
_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def write_fix_list(path: Path | str, register: Register, lang: Lang = "sv") -> None:
    """Write the correction list of ``register`` to ``path`` (replaced atomically)."""
    write_xlsx(path, lambda: build_fix_list(register, lang), "fix_list")


def build_fix_list(register: Register, lang: Lang = "sv") -> Workbook:
    """The correction list as a workbook: a sheet per administration, in name order."""
    book = Workbook()
    issues = register.issues
    owners = issues["administration"].fillna(label("fixlist.no_administration", lang))
    first = True
    for name in sorted(owners.unique()):
        sheet = book.active if first else book.create_sheet()
        first = False
        sheet.title = _title(name, book)
        _write_sheet(sheet, name, issues[(owners == name).to_numpy()], lang)
    if first:  # nothing to fix
        book.active.title = label("fixlist.nothing_title", lang)[:MAX_TITLE]
        book.active["A1"] = label("fixlist.nothing", lang)
    return book


def _title(name: str, book: Workbook) -> str:
    """A valid, distinct sheet name for an administration."""
    base = name.translate(_FORBIDDEN).strip()[:MAX_TITLE] or "-"
    title, n = base, 2
    while title in book.sheetnames:
        suffix = f" ({n})"
        title, n = base[: MAX_TITLE - len(suffix)] + suffix, n + 1
    return title


def _write_sheet(sheet: Worksheet, name: str, issues: pd.DataFrame, lang: Lang) -> None:
    sheet["A1"] = label("fixlist.title", lang, administration=name)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = label("fixlist.intro", lang)
    for col, field in enumerate(_FIELDS, start=1):
        cell = sheet.cell(row=4, column=col, value=label(f"fixlist.{field}", lang))
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    errors_first = issues.assign(_e=(issues["severity"] != "error").astype(int))
    errors_first = errors_first.sort_values(["_e", "table", "row"], kind="stable")
    reasons = errors_first["reason_sv" if lang == "sv" else "reason"]
    severity = errors_first["severity"].map(
        {"error": label("fixlist.rejected", lang), "warning": label("fixlist.flagged", lang)}
    )
    columns = {
        "severity": severity,
        "source": errors_first["source"],
        "row": errors_first["row"],
        "column": errors_first["column"],
        "value": errors_first["value"].fillna(""),
        "reason": reasons,
        "suggestion": errors_first["suggestion"].fillna(""),
    }
    frame = pd.DataFrame(columns).astype(object).where(lambda f: f.notna(), "")
    frame = neutralise_frame(frame)  # values, sources and headers as written are the user's
    for offset, values in enumerate(frame.itertuples(index=False), start=5):
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(row=offset, column=col, value=_plain(value))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[chr(64 + col)].width = width
    sheet.freeze_panes = "A5"
    sheet.print_title_rows = "4:4"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1


def _plain(value: object) -> object:
    """Row numbers as numbers, everything else as text."""
    if pd.api.types.is_number(value) and not isinstance(value, bool):
        return int(value)  # type: ignore[call-overload]  # a number, checked above
    return str(value)
