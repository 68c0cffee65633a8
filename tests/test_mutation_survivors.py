"""Tests written for mutants that `make mutate` found surviving (docs/testing.md): each
checks, a second way, a behaviour no test pinned down before."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from boras_intl_lib.aggregation import (
    administration_resources,
    area_trend_over_years,
    cancelled_mask,
    coverage_over_years,
    funding_over_years,
    funding_summary,
    overall_index,
    partner_countries,
    sdg_counts,
    status_counts,
    target_status,
    trend_state,
    twin_city_years,
    year_over_year,
)
from boras_intl_lib.evaluation import evaluate
from boras_intl_lib.i18n.labels import label
from boras_intl_lib.indicators.loaders import load_bundled
from boras_intl_lib.register import load_example_register, load_register
from boras_intl_lib.register.format import ACTIVITY_TYPE, PROFILING_TARGET, STATUS, SUSTAINABILITY
from boras_intl_lib.register.parsing import (
    NOT_AN_INTEGER,
    number_value,
    parse_enum,
    parse_int_list,
    parse_integer,
    parse_list,
    parse_number,
)
from boras_intl_lib.register.privacy import MARK, _contact_names, redact
from boras_intl_lib.scoring.areas import KnowledgeExchange, ProjectCollaboration
from boras_intl_lib.scoring.rubric import _combination_codes
from boras_intl_lib.screening.decisions import choose_decisions, decision_table
from boras_intl_lib.screening.partners import screen_partners
from boras_intl_lib.screening.rules import _number_pair, latest_values, published_form, rules_table
from boras_intl_lib.settings import Targets, load_settings
from boras_intl_lib.vocabulary import AREAS, VERDICTS
from tests.register_helpers import activity, exception, partner, write_workbook
from tests.test_scoring import activities as scoring_activities
from tests.test_scoring import partners as scoring_partners
from tests.test_scoring import score as scoring_score
from tests.test_screening import country, make_indicators, make_settings, one_rule
from tests.test_screening import frames as screening_frames
from tests.test_screening import screen as screening_screen

PARAMS = Path(__file__).resolve().parents[1] / "parameters" / "2025.yaml"
YEARS = {"A1": 2025, "A2": 2025}


def test_the_overall_index_is_a_weighted_mean_of_the_areas_with_data() -> None:
    summary = pd.DataFrame({"area": ["a", "b", "c", "d"], "share_clear": [0.5, 1.0, np.nan, 0.2]})
    weights = {"a": 1.0, "b": 3.0, "c": 5.0, "d": 0.0}
    assert overall_index(summary, weights) == pytest.approx((0.5 * 1 + 1.0 * 3) / (1 + 3))
    assert np.isnan(overall_index(summary, {"c": 1.0}))


def test_a_typographic_minus_and_an_overflowing_number() -> None:
    assert number_value("\u22125") == -5.0 == number_value("-5")
    assert number_value("\u22121\u00a0234,5") == -1234.5
    assert number_value("9" * 400) is None  # not finite: not a number by the register rules
    parsed = parse_number(pd.Series(["\u22125", "9" * 400, "12"], dtype=object))
    assert parsed.values[0] == -5.0 and parsed.values[2] == 12.0
    failed = parsed.failed()
    assert np.isnan(parsed.values[1]) and failed[1] and not failed[0] and not failed[2]


@pytest.fixture(scope="module")
def explained():
    settings = load_settings(PARAMS)
    result = evaluate(load_example_register(settings), settings)
    scores = result.scores[~result.scores["cancelled"]]  # a cancelled one's why: "inställd"
    return scores.merge(result.explanations, on="activity_id", validate="one_to_one")


def _check(rows: pd.DataFrame, column: str, key: str) -> None:
    assert len(rows) > 0, key
    assert rows[f"{column}_why_sv"].str.contains(label(key), regex=False).all(), key
    assert rows[f"{column}_why_en"].str.contains(label(key, "en"), regex=False).all(), key


def test_each_explanation_says_the_fact_that_decided_it(explained) -> None:
    """The why-texts against the facts they explain (read from the scores, not the texts)."""
    pc = explained[(explained["project_collaboration"] >= 1) & ~explained["has_external_funding"]]
    _check(pc, "project_collaboration", "why.no_external")
    outcome3 = explained[explained["outcome_level"] == 3]
    _check(outcome3[outcome3["evaluated"]], "operational_development", "why.outcome.3_evaluated")
    _check(
        outcome3[~outcome3["evaluated"]], "operational_development", "why.outcome.3_not_evaluated"
    )
    none = explained[~explained["exchange_took_place"]]
    _check(none, "knowledge_exchange", "why.exchange.none")
    no_twin = explained[explained["twin_cities"] == 0]
    _check(no_twin, "twin_cities", "why.twin.none")
    twin = explained[explained["twin_cities"] > 0]
    assert not twin["twin_cities_why_sv"].str.contains(label("why.twin.none")).any()


def test_a_contact_name_in_a_flagged_cell_and_in_an_exception_is_redacted(tmp_path: Path) -> None:
    """Contact persons never reach a report: not through the value of an issue (a name typed
    into a number cell is shown back as the flagged value), nor through the exceptions sheet
    (a decision's partner and id), nor through an issue's administration, which shows the
    mark its activities show."""
    path = write_workbook(
        tmp_path / "register.xlsx",
        {
            "activities": [
                activity("A1", contact_person="Greta Garbo", budget_sek="Greta Garbo"),
                activity("A2", administration="Garbo Greta förvaltning", budget_sek="x"),
            ],
            "partners": [partner("A1"), partner("A2")],
            "exceptions": [
                exception("KS 2024/1 greta garbo", partner_name="Greta Garbo AB", activity_id="A1")
            ],
        },
    )
    register = load_register(path)
    flagged = register.issues[register.issues["reason_key"] == "reason.not_a_number"]
    assert flagged["value"].tolist() == [MARK, "x"]
    administrations = register.activities.set_index("activity_id")["administration"]
    assert administrations["A1"] == "Kulturförvaltningen"
    assert re.fullmatch(r"\[personuppgift \d+\]", administrations["A2"])
    assert flagged["administration"].tolist() == administrations[["A1", "A2"]].tolist()
    decision = register.exceptions.iloc[0]
    assert decision["partner_name"] == f"{MARK} AB"
    assert re.fullmatch(r"\[personuppgift \d+\]", decision["decision_id"])
    assert decision["decision_id"] != administrations["A2"]
    shown = pd.concat(
        [register.issues.astype(str).stack(), register.exceptions.astype(str).stack()]
    )
    assert not shown.str.contains("garbo", case=False, regex=False).any()


def test_each_explanation_begins_with_its_level_and_names_the_partners() -> None:
    """The why-text of a level, written out here from the labels: "level: fact, fact"."""
    settings = load_settings(PARAMS)
    pc = ProjectCollaboration()
    for lang, i in (("sv", 0), ("en", 1)):
        partners = label("why.partners", lang, n=3)
        no_external = pc.explain(settings, 1, 3, 0, -1)[i]
        assert no_external == f"1: {partners}, {label('why.no_external', lang)}"
        # an external share of exactly 0 % is a share, not an unknown one (-1: no budget)
        zero = pc.explain(settings, 2, 3, 1, 0)[i]
        assert zero == f"2: {partners}, {label('why.external_share', lang, pct=0)}"
        unknown = pc.explain(settings, 2, 3, 1, -1)[i]
        assert unknown == f"2: {partners}, {label('why.external_no_budget', lang)}"
        none = KnowledgeExchange().explain(settings, 0, 0, 0, 0)[i]
        assert none == f"0: {label('why.exchange.none', lang)}"


def test_tables_of_nothing_keep_their_columns() -> None:
    """A register without activities (or a report of no year) still has tables a report can
    select columns from: the empty tables carry the columns the filled ones have."""
    empty = pd.DataFrame({"year": pd.Series(dtype=np.int64)})
    assert list(area_trend_over_years(empty).columns) == [
        "year", "area", "n_activities", "n_clear", "share_clear", "change", "trend"
    ]  # fmt: skip
    assert list(coverage_over_years(empty, ["Kulturförvaltningen"]).columns) == [
        "year", "n_administrations", "n_with_activities", "share", "change", "trend"
    ]  # fmt: skip
    totals = funding_summary(empty).totals.index
    assert list(funding_over_years(empty).columns) == ["year", *totals]
    assert list(funding_summary(empty).by_source.columns) == [
        "funding_source", "kind", "is_eu", "n_activities", "external_funding_sek", "share"
    ]  # fmt: skip
    # the years asked for, from the first to the last, whatever years the register has
    one = pd.DataFrame({"year": [2023], "administration": ["A"], "status": ["ongoing"]})
    covered = coverage_over_years(one, ["A", "B"], years=[2022, 2024])
    assert covered[["year", "n_with_activities"]].values.tolist() == [
        [2022, 0],
        [2023, 1],
        [2024, 0],
    ]


def test_the_external_share_is_read_in_whole_percent_rounded_down() -> None:
    """Shares of 90 % and more read as themselves (not capped); a missing share is -1."""
    scores = pd.DataFrame(
        {
            "n_partners": [3, 3, 3, 3, 3],
            "has_external_funding": [True, True, True, True, False],
            "external_share": [0.95, 1.0, 0.496, 0.0, np.nan],
        }
    )
    settings = load_settings(PARAMS)
    pct = ProjectCollaboration().evidence(scores, settings)[2]
    assert pct.tolist() == [95, 100, 49, 0, -1]


def test_a_list_cell_with_misspelt_items_gets_the_corrected_cell_as_suggestion() -> None:
    """A misspelt item of a multi-value cell is suggested in its place, the cell otherwise as
    written; no suggestion where one of its bad items has no close allowed value."""
    texts = [
        "utbildning; tilväxt",
        "utbildnin",
        "utbildnin; xyzzyq",
        "tilväxt; utbldning",
        "utbildning; tilväxt; xyzzyq",
    ]
    parsed = parse_list(pd.Series(texts, index=[2, 3, 4, 5, 6], dtype=object), PROFILING_TARGET)
    assert parsed.values.to_dict() == {2: ("education",), 3: (), 4: (), 5: (), 6: ("education",)}
    assert parsed.errors.to_dict() == dict.fromkeys([3, 4, 5], "reason.unknown_value")
    assert parsed.left_out is not None
    assert parsed.left_out.to_dict() == {2: "tilväxt", 6: "tilväxt; xyzzyq"}
    assert parsed.suggestions is not None
    assert parsed.suggestions.to_dict() == {
        2: "utbildning; tillväxt",
        3: "utbildning",
        5: "tillväxt; utbildning",
    }
    # what an issue of these rows carries: the suggestion, and the items left out where known
    noted = parsed.remarks(pd.Index([2]))
    assert noted["suggestion"].tolist() == ["utbildning; tillväxt"]
    assert noted["items"].tolist() == ["tilväxt"]
    failed = parsed.remarks(pd.Index([3, 4]))
    assert failed["suggestion"].tolist() == ["utbildning", ""] and "items" not in failed
    # a number list has no vocabulary to suggest from: an item out of range is left out
    numbers = parse_int_list(pd.Series(["17; 5, 18", "x"], index=[2, 3], dtype=object), 1, 17)
    assert numbers.values[2] == (5, 17) and numbers.errors.to_dict() == {3: NOT_AN_INTEGER}
    assert numbers.suggestions is None


def test_a_name_of_three_words_is_redacted_whole_in_every_order() -> None:
    """Written surname first, "Lind, Anna Maria" loses the middle name too."""
    texts = pd.Series(["Möte med Lind, Anna Maria i dag", "Anna Maria Lind", "Lind Anna  Maria"])
    assert redact(texts, ["Anna Maria Lind"]).tolist() == [
        f"Möte med {MARK} i dag",
        MARK,
        MARK,
    ]


def test_combination_codes_number_each_distinct_combination_once() -> None:
    """The mixed-radix codes against the combinations themselves: negative keys (the
    cancelled level -1, the missing twin city -1), and key ranges whose product passes 2**62
    (renumbered before it overflows)."""
    rng = np.random.default_rng(21)
    small = [rng.integers(-1, 4, 400), rng.integers(-1, 3, 400), rng.integers(0, 5, 400)]
    wide = [rng.integers(-(2**20), 2**20, 400) for _ in range(4)]
    for keys in (small, wide, [np.array([], dtype=np.int64)] * 2):
        codes = _combination_codes(keys)
        expected, _ = pd.factorize(pd.Series(list(zip(*keys, strict=True)), dtype=object))
        assert codes.tolist() == expected.tolist()


def test_redact_keeps_the_rows_and_name_of_a_column_and_looks_into_mixed_ones() -> None:
    """The redacted column is the column given (its row labels, as a register's rows have
    them, and its name), and a column mixing numbers with text is searched value by value."""
    texts = pd.Series(
        [12, "skriv till anna@x.se", None], index=[5, 7, 9], name="title", dtype=object
    )
    out = redact(texts)
    assert out.index.tolist() == [5, 7, 9] and out.name == "title"
    assert out[7] == f"skriv till {MARK}" and pd.isna(out[9])
    assert out[5] == 12 and isinstance(out[5], int)  # a number where nothing was found stays one
    only_text = redact(pd.Series(["anna@x.se", "x"], index=[3, 4], name="city"))
    assert only_text.to_dict() == {3: MARK, 4: "x"} and only_text.name == "city"


def test_an_unknown_value_gets_the_closest_allowed_spelling_as_suggestion() -> None:
    """The vocabulary's own spelling: the English key when the text was closest to it, else
    the Swedish word (also for an alias: "Klarr" → "avslutad"); "" when nothing is close."""
    texts = pd.Series(["Klarr", "kanske", "Klar", "completd", "Klarr"], index=range(2, 7))
    parsed = parse_enum(texts.astype(object), STATUS)
    assert parsed.values.isna().tolist() == [True, True, False, True, True]
    assert parsed.suggestions is not None
    assert parsed.suggestions.to_dict() == {2: "avslutad", 3: "", 5: "completed", 6: "avslutad"}
    visits = parse_enum(pd.Series(["Studiebesok", "EU-projektt"], dtype=object), ACTIVITY_TYPE)
    assert visits.suggestions is not None
    assert visits.suggestions.tolist() == ["studiebesök", "EU-projekt"]


def test_a_list_cell_is_read_in_the_vocabulary_order_not_the_alphabet() -> None:
    """The sustainability dimensions' order (ecological, social, economic) is not
    alphabetical: a cell written in any order reads in the vocabulary's."""
    parsed = parse_list(pd.Series(["ekonomisk; social; ekologisk"], dtype=object), SUSTAINABILITY)
    assert parsed.values.tolist() == [("ecological", "social", "economic")]


def test_amounts_and_counts_written_with_words() -> None:
    """Amounts as the instructions allow them ("ca 12", "25 tkr", "1,5 mnkr", "50 000 kr",
    "12 st"), among plain numbers (each word found in its own value); a word alone is no
    number."""
    amounts = ["12", "ca 12", "25 tkr", "1,5 mnkr", "50 000 kr", "ca", "kr", "cirka 3 tkr"]
    amounts += ["ca ca 5", "7:-", "x tkr", "100 st"]
    parsed = parse_number(pd.Series(amounts, index=range(2, 14), dtype=object))
    expected = [12.0, 12.0, 25e3, 1.5e6, 5e4, None, None, 3e3, None, 7.0, None, None]
    assert [None if np.isnan(v) else v for v in parsed.values] == expected
    assert parsed.errors.to_dict() == dict.fromkeys([7, 8, 10, 12, 13], "reason.not_a_number")
    assert parsed.notes is not None
    assert parsed.notes.to_dict() == dict.fromkeys([3, 9], "warning.approximate")
    # a one-letter word first in the column, wordy values between and after plain ones
    sparse = ["~5", "6", "ca 7", "8", "9 kr"]
    sparse_parsed = parse_number(pd.Series(sparse, index=range(2, 7), dtype=object))
    assert sparse_parsed.values.tolist() == [5.0, 6.0, 7.0, 8.0, 9.0]
    assert sparse_parsed.notes is not None and sorted(sparse_parsed.notes.index) == [2, 4]
    counts = ["ca 12", "12 st", "ca 2,5", "ca", "3 personer", "4 kr"]
    whole = parse_integer(pd.Series(counts, index=range(2, 8), dtype=object))
    assert whole.values.tolist()[:2] == [12, 12] and whole.values[6] == 3
    assert whole.errors.to_dict() == {
        4: "reason.not_an_integer",
        5: "reason.not_a_number",
        7: "reason.not_a_number",
    }
    assert whole.notes is not None and whole.notes.to_dict() == {2: "warning.approximate"}


def test_a_long_column_of_distinct_amounts_and_one_with_missing_cells() -> None:
    """Money columns of a large register (about as many distinct texts as rows: read without
    hashing) give the same values as each cell read alone; a missing cell passed in by a
    caller (None, NaN) reads as blank, not as an error."""
    texts = [f"{i},5" for i in range(1200)]
    texts[7] = "x"
    parsed = parse_number(pd.Series(texts, index=range(2, 1202), dtype=object))
    expected = [number_value(t) for t in texts]
    assert [None if np.isnan(v) else v for v in parsed.values] == expected
    assert parsed.errors.to_dict() == {9: "reason.not_a_number"}
    cells: list[object] = [str(i) for i in range(1200)]
    cells[5], cells[6] = None, np.nan
    missing = parse_number(pd.Series(cells, index=range(2, 1202), dtype=object))
    assert missing.errors.empty
    assert np.isnan(missing.values[7]) and np.isnan(missing.values[8])
    read = missing.values.drop([7, 8]).tolist()
    assert read == [float(i) for i in range(1200) if i not in (5, 6)]


@pytest.mark.parametrize(
    ("name", "country", "twin"),
    [
        ("Mikkelin kaupunki", "FIN", "Mikkeli"),  # a word of the name begins with the city
        ("Stadt-Mikkelin", "FIN", "Mikkeli"),  # words split at hyphens too
        ("Mikkelin kaupunki", "SWE", None),  # the country must match
        ("Kaupunki", "FIN", None),
        ("Mikkelin kaupunki", None, None),
        (None, "FIN", None),
    ],
)
def test_a_partner_without_a_city_is_a_twin_city_by_its_name(name, country, twin) -> None:
    """docs/methodology.md: a partner whose city cell is empty is a twin city when a word of
    its name begins with a twin city of its country ("Mikkelin kaupunki")."""
    parts = scoring_partners(("a1", name, None, country))
    scores = scoring_score(scoring_activities({}), parts)
    assert scores["is_twin_city"].tolist() == [twin is not None]
    found = scores["twin_city"].iloc[0]
    assert (None if pd.isna(found) else found) == twin


def test_status_counts_count_a_missing_status_as_ongoing() -> None:
    """Counted activities per status (cancelled ones not counted); a missing status, or no
    status column, counts as ongoing."""
    statuses = ["planned", "ongoing", None, "completed", "cancelled", "completed"]
    frame = pd.DataFrame({"status": pd.Series(statuses, dtype="string")})
    assert status_counts(frame).to_dict() == {"planned": 1, "ongoing": 2, "completed": 2}
    assert status_counts(pd.DataFrame(index=range(3))).to_dict() == {
        "planned": 0,
        "ongoing": 3,
        "completed": 0,
    }


def test_administration_resources_add_up_per_administration() -> None:
    """Own co-financing is budget minus external funding, never below 0, and only where
    there is a budget; the last row holds the totals (checked against sums written out)."""
    frame = pd.DataFrame(
        {
            "administration": ["A", "A", "B", "B"],
            "status": ["ongoing"] * 4,
            "participants": [3, None, 5, 1],
            "budget_sek": [100.0, 50.0, np.nan, 10.0],
            "external_funding_sek": [30.0, 80.0, 20.0, np.nan],
        }
    )
    table = administration_resources(frame, ["B", "A"]).set_index("administration")
    assert table.index.tolist()[:2] == ["B", "A"] and pd.isna(table.index[2])
    assert table.loc["A"].to_dict() == {
        "n_activities": 2,
        "participants": 3,
        "budget_sek": 150.0,
        "external_funding_sek": 110.0,
        "own_funding_sek": 70.0 + 0.0,  # 100 - 30; 50 - 80 is below 0
    }
    assert table.loc["B"].to_dict() == {
        "n_activities": 2,
        "participants": 6,
        "budget_sek": 10.0,
        "external_funding_sek": 20.0,
        "own_funding_sek": 0.0 + 10.0,  # no budget; 10 - nothing
    }
    assert table.iloc[2].tolist() == [4, 9, 160.0, 130.0, 80.0]


def test_the_longer_of_two_contact_names_sharing_words_is_redacted_whole() -> None:
    """With contacts "Anna Lind" and "Anna Bea Lind", "Lind, Anna Bea" is the longer name,
    not "Lind, Anna" followed by a word (names are tried longest first)."""
    contacts = pd.DataFrame({"contact_person": ["Anna Lind", "Anna Bea Lind"]})
    names = _contact_names(contacts)
    assert sorted(names) == ["Anna Bea Lind", "Anna Lind"]
    texts = pd.Series(["Lind, Anna Bea ringer", "Lind, Anna ringer"])
    assert redact(texts, names).tolist() == [f"{MARK} ringer", f"{MARK} ringer"]


@pytest.mark.parametrize("with_break", [False, True])
def test_blank_cells_are_empty_and_only_bad_texts_fail(with_break: bool) -> None:
    """Both paths of reading a number column (a cell with a line break is read one text at
    a time): a blank cell is empty, not an error; "2E3" is 2000; too large or no number fails."""
    texts = ["12", "", "3,5", "2E3", "1e400", "x", *(["1\n2"] if with_break else [])]
    parsed = parse_number(pd.Series(texts, index=range(2, 2 + len(texts)), dtype=object))
    values = [None if np.isnan(v) else v for v in parsed.values]
    assert values[:6] == [12.0, None, 3.5, 2000.0, None, None]
    bad = [6, 7, *([8] if with_break else [])]
    assert parsed.errors.to_dict() == dict.fromkeys(bad, "reason.not_a_number")


def test_twin_city_years_count_each_twin_city_of_an_activity_per_year() -> None:
    """Years as rows (gaps included), the parameters' twin cities first as columns (also
    without activities), then others found; an activity with two twin cities counts for both,
    a cancelled one for none."""
    frame = pd.DataFrame(
        {
            "year": [2022, 2022, 2024, 2024, 2024],
            "status": ["ongoing", "ongoing", "completed", "cancelled", "ongoing"],
            "all_twin_cities": ["Mikkeli; Vejle", "Mikkeli", None, "Vejle", "Lund; Lund"],
            "twin_city": ["Mikkeli", "Mikkeli", None, "Vejle", "Lund"],
        }
    )
    table = twin_city_years(frame, twin_cities=["Molde", "Mikkeli", "Vejle"])
    assert table.index.name == "year" and table.index.tolist() == [2022, 2023, 2024]
    assert table.to_dict(orient="list") == {
        "Molde": [0, 0, 0],
        "Mikkeli": [2, 0, 0],
        "Vejle": [1, 0, 0],
        "Lund": [0, 0, 1],
    }
    first_only = twin_city_years(frame.drop(columns="all_twin_cities"))
    assert first_only.to_dict(orient="list") == {"Mikkeli": [2, 0, 0], "Lund": [0, 0, 1]}
    assert twin_city_years(frame, years=[2021, 2022])["Mikkeli"].to_dict() == {2021: 0, 2022: 2}


def test_sdg_counts_take_goals_1_to_17_and_nothing_else() -> None:
    frame = pd.DataFrame({"sdgs": pd.Series([(1, 17), (0, 18, 17), ("x",)], dtype=object)})
    counts = sdg_counts(frame).set_index("sdg")["n_activities"]
    assert counts.index.tolist() == list(range(1, 18)) and counts.dtype == np.int64
    assert counts[counts > 0].to_dict() == {1: 1, 17: 2}


def test_partner_countries_are_ordered_by_activities_then_partners() -> None:
    parts = pd.DataFrame(
        {
            "activity_id": ["a1", "a2", "a2", "a3", "a3", "a4", "a5", "a6"],
            "partner_name": ["A", "B", "H", "C", "D", "E", "F", "G"],
            "country_iso3": ["NOR", "NOR", "NOR", "DNK", "DNK", "FIN", "FIN", None],
        }
    ).astype("string")
    table = partner_countries(parts)
    assert table["country_iso3"].tolist()[:3] == ["NOR", "FIN", "DNK"]
    assert table["n_activities"].tolist() == [2, 2, 1, 1]
    assert table["n_partners"].tolist()[:3] == [3, 2, 2]
    assert table.index.tolist() == [0, 1, 2, 3] and pd.isna(table["country_iso3"].iloc[3])
    assert "index" not in table.columns


def test_area_trend_over_years_written_out_for_one_area() -> None:
    """Share of activities at level 2 or more per year, its change against the year before
    and the trend; outcome areas count completed activities only, years with gaps included."""
    levels = {"profiling": [2, 0, 3, 1, 2, 2], "operational_development": [2, 2, 2, 3, 3, 0]}
    frame = pd.DataFrame(
        {
            "year": [2022, 2022, 2022, 2022, 2024, 2024],
            "status": ["ongoing", "ongoing", "completed", "completed", "completed", "ongoing"],
            "cancelled": False,
            **{area: levels.get(area, [0] * 6) for area in AREAS},
        }
    )
    table = area_trend_over_years(frame).set_index(["area", "year"])
    profiling = table.loc["profiling"]
    assert profiling.index.tolist() == [2022, 2023, 2024]
    assert profiling["n_activities"].tolist() == [4, 0, 2]
    assert profiling["n_clear"].tolist() == [2, 0, 2]
    assert profiling["share_clear"].tolist()[0] == 0.5 and np.isnan(profiling["share_clear"][2023])
    assert profiling["share_clear"][2024] == 1.0
    outcome = table.loc["operational_development"]  # completed only: 2 of 2, then 1 of 1
    assert outcome["n_activities"].tolist() == [2, 0, 1] and outcome["n_clear"][2022] == 2
    # the change against the year before, and a change larger than the tolerance is a trend
    steady = area_trend_over_years(frame.assign(year=frame["year"].replace(2024, 2023)))
    change = steady.set_index(["area", "year"]).loc["profiling"]
    assert change["change"][2023] == pytest.approx(0.5)
    assert change["trend"].tolist() == ["cannot_assess", "up"]
    assert (
        area_trend_over_years(frame, clear_level=3)
        .set_index(["area", "year"])
        .loc[("profiling", 2022), "n_clear"]
        == 1
    )


def test_funding_totals_written_out_by_hand() -> None:
    """The funding totals of a small register: counts of activities with a budget, with
    external funding and EU-funded (an EU source with no external funding is not), sums and
    shares (the external share over activities that have a budget)."""
    frame = pd.DataFrame(
        {
            "status": ["ongoing"] * 6 + ["cancelled"],
            "budget_sek": [100.0, 0.0, np.nan, 200.0, 50.0, 10.0, 999.0],
            "external_funding_sek": [40.0, 0.0, 30.0, np.nan, 50.0, 0.0, 999.0],
            "funding_source": [
                "Erasmus+", "Egen budget", "Interreg", None, "Stiftelse", "Erasmus+", "Erasmus+"
            ],
        }
    )  # fmt: skip
    totals = funding_summary(frame, ["Erasmus+", "Interreg"], ["Egen budget"]).totals
    assert totals.to_dict() == {
        "n_activities": 6,
        "n_with_budget": 4,
        "n_with_external_funding": 3,
        "n_eu_funded": 2,
        "budget_sek": 360.0,
        "external_funding_sek": 120.0,
        "eu_funding_sek": 70.0,
        "external_share": pytest.approx((40 + 50) / 360),
        "eu_share_of_external": pytest.approx(70 / 120),
        "eu_share_of_budget": pytest.approx(40 / 360),
    }


def test_cancelled_activities_trend_bounds_and_compared_populations() -> None:
    """What counts: a missing cancelled flag is not cancelled, and without a flag the status
    decides; a change of exactly the tolerance is steady; the outcome areas are compared on
    completed activities (a missing status is not completed), the others on all."""
    flags = pd.DataFrame({"cancelled": pd.Series([True, None, False], dtype="boolean")})
    assert cancelled_mask(flags).tolist() == [True, False, False]
    by_status = pd.DataFrame({"status": ["cancelled", "ongoing"]})
    assert cancelled_mask(by_status).tolist() == [True, False]
    assert cancelled_mask(pd.DataFrame(index=range(2))).tolist() == [False, False]
    assert trend_state(np.array([0.02, -0.02, 0.03, -0.03]), 0.02).tolist() == [
        "steady", "steady", "up", "down"
    ]  # fmt: skip
    frame = pd.DataFrame(
        {
            "year": [2024, 2024, 2025, 2025],
            "status": ["completed", None, "completed", "ongoing"],
            **{area: [2, 2, 2, 0] for area in AREAS},
        }
    )
    table = year_over_year(frame, 2025).set_index("area")
    assert table.loc["operational_development", "population"] == "completed"
    assert table.loc["operational_development", ["n_this_year", "n_previous_year"]].tolist() == [
        1,
        1,
    ]
    assert table.loc["profiling", "population"] == "all"
    assert table.loc["profiling", ["n_this_year", "n_previous_year"]].tolist() == [2, 2]
    assert table.loc["profiling", "share_this_year"] == 0.5


def test_a_partner_with_another_city_is_no_twin_city_by_its_name() -> None:
    """The name is looked at only when the city cell is empty: "Mikkelin yliopisto" in
    Helsinki is no twin-city partner."""
    parts = scoring_partners(("a1", "Mikkelin yliopisto", "Helsinki", "FIN"))
    assert scoring_score(scoring_activities({}), parts)["is_twin_city"].tolist() == [False]


def test_an_activity_with_two_twin_cities_lists_both_in_the_parameters_order() -> None:
    parts = scoring_partners(
        ("a1", "Lund kommun", "Lund", "NOR"),
        ("a1", "Mikkelin kaupunki", None, "FIN"),
        ("a1", "Stadt", "Hamburg", "DEU"),
        ("a2", "Stadt", "Hamburg", "DEU"),
        ("a3", "Lund kommun", "Lund", "NOR"),
    )
    scores = scoring_score(scoring_activities({}, {}, {}), parts)
    assert scores["twin_city"].iloc[0] == "Mikkeli"
    assert scores["all_twin_cities"].iloc[0] == "Mikkeli; Lund"
    assert pd.isna(scores["all_twin_cities"].iloc[1])
    assert scores["all_twin_cities"].iloc[2] == "Lund"


def test_a_decision_for_a_country_no_partner_has_covers_no_partner() -> None:
    """A decision naming Norway (no partner there) covers nobody, however the partners'
    countries are numbered; one naming a partner in Norway covers nobody either."""
    decisions = decision_table(
        pd.DataFrame(
            {
                "decision_id": ["KS 1", "KS 2"],
                "decision_date": ["2024-02-01", "2024-02-01"],
                "country_iso3": ["NOR", "NOR"],
                "partner_name": [None, "Tre AB"],
            }
        )
    )
    codes = {"FIN": 0, "DEU": 1, "SRB": 2, "RUS": 3}
    chosen = choose_decisions(
        np.array([0, 1, 2, 3, 2]),
        codes,
        pd.Series(["Ett AB", "Två AB", "Tre AB", "Fyra AB", "Fem AB"]),
        pd.Series(["A1"] * 5),
        np.full(5, 2024.0),
        decisions,
    )
    assert chosen.tolist() == [-1] * 5


def test_a_partner_without_a_recognised_country_is_explained_in_both_languages() -> None:
    out = screening_screen([("A1", "Somewhere", None), ("A2", "Energi AB", "SWE")], YEARS)
    assert out["verdict"].tolist() == ["unknown", "met"]
    assert out["basis_sv"].iloc[0] == label("basis.no_country", "sv")
    assert out["basis"].iloc[0] == label("basis.no_country", "en")


def test_a_value_and_its_threshold_never_look_equal_when_they_are_not() -> None:
    """Shortened, 0.70000000001 would read as the threshold 0.7 ("≈0.7"): both are then
    written in full; equal numbers keep their short form."""
    assert _number_pair(0.70000000001, 0.7, "en") == ("0.70000000001", "0.7")
    assert _number_pair(0.1234567891, 0.1234567892, "sv") == ("0,1234567891", "0,1234567892")
    assert _number_pair(0.123456789, 0.123456789, "sv") == ("≈0,123457", "≈0,123457")
    assert _number_pair(0.6995, 0.7, "sv") == ("0,6995", "0,7")


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (0.12345678, "0.12345678"),  # eight significant digits: as published
        (0.123456789, "≈0.123457"),  # nine: six, marked
        (1234.5678, "1234.5678"),
        (12345.6789, "≈12345.7"),
        (1e-10, "≈1e-10"),  # an exponent is never the published form
        (-0.5, "-0.5"),
        (3.0, "3"),
    ],
)
def test_a_number_is_shown_as_published_up_to_eight_digits(number: float, shown: str) -> None:
    assert published_form(number) == shown


# --- the run of 2026-12-07 evening: the groups marked "likely gap" (docs/testing.md) ----------


def _source_key(text: object) -> str | None:
    """A funding source as the register's reader compares it: case and spaces ignored."""
    if text is None or pd.isna(text) or not str(text).strip():
        return None
    return " ".join(str(text).casefold().split())


def test_funding_by_source_written_out_with_plain_loops() -> None:
    """The whole by-source table, recomputed row by row: spelling variants of a source are one
    row named as first written, the city's own money is one row however spelled, activities
    without a source one row; own and none come last; sources by external funding, then by
    activities; cancelled activities are not counted; shares of all external funding."""
    sources = [
        "Erasmus+", " erasmus+ ", "Interreg  Aurora", "interreg aurora", "Stiftelsen",
        "Egen budget", "egen  BUDGET", None, "  ", "ERASMUS+", "Kulturrådet", "Kulturrådet",
    ]  # fmt: skip
    external = [40.4, 10.0, 25.0, 25.0, 30.0, 5.0, 0.0, 7.0, 0.0, 999.0, 15.0, 15.0]
    status = ["ongoing"] * 9 + ["cancelled", "completed", "ongoing"]
    frame = pd.DataFrame(
        {"status": status, "external_funding_sek": external, "funding_source": sources}
    )
    table = funding_summary(frame, ["Erasmus+"], ["Egen budget"]).by_source

    rows: dict[str, dict] = {}
    for text, amount, state in zip(sources, external, status, strict=True):
        if state == "cancelled":
            continue
        key = _source_key(text)
        kind = "none" if key is None else "own" if key == "egen budget" else "external"
        row = rows.setdefault(
            key if kind == "external" else kind,
            {"name": None if key is None else str(text).strip(), "kind": kind, "n": 0, "sek": 0},
        )
        row["n"] += 1
        row["sek"] += int(amount + 0.5)
    total = sum(r["sek"] for r in rows.values())
    rank = {"external": 0, "own": 1, "none": 2}
    ordered = sorted(rows.items(), key=lambda kv: (rank[kv[1]["kind"]], -kv[1]["sek"], -kv[1]["n"]))
    expected = [
        (r["name"], r["kind"], key == "erasmus+", r["n"], float(r["sek"]), r["sek"] / total)
        for key, r in ordered
    ]
    assert list(table.columns) == [
        "funding_source", "kind", "is_eu", "n_activities", "external_funding_sek", "share"
    ]  # fmt: skip
    got = [
        (None if pd.isna(a) else a, b, bool(c), int(d), float(e), pytest.approx(f))
        for a, b, c, d, e, f in table.itertuples(index=False)
    ]
    assert got == expected
    assert [r[0] for r in expected] == [
        "Erasmus+", "Interreg  Aurora", "Kulturrådet", "Stiftelsen", "Egen budget", None
    ]  # fmt: skip


def test_target_table_written_out_with_plain_loops() -> None:
    """Every row of the target table, recomputed: coverage first, then each area; an area
    without a target or without data cannot be assessed and says why (no target first);
    a share exactly on its target meets it."""
    shares = {"profiling": 0.5, "twin_cities": 0.25, "societal_impact": float("nan")}
    summary = pd.DataFrame({"area": list(shares), "share_clear": list(shares.values())})
    targets = Targets(
        coverage=0.9,
        clear_share={"profiling": 0.5, "twin_cities": 0.3, "societal_impact": 0.1},
    )
    table = target_status(summary, 0.8, targets)

    expected = [("coverage", None, 0.8, 0.9, "not_met", "")]
    for area in AREAS:
        value = shares.get(area, float("nan"))
        target = targets.clear_share.get(area)
        if target is None:
            status, reason = "cannot_assess", "no_target"
        elif value != value:
            status, reason = "cannot_assess", "no_data"
        else:
            status, reason = ("met" if value >= target else "not_met"), ""
        expected.append(("clear_share", area, value, target, status, reason))
    assert list(table.columns) == ["metric", "area", "value", "target", "status", "reason"]
    got = [
        (m, None if pd.isna(a) else a, v, None if np.isnan(t) else t, s, r)
        for m, a, v, t, s, r in table.itertuples(index=False)
    ]
    assert len(got) == len(expected)
    for row, want in zip(got, expected, strict=True):
        assert row[:2] == want[:2] and row[3:] == want[3:]
        assert (np.isnan(row[2]) and np.isnan(want[2])) or row[2] == want[2]
    assert {"met", "not_met", "cannot_assess"} <= set(table["status"])
    assert {"no_target", "no_data", ""} <= set(table["reason"])


def test_a_missing_newer_value_does_not_hide_an_older_one() -> None:
    """An indicator file may hold a year without a value; the latest *value* in the window
    counts, not the latest row."""
    data = make_indicators(("AAA", 2023, "x", 0.8), ("AAA", 2025, "x", None))
    data["value"] = data["value"].astype(np.float64)
    row = country("AAA", data, **one_rule())
    assert row["democracy"] == "pass"
    assert row["democracy_data_year"] == 2023
    rules = rules_table(make_settings(**one_rule()).screening)
    latest = latest_values(data, rules, [2025], 5)
    assert latest[["iso3", "data_year", "value"]].drop_duplicates().values.tolist() == [
        ["AAA", 2023, 0.8]
    ]


def test_a_failing_country_is_explained_by_its_failing_conditions_only() -> None:
    """The country's basis names what decided: for a country that fails one condition and
    cannot be assessed on another, the failing one only."""
    rule = {"rules": [{"source": "vdem", "indicator": "x", "op": ">=", "threshold": 0.5}]}
    other = {"rules": [{"source": "vdem", "indicator": "y", "op": ">=", "threshold": 0.5}]}
    none = {"rules": [{"source": "vdem", "indicator": "z", "op": ">=", "threshold": 0.5}]}
    data = make_indicators(("AAA", 2025, "x", 0.1), ("AAA", 2025, "y", 0.9))
    row = country(
        "AAA", data, conditions={"democracy": rule, "human_rights": other, "rule_of_law": none}
    )
    assert [row[c] for c in ("democracy", "human_rights", "rule_of_law")] == [
        "fail", "pass", "unknown"
    ]  # fmt: skip
    assert row["status"] == "not_met"
    for lang, column in (("en", "basis"), ("sv", "basis_sv")):
        assert row[column].startswith(label("condition.democracy", lang) + ": ")
        assert label("condition.rule_of_law", lang) not in row[column]
        assert label("condition.human_rights", lang) not in row[column]


@pytest.mark.parametrize(("op", "value", "margin"), [(">", 0.9, 0.2), ("<", 0.2, 0.5)])
def test_the_margin_of_a_strict_rule_is_positive_on_the_passing_side(op, value, margin) -> None:
    data = make_indicators(("AAA", 2025, "x", value))
    row = country("AAA", data, **one_rule(op=op))
    assert row["democracy"] == "pass"
    assert row["democracy_margin"] == pytest.approx(margin)


def test_a_register_without_partners_screens_to_an_empty_table() -> None:
    out = screening_screen([], YEARS)
    assert out.empty
    assert {"activity_id", "partner_name", "verdict", "basis", "basis_sv"} <= set(out.columns)


def test_partners_listed_out_of_alphabetical_order_keep_their_own_countries() -> None:
    """Countries are screened in code order; each partner must still get its own country's
    verdict and basis, whatever order the partners come in."""
    out = screening_screen([("A1", "Novi Sad", "SRB"), ("A2", "Mikkeli", "FIN")], YEARS)
    assert out["verdict"].tolist() == ["needs_exception", "met"]
    alone = [screening_screen([p], YEARS) for p in (("A1", "Novi Sad", "SRB"), ("A2", "M", "FIN"))]
    assert out["basis"].tolist() == [a["basis"].iloc[0] for a in alone]


def test_partner_verdicts_are_ordered_and_carry_the_city_and_a_log_line(caplog) -> None:
    part, exc, acts = screening_frames(
        [("A1", "Novi Sad", "SRB"), ("A1", "Mikkeli", "FIN"), ("A2", "Somewhere", None)],
        {"A1": 2025, "A2": 2025},
    )
    part["city"] = pd.array(["Novi Sad", "Mikkeli", None], dtype="string")
    with caplog.at_level("INFO", logger="boras_intl"):
        out = screen_partners(part, exc, acts, make_settings(), load_bundled())
    assert out["verdict"].cat.ordered
    assert out["verdict"].max() == VERDICTS[-1] and out["verdict"].min() == VERDICTS[0]
    assert out["city"].tolist()[:2] == ["Novi Sad", "Mikkeli"] and pd.isna(out["city"].iloc[2])
    counts = dict.fromkeys(VERDICTS, 0)
    for verdict in out["verdict"]:
        counts[verdict] += 1
    words = ", ".join(f"{label(f'verdict.{v}', 'sv').lower()} {counts[v]}" for v in VERDICTS)
    assert f"Partner granskade: 3 ({words})" in caplog.messages


def test_a_city_without_a_country_is_no_twin_city() -> None:
    """A partner in "Vejle" with no country is not matched to another row's twin city."""
    parts = scoring_partners(("a1", "X", "Mikkeli", "FIN"), ("a2", "Y", "Vejle", None))
    scores = scoring_score(scoring_activities({}, {}), parts)
    assert scores["is_twin_city"].tolist() == [True, False]
