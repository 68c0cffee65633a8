"""Tests written for mutants of register/parsing.py, register/privacy.py and
screening/compare.py that `make mutate` found surviving (docs/testing.md): each checks, a
second way (expected values written out by hand), a behaviour no test pinned down before."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from boras_intl_lib.indicators import loaders as ind
from boras_intl_lib.register.format import PROFILING_TARGET, TABLES
from boras_intl_lib.register.parsing import missing_values, parse_column, parse_list, parse_number
from boras_intl_lib.register.privacy import (
    MARK,
    Marks,
    _contact_names,
    _redact_issues,
    _redact_unread,
    redact,
)
from boras_intl_lib.screening.compare import (
    DISAGREEMENT_COLUMNS,
    disagreement_lines,
    disagreements,
    source_words,
)
from boras_intl_lib.settings import load_settings
from tests.test_source_comparison import _params

PARAMS = Path(__file__).resolve().parents[1] / "parameters" / "2025.yaml"
ACTIVITIES = TABLES["activities"]


def test_a_list_column_whose_only_problem_is_a_failed_cell_has_no_items_left_out() -> None:
    """A list cell with no known item fails; when no other cell had items left out, the
    column has no notes and no items left out, and the failed row's remarks hold neither (an
    issue of it is written without the "items" detail)."""
    texts = pd.Series(["xyzzyq", "utbildning"], index=[2, 3], dtype=object)
    parsed = parse_list(texts, PROFILING_TARGET)
    assert parsed.values.to_dict() == {2: (), 3: ("education",)}
    assert parsed.errors.to_dict() == {2: "reason.unknown_value"}
    assert parsed.notes is None and parsed.left_out is None
    assert parsed.remarks(pd.Index([2])) == {}


def test_an_approximate_amount_after_long_plain_ones_is_read() -> None:
    """Each word is found in its own value also where long plain amounts come first: "ca 5"
    after five amounts of 14 digits is 5, noted as approximate, not an error."""
    texts = [f"1234567890123{i}" for i in range(5)] + ["0", "ca 5", "7", "8 kr", "9"]
    parsed = parse_number(pd.Series(texts, index=range(2, 12), dtype=object))
    expected = [12345678901230.0, 12345678901231.0, 12345678901232.0, 12345678901233.0]
    expected += [12345678901234.0, 0.0, 5.0, 7.0, 8.0, 9.0]
    assert parsed.values.tolist() == expected
    assert parsed.errors.empty
    assert parsed.notes is not None and parsed.notes.to_dict() == {8: "warning.approximate"}


def test_a_column_absent_from_the_sheet_reads_as_blank_cells_of_every_row() -> None:
    """An optional column missing from the sheet gives, for every row of the table, what a
    blank cell gives: missing text, a False flag, NaN, an empty list."""
    rows = pd.Index([2, 3, 5])
    title = missing_values(ACTIVITIES.column("title"), rows)
    assert title.index.tolist() == [2, 3, 5] and title.isna().all()
    evaluated = missing_values(ACTIVITIES.column("evaluated"), rows)
    assert evaluated.index.tolist() == [2, 3, 5] and evaluated.tolist() == [False] * 3
    budget = missing_values(ACTIVITIES.column("budget_sek"), rows)
    assert budget.index.tolist() == [2, 3, 5] and all(math.isnan(v) for v in budget)
    for name in ("profiling_targets", "sdgs"):
        lists = missing_values(ACTIVITIES.column(name), rows)
        assert lists.index.tolist() == [2, 3, 5] and lists.tolist() == [(), (), ()]


def test_list_and_goal_number_columns_are_read_by_their_kind_and_range() -> None:
    """``parse_column`` reads a list column as a list (not as a single value of its
    vocabulary) and a goal column with its range 1–17: 0 and 18 are left out."""
    dimensions = parse_column(
        pd.Series(["ekonomisk; social", "ekologisk"], index=[2, 3], dtype=object),
        ACTIVITIES.column("sustainability"),
    )
    assert dimensions.values.to_dict() == {2: ("social", "economic"), 3: ("ecological",)}
    assert dimensions.errors.empty
    goals = parse_column(
        pd.Series(["0; 3", "18; 17", "1"], index=[2, 3, 4], dtype=object),
        ACTIVITIES.column("sdgs"),
    )
    assert goals.values.to_dict() == {2: (3,), 3: (17,), 4: (1,)}
    assert goals.errors.empty
    assert goals.left_out is not None and goals.left_out.to_dict() == {2: "0", 3: "18"}


def test_contact_names_of_five_letters_are_names() -> None:
    """The shortest name kept has five characters ("Bo Ek", an address "al.ny@…" → "al ny"),
    and both are redacted where they are written."""
    contacts = pd.DataFrame({"contact_person": ["Bo Ek", "al.ny@boras.se"]})
    names = _contact_names(contacts)
    assert sorted(names) == ["Bo Ek", "al ny"]
    texts = pd.Series(["Ring Bo Ek eller Al Ny", "Boken"])
    assert redact(texts, names).tolist() == [f"Ring {MARK} eller {MARK}", "Boken"]


def test_a_name_hidden_by_compatibility_letters_of_latin1_is_found() -> None:
    """Latin-1 text with letters NFKC changes ("ª" is "a", "²" is "2") is searched in its
    NFKC form: "Lind, Annª" is the contact "Anna Lind"; a value without a name is kept."""
    texts = pd.Series(["Möte med Lind, Annª på rum 4²", "50 m²"])
    assert redact(texts, ["Anna Lind"]).tolist() == [f"Möte med {MARK} på rum 42", "50 m²"]


def test_a_contact_name_in_an_issue_reason_is_redacted_in_both_languages() -> None:
    """A reason that carries register text (a sheet's name) loses the contact name in English
    and in Swedish; other reasons are kept as they were."""
    issues = pd.DataFrame(
        {
            "table": ["partners", "partners"],
            "column": ["", "partner_name"],
            "reason_key": ["warning.sheet_not_read", "reason.missing"],
            "value": ["", ""],
            "source": ["register.xlsx", "register.xlsx"],
            "reason": ["Sheet 'Anna Lind 2024' was not read", "A value is missing"],
            "reason_sv": ["Bladet 'Anna Lind 2024' lästes inte", "Ett värde saknas"],
            "administration": ["Kulturförvaltningen", "Kulturförvaltningen"],
        },
        index=[0, 1],
    )
    out = _redact_issues(issues, ["Anna Lind"], Marks())
    assert out["reason"].tolist() == [f"Sheet '{MARK} 2024' was not read", "A value is missing"]
    assert out["reason_sv"].tolist() == [f"Bladet '{MARK} 2024' lästes inte", "Ett värde saknas"]
    assert out["administration"].tolist() == ["Kulturförvaltningen"] * 2


def test_a_sheet_named_after_a_contact_is_redacted_in_what_was_not_read() -> None:
    """What was not read is shown with its source (a sheet's name): a contact's name there
    becomes the mark, like one in the text itself."""
    unread = (("Anna Lind", 3, "ring Anna Lind", "note.line"), ("Blad2", None, "x", "sheet"))
    assert _redact_unread(unread, ["Anna Lind"]) == (
        (MARK, 3, f"ring {MARK}", "note.line"),
        ("Blad2", None, "x", "sheet"),
    )


def test_numbered_marks_count_from_one_in_the_order_first_seen() -> None:
    """The first identifier holding personal data is "[personuppgift 1]", the next 2; the same
    value keeps its number, and ``marked`` gives the known ones theirs."""
    marks = Marks()
    assert [marks.mark(v) for v in ["KS Lind", "KS Ek", "KS Lind"]] == [
        "[personuppgift 1]",
        "[personuppgift 2]",
        "[personuppgift 1]",
    ]
    shown = marks.marked(pd.Series(["KS Ek", "A3"], dtype=object))
    assert shown.tolist() == ["[personuppgift 2]", "A3"]


def _rule_row(**values: object) -> pd.Series:
    row: dict[str, object] = {
        "iso3": "SRB",
        "condition": "democracy",
        "data_year": 2025.0,
        "data_country": float("nan"),
        "decides": False,
    }
    return pd.Series(row | values)


def test_a_source_without_data_on_a_scale_and_of_another_country_in_words() -> None:
    """One rule's verdict in words, in both languages: no data ("inga data för …"), a number
    on its indicator's scale with the decimal comma and a real minus sign in Swedish, the data
    of another country named, and an indicator the toolkit has no scale for (plain number)."""
    no_data = _rule_row(source="freedom_house", result="fail", indicator="fh_status")
    no_data["value"] = float("nan")
    assert source_words(no_data, "en") == "Freedom House: not met, no data for fh_status"
    assert source_words(no_data, "sv") == "Freedom House: inte uppfyllt, inga data för fh_status"
    scaled = _rule_row(
        source="wgi",
        result="pass",
        indicator="wgi_rl",
        value=-1.25,
        data_year=2024.0,
        iso3="XKX",
        data_country="SRB",
    )
    assert source_words(scaled, "en") == (
        "World Bank Worldwide Governance Indicators: met, wgi_rl −1.25 on the scale −2.5–2.5"
        " (2024, data of Serbia)"
    )
    assert source_words(scaled, "sv") == (
        "Världsbankens Worldwide Governance Indicators: uppfyllt, wgi_rl −1,25 på skalan"
        " −2,5–2,5 (2024, data för Serbien)"
    )
    own = _rule_row(source="own_survey", result="pass", indicator="own_index", value=2.5)
    own["data_country"] = "SRB"  # the country's own data: not named
    assert source_words(own, "en") == "own_survey: met, own_index 2.5 (2025)"
    assert source_words(own, "sv") == "own_survey: uppfyllt, own_index 2,5 (2025)"


def test_a_disagreement_line_in_english() -> None:
    """The line of one country and condition in English: the country and condition in
    English, the sources' words joined by "; ", the deciding one marked "(decides)"."""
    table = pd.DataFrame(
        [
            _rule_row(
                source="vdem", result="pass", indicator="v2x_civlib", value=0.5, decides=True
            ),
            _rule_row(source="freedom_house", result="fail", indicator="fh_status", value=None),
        ]
    )
    assert disagreement_lines(table, "en") == [
        "Serbia (SRB), democracy: V-Dem (Varieties of Democracy): met, v2x_civlib 0.5 on the"
        " scale 0–1 (2025) (decides); Freedom House: not met, no data for fh_status"
    ]
    assert disagreement_lines(table, "sv") == [
        "Serbien (SRB), demokrati: V-Dem (Varieties of Democracy): uppfyllt, v2x_civlib 0,5 på"
        " skalan 0–1 (2025) (avgör); Freedom House: inte uppfyllt, inga data för fh_status"
    ]


def test_the_disagreement_table_has_its_columns_and_plain_row_numbers(tmp_path: Path) -> None:
    """With and without disagreements the table has exactly its documented columns (no old
    row labels as an extra column), numbered 0, 1, 2, …"""
    settings = load_settings(_params(tmp_path))
    table = disagreements(
        ["KEN", "XKX", "FIN"], ind.load_indicators(settings), settings.screening, 2025
    )
    assert list(table.columns) == list(DISAGREEMENT_COLUMNS)
    assert len(table) == 4 and table.index.tolist() == [0, 1, 2, 3]
    nothing = disagreements([], pd.DataFrame(), load_settings(PARAMS).screening, 2025)
    assert list(nothing.columns) == list(DISAGREEMENT_COLUMNS) and nothing.empty
