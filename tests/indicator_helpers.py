"""Publisher workbooks in their real layouts, written with openpyxl for the indicator tests.

Freedom House's ``All_data_FIW_2013-2025.xlsx``: a licence sheet, then the data sheet
``FIW13-25`` with a title in row 1, the header in row 2 (``Country/Territory, Region, C/T,
Edition, Status, PR rating, CL rating, A1 … G4`` with the subcategory totals A–G, PR, CL and
Total among them). The World Bank's ``wgidataset.xlsx`` (2024 update): one sheet, the long
layout of ``fixtures/indicators/wgi_2024_update.csv``.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "indicators"

FH_HEADER = (
    ["Country/Territory", "Region", "C/T", "Edition", "Status", "PR rating", "CL rating"]
    + [f"A{i}" for i in (1, 2, 3)]
    + ["A"]
    + [f"B{i}" for i in (1, 2, 3, 4)]
    + ["B"]
    + [f"C{i}" for i in (1, 2, 3)]
    + ["C", "Add Q", "Add A", "PR"]
    + [f"D{i}" for i in (1, 2, 3, 4)]
    + ["D"]
    + [f"E{i}" for i in (1, 2, 3)]
    + ["E"]
    + [f"F{i}" for i in (1, 2, 3, 4)]
    + ["F"]
    + [f"G{i}" for i in (1, 2, 3, 4)]
    + ["G", "CL", "Total"]
)


def fh_row(name: str, ct: str, edition: int, status: str, pr: int, cl: int, f: int) -> list:
    """One FIW row: subcategory totals derived so that A+B+C = PR and D+E+F+G = CL."""
    row = dict.fromkeys(FH_HEADER, 1)
    a, b = min(pr, 12), min(max(pr - 12, 0), 16)
    rest_cl = cl - f
    d, e = min(rest_cl, 16), min(max(rest_cl - 16, 0), 12)
    row.update(
        {
            "Country/Territory": name,
            "Region": "Europe",
            "C/T": ct,
            "Edition": edition,
            "Status": status,
            "PR rating": 1 if pr >= 36 else 4 if pr >= 15 else 7,
            "CL rating": 1 if cl >= 53 else 4 if cl >= 20 else 7,
            "A": a,
            "B": b,
            "C": pr - a - b,
            "PR": pr,
            "D": d,
            "E": e,
            "F": f,
            "G": rest_cl - d - e,
            "CL": cl,
            "Total": pr + cl,
            "Add Q": None,
            "Add A": None,
        }
    )
    return [row[h] for h in FH_HEADER]


FH_ROWS = [
    fh_row("India", "c", 2025, "PF", 33, 30, 8),
    fh_row("Indian Kashmir", "t", 2025, "NF", 6, 20, 3),
    fh_row("Czech Republic", "c", 2025, "F", 36, 55, 15),
    fh_row("Turkey", "c", 2025, "NF", 10, 23, 4),
    fh_row("Congo (Kinshasa)", "c", 2025, "NF", 4, 15, 2),
    fh_row("Cote d'Ivoire", "c", 2025, "PF", 20, 30, 7),
    fh_row("Kosovo", "c", 2025, "PF", 28, 33, 8),
    fh_row("St. Vincent and the Grenadines", "c", 2025, "F", 36, 54, 13),
    fh_row("Crimea", "t", 2025, "NF", 0, 4, 1),
    fh_row("India", "c", 2024, "PF", 33, 33, 9),
    fh_row("Sweden", "c", 2024, "F", 40, 59, 16),
    fh_row("Sweden", "c", 2025, "F", 40, 59, 16),
]


def write_fh(path: Path, rows: list[list] | None = None, sheet: str = "FIW13-25") -> Path:
    """A Freedom House "All Data FIW" workbook in the published layout."""
    book = openpyxl.Workbook()
    book.active.title = "License"
    book.active.append(["Freedom House data, terms of use"])
    data = book.create_sheet(sheet)
    data.append(["Freedom in the World 2013-2025 Raw Data"])
    data.append(FH_HEADER)
    for row in FH_ROWS if rows is None else rows:
        data.append(row)
    book.save(path)
    return path


def write_wgi(path: Path) -> Path:
    """The WGI 2024 update's long table as an xlsx workbook (numbers as numbers, ".." kept)."""
    csv = pd.read_csv(FIXTURES / "wgi_2024_update.csv", dtype=str)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "wgidataset"
    sheet.append(list(csv.columns))
    for row in csv.itertuples(index=False):
        sheet.append([_cell(v) for v in row])
    book.save(path)
    return path


def _cell(text: str) -> object:
    try:
        return float(text)
    except ValueError:
        return text


WJP_HEADER = [
    "Country",
    "Year",
    "Country_year",
    "Country Code",
    "Region",
    "WJP Rule of Law Index: Overall Score",
    "Factor 1: Constraints on Government Powers",
    "1.1 Limits by legislature",
    "Factor 2: Absence of Corruption",
    "Factor 3: Open Government",
    "Factor 4: Fundamental Rights",
    "Factor 5: Order and Security",
    "Factor 6: Regulatory Enforcement",
    "Factor 7: Civil Justice",
    "Factor 8: Criminal Justice",
]


def write_wjp(path: Path, rows: list[list]) -> Path:
    """WJP's ``…HISTORICAL_DATA_FILE.xlsx``: a notes sheet, then "Historical Data" with the
    header in row 1 (``rows`` give Country, Year, Country Code, the overall score and factor 1;
    the other factors are derived so every score differs)."""
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["WJP Rule of Law Index historical data, notes"])
    data = book.create_sheet("Historical Data")
    data.append(WJP_HEADER)
    for country, year, code, overall, f1 in rows:
        factors = [round(f1 - 0.01 * n, 4) if f1 is not None else None for n in range(2, 9)]
        region = "EU + EFTA + North America"
        data.append([country, year, f"{country}_{year}", code, region, overall, f1, f1, *factors])
    book.save(path)
    return path


WGI_LEGACY_SHEETS = (
    "VoiceandAccountability",
    "Political StabilityNoViolence",
    "GovernmentEffectiveness",
    "RegulatoryQuality",
    "RuleofLaw",
    "ControlofCorruption",
)
WGI_BLOCK = ["Estimate", "StdErr", "NumSrc", "Rank", "Lower", "Upper"]


def write_wgi_legacy(path: Path, years: list[int], rows: dict[str, list]) -> Path:
    """The WGI workbook before 2024: an introduction sheet, then one sheet per dimension with
    notes, the years above each block of six columns, then ``Country/Territory, Code`` and the
    block headers. ``rows``: sheet → [(name, code, [(estimate, rank) per year])]; ``None``
    is written as ``#N/A``, as published."""
    book = openpyxl.Workbook()
    book.active.title = "Introduction"
    book.active.append(["Worldwide Governance Indicators, 2023 Update"])
    for sheet in WGI_LEGACY_SHEETS:
        data = book.create_sheet(sheet)
        data.append([f"{sheet} (estimates and percentile ranks)"])
        data.append(["Note: #N/A marks a missing value"])
        data.append([])
        data.append([None, None] + [y for y in years for y in (y, None, None, None, None, None)])
        data.append(["Country/Territory", "Code"] + WGI_BLOCK * len(years))
        for name, code, per_year in rows.get(sheet, []):
            cells = [name, code]
            for pair in per_year:
                estimate, rank = pair if pair is not None else ("#N/A", "#N/A")
                cells += [estimate, 0.2, 9, rank, -0.3, 0.3]
            data.append(cells)
    book.save(path)
    return path
