"""The Excel workbook beside each report: the data behind every chart and table.

The first sheet says what the workbook is: the report, the source register and its SHA-256,
the parameters file's hash, the counting rule and — for the bundled register — that the data
is fictitious. Then one sheet per table of :func:`tables.all_tables`, headers in the report's
language, text that Excel would run as a formula neutralised, numbers kept as numbers with
number formats (kronor, per cent, dates) so analysts can check and compute with them; the
sheet "Alla aktiviteter" lists every activity, so any figure can be traced. The report
pipeline passes a temporary path and moves the file into place only when the whole report
succeeded.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..i18n.labels import Lang, label
from ..safety import neutralise_frame
from .data import ReportData

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_MAX_WIDTH = 60
#: Excel number formats; Excel shows the separators of the reader's locale (Swedish: 1 234,5).
FORMATS = {
    "integer": "#,##0",
    "number": "#,##0.0",
    "sek": '#,##0 "kr"',
    "percent": "0%",
    "date": "yyyy-mm-dd",
}
#: Columns (by label key) whose values are shares or amounts in kronor.
PERCENT_COLUMNS = ("col.share", "col.share_clear", "col.eu_share")
SEK_COLUMNS = (
    "col.external_funding_sek",
    "col.eu_funding_sek",
    "col.budget_sek",
    "col.own_funding_sek",
)


def write_report_workbook(data: ReportData, path: str | Path) -> None:
    """Write every report table to ``path`` (.xlsx); do nothing when ``path`` is empty.

    Returns nothing on purpose: the notebook calls this in its last cell, and a returned value
    would be shown in the report (the temporary path, different on every run).
    """
    if not path:
        return
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from .tables import all_tables

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for name, table in all_tables(data).items():
        sheet = workbook.create_sheet(_sheet_name(name, workbook.sheetnames))
        frame = neutralise_frame(_plain(table))
        sheet.append([str(c).replace("\u00ad", "") for c in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            sheet.append([_cell(v) for v in row])
        for cell in sheet[1]:
            cell.font = bold
        _number_formats(sheet, table, data.lang)
        sheet.freeze_panes = "A2"
        _fit_columns(sheet, frame)
    workbook.properties.creator = "boras-intl"
    workbook.save(path)


def column_formats(table: pd.DataFrame, lang: Lang) -> dict[int, str]:
    """Column position (0-based) → format kind for the numeric columns of ``table``."""
    percent = {label(k, lang) for k in PERCENT_COLUMNS}
    sek = {label(k, lang) for k in SEK_COLUMNS}
    out: dict[int, str] = {}
    for i, (name, column) in enumerate(table.items()):
        if pd.api.types.is_datetime64_any_dtype(column.dtype):
            out[i] = "date"
        elif not pd.api.types.is_numeric_dtype(column.dtype) or column.dtype == bool:
            continue
        elif name in percent or (table.attrs.get("percent_all") and column.dtype.kind == "f"):
            out[i] = "percent"
        elif name in sek:
            out[i] = "sek"
        elif column.dtype.kind in "iu":
            out[i] = "integer"
    return out


def _number_formats(sheet, table: pd.DataFrame, lang: Lang) -> None:
    """Apply :data:`FORMATS`: per column, and per row for the key figures."""
    for i, kind in column_formats(table, lang).items():
        for (cell,) in sheet.iter_rows(min_row=2, min_col=i + 1, max_col=i + 1):
            cell.number_format = FORMATS[kind]
    for r, kind in enumerate(table.attrs.get("row_formats", []), start=2):
        sheet.cell(row=r, column=2).number_format = FORMATS[kind]


def _sheet_name(name: str, taken: list[str]) -> str:
    base = _SHEET_FORBIDDEN.sub(" ", name)[:31]
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base[:28]} {n}"
        n += 1
    return candidate


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Extension dtypes to plain Python values openpyxl understands."""
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.CategoricalDtype):
            out[column] = out[column].astype("string")
    return out.astype(object).where(out.notna(), None)


def _cell(value: object) -> object:
    if isinstance(value, tuple | list):
        return ", ".join(map(str, value))
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime().date()
    if isinstance(value, float) and value != value:  # NaN: an empty cell, not an error
        return None
    return value


def _fit_columns(sheet, frame: pd.DataFrame) -> None:
    from openpyxl.utils import get_column_letter

    for i, column in enumerate(frame.columns, start=1):
        lengths = frame[column].map(lambda v: len(str(v)) if v is not None else 0)
        width = max([len(str(column)), *lengths.tolist()])  # never empty: the header counts
        sheet.column_dimensions[get_column_letter(i)].width = min(width + 2, _MAX_WIDTH)
