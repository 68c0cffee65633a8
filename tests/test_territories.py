"""Territories as the policy reads them (issue 20 item 2): a partner in a territory a source
scores is screened with the territory's own values; where the source has none, with its
sovereign state's; the basis says which. Palestine is the West Bank."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from boras_intl_lib.evaluation import evaluate
from boras_intl_lib.indicators import loaders as ind
from boras_intl_lib.indicators.freedom_house import read_freedom_house
from boras_intl_lib.register import load_register
from boras_intl_lib.screening.rules import screen_countries
from boras_intl_lib.settings import load_settings
from tests.indicator_helpers import fh_row, write_fh
from tests.register_helpers import activity, exception, partner, write_workbook

#: Edition 2025 (describing 2024), Freedom House-like values. China's civil liberties (9) fail
#: the rule below (fh_cl ≥ 30); Hong Kong's own (33) pass it, so the check shows whose were used.
ROWS = [
    fh_row("China", "c", 2025, "NF", 1, 9, 2),
    fh_row("Hong Kong", "t", 2025, "PF", 9, 33, 7),
    fh_row("West Bank", "t", 2025, "NF", 4, 20, 5),
    fh_row("Gaza Strip", "t", 2025, "NF", 2, 9, 1),
    fh_row("Puerto Rico", "t", 2025, "F", 35, 55, 14),
    fh_row("Crimea", "t", 2025, "NF", 0, 4, 1),
    fh_row("United States", "c", 2025, "F", 33, 51, 12),
    fh_row("Sweden", "c", 2025, "F", 40, 59, 16),
]


@pytest.fixture
def params(tmp_path: Path) -> Path:
    fh = write_fh(tmp_path / "All_data_FIW_2013-2025.xlsx", ROWS)
    path = tmp_path / "params.yaml"
    path.write_text(
        "year: 2024\n"
        "administrations: [{name: Kulturförvaltningen}]\n"
        "screening:\n"
        "  use_bundled_data: false\n"
        f"  indicator_files: [{{path: {fh}, format: freedom_house}}]\n"
        "  conditions:\n"
        "    democracy: {rules: [{source: freedom_house, indicator: fh_status, threshold: 1}]}\n"
        "    human_rights: {rules: [{source: freedom_house, indicator: fh_cl, threshold: 30}]}\n"
        "    rule_of_law: {rules: [{source: freedom_house, indicator: fh_f, threshold: 6}]}\n"
    )
    return path


def test_territories_with_a_code_of_their_own_are_read_others_listed(params: Path) -> None:
    settings = load_settings(params)
    loaded = read_freedom_house(settings.screening.indicator_files[0].path)
    assert set(loaded.values["iso3"]) == {"CHN", "HKG", "PSE", "PRI", "USA", "SWE"}
    cl = loaded.values[loaded.values["indicator"] == "fh_cl"].set_index("iso3")["value"]
    assert (cl["HKG"], cl["PSE"], cl["PRI"], cl["CHN"]) == (33, 20, 55, 9)  # West Bank = PSE
    left_out = loaded.dropped.set_index("entity")["reason"].to_dict()
    assert left_out == {"Gaza Strip": "territory", "Crimea": "territory"}


def test_a_hong_kong_partner_is_screened_with_hong_kongs_values(
    params: Path, tmp_path: Path
) -> None:
    settings = load_settings(params)
    register_path = write_workbook(
        tmp_path / "register.xlsx",
        {
            "activities": [activity("A1"), activity("A2"), activity("A3")],
            "partners": [
                partner("A1", partner_name="HKU", country="Hongkong"),
                partner("A2", partner_name="Birzeit University", country="Palestina"),
                partner("A3", partner_name="Macao Polytechnic", country="Macao"),
            ],
        },
    )
    register = load_register(register_path, settings)
    result = evaluate(register, settings)
    partners = result.partners.set_index("partner_name")
    hk = partners.loc["HKU"]
    assert hk["human_rights"] == "pass"  # Hong Kong's 33, not China's 9
    assert hk["rule_of_law"] == "pass" and hk["democracy"] == "pass"  # PF = 1 ≥ 1, 7 ≥ 6
    assert hk["verdict"] == "met"
    countries = result.countries.set_index("iso3")
    assert countries.loc["HKG", "human_rights_value"] == 33
    assert countries.loc["HKG", "human_rights_data_country"] == "HKG"
    # Palestine: the West Bank's values (20 < 30 fails), never the Gaza Strip's 9
    assert countries.loc["PSE", "human_rights_value"] == 20
    assert partners.loc["Birzeit University", "verdict"] == "needs_exception"
    # Macao: no values of its own in the file, so China's, and the basis says so
    assert countries.loc["MAC", "human_rights_value"] == 9
    assert countries.loc["MAC", "human_rights_data_country"] == "CHN"
    assert (
        "Macao SAR saknar egna data, data för Kina" in countries.loc["MAC", "human_rights_basis_sv"]
    )


def test_the_basis_names_a_territorys_own_values(params: Path) -> None:
    settings = load_settings(params)
    frame = screen_countries(
        ["HKG", "PRI"], ind.load_indicators(settings), settings.screening, 2024
    )
    basis = frame.set_index("iso3")["human_rights_basis_sv"]
    assert "egna värden för Hongkong SAR" in basis["HKG"] and "fh_cl=33" in basis["HKG"]
    assert "egna värden för Puerto Rico" in basis["PRI"]
    english = frame.set_index("iso3")["human_rights_basis"]
    assert "values of Hong Kong SAR China itself" in english["HKG"]


def test_a_decision_covers_a_palestinian_partner_that_cannot_be_assessed(
    tmp_path: Path,
) -> None:
    """With rules on data no source has for Palestine, the partner cannot be assessed; a
    valid decision still covers it, so the activity does not turn into 'Åtgärd krävs'."""
    fh = write_fh(
        tmp_path / "All_data_FIW_2013-2025.xlsx", [r for r in ROWS if r[0] != "West Bank"]
    )
    path = tmp_path / "p.yaml"
    path.write_text(
        "year: 2024\nadministrations: [{name: Kulturförvaltningen}]\nscreening:\n"
        f"  indicator_files: [{{path: {fh}, format: freedom_house}}]\n"
        "  use_bundled_data: false\n  conditions:\n"
        "    democracy: {rules: [{source: freedom_house, indicator: fh_status, threshold: 1}]}\n"
        "    human_rights: {rules: [{source: freedom_house, indicator: fh_cl, threshold: 30}]}\n"
        "    rule_of_law: {rules: [{source: freedom_house, indicator: fh_f, threshold: 6}]}\n"
    )
    settings = load_settings(path)
    register_path = write_workbook(
        tmp_path / "register.xlsx",
        {
            "activities": [activity("A1")],
            "partners": [partner("A1", partner_name="Birzeit University", country="Palestina")],
            "exceptions": [exception("KS 2024/7", country="Palestina")],
        },
    )
    result = evaluate(load_register(register_path, settings), settings)
    row = result.partners.iloc[0]
    assert row["human_rights"] == "unknown"
    assert (row["verdict"], row["decision_id"]) == ("exception", "KS 2024/7")
    assert result.scores["precondition"].tolist() == ["exception"]
    assert pd.notna(row["basis_sv"]) and "KS 2024/7" in row["basis_sv"]


def test_palestines_parts_are_palestine() -> None:
    from boras_intl_lib.countries import to_iso3

    names = ["Västbanken", "West Bank", "Palestina", "State of Palestine"]
    assert to_iso3(pd.Series(names)).tolist() == ["PSE"] * len(names)
    # a publisher's Gaza Strip row must not overwrite the West Bank's values as Palestine
    assert to_iso3(pd.Series(["Gaza Strip", "Gazaremsan"])).isna().all()
