"""Build small registers for the register tests: records → CSV folders, workbooks, raw tables.

A record is a dict of canonical column name → cell value. Values are written as given: a str
is a text cell, an int/float/datetime a typed Excel cell (CSV renders them the way Excel with
Swedish settings exports: decimals with a decimal comma and no-break-space thousands
separators, whole numbers as plain digits, dates as ISO).
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from boras_intl_lib.register.format import TABLES
from boras_intl_lib.register.reading import RawRegister, RawTable

Record = Mapping[str, object]

# read_xlsx.py uses python-calamine when installed, else openpyxl: test whichever are present
WORKBOOK_ENGINES = ["openpyxl"] + (
    ["calamine"] if importlib.util.find_spec("python_calamine") else []
)


@pytest.fixture(params=WORKBOOK_ENGINES)
def workbook_engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a workbook test once per reader; "openpyxl" hides python-calamine."""
    if request.param == "openpyxl":
        monkeypatch.setitem(sys.modules, "python_calamine", None)
    return request.param


SHEETS_SV = {name: table.swedish for name, table in TABLES.items()}


def activity(activity_id: str = "A1", **values: object) -> dict[str, object]:
    """A valid activity row; override or add cells with keyword arguments."""
    row: dict[str, object] = {
        "activity_id": activity_id,
        "year": "2024",
        "title": "Textilt utbyte",
        "administration": "Kulturförvaltningen",
        "activity_type": "EU-projekt",
    }
    row.update(values)
    return row


def partner(activity_id: str = "A1", **values: object) -> dict[str, object]:
    """A valid partner row."""
    row: dict[str, object] = {
        "activity_id": activity_id,
        "partner_name": "Mikkelin kaupunki",
        "country": "Finland",
    }
    row.update(values)
    return row


def exception(decision_id: str = "KS 2024/1", **values: object) -> dict[str, object]:
    """A valid exception decision."""
    row: dict[str, object] = {
        "decision_id": decision_id,
        "decision_date": "2024-02-01",
        "country": "Serbien",
    }
    row.update(values)
    return row


def headers(table: str, lang: str = "sv") -> list[str]:
    """The headers of every column of ``table`` (Swedish or English)."""
    return [c.header(lang) for c in TABLES[table].columns]  # type: ignore[arg-type]


def grid(table: str, records: Sequence[Record], header_row: Sequence[str] | None = None):
    """Header + one list of cells per record (all columns of the table, blanks as "")."""
    names = [c.name for c in TABLES[table].columns]
    head = list(header_row) if header_row is not None else headers(table)
    rows = [[record.get(name, "") for name in names] for record in records]
    return [head, *rows]


def swedish_text(value: object) -> str:
    """A cell as Excel with Swedish settings writes it to CSV."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "SANT" if value else "FALSKT"
    if isinstance(value, float):
        text = f"{value:,.0f}" if value.is_integer() else f"{value:,}"
        return text.replace(",", "\u00a0").replace(".", ",")
    if isinstance(value, int):
        return str(value)  # whole numbers in General format: no thousands separator
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_csv_folder(
    folder: Path,
    tables: Mapping[str, Sequence[Record]],
    *,
    encoding: str = "utf-8",
    sep: str = ",",
    names: Mapping[str, str] | None = None,
    header_rows: Mapping[str, Sequence[str]] | None = None,
) -> Path:
    """Write one CSV file per table (Swedish file names unless ``names`` says otherwise)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = names or SHEETS_SV
    for table, records in tables.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n")
        head = (header_rows or {}).get(table)
        for row in grid(table, records, head):
            writer.writerow([swedish_text(v) for v in row])
        (folder / f"{names[table]}.csv").write_bytes(buffer.getvalue().encode(encoding))
    return folder


def write_workbook(
    path: Path,
    tables: Mapping[str, Sequence[Record]],
    *,
    names: Mapping[str, str] | None = None,
    header_rows: Mapping[str, Sequence[str]] | None = None,
    extra_sheets: Sequence[str] = (),
) -> Path:
    """Write one sheet per table with typed cells (str stays text, numbers stay numbers)."""
    names = names or SHEETS_SV
    book = Workbook()
    book.remove(book.active)
    for title in extra_sheets:
        book.create_sheet(title)["A1"] = "not part of the register"
    for table, records in tables.items():
        sheet = book.create_sheet(names[table])
        for row in grid(table, records, (header_rows or {}).get(table)):
            sheet.append([None if v == "" else v for v in row])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def raw_register(
    activities: Sequence[Record] = (),
    partners: Sequence[Record] = (),
    exceptions: Sequence[Record] | None = None,
    lang: str = "sv",
) -> RawRegister:
    """Raw tables as reading.py would deliver them (rows numbered from 2), without files.

    ``lang`` picks the headers and sheet names: Swedish (default) or English."""
    tables = {"activities": activities, "partners": partners}
    if exceptions is not None:
        tables["exceptions"] = exceptions
    raw = {}
    for name, records in tables.items():
        spec = TABLES[name]
        index = pd.Index(range(2, len(records) + 2), name="row", dtype="int64")
        cells = pd.DataFrame(
            {c.name: [str(r.get(c.name, "")).strip() for r in records] for c in spec.columns},
            index=index,
            dtype=object,
        )
        heads = {c.name: c.header(lang) for c in spec.columns}  # type: ignore[arg-type]
        raw[name] = RawTable(name, spec.swedish if lang == "sv" else name, cells, heads)
    return RawRegister(Path("in-memory"), raw)
