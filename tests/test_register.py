"""load_register end to end: real-looking registers, xlsx ≡ CSV, and nothing lost (hypothesis)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from register_helpers import (
    activity,
    exception,
    partner,
    workbook_engine,  # noqa: F401  (a fixture)
    write_csv_folder,
    write_workbook,
)

from boras_intl_lib.register import example_register_path, load_example_register, load_register
from boras_intl_lib.register.format import TABLES
from boras_intl_lib.settings import Administration, Settings

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "register"
SETTINGS = Settings(
    year=2024,
    administrations=[
        Administration(name=n)
        for n in ("Kulturförvaltningen", "Stadsledningskansliet", "Miljöförvaltningen")
    ],
)


def problems(register) -> list[tuple]:
    cols = ["table", "row", "column", "value", "severity", "reason_key"]
    return [tuple(r) for r in register.issues[cols].astype(object).itertuples(index=False)]


# --- committed fixtures ---------------------------------------------------------------------


def test_swedish_excel_export_cp1252_semicolons_decimal_comma() -> None:
    register = load_register(FIXTURES / "swedish_export", SETTINGS)
    assert register.input_rows == {"activities": 6, "partners": 6, "exceptions": 2}
    assert problems(register) == [
        ("activities", 4, "Aktivitets_ID", "KUL-2024-01", "error", "reason.duplicate_id"),
        ("activities", 6, "Budget_kr", "-5", "warning", "reason.below_minimum"),
        (
            "activities",
            7,
            "Förvaltning",
            "Okänd förvaltning",
            "warning",
            "warning.unknown_administration",
        ),
        ("activities", 8, "År", "20x4", "error", "reason.not_a_number"),
        ("partners", 5, "aktivitets_id", "KUL-2024-09", "error", "reason.unknown_activity"),
        ("partners", 7, "land", "Atlantis", "warning", "warning.unknown_country"),
        ("exceptions", 3, "land / partner", "", "error", "reason.one_of_required"),
    ]
    first = register.activities.iloc[0]
    assert first["budget_sek"] == 1234567.5  # no-break-space thousands, decimal comma
    assert first["external_funding_sek"] == 1_000_000.0
    assert first["profiling_targets"] == ("growth", "knowledge")
    assert first["sdgs"] == (9, 12)
    assert first["description"] == "Ett projekt; med semikolon"
    second = register.activities.iloc[1]
    assert second["budget_sek"] == 45000.0  # plain-space thousands
    assert second["status"] == "ongoing"
    assert second["evaluated"]
    assert register.activities["row"].tolist() == [2, 3, 6, 7]  # a bad budget keeps its row
    assert pd.isna(register.activities.iloc[2]["budget_sek"])
    assert register.partners["country_iso3"].tolist() == ["ESP", "ITA", "FIN", "AUT", pd.NA]
    assert register.exceptions.iloc[0]["valid_to"] == pd.Timestamp("2024-12-31")
    assert set(register.issues["source"]) == {"aktiviteter.csv", "partner.csv", "undantag.csv"}


def test_english_utf8_with_bom_and_commas() -> None:
    register = load_register(FIXTURES / "english_utf8_bom")
    assert register.issues.empty
    assert register.activities["activity_id"].tolist() == ["E-1", "E-2"]
    assert register.activities["budget_sek"].tolist() == [12.5, 1000.75]
    assert register.activities["sdgs"].tolist() == [(4,), (4, 17)]
    assert register.activities["evaluated"].tolist() == [True, False]
    assert register.partners["country_iso3"].tolist() == ["DNK", "BEL"]
    assert register.exceptions.empty


# --- the same register as .xlsx and as Windows-1252 CSV ------------------------------------


def _mixed_register() -> dict[str, list[dict[str, object]]]:
    """Typed cells: numbers, dates and booleans are real Excel values in the workbook."""
    return {
        "activities": [
            activity(
                "A1",
                year=2024,
                budget_sek=1234567.5,
                external_funding_sek=1000.25,
                participants=12,
                outcome_level=2,
                evaluated="ja",
                knowledge_shared=True,
                profiling_targets="tillväxt; kunskap",
                sdgs="9; 12",
                status="Pågående",
                title='Åtgärd; med "citat"',
            ),
            activity("A2", year=2023, budget_sek=-5),
            activity("A1", year=2024),
            activity("A3", year="tjugo"),
            activity("A4", year="2024", budget_sek="45000", participants="7"),  # text cells
            activity("A5", year=2022, administration="Okänd", sdgs=18),
        ],
        "partners": [
            partner("A1", partner_type="Kommun", city="Mataró", country="Spanien"),
            partner("A2"),
            partner("A9"),
            partner("A4", country="Atlantis"),
        ],
        "exceptions": [
            exception(
                "KS 1",
                decision_date=dt.datetime(2024, 2, 1),
                valid_from=dt.datetime(2024, 1, 1),
                valid_to="2024-12-31",
            ),
            exception("KS 2", decision_date=dt.datetime(2024, 3, 1), country=""),
        ],
    }


@pytest.mark.usefixtures("workbook_engine")
def test_xlsx_and_windows_1252_csv_give_identical_results(tmp_path: Path) -> None:
    tables = _mixed_register()
    book = load_register(write_workbook(tmp_path / "r.xlsx", tables), SETTINGS)
    folder = write_csv_folder(tmp_path / "csv", tables, encoding="cp1252", sep=";")
    assert "1\u00a0234\u00a0567,5" in (folder / "aktiviteter.csv").read_bytes().decode("cp1252")
    text = load_register(folder, SETTINGS)
    for table in ("activities", "partners", "exceptions"):
        pd.testing.assert_frame_equal(getattr(book, table), getattr(text, table))
    pd.testing.assert_frame_equal(
        book.issues.drop(columns="source"), text.issues.drop(columns="source")
    )
    assert len(book.activities) == 4 and len(book.rejected) >= 3
    assert book.activities.iloc[2]["budget_sek"] == 45000.0
    assert set(book.issues["source"]) == {"aktiviteter", "partner", "undantag"}


@pytest.mark.usefixtures("workbook_engine")
def test_english_sheet_names_and_headers_in_a_workbook(tmp_path: Path) -> None:
    tables = {"activities": [activity()], "partners": [partner()]}
    english = {
        name: [c.name.upper().replace("_", " ") for c in TABLES[name].columns] for name in tables
    }
    path = write_workbook(
        tmp_path / "r.xlsx",
        tables,
        names={"activities": "Activities", "partners": "partners"},
        header_rows=english,
        extra_sheets=("Instructions",),
    )
    register = load_register(path)
    assert register.issues.empty
    assert register.activities["activity_id"].tolist() == ["A1"]
    assert len(register.partners) == 1


# --- fingerprint, example -------------------------------------------------------------------


def test_fingerprint_path_and_example_flag(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "r.xlsx", {"activities": [activity()], "partners": []})
    register = load_register(str(path))
    assert register.path == path
    assert register.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert register.is_example is False
    assert load_register(path, is_example=True).is_example is True


def test_example_register_is_bundled_in_the_package() -> None:
    path = example_register_path()
    assert path.name == "example_register.xlsx"
    assert path.parent.name == "data" and path.parent.parent.name == "boras_intl_lib"
    assert path.is_file(), f"{path} is missing from the package"
    register = load_example_register()
    assert register.is_example
    assert len(register.activities) > 0
    assert register.path == path


# --- nothing is lost, for arbitrary messy registers ----------------------------------------

# per kind: cells that are fine in any column of that kind, and cells that are messy
_GOOD: dict[str, list[str]] = {
    "text": ["Text", "  padded  ", 'åäö; "q"'],
    "number": ["1 234,5", "1\u00a0000", "0", "50 000 kr", "ca 12", "2 tkr"],
    "boolean": ["ja", "NEJ", "x"],
    "date": ["2024-01-01", "2023-12-31 00:00:00"],
    "int_list": ["1; 17", "4"],
    "country": ["Finland", "SE", "Türkiye"],
}
_BAD: dict[str, list[str]] = {
    "text": ["\u00a0"],
    "integer": ["1999", "2,5", "x", "-1", "4"],
    "number": ["-5", "abc", "1.234,5"],
    "boolean": ["kanske"],
    "date": ["2024-13-01", "1/1/2024"],
    "enum": ["foo"],
    "list": ["foo"],
    "int_list": ["18", "x", "0"],
    "country": ["Atlantis"],
}
_IDS = ["A1", "A2", "A3", "A4", "A5", "A6", "A7", " A1 "]  # " A1 " repeats A1


def _good(col) -> list[str]:
    """Values that are fine in this column (its range, its vocabulary)."""
    if col.enum is not None:
        keys, words = list(col.enum.values), list(col.enum.values.values())
        good = [keys[0], words[-1].upper()]
        if col.kind == "list":
            good.append(f"{words[0]}; {keys[-1]}")
    elif col.kind == "integer":
        low = int(col.minimum or 0)
        good = [str(low), f"{low},0", str(int(col.maximum or low + 12))]
    else:
        good = _GOOD[col.kind]
    return good if col.required else [*good, ""]


def _cell(col) -> st.SearchStrategy[str]:
    """A cell of ``col``: about one in 25 is bad, so that many rows pass and many do not."""
    good, bad = _good(col), _BAD[col.kind]
    repeat = -(-24 * len(bad) // len(good))
    return st.sampled_from(good * repeat + bad)


def _record(table: str) -> st.SearchStrategy[dict[str, str]]:
    fields = {}
    for col in TABLES[table].columns:
        if col.name == "activity_id":
            ids = [*_IDS, "A9"] if table != "activities" else _IDS
            fields[col.name] = st.sampled_from([*ids, ""])
        else:
            fields[col.name] = _cell(col)
    blank = st.just(dict.fromkeys(fields, ""))
    return st.one_of(st.fixed_dictionaries(fields), st.fixed_dictionaries(fields), blank)


def _write_plain_csv(folder: Path, name: str, table: str, records: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.swedish for c in TABLES[table].columns])
    for record in records:
        writer.writerow([record[c.name] for c in TABLES[table].columns])
    (folder / f"{name}.csv").write_text(buffer.getvalue(), encoding="utf-8")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    activities=st.lists(_record("activities"), max_size=8),
    partners=st.lists(_record("partners"), max_size=8),
    exceptions=st.lists(_record("exceptions"), max_size=5),
    with_settings=st.booleans(),
)
def test_accepted_and_rejected_rows_partition_the_input(
    activities, partners, exceptions, with_settings
) -> None:
    tables = {"activities": activities, "partners": partners, "exceptions": exceptions}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for table, records in tables.items():
            _write_plain_csv(folder, TABLES[table].swedish, table, records)
        register = load_register(folder, SETTINGS if with_settings else None)
    for table, records in tables.items():
        non_empty = {i + 2 for i, r in enumerate(records) if any(v.strip() for v in r.values())}
        accepted = set(getattr(register, table)["row"])
        rejected_issues = register.rejected[register.rejected["table"] == table]
        rejected = set(rejected_issues["row"].astype(int))
        assert not accepted & rejected, table
        assert accepted | rejected == non_empty, table
        assert register.input_rows[table] == len(non_empty)
        assert rejected_issues["reason"].str.len().gt(0).all()
        assert rejected_issues["reason_sv"].str.len().gt(0).all()
        assert rejected_issues["column"].notna().all()
    # a partner is only accepted when its activity was accepted
    assert set(register.partners["activity_id"]) <= set(register.activities["activity_id"])
    assert not register.activities["activity_id"].duplicated().any()
