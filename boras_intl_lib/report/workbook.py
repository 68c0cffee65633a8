"""The Excel workbook beside each report: the data behind every chart and table.

One sheet per table of :func:`report_tables.all_tables`, headers in the report's language,
text that Excel would run as a formula neutralised, numbers kept as numbers so analysts can
compute with them. The report pipeline passes a temporary path and moves the file into
place only when the whole report succeeded.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..safety import neutralise_frame
from .data import ReportData

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_MAX_WIDTH = 60


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
        sheet.append([str(c) for c in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            sheet.append([_cell(v) for v in row])
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "A2"
        _fit_columns(sheet, frame)
    workbook.properties.creator = "boras-intl"
    workbook.save(path)


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
    return value


def _fit_columns(sheet, frame: pd.DataFrame) -> None:
    from openpyxl.utils import get_column_letter

    for i, column in enumerate(frame.columns, start=1):
        lengths = frame[column].map(lambda v: len(str(v)) if v is not None else 0)
        width = max([len(str(column)), *lengths.tolist()])  # never empty: the header counts
        sheet.column_dimensions[get_column_letter(i)].width = min(width + 2, _MAX_WIDTH)
