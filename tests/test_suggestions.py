"""Suggestions that help (issue 19 item 4): enumerated columns, countries, multi-value cells.

Every enumerated column suggests the closest allowed value for a typo ("Studiebesok" →
"studiebesök"); a country is suggested from its Swedish, English and common short names, and
only when close ("USSA" → "USA", never "Russia"); a list cell keeps its valid values and flags
the rest ("6;18": 6 kept, 18 flagged).
"""

from __future__ import annotations

import pandas as pd
import pytest

from boras_intl_lib.register.format import TABLES
from boras_intl_lib.register.suggest import country_choices, suggest_country
from boras_intl_lib.register.validation import validate_register
from tests.register_helpers import activity, partner, raw_register

_PLAIN = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")


def _typo(word: str) -> str:
    """A coordinator's typo: the Swedish letters without their marks, else one letter lost."""
    plain = word.translate(_PLAIN)
    return plain.upper() if plain != word else word[:-1].upper()


ENUMERATED = [
    (table, column.name, swedish)
    for table in ("activities", "partners")
    for column in TABLES[table].columns
    if column.enum is not None
    for swedish in column.enum.values.values()
]


def _issues_for(table: str, column: str, text: str) -> pd.DataFrame:
    if table == "activities":
        raw = raw_register([activity("A1", **{column: text})], [])
    else:
        raw = raw_register([activity("A1")], [partner("A1", **{column: text})])
    issues = validate_register(raw).issues
    return issues[issues["reason_key"] == "reason.unknown_value"]


@pytest.mark.parametrize(("table", "column", "allowed"), ENUMERATED)
def test_every_enumerated_column_suggests_the_closest_allowed_value(
    table: str, column: str, allowed: str
) -> None:
    typo = _typo(allowed)
    issues = _issues_for(table, column, typo)
    assert len(issues) == 1, issues[["column", "value", "reason"]]
    assert issues["suggestion"].iloc[0] == allowed, (typo, issues["reason_sv"].iloc[0])
    assert f"menade du {allowed}?" in issues["reason_sv"].iloc[0]


def test_the_issue_example_studiebesok() -> None:
    issues = _issues_for("activities", "activity_type", "Studiebesok")
    assert issues["suggestion"].tolist() == ["studiebesök"]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("USSA", "USA"),
        ("Tyskand", "Tyskland"),
        ("Storbritanien", "Storbritannien"),
        ("Sverge", "Sverige"),
        ("Englnd", "England"),  # a common short name the reader accepts
        ("Sydkora", "Sydkorea"),
        ("Nederlanderna", "Nederländerna"),
    ],
)
def test_a_misspelt_country_is_suggested_from_swedish_english_and_short_names(
    written: str, meant: str
) -> None:
    assert suggest_country([written]).tolist() == [meant]


@pytest.mark.parametrize("written", ["Xyzzy", "Kongo", "Ruslan", "Europa", "Norden", "Asien"])
def test_no_country_is_suggested_unless_a_person_would_accept_it(written: str) -> None:
    assert suggest_country([written]).tolist() == [""]


def test_usa_is_among_the_country_names() -> None:
    assert "USA" in country_choices() and "United States" in country_choices()


def test_a_partner_country_typo_gets_usa_in_validation() -> None:
    raw = raw_register([activity("A1")], [partner("A1", country="USSA")])
    issues = validate_register(raw).issues
    assert issues["suggestion"].tolist() == ["USA"]
    assert "menade du USA?" in issues["reason_sv"].iloc[0]
    assert "Russia" not in issues["reason"].iloc[0]


@pytest.mark.parametrize(
    ("column", "text", "kept", "left_out", "suggestion"),
    [
        ("sdgs", "6;18", (6,), "18", None),
        ("sdgs", "4, 0, 11", (4, 11), "0", None),
        ("sdgs", "3; x", (3,), "x", None),
        ("profiling_targets", "utbildning; tilväxt", ("education",), "tilväxt",
         "utbildning; tillväxt"),
        ("sustainability", "social;grön", ("social",), "grön", None),
    ],
)  # fmt: skip
def test_a_multi_value_cell_keeps_its_valid_values_and_flags_the_rest(
    column: str, text: str, kept: tuple[object, ...], left_out: str, suggestion: str | None
) -> None:
    register = validate_register(raw_register([activity("A1", **{column: text})], []))
    assert register.activities[column].tolist() == [kept]
    (issue,) = register.issues.itertuples()
    assert issue.severity == "warning" and issue.value == text
    assert issue.reason_key == "warning.items_left_out"
    assert issue.reason_sv.startswith(f"Lämnas bort: {left_out} (inte ett tillåtet värde)")
    assert issue.reason.startswith(f"Left out: {left_out} (not an allowed value)")
    assert (None if pd.isna(issue.suggestion) else issue.suggestion) == suggestion


def test_a_multi_value_cell_with_no_valid_value_is_read_as_empty_and_flagged() -> None:
    register = validate_register(raw_register([activity("A1", sdgs="18; 19")], []))
    assert register.activities["sdgs"].tolist() == [()]
    (issue,) = register.issues.itertuples()
    assert issue.reason_key == "reason.above_maximum" and issue.severity == "warning"
