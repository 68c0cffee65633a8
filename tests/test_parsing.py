"""Text → typed values: numbers, whole numbers, booleans, dates, vocabularies, lists."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boras_intl_lib.register import parsing
from boras_intl_lib.register.format import (
    ACTIVITY_TYPE,
    FALSE_WORDS,
    PROFILING_TARGET,
    STATUS,
    TABLES,
    TRUE_WORDS,
)


def series(*texts: str, start: int = 2) -> pd.Series:
    """Cells as reading.py delivers them: object dtype, Excel row numbers as the index."""
    return pd.Series(list(texts), index=pd.Index(range(start, start + len(texts))), dtype=object)


# --- numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234", 1234.0),
        ("1234.5", 1234.5),
        ("1234,5", 1234.5),
        ("1 234 567,50", 1234567.5),
        ("1\u00a0234\u00a0567,50", 1234567.5),  # no-break space
        ("1\u202f234,5", 1234.5),  # narrow no-break space
        ("-5", -5.0),
        ("\u22125", -5.0),  # Unicode minus, as some Swedish exports write it
        ("+7", 7.0),
        (",5", 0.5),
        ("1e3", 1000.0),
        ("0", 0.0),
    ],
)
def test_number_accepts_swedish_and_plain_forms(text: str, expected: float) -> None:
    parsed = parsing.parse_number(series(text))
    assert parsed.values.iloc[0] == expected
    assert parsed.errors.empty


@pytest.mark.parametrize(
    "text", ["abc", "1.234,50", "1,2,3", "12 äpplen", "inf", "nan", "1e400", "--5", ".", "1_000"]
)
def test_number_rejects_what_it_would_have_to_guess(text: str) -> None:
    parsed = parsing.parse_number(series("5", text))
    assert math.isnan(parsed.values.loc[3])
    assert parsed.errors.to_dict() == {3: "reason.not_a_number"}
    assert parsed.values.loc[2] == 5.0


def test_number_blank_is_missing_not_an_error() -> None:
    parsed = parsing.parse_number(series("", "3"))
    assert math.isnan(parsed.values.loc[2])
    assert parsed.errors.empty
    assert parsed.values.dtype == "float64"


def test_number_with_a_line_break_in_a_cell_takes_the_slow_road() -> None:
    parsed = parsing.parse_number(series("12\n3", "4,5"))
    assert parsed.errors.to_dict() == {2: "reason.not_a_number"}
    assert parsed.values.loc[3] == 4.5


_NUMBERISH = st.text(alphabet="0123456789,.-+eE \u00a0\u202f\u2212xa", max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(_NUMBERISH, min_size=1, max_size=20))
def test_column_parser_agrees_with_the_scalar_rule(texts: list[str]) -> None:
    """The vectorised (joined-string) path gives what number_value gives for each text."""
    texts = [t.strip() for t in texts]
    parsed = parsing.parse_number(series(*texts))
    for row, text in zip(parsed.values.index, texts, strict=True):
        expected = parsing.number_value(text) if text else None
        failed = row in parsed.errors.index
        if expected is None:
            assert math.isnan(parsed.values.loc[row])
            assert failed == bool(text)
        else:
            assert parsed.values.loc[row] == expected
            assert not failed


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).map(lambda v: round(v, 2)))
def test_a_number_written_the_swedish_way_reads_back(value: float) -> None:
    text = f"{value:,.2f}".replace(",", "\u00a0").replace(".", ",")
    assert parsing.parse_number(series(text)).values.iloc[0] == pytest.approx(value, abs=1e-9)


# --- whole numbers ----------------------------------------------------------------------------


def test_integer_accepts_whole_values_in_any_number_form() -> None:
    parsed = parsing.parse_integer(series("3", "3,0", "3.0", "1 000", "-2", ""))
    assert parsed.values.dtype == "Int64"
    assert parsed.values.tolist() == [3, 3, 3, 1000, -2, pd.NA]
    assert parsed.errors.empty


def test_integer_rejects_fractions_and_words_with_their_own_reasons() -> None:
    parsed = parsing.parse_integer(series("2,5", "two", "4", "1e30"))
    assert parsed.errors.to_dict() == {
        2: "reason.not_an_integer",
        3: "reason.not_a_number",
        5: "reason.not_an_integer",
    }
    assert parsed.values.loc[4] == 4
    assert parsed.values.isna().tolist() == [True, True, False, True]


# --- booleans ---------------------------------------------------------------------------------


@pytest.mark.parametrize("word", [w for w in TRUE_WORDS])
def test_true_words_in_any_case(word: str) -> None:
    parsed = parsing.parse_boolean(series(word, word.upper()))
    assert parsed.values.tolist() == [True, True]


@pytest.mark.parametrize("word", [w for w in FALSE_WORDS if w])
def test_false_words_in_any_case(word: str) -> None:
    parsed = parsing.parse_boolean(series(word, word.capitalize()))
    assert parsed.values.tolist() == [False, False]


def test_blank_boolean_is_false_and_other_words_fail() -> None:
    parsed = parsing.parse_boolean(series("", "kanske", "Ja"))
    assert parsed.values.dtype == "boolean"
    assert not pd.isna(parsed.values.loc[2])
    assert not parsed.values.loc[2]
    assert parsed.values.loc[4]
    assert pd.isna(parsed.values.loc[3])
    assert parsed.errors.to_dict() == {3: "reason.not_a_boolean"}


# --- dates --------------------------------------------------------------------------------------


def test_dates_iso_and_with_a_time_part() -> None:
    parsed = parsing.parse_date(series("2024-03-01", "2024-03-01 00:00:00", "2024-03-01T10:15", ""))
    assert parsed.values.dtype == "datetime64[ns]"
    assert parsed.values.iloc[:3].tolist() == [pd.Timestamp("2024-03-01")] * 3
    assert pd.isna(parsed.values.iloc[3])
    assert parsed.errors.empty


@pytest.mark.parametrize("text", ["2024-02-30", "1/3/2024", "01.03.2024", "20240301", "mars"])
def test_dates_that_are_impossible_or_ambiguous_fail(text: str) -> None:
    parsed = parsing.parse_date(series(text))
    assert parsed.errors.tolist() == ["reason.not_a_date"]
    assert pd.isna(parsed.values.iloc[0])


# --- vocabularies -------------------------------------------------------------------------------


def test_enum_in_english_swedish_any_case_and_spacing() -> None:
    parsed = parsing.parse_enum(
        series("EU-projekt", "eu_project", "EU PROJEKT", " Studiebesök", "study-visit", ""),
        ACTIVITY_TYPE,
    )
    assert parsed.values.dtype == "string"
    assert parsed.values.tolist()[:5] == ["eu_project"] * 3 + ["study_visit"] * 2
    assert pd.isna(parsed.values.iloc[5])
    assert parsed.errors.empty


def test_enum_aliases_and_unknown_values() -> None:
    parsed = parsing.parse_enum(series("Klar", "canceled", "kanske"), STATUS)
    assert parsed.values.tolist()[:2] == ["completed", "cancelled"]
    assert parsed.errors.to_dict() == {4: "reason.unknown_value"}


def test_list_separators_order_and_repeats() -> None:
    parsed = parsing.parse_list(
        series("tillväxt; utbildning", "Education,education", "kunskap;;", "", "utbildning, foo"),
        PROFILING_TARGET,
    )
    assert parsed.values.tolist()[:4] == [
        ("education", "growth"),
        ("education",),
        ("knowledge",),
        (),
    ]
    # issue 19: an unknown item is left out with a note, the known ones are kept
    assert parsed.errors.to_dict() == {}
    assert parsed.values.loc[6] == ("education",)
    assert parsed.notes is not None and parsed.notes.to_dict() == {6: "warning.items_left_out"}
    assert parsed.left_out is not None and parsed.left_out.to_dict() == {6: "foo"}


def test_int_list_sorted_unique_and_range() -> None:
    parsed = parsing.parse_int_list(series("17; 5, 1", "3;3", "", "18", "0", "2.5", "x"), 1, 17)
    assert parsed.values.tolist()[:3] == [(1, 5, 17), (3,), ()]
    assert parsed.errors.to_dict() == {
        5: "reason.above_maximum",
        6: "reason.below_minimum",
        7: "reason.not_an_integer",
        8: "reason.not_an_integer",
    }


def test_text_blank_becomes_missing() -> None:
    parsed = parsing.parse_text(series("Borås", ""))
    assert parsed.values.dtype == "string"
    assert parsed.values.iloc[0] == "Borås"
    assert pd.isna(parsed.values.iloc[1])


def test_failed_mask_lines_up_with_values() -> None:
    parsed = parsing.parse_integer(series("1", "x", "3", start=10))
    assert parsed.failed().tolist() == [False, True, False]
    assert list(parsed.errors.index) == [11]


@pytest.mark.parametrize(
    "column", [c for t in TABLES.values() for c in t.columns], ids=lambda c: c.name
)
def test_every_column_has_a_parser_and_blank_never_fails(column) -> None:
    parsed = parsing.parse_column(series("", ""), column)
    assert len(parsed.values) == 2
    assert parsed.errors.empty


def test_empty_columns_keep_their_dtypes() -> None:
    empty = pd.Series([], dtype=object)
    assert parsing.parse_number(empty).values.dtype == "float64"
    assert parsing.parse_integer(empty).values.dtype == "Int64"
    assert parsing.parse_date(empty).values.dtype == "datetime64[ns]"
    assert parsing.parse_boolean(empty).values.dtype == "boolean"


def test_numbers_with_exponents_are_read_exactly_as_float_reads_them() -> None:
    """pandas' own number parser reads "+5E24" as 4.999999999999999e+24; the column parser
    rounds correctly, as the scalar rule does (found by the property test above)."""
    texts = ("+5E24", "1e23", "-0", "8,5e-3")
    parsed = parsing.parse_number(series(*texts))
    assert parsed.errors.empty
    for value, text in zip(parsed.values, texts, strict=True):
        assert value == float(text.replace(",", "."))
        assert math.copysign(1, value) == math.copysign(1, float(text.replace(",", ".")))
