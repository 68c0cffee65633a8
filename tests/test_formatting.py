"""formatting: Swedish and English numbers, percentages, money and dates via babel."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from boras_intl_lib.i18n import formatting as f

NB = "\xa0"  # babel's group separator and the space before % and kr in Swedish


@pytest.mark.parametrize(
    ("value", "decimals", "sv", "en"),
    [
        (1234567.5, 1, f"1{NB}234{NB}567,5", "1,234,567.5"),
        (1234567.5, 0, f"1{NB}234{NB}568", "1,234,568"),
        (2.5, 0, "3", "3"),  # half-up, not babel's half-even
        (0.125, 2, "0,13", "0.13"),
        (-0.04, 1, "0,0", "0.0"),  # never "-0"
        (12, 2, "12,00", "12.00"),
        (np.int64(4200), 0, f"4{NB}200", "4,200"),
        (Decimal("1.005"), 2, "1,01", "1.01"),
    ],
)
def test_fmt_number(value: object, decimals: int, sv: str, en: str) -> None:
    assert f.fmt_number(value, "sv", decimals) == sv
    assert f.fmt_number(value, "en", decimals) == en


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA, pd.NaT])
def test_missing_values_show_a_dash(missing: object) -> None:
    assert f.fmt_number(missing) == f.fmt_percent(missing) == f.fmt_sek(missing) == "–"
    assert f.fmt_date(missing) == f.fmt_bool(missing) == "–"


def test_fmt_percent() -> None:
    assert f.fmt_percent(0.8, "sv") == f"80{NB}%"
    assert f.fmt_percent(0.8, "en") == "80%"
    assert f.fmt_percent(0.8055, "sv", 1) == f"80,6{NB}%"
    assert f.fmt_percent(0.005, "en") == "1%"
    assert f.fmt_percent(1, "sv") == f"100{NB}%"


def test_fmt_sek() -> None:
    assert f.fmt_sek(1234567, "sv") == f"1{NB}234{NB}567{NB}kr"
    assert f.fmt_sek(1234567, "en") == f"SEK{NB}1,234,567"
    assert f.fmt_sek(1234567, "sv", "mnkr") == f"1,2{NB}mnkr"
    assert f.fmt_sek(1234567, "en", "mnkr") == f"SEK{NB}1.2{NB}million"
    assert f.fmt_sek(1234567, "sv", "tkr") == f"1{NB}235{NB}tkr"


def test_fmt_date() -> None:
    day = dt.date(2025, 3, 5)
    assert f.fmt_date(day) == f.fmt_date(day, "en") == "2025-03-05"
    assert f.fmt_date(day, "sv", "long") == "5 mars 2025"
    assert f.fmt_date(day, "en", "long") == "5 March 2025"
    assert f.fmt_date(pd.Timestamp("2025-03-05 10:00")) == "2025-03-05"
    assert f.fmt_date(dt.datetime(2025, 3, 5, 23, 0)) == "2025-03-05"
    assert f.fmt_date("2025-03-05") == "2025-03-05"


def test_fmt_bool() -> None:
    assert (f.fmt_bool(True), f.fmt_bool(False)) == ("Ja", "Nej")
    assert f.fmt_bool(np.bool_(True), "en") == "Yes"


def test_formatter_kinds_and_series() -> None:
    assert f.formatter("number:1", "sv")(3) == "3,0"
    assert f.formatter("plain")(2025.0) == "2025"
    assert f.formatter("text")("a <b>") == "a <b>"  # escaping is display's job
    series = pd.Series([0.5, None], index=["x", "y"])
    assert f.format_values(series, "percent", "sv") == [f"50{NB}%", "–"]
    with pytest.raises(ValueError):
        f.formatter("nonsense")
    with pytest.raises(ValueError):
        f.formatter("sek:bn")


def test_unknown_language_and_non_numbers_are_errors() -> None:
    with pytest.raises(ValueError, match="language"):
        f.fmt_number(1, "de")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a number"):
        f.fmt_number("abc")


def test_a_moment_is_written_as_a_reader_writes_it() -> None:
    import datetime as dt

    from boras_intl_lib.i18n.formatting import fmt_datetime

    moment = dt.datetime(2026, 3, 2, 14, 5, 9, tzinfo=dt.UTC)
    assert fmt_datetime(moment, "sv") == "2 mars 2026 14:05:09 UTC"
    assert fmt_datetime(moment, "en") == "2 March 2026, 14:05:09 UTC"
