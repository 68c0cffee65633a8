"""Partner screening: every rule path, every verdict path, activities' precondition."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from boras_intl_lib.indicators.loaders import load_bundled
from boras_intl_lib.screening import partners as partners_mod
from boras_intl_lib.screening import rules as scr
from boras_intl_lib.settings import Settings
from boras_intl_lib.vocabulary import CHECKS, VERDICTS

YEAR = 2025


def make_settings(year: int = YEAR, **screening: object) -> Settings:
    return Settings(
        year=year, administrations=[{"name": "Stadsledningskansliet"}], screening=screening
    )


def make_indicators(*rows: tuple) -> pd.DataFrame:
    """Rows (iso3, year, indicator, value[, source[, edition]])."""
    full = [(*r, *("vdem", "V-Dem v16")[len(r) - 4 :]) for r in rows]
    frame = pd.DataFrame(full, columns=["iso3", "year", "indicator", "value", "source", "edition"])
    return frame.astype(
        {"iso3": "string", "indicator": "string", "source": "string", "edition": "string"}
    )


def one_rule(indicator: str = "x", op: str = ">=", threshold: float = 0.7, **kw: object) -> dict:
    """Screening settings where all three conditions use the same single rule."""
    condition = {
        "rules": [{"source": "vdem", "indicator": indicator, "op": op, "threshold": threshold}]
    }
    return {
        "conditions": dict.fromkeys(("democracy", "human_rights", "rule_of_law"), condition),
        **kw,
    }


def country(iso3: str, indicators: pd.DataFrame, year: int = YEAR, **screening: object) -> dict:
    frame = scr.screen_countries([iso3], indicators, make_settings(**screening).screening, year)
    assert len(frame) == 1
    return frame.iloc[0].to_dict()


# --- rules: which value, which year --------------------------------------------------------


def test_latest_year_not_after_report_year() -> None:
    data = make_indicators(
        ("AAA", 2021, "x", 0.5), ("AAA", 2023, "x", 0.8), ("AAA", 2026, "x", 0.1)
    )
    row = country("AAA", data, **one_rule())
    assert row["democracy"] == "pass"
    assert row["democracy_data_year"] == 2023
    assert row["democracy_value"] == 0.8
    assert row["democracy_basis"] == "x=0.8 (2023, V-Dem v16) >= 0.7"


def test_latest_year_can_be_the_report_year() -> None:
    data = make_indicators(("AAA", 2024, "x", 0.8), ("AAA", 2025, "x", 0.6))
    assert country("AAA", data, **one_rule())["democracy"] == "fail"
    assert country("AAA", data, year=2024, **one_rule())["democracy"] == "pass"


def test_max_data_age() -> None:
    data = make_indicators(("AAA", 2019, "x", 0.9))
    assert country("AAA", data, **one_rule(max_data_age_years=5))["democracy"] == "unknown"
    assert country("AAA", data, **one_rule(max_data_age_years=6))["democracy"] == "pass"
    row = country("AAA", data, **one_rule(max_data_age_years=5))
    assert row["democracy_basis"] == "no data for x (vdem) 2020–2025"
    assert row["democracy_basis_sv"] == "inga data för x (vdem) 2020–2025"


def test_only_the_rules_source_counts() -> None:
    data = make_indicators(("AAA", 2025, "x", 0.9, "other"))
    assert country("AAA", data, **one_rule())["democracy"] == "unknown"


def test_same_year_twice_the_later_row_wins() -> None:
    data = make_indicators(
        ("AAA", 2025, "x", 0.9, "vdem", "old"), ("AAA", 2025, "x", 0.1, "vdem", "new")
    )
    row = country("AAA", data, **one_rule())
    assert (row["democracy"], row["democracy_edition"]) == ("fail", "new")


def test_unrounded_comparison() -> None:
    """0.6995 rounds to 0.70 but is below 0.70: it fails, and the basis shows why."""
    data = make_indicators(("AAA", 2025, "x", 0.6995))
    row = country("AAA", data, **one_rule())
    assert row["democracy"] == "fail"
    assert row["democracy_basis"] == "x=0.6995 (2025, V-Dem v16) < 0.7"
    assert row["democracy_basis_sv"] == "x=0,6995 (2025, V-Dem v16) < 0,7"
    assert row["democracy_margin"] == pytest.approx(-0.0005)


def test_nearly_equal_numbers_are_not_shown_equal() -> None:
    data = make_indicators(("AAA", 2025, "x", 0.69999999))
    row = country("AAA", data, **one_rule())
    assert row["democracy"] == "fail"
    assert row["democracy_basis"] == "x=0.69999999 (2025, V-Dem v16) < 0.7"


@pytest.mark.parametrize(
    ("op", "value", "result", "shown"),
    [
        (">=", 0.7, "pass", ">="),
        (">", 0.7, "fail", "<="),
        ("<=", 0.7, "pass", "<="),
        ("<", 0.7, "fail", ">="),
        ("<", 0.2, "pass", "<"),
        (">", 0.9, "pass", ">"),
    ],
)
def test_comparison_operators(op: str, value: float, result: str, shown: str) -> None:
    data = make_indicators(("AAA", 2025, "x", value))
    row = country("AAA", data, **one_rule(op=op))
    assert row["democracy"] == result
    assert row["democracy_basis"].endswith(f" {shown} 0.7")


def test_margin_is_positive_on_the_passing_side() -> None:
    data = make_indicators(("AAA", 2025, "x", 0.2))
    assert country("AAA", data, **one_rule(op="<="))["democracy_margin"] == pytest.approx(0.5)
    assert country("AAA", data, **one_rule(op=">="))["democracy_margin"] == pytest.approx(-0.5)


def test_missing_data_can_be_set_to_fail() -> None:
    data = make_indicators(("BBB", 2025, "x", 0.9))
    assert country("AAA", data, **one_rule())["democracy"] == "unknown"
    assert country("AAA", data, **one_rule(missing_data="fail"))["democracy"] == "fail"


# --- combining several rules ----------------------------------------------------------------


def two_rules(combine: str, **kw: object) -> dict:
    rules = [
        {"source": "vdem", "indicator": "a", "threshold": 0.5},
        {"source": "fh", "indicator": "b", "threshold": 10},
    ]
    cond = {"rules": rules, "combine": combine}
    return {"conditions": dict.fromkeys(("democracy", "human_rights", "rule_of_law"), cond), **kw}


def two_values(a: float | None, b: float | None) -> pd.DataFrame:
    rows = []
    if a is not None:
        rows.append(("AAA", 2025, "a", a, "vdem"))
    if b is not None:
        rows.append(("AAA", 2025, "b", b, "fh"))
    return make_indicators(*rows) if rows else make_indicators(("ZZZ", 2025, "a", 1.0))


@pytest.mark.parametrize(
    ("combine", "a", "b", "expected"),
    [
        ("all", 0.9, 20, "pass"),
        ("all", 0.9, 5, "fail"),
        ("all", 0.1, None, "fail"),  # a failure decides, even with one rule unknown
        ("all", 0.9, None, "unknown"),
        ("any", 0.1, 20, "pass"),
        ("any", 0.1, 5, "fail"),
        ("any", 0.1, None, "unknown"),
        ("any", None, 20, "pass"),
        ("first_available", 0.1, 20, "fail"),  # the first rule with data decides
        ("first_available", None, 20, "pass"),
        ("first_available", None, 5, "fail"),
        ("first_available", None, None, "unknown"),
    ],
)
def test_combine_modes(combine: str, a: float | None, b: float | None, expected: str) -> None:
    row = country("AAA", two_values(a, b), **two_rules(combine))
    assert row["democracy"] == expected


def test_combined_basis_names_the_deciding_rules() -> None:
    row = country("AAA", two_values(0.9, 5), **two_rules("all"))
    assert row["democracy_basis"] == "b=5 (2025, V-Dem v16) < 10"
    assert row["democracy_indicator"] == "b"
    row = country("AAA", two_values(0.9, 20), **two_rules("all"))
    assert row["democracy_basis"] == "a=0.9 (2025, V-Dem v16) >= 0.5; b=20 (2025, V-Dem v16) >= 10"
    row = country("AAA", two_values(None, 20), **two_rules("first_available"))
    assert row["democracy_basis"] == "b=20 (2025, V-Dem v16) >= 10"
    assert row["democracy_source"] == "fh"


def test_combine_with_missing_data_fail() -> None:
    row = country("AAA", two_values(0.9, None), **two_rules("all", missing_data="fail"))
    assert row["democracy"] == "fail"
    row = country("AAA", two_values(0.9, None), **two_rules("any", missing_data="fail"))
    assert row["democracy"] == "pass"


# --- the default rules on the bundled excerpt -------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> pd.DataFrame:
    return load_bundled()


def test_default_rules_on_the_bundled_data(bundled: pd.DataFrame) -> None:
    frame = scr.screen_countries(
        ["SWE", "SRB", "GEO", "ROU", "TUR", "AND"], bundled, make_settings().screening, YEAR
    ).set_index("iso3")
    checks = frame[["democracy", "human_rights", "rule_of_law"]]
    assert checks.loc["SWE"].tolist() == ["pass", "pass", "pass"]
    assert checks.loc["SRB"].tolist() == ["fail", "pass", "fail"]  # civlib 0.73 >= 0.70
    assert checks.loc["GEO"].tolist() == ["fail", "pass", "pass"]  # civlib 0.7 exactly
    assert checks.loc["ROU"].tolist() == ["pass", "pass", "pass"]
    assert checks.loc["TUR"].tolist() == ["fail", "fail", "fail"]
    assert checks.loc["AND"].tolist() == ["unknown", "unknown", "unknown"]
    assert frame["status"].to_dict() == {
        "GEO": "not_met",
        "AND": "unknown",
        "ROU": "met",
        "SRB": "not_met",
        "SWE": "met",
        "TUR": "not_met",
    }
    assert frame.loc["SRB", "basis"] == (
        "Democracy: regime_row_owid=1 (2025, Regimes of the World, OWID's coding of V-Dem v16)"
        " < 2; "
        "Rule of law: v2x_rule=0.367 (2025, V-Dem v16) < 0.5"
    )
    assert frame.loc["SRB", "basis_sv"] == (
        "Demokrati: regime_row_owid=1 (2025, Regimes of the World, OWID:s kodning av"
        " V-Dem v16) < 2; "
        "Rättsstatens principer: v2x_rule=0,367 (2025, V-Dem v16) < 0,5"
    )
    assert frame.loc["SRB", "rule_of_law_threshold"] == 0.5
    assert frame.loc["SRB", "democracy_edition"] == "V-Dem v16"


def test_screen_countries_without_countries(bundled: pd.DataFrame) -> None:
    frame = scr.screen_countries([], bundled, make_settings().screening, YEAR)
    assert frame.empty
    assert {"iso3", "democracy", "rule_of_law_basis", "status", "basis"} <= set(frame.columns)


# --- partners and verdicts ---------------------------------------------------------------------


def frames(
    partners: list[tuple[str, str, str | None]],
    years: dict[str, int],
    decisions: list[dict] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    acts = pd.DataFrame(
        {
            "activity_id": pd.array(list(years), dtype="string"),
            "year": pd.array(list(years.values()), dtype="Int64"),
            "status": pd.array(["ongoing"] * len(years), dtype="string"),
        }
    )
    part = pd.DataFrame(partners, columns=["activity_id", "partner_name", "country_iso3"])
    part = part.astype("string")
    part["row"] = pd.array(range(2, 2 + len(part)), dtype="Int64")
    columns = [
        "decision_id",
        "decision_date",
        "country_iso3",
        "partner_name",
        "activity_id",
        "valid_from",
        "valid_to",
    ]
    exc = pd.DataFrame(decisions or [], columns=columns)
    for col in ("decision_id", "country_iso3", "partner_name", "activity_id"):
        exc[col] = exc[col].astype("string")
    for col in ("decision_date", "valid_from", "valid_to"):
        exc[col] = pd.to_datetime(exc[col])
    return part, exc, acts


def decision(decision_id: str = "KS 2025-00017", date: str = "2025-01-15", **kw: object) -> dict:
    return {"decision_id": decision_id, "decision_date": date, **kw}


def screen(partners, years, decisions=None, indicators=None, **kw) -> pd.DataFrame:
    part, exc, acts = frames(partners, years, decisions)
    data = load_bundled() if indicators is None else indicators
    return partners_mod.screen_partners(part, exc, acts, make_settings(**kw), data)


def verdicts(out: pd.DataFrame) -> list[tuple]:
    return list(zip(out["verdict"], out["decision_id"].fillna("-"), strict=True))


def test_output_is_one_row_per_partner_with_the_contract_columns() -> None:
    out = screen([("A1", "Mikkeli", "FIN"), ("A1", "Novi Sad", "SRB")], {"A1": 2025})
    assert tuple(out.columns[: len(scr.PARTNER_COLUMNS)]) == scr.PARTNER_COLUMNS
    assert {"basis_sv", "row"} <= set(out.columns)
    assert len(out) == 2
    assert out["row"].tolist() == [2, 3]
    for column in ("democracy", "human_rights", "rule_of_law"):
        assert tuple(out[column].cat.categories) == CHECKS
    assert tuple(out["verdict"].cat.categories) == VERDICTS
    assert out["verdict"].astype("string").tolist() == ["met", "needs_exception"]


def test_index_is_kept() -> None:
    part, exc, acts = frames([("A1", "Mikkeli", "FIN"), ("A1", "Novi Sad", "SRB")], {"A1": 2025})
    part.index = [40, 7]
    out = partners_mod.screen_partners(part, exc, acts, make_settings(), load_bundled())
    assert out.index.tolist() == [40, 7]
    assert out.loc[7, "verdict"] == "needs_exception"


def test_pass_is_met() -> None:
    out = screen([("A1", "Mikkeli", "FIN")], {"A1": 2025})
    assert verdicts(out) == [("met", "-")]
    assert (
        out["basis"]
        .iloc[0]
        .startswith(
            "Democracy: regime_row_owid=3 (2025, Regimes of the World, OWID's coding of"
            " V-Dem v16) >= 2; "
        )
    )
    assert (
        out["basis_sv"]
        .iloc[0]
        .startswith(
            "Demokrati: regime_row_owid=3 (2025, Regimes of the World, OWID:s kodning av"
            " V-Dem v16) >= 2; "
        )
    )


def test_fail_without_decision_needs_exception() -> None:
    out = screen([("A1", "Novi Sad", "SRB")], {"A1": 2025})
    assert verdicts(out) == [("needs_exception", "-")]
    assert out[["democracy", "human_rights", "rule_of_law"]].iloc[0].tolist() == [
        "fail",
        "pass",
        "fail",
    ]
    assert (
        "regime_row_owid=1 (2025, Regimes of the World, OWID's coding of V-Dem v16) < 2"
        in out["basis"].iloc[0]
    )
    assert "civlib" not in out["basis"].iloc[0]


def test_no_data_is_unknown_never_a_pass() -> None:
    out = screen([("A1", "Andorra la Vella", "AND")], {"A1": 2025})
    assert verdicts(out) == [("unknown", "-")]
    assert "no data for regime_row_owid (vdem) 2020–2025" in out["basis"].iloc[0]


def test_some_unknown_none_failed_is_unknown() -> None:
    data = make_indicators(("FIN", 2025, "regime_row_owid", 3), ("FIN", 2025, "v2x_civlib", 0.9))
    out = screen([("A1", "Mikkeli", "FIN")], {"A1": 2025}, indicators=data)
    assert out[["democracy", "human_rights", "rule_of_law"]].iloc[0].tolist() == [
        "pass",
        "pass",
        "unknown",
    ]
    assert verdicts(out) == [("unknown", "-")]
    assert out["basis"].iloc[0] == "Rule of law: no data for v2x_rule (vdem) 2020–2025"


def test_unrecognised_country_is_unknown() -> None:
    out = screen([("A1", "Somewhere", None)], {"A1": 2025}, [decision(partner_name="Elsewhere")])
    assert verdicts(out) == [("unknown", "-")]
    assert out["basis"].iloc[0] == "Country not recognised"
    assert out["democracy"].iloc[0] == "unknown"
    # a valid decision naming the partner covers it all the same (issue 20)
    out = screen([("A1", "Somewhere", None)], {"A1": 2025}, [decision(partner_name="Somewhere")])
    assert verdicts(out) == [("exception", "KS 2025-00017")]


def test_domestic_partner_is_met() -> None:
    out = screen([("A1", "Borås Energi och Miljö", "SWE")], {"A1": 2025})
    assert verdicts(out) == [("met", "-")]
    assert out["basis"].iloc[0] == "Domestic partner, outside the precondition"
    assert out["basis_sv"].iloc[0] == "Svensk partner, omfattas inte av förutsättningen"


def test_domestic_partner_is_met_even_without_data() -> None:
    data = make_indicators(("FIN", 2025, "regime_row_owid", 3))
    out = screen([("A1", "Högskolan i Borås", "SWE")], {"A1": 2025}, indicators=data)
    assert verdicts(out) == [("met", "-")]
    assert out["democracy"].iloc[0] == "unknown"


def test_domestic_country_is_a_setting() -> None:
    out = screen([("A1", "Mikkeli", "FIN")], {"A1": 2025}, domestic_country="FIN")
    assert out["basis"].iloc[0] == "Domestic partner, outside the precondition"


def test_exception_by_country() -> None:
    out = screen(
        [("A1", "Novi Sad", "SRB"), ("A2", "Beograd", "SRB"), ("A2", "Ankara", "TUR")],
        {"A1": 2025, "A2": 2025},
        [decision(country_iso3="SRB")],
    )
    assert verdicts(out) == [
        ("exception", "KS 2025-00017"),
        ("exception", "KS 2025-00017"),
        ("needs_exception", "-"),
    ]
    assert out["basis"].iloc[0].endswith("; exception KS 2025-00017 (2025-01-15)")
    assert out["basis_sv"].iloc[0].endswith("; undantagsbeslut KS 2025-00017 (2025-01-15)")


def test_exception_by_partner_name_ignores_case_and_spaces() -> None:
    out = screen(
        [("A1", "Novi  Sad", "SRB"), ("A1", "Beograd", "SRB"), ("A2", "NOVI SAD", "SRB")],
        {"A1": 2025, "A2": 2025},
        [decision(partner_name="  novi sad ")],
    )
    assert verdicts(out) == [
        ("exception", "KS 2025-00017"),
        ("needs_exception", "-"),
        ("exception", "KS 2025-00017"),
    ]


def test_named_decision_with_another_country_does_not_cover() -> None:
    out = screen(
        [("A1", "City Hall", "SRB"), ("A1", "City Hall", "TUR")],
        {"A1": 2025},
        [decision(partner_name="City Hall", country_iso3="TUR")],
    )
    assert verdicts(out) == [("needs_exception", "-"), ("exception", "KS 2025-00017")]


def test_named_decision_does_not_cover_the_whole_country() -> None:
    out = screen(
        [("A1", "Novi Sad", "SRB"), ("A1", "Beograd", "SRB")],
        {"A1": 2025},
        [decision(partner_name="Novi Sad", country_iso3="SRB")],
    )
    assert verdicts(out) == [("exception", "KS 2025-00017"), ("needs_exception", "-")]


def test_exception_limited_to_an_activity() -> None:
    out = screen(
        [("A1", "Novi Sad", "SRB"), ("A2", "Novi Sad", "SRB")],
        {"A1": 2025, "A2": 2025},
        [decision(country_iso3="SRB", activity_id="A1")],
    )
    assert verdicts(out) == [("exception", "KS 2025-00017"), ("needs_exception", "-")]
    out = screen(
        [("A1", "Novi Sad", "SRB"), ("A2", "Novi Sad", "SRB")],
        {"A1": 2025, "A2": 2025},
        [decision(partner_name="Novi Sad", activity_id="A2")],
    )
    assert verdicts(out) == [("needs_exception", "-"), ("exception", "KS 2025-00017")]


def test_expired_decision_covers_nothing() -> None:
    dec = [decision(date="2021-03-01", country_iso3="SRB", valid_to="2023-12-31")]
    out = screen(
        [("A1", "Novi Sad", "SRB"), ("A2", "Novi Sad", "SRB"), ("A3", "Novi Sad", "SRB")],
        {"A1": 2025, "A2": 2023, "A3": 2024},
        dec,
    )
    assert verdicts(out) == [
        ("needs_exception", "-"),
        ("exception", "KS 2025-00017"),
        ("needs_exception", "-"),
    ]


def test_decision_not_yet_valid_covers_nothing() -> None:
    dec = [decision(date="2025-06-01", country_iso3="SRB", valid_from="2026-01-01")]
    out = screen(
        [("A1", "Novi Sad", "SRB"), ("A2", "Novi Sad", "SRB")], {"A1": 2025, "A2": 2026}, dec
    )
    assert verdicts(out) == [("needs_exception", "-"), ("exception", "KS 2025-00017")]


def test_without_valid_from_the_decision_date_starts_validity() -> None:
    late = [decision(date="2026-02-01", country_iso3="SRB")]
    assert verdicts(screen([("A1", "Novi Sad", "SRB")], {"A1": 2025}, late)) == [
        ("needs_exception", "-")
    ]
    in_year = [decision(date="2025-12-30", country_iso3="SRB")]
    assert verdicts(screen([("A1", "Novi Sad", "SRB")], {"A1": 2025}, in_year)) == [
        ("exception", "KS 2025-00017")
    ]


def test_open_ended_decision_covers_later_years() -> None:
    dec = [decision(date="2019-05-01", country_iso3="SRB", valid_from="2019-06-01")]
    out = screen([("A1", "Novi Sad", "SRB")], {"A1": 2025}, dec)
    assert verdicts(out) == [("exception", "KS 2025-00017")]


def test_decision_on_a_passing_partner_changes_nothing() -> None:
    out = screen([("A1", "Mikkeli", "FIN")], {"A1": 2025}, [decision(country_iso3="FIN")])
    assert verdicts(out) == [("met", "-")]


def test_a_valid_decision_covers_a_partner_that_cannot_be_assessed() -> None:
    """Issue 20: a valid decision covers a partner whatever its screening result (this test
    pinned the opposite before)."""
    out = screen([("A1", "Andorra la Vella", "AND")], {"A1": 2025}, [decision(country_iso3="AND")])
    assert verdicts(out) == [("exception", "KS 2025-00017")]
    assert out["democracy"].iloc[0] == "unknown"  # the checks still say what the data say
    assert out["basis_sv"].iloc[0].endswith("; undantagsbeslut KS 2025-00017 (2025-01-15)")
    # an expired decision still covers nothing
    expired = [decision(country_iso3="AND", valid_to="2024-12-31")]
    out = screen([("A1", "Andorra la Vella", "AND")], {"A1": 2025}, expired)
    assert verdicts(out) == [("unknown", "-")]


def test_most_specific_decision_is_named() -> None:
    decisions = [
        decision("KS country", "2025-03-01", country_iso3="SRB"),
        decision("KS partner", "2024-01-01", partner_name="Novi Sad"),
        decision("KS country+activity", "2025-04-01", country_iso3="SRB", activity_id="A1"),
    ]
    out = screen(
        [("A1", "Novi Sad", "SRB"), ("A1", "Beograd", "SRB"), ("A2", "Nis", "SRB")],
        {"A1": 2025, "A2": 2025},
        decisions,
    )
    assert out["decision_id"].tolist() == ["KS partner", "KS country+activity", "KS country"]


def test_no_exceptions_table() -> None:
    part, _, acts = frames([("A1", "Novi Sad", "SRB")], {"A1": 2025})
    out = partners_mod.screen_partners(part, None, acts, make_settings(), load_bundled())
    assert out["verdict"].tolist() == ["needs_exception"]


def test_data_year_follows_the_report_year() -> None:
    """A report for 2024 uses 2024 data, never 2025's; before the bundled years, unknown."""
    out = screen([("A1", "Mikkeli", "FIN")], {"A1": 2024}, year=2024)
    assert verdicts(out) == [("met", "-")]
    assert "(2024, " in out["basis"].iloc[0] and "2025" not in out["basis"].iloc[0]
    only_2025 = load_bundled().query("year == 2025")
    out = screen([("A1", "Mikkeli", "FIN")], {"A1": 2024}, indicators=only_2025, year=2024)
    assert verdicts(out) == [("unknown", "-")]


# --- activities ---------------------------------------------------------------------------------


def test_activity_precondition_is_the_worst_partner() -> None:
    part, exc, acts = frames(
        [
            ("A1", "Mikkeli", "FIN"),
            ("A1", "Novi Sad", "SRB"),  # exception
            ("A2", "Mikkeli", "FIN"),
            ("A2", "Andorra la Vella", "AND"),  # unknown
            ("A2", "Novi Sad", "SRB"),  # exception
            ("A3", "Ankara", "TUR"),  # needs_exception
            ("A3", "Andorra la Vella", "AND"),
            ("A4", "Molde", "NOR"),
            ("A4", "Borås Energi", "SWE"),
        ],
        {"A1": 2025, "A2": 2025, "A3": 2025, "A4": 2025, "A5": 2025},
        [decision(country_iso3="SRB")],
    )
    acts.index = [10, 11, 12, 13, 14]
    out = partners_mod.screen_partners(part, exc, acts, make_settings(), load_bundled())
    pre = partners_mod.activity_precondition(out, acts)
    assert pre.index.tolist() == [10, 11, 12, 13, 14]
    assert pre.tolist() == ["exception", "unknown", "needs_exception", "met", "unknown"]
    assert pre.name == "precondition"


# --- the vectorised path agrees with a plain reading of the rules --------------------------------

COUNTRIES = ["SWE", "FIN", "SRB", "TUR", "AND", None]
NAMES = ["Novi Sad", "Beograd", "Mikkeli", "Ankara"]


def reference_verdict(p: dict, decisions: list[dict], year: int, status: str) -> tuple[str, str]:
    """The verdict rules written out one partner at a time."""
    if p["country_iso3"] is not None and (p["country_iso3"] == "SWE" or status == "met"):
        return "met", "-"
    # a valid decision covers whatever is not met: failing or unknown (issue 20)
    otherwise = "needs_exception" if status == "not_met" else "unknown"
    covering = []
    for d in decisions:
        if d["partner_name"] is not None:
            if d["partner_name"].casefold() != p["partner_name"].casefold():
                continue
            if d["country_iso3"] is not None and d["country_iso3"] != p["country_iso3"]:
                continue
        elif d["country_iso3"] != p["country_iso3"]:
            continue
        if d["activity_id"] is not None and d["activity_id"] != p["activity_id"]:
            continue
        start = d["valid_from"] or d["decision_date"]
        if start.year > year or (d["valid_to"] is not None and d["valid_to"].year < year):
            continue
        covering.append(d["decision_id"])
    return ("exception", "covered") if covering else (otherwise, "-")


partner_st = st.fixed_dictionaries(
    {
        "activity_id": st.sampled_from(["A1", "A2", "A3"]),
        "partner_name": st.sampled_from(NAMES),
        "country_iso3": st.sampled_from(COUNTRIES),
    }
)
date_st = st.dates(dt.date(2020, 1, 1), dt.date(2027, 12, 31))
decision_st = st.fixed_dictionaries(
    {
        "decision_id": st.text("KS0123456789", min_size=3, max_size=6),
        "decision_date": date_st,
        "country_iso3": st.sampled_from(["SRB", "TUR", None]),
        "partner_name": st.sampled_from([*NAMES, None]),
        "activity_id": st.sampled_from(["A1", "A2", None]),
        "valid_from": st.one_of(st.none(), date_st),
        "valid_to": st.one_of(st.none(), date_st),
    }
).filter(lambda d: d["country_iso3"] is not None or d["partner_name"] is not None)


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    partners=st.lists(partner_st, min_size=1, max_size=12),
    decisions=st.lists(decision_st, max_size=4),
    years=st.tuples(*[st.integers(2021, 2027)] * 3),
)
def test_vectorised_verdicts_match_the_reference(partners, decisions, years) -> None:
    year_of = dict(zip(["A1", "A2", "A3"], years, strict=True))
    rows = [(p["activity_id"], p["partner_name"], p["country_iso3"]) for p in partners]
    out = screen(rows, year_of, [dict(d) for d in decisions])
    status = {"SWE": "met", "FIN": "met", "SRB": "not_met", "TUR": "not_met", "AND": "unknown"}
    for p, (verdict, dec) in zip(partners, verdicts(out), strict=True):
        expected = reference_verdict(
            p, decisions, year_of[p["activity_id"]], status.get(p["country_iso3"], "")
        )
        assert (verdict, "covered" if dec != "-" else "-") == expected


def test_many_partners_many_countries_is_consistent() -> None:
    rng = np.random.default_rng(7)
    iso3 = np.array(["SWE", "FIN", "SRB", "TUR", "GEO", "AND", "DEU"], dtype=object)
    n = 5000
    part, exc, acts = frames(
        list(
            zip(
                [f"A{i % 700}" for i in range(n)],
                [f"P{i % 300}" for i in range(n)],
                rng.choice(iso3, n),
                strict=True,
            )
        ),
        {f"A{i}": 2025 for i in range(700)},
        [decision(country_iso3="GEO")],
    )
    out = partners_mod.screen_partners(part, exc, acts, make_settings(), load_bundled())
    by_country = out.groupby("country_iso3")["verdict"].unique().map(list).to_dict()
    assert by_country == {
        "DEU": ["met"],
        "FIN": ["met"],
        "GEO": ["exception"],
        "AND": ["unknown"],
        "SRB": ["needs_exception"],
        "SWE": ["met"],
        "TUR": ["needs_exception"],
    }
