"""The format's rules of typed columns: validation's direct checks agree with pandera.

``validation.schema`` states the rules as a pandera schema; validation finds the rows that
break them with ``column_failures`` (pandera itself would cost more to import and set up than
a small register's whole validation). Here pandera is the oracle: on any typed table both
name the same rows for the same reasons, and every accepted table satisfies the schema.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandera.errors import SchemaErrors

from boras_intl_lib.register.format import TABLES, Column, Table
from boras_intl_lib.register.load import load_register
from boras_intl_lib.register.validation import _checked_columns, column_failures, schema
from tests.register_helpers import activity, exception, partner, write_workbook

# pandera's name of each check → the reason key validation gives for it
PANDERA_REASONS = {
    "not_nullable": "reason.required",
    "greater_than_or_equal_to": "reason.below_minimum",
    "less_than_or_equal_to": "reason.above_maximum",
    "isin": "reason.unknown_value",
}


def _values(col: Column, n: int) -> st.SearchStrategy[pd.Series]:
    """A typed column of ``n`` values as validation makes them, missing ones included."""
    low = -5 if col.minimum is None else int(col.minimum) - 3
    high = 5 if col.maximum is None else int(col.maximum) + 3
    if col.kind == "integer":
        item: st.SearchStrategy[object] = st.integers(low, high)
        dtype = "Int64"
    elif col.kind == "number":
        item, dtype = st.floats(low, high, allow_nan=False), "float64"
    elif col.kind == "enum":
        assert col.enum is not None
        item, dtype = st.sampled_from([*col.enum.values, "x", "Okänd"]), "string"
    elif col.kind == "date":
        item = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(pd.Timestamp)
        dtype = "datetime64[ns]"
    else:
        item, dtype = st.text(min_size=1, max_size=3), "string"
    cells = st.lists(st.one_of(st.none(), item), min_size=n, max_size=n)
    return cells.map(
        lambda v: pd.Series(
            pd.array(v, dtype=dtype) if dtype != "float64" else v,
            dtype=dtype,
            index=pd.RangeIndex(2, 2 + n),
        )
    )


@st.composite
def typed_tables(draw: st.DrawFn) -> tuple[Table, pd.DataFrame]:
    table = draw(st.sampled_from(list(TABLES.values())))
    n = draw(st.integers(0, 8))
    frame = pd.DataFrame({c.name: draw(_values(c, n)) for c in _checked_columns(table)})
    return table, frame.set_axis(pd.RangeIndex(2, 2 + n))


def _by_pandera(table: Table, frame: pd.DataFrame) -> set[tuple[str, str, int]]:
    try:
        schema(table).validate(frame, lazy=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases
        return {
            (str(c), PANDERA_REASONS[str(check).split("(")[0]], int(row))
            for c, check, row in zip(cases["column"], cases["check"], cases["index"], strict=True)
        }
    return set()


def _by_validation(table: Table, frame: pd.DataFrame) -> set[tuple[str, str, int]]:
    found = set()
    for col in _checked_columns(table):
        if col.name not in frame:
            continue
        for key, rows in column_failures(frame[col.name], col):
            found |= {(col.name, key, int(row)) for row in rows}
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typed_tables())
def test_direct_checks_find_what_pandera_finds(case: tuple[Table, pd.DataFrame]) -> None:
    table, frame = case
    assert _by_validation(table, frame) == _by_pandera(table, frame)


def test_the_oracle_sees_every_kind_of_failure() -> None:
    """Not vacuous: each reason occurs, and the two agree on it."""
    frame = pd.DataFrame(
        {
            "activity_id": pd.array(["A1", None], dtype="string"),
            "year": pd.array([1999, 2025], dtype="Int64"),
            "title": pd.array(["T", "T"], dtype="string"),
            "administration": pd.array(["K", "K"], dtype="string"),
            "activity_type": pd.array(["x", None], dtype="string"),
            "outcome_level": pd.array([4, 1], dtype="Int64"),
        },
        index=pd.RangeIndex(2, 4),
    )
    found = _by_validation(TABLES["activities"], frame)
    assert {key for _, key, _ in found} == set(PANDERA_REASONS.values())
    assert found == _by_pandera(TABLES["activities"], frame)


def test_accepted_tables_satisfy_the_schema(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "r.xlsx",
        {
            "activities": [
                activity("A1"),
                activity("A2", year=1999),
                activity("A3", budget_sek=-5, outcome_level=7, status="kanske"),
                activity("", title=""),
            ],
            "partners": [partner("A1"), partner("A3", partner_type="okänd typ"), partner("A9")],
            "exceptions": [exception(), exception("KS 2024/2", decision_date="")],
        },
    )
    register = load_register(path)
    assert register.rejected_rows("activities") == 2 and len(register.warnings) >= 3
    for name, frame in (
        ("activities", register.activities),
        ("partners", register.partners),
        ("exceptions", register.exceptions),
    ):
        table = TABLES[name]
        columns = [c.name for c in _checked_columns(table) if c.name in frame]
        schema(table).validate(frame[columns], lazy=True)  # raises if any rule is broken


def test_schema_is_a_pandera_schema_of_the_checked_columns() -> None:
    built = schema(TABLES["partners"])
    assert isinstance(built, pa.DataFrameSchema)
    assert list(built.columns) == [c.name for c in _checked_columns(TABLES["partners"])]
    assert schema(TABLES["partners"]) is built  # built once per process
