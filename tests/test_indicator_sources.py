"""Issue 9: bundled data for every year, honest names, rows left out listed, the
`indicators` command, countries coordinators type, territories, countries.csv."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from boras_intl_lib.cli import main
from boras_intl_lib.countries import SOVEREIGNS, to_iso3
from boras_intl_lib.evaluation import evaluate
from boras_intl_lib.indicators import commands as cmd
from boras_intl_lib.indicators import loaders as ind
from boras_intl_lib.indicators.base import DROP_REASONS, open_workbook
from boras_intl_lib.indicators.freedom_house import read_freedom_house
from boras_intl_lib.indicators.owid import read_owid
from boras_intl_lib.indicators.wgi import read_wgi
from boras_intl_lib.indicators.wide import read_wide
from boras_intl_lib.register import load_register
from boras_intl_lib.screening.rules import screen_countries
from boras_intl_lib.settings import load_settings
from tests.indicator_helpers import FIXTURES, write_fh, write_wgi

ROOT = Path(__file__).resolve().parent.parent
REGISTER = ROOT / "boras_intl_lib" / "data" / "example_register.xlsx"


# --- countries coordinators type -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "iso3"),
    [
        ("Bosnien & Hercegovina", "BIH"),
        ("Bosnien och Hercegovina", "BIH"),
        ("Bosnia & Herzegovina", "BIH"),
        ("Amerikas förenta stater", "USA"),
        ("Förenade kungariket Storbritannien och Nordirland", "GBR"),
        ("Republiken Moldavien", "MDA"),
        ("Folkrepubliken Kina", "CHN"),
        ("Republiken Korea", "KOR"),
        ("Förenta staterna (USA)", "USA"),
        ("Sverige (SE)", "SWE"),
        ("Kosova", "XKX"),
        ("Åland", "ALA"),
        ("St. Vincent and the Grenadines", "VCT"),
        ("Sankt Vincent och Grenadinerna", "VCT"),
        ("St. Kitts and Nevis", "KNA"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("Trinidad & Tobago", "TTO"),
    ],
)
def test_country_spelling(typed: str, iso3: str) -> None:
    assert to_iso3(pd.Series([typed])).iloc[0] == iso3


@pytest.mark.parametrize("typed", ["Sverige (NO)", "Kosov", "Förenta staterna (XX)", "Bosnien &"])
def test_no_guessing(typed: str) -> None:
    """A name and a code that disagree, or a near miss, stay unrecognised."""
    assert pd.isna(to_iso3(pd.Series([typed])).iloc[0])


FH_NAMES = {
    "St. Vincent and the Grenadines": "VCT",
    "St. Kitts and Nevis": "KNA",
    "St. Lucia": "LCA",
    "The Gambia": "GMB",
    "Congo (Brazzaville)": "COG",
    "Congo (Kinshasa)": "COD",
    "Cote d'Ivoire": "CIV",
    "Micronesia": "FSM",
    "North Korea": "PRK",
    "South Korea": "KOR",
    "North Macedonia": "MKD",
    "Russia": "RUS",
    "Syria": "SYR",
    "Laos": "LAO",
    "Vietnam": "VNM",
    "Brunei": "BRN",
    "Cabo Verde": "CPV",
    "Eswatini": "SWZ",
    "Timor-Leste": "TLS",
    "Sao Tome and Principe": "STP",
    "Czech Republic": "CZE",
    "Czechia": "CZE",
    "Turkey": "TUR",
    "Bosnia and Herzegovina": "BIH",
    "Kosovo": "XKX",
    "Taiwan": "TWN",
    "Iran": "IRN",
    "Bolivia": "BOL",
    "Venezuela": "VEN",
    "Tanzania": "TZA",
    "Moldova": "MDA",
    "Myanmar": "MMR",
    "Bahamas": "BHS",
    "Antigua and Barbuda": "ATG",
    "Trinidad and Tobago": "TTO",
    "United States": "USA",
    "United Kingdom": "GBR",
    "Guinea-Bissau": "GNB",
}


def test_freedom_house_spellings_resolve() -> None:
    assert to_iso3(pd.Series(list(FH_NAMES))).tolist() == list(FH_NAMES.values())


# --- territories --------------------------------------------------------------------------------


def test_territories_are_screened_with_their_sovereign_state() -> None:
    bundled = ind.load_bundled()
    screening = load_settings(ROOT / "parameters" / "2021.yaml").screening
    out = screen_countries(["ALA", "GRL", "FRO", "FIN", "DNK"], bundled, screening, 2021)
    out = out.set_index("iso3")
    for territory, state in (("ALA", "FIN"), ("GRL", "DNK"), ("FRO", "DNK")):
        assert SOVEREIGNS[territory] == state
        for condition in ("democracy", "human_rights", "rule_of_law"):
            assert out.loc[territory, condition] == out.loc[state, condition]
            assert out.loc[territory, f"{condition}_value"] == out.loc[state, f"{condition}_value"]
            assert out.loc[territory, f"{condition}_data_country"] == state
            assert out.loc[state, f"{condition}_data_country"] == state
    assert out.loc["ALA", "status"] == "met"
    assert "Åland Islands has no data of its own, data of Finland" in out.loc["ALA", "basis"]
    assert "Åland saknar egna data, data för Finland" in out.loc["ALA", "basis_sv"]
    assert "Grönland saknar egna data, data för Danmark" in out.loc["GRL", "basis_sv"]
    assert "no data of its own" not in out.loc["FIN", "basis"]


def test_states_without_data_and_without_sovereign_stay_unknown() -> None:
    screening = load_settings(ROOT / "parameters" / "2025.yaml").screening
    out = screen_countries(["AND", "ESH"], ind.load_bundled(), screening, 2025)
    assert out["status"].tolist() == ["unknown", "unknown"]
    assert out["democracy_data_country"].isna().all()


# --- the bundled register, every year ------------------------------------------------------------


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024, 2025])
def test_every_recognised_foreign_partner_gets_a_verdict(year: int) -> None:
    settings = load_settings(ROOT / "parameters" / f"{year}.yaml")
    register = load_register(REGISTER, settings)
    result = evaluate(register, settings, year=year)
    activity_year = register.activities.set_index("activity_id")["year"]
    partners = result.partners[
        result.partners["activity_id"].map(activity_year).eq(year).to_numpy()
    ]
    foreign = partners[partners["country_iso3"].notna() & (partners["country_iso3"] != "SWE")]
    assert len(foreign) > 50
    assert (foreign["verdict"].astype(str) != "unknown").all()
    assert foreign["basis"].str.contains(f"({year}, ", regex=False).all()
    assert not foreign["basis"].str.contains("v2x_regime").any()
    assert foreign["basis"].str.contains("Regimes of the World, OWID's coding of").any()


def test_the_report_names_the_regime_coding_in_its_sources() -> None:
    settings = load_settings(ROOT / "parameters" / "2021.yaml")
    result = evaluate(load_register(REGISTER, settings), settings, year=2021)
    (source,) = result.sources
    assert "OWID's Regimes of the World coding" in str(source["attribution"])
    assert source["years"] == "2000–2025"


# --- score's countries.csv ------------------------------------------------------------------------


def test_score_writes_countries_csv_with_unrounded_values(tmp_path: Path) -> None:
    assert main(["score", str(REGISTER), "--out", str(tmp_path)]) == 0
    countries = pd.read_csv(tmp_path / "countries.csv", encoding="utf-8-sig")
    partners = pd.read_csv(tmp_path / "partners.csv", encoding="utf-8-sig")
    scores = pd.read_csv(tmp_path / "scores.csv", encoding="utf-8-sig")
    assert not countries.duplicated(["country_iso3", "year"]).any()
    assert "SWE" not in set(countries["country_iso3"])
    years = partners.merge(scores[["activity_id", "year"]], on="activity_id")
    foreign = years[years["country_iso3"].notna() & (years["country_iso3"] != "SWE")]
    assert set(zip(foreign["country_iso3"], foreign["year"], strict=True)) == set(
        zip(countries["country_iso3"], countries["year"], strict=True)
    )
    bundled = ind.load_bundled().set_index(["iso3", "year", "indicator"])["value"]
    for row in countries.itertuples():
        for condition in ("democracy", "human_rights", "rule_of_law"):
            indicator = getattr(row, f"{condition}_indicator")
            data_year = getattr(row, f"{condition}_data_year")
            assert data_year == row.year  # data of the activity's own year
            exact = bundled[(row.country_iso3, data_year, indicator)]
            assert getattr(row, f"{condition}_value") == exact  # not rounded
    assert set(countries["democracy_indicator"]) == {"regime_row_owid"}


# --- loaders: honest names, every row accounted for -------------------------------------------


def test_owid_titles_are_recognised() -> None:
    names = {
        "political-regime.csv": "regime_row_owid",
        "human-rights-index-vdem.csv": "v2x_civlib",
        "freedom-of-expression-index.csv": "v2x_freexp_altinf",
        "rule-of-law-index.csv": "v2x_rule",
        "electoral-democracy-index.csv": "v2x_polyarchy",
    }
    for file, name in names.items():
        loaded = read_owid(FIXTURES / file)
        assert set(loaded.values["indicator"]) == {name}, file
        assert set(loaded.values["source"]) == {"vdem"}


def test_owid_rows_left_out_are_listed() -> None:
    loaded = read_owid(FIXTURES / "human-rights-index-vdem.csv")
    values, dropped = loaded.values, loaded.dropped
    assert loaded.rows_read == len(values) + len(dropped)
    assert set(values["iso3"]) == {"FIN", "HUN", "PSE", "SWE", "XKX"}  # West Bank is PSE
    why = dropped.groupby("entity")["reason"].agg(set).to_dict()
    assert why == {
        "Europe": {"not_a_country"},
        "World": {"not_a_country"},
        "Palestine/Gaza": {"no_code"},
        "Zanzibar": {"not_a_country"},
    }
    assert set(dropped["reason"]) <= set(DROP_REASONS)
    # the row number is the line as seen in the file (header = line 1)
    lines = (FIXTURES / "human-rights-index-vdem.csv").read_text().splitlines()
    for row in dropped.itertuples():
        assert lines[row.row - 1].startswith(f"{row.entity},")


def test_freedom_house_ratings_and_subcategories(tmp_path: Path) -> None:
    loaded = read_freedom_house(write_fh(tmp_path / "All_data_FIW_2013-2025.xlsx"))
    frame = loaded.values.set_index(["iso3", "year", "indicator"])["value"]
    assert frame[("VCT", 2024, "fh_status")] == 2
    assert frame[("SWE", 2024, "fh_pr_rating")] == 1
    assert frame[("TUR", 2024, "fh_cl_rating")] == 4
    sweden = {k: frame[("SWE", 2024, f"fh_{k}")] for k in "abcdefg"}
    assert sweden["a"] + sweden["b"] + sweden["c"] == frame[("SWE", 2024, "fh_pr")] == 40
    assert sum(sweden[k] for k in "defg") == frame[("SWE", 2024, "fh_cl")] == 59
    assert frame[("SWE", 2024, "fh_total")] == 99
    dropped = loaded.dropped.set_index("entity")
    assert dropped.loc["Indian Kashmir", "reason"] == "territory"
    assert dropped.loc["Crimea", "reason"] == "territory"
    assert dropped.loc["Indian Kashmir", "row"] == 4  # title row 1, header row 2, India row 3
    assert len(loaded.dropped) == 2 and loaded.rows_read == 12


def test_publisher_workbooks_are_read_with_calamine(tmp_path: Path) -> None:
    path = write_wgi(tmp_path / "wgidataset.xlsx")
    with open_workbook(path) as book:
        assert book.engine == "calamine"
    loaded = read_wgi(path)
    reasons = loaded.dropped.groupby("reason")["entity"].agg(set).to_dict()
    assert reasons["not_a_country"] == {"Channel Islands"}
    assert "other_indicator" in reasons and "no_value" in reasons


# --- the `indicators` command ---------------------------------------------------------------------


def test_list_names_the_sources_and_the_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["indicators", "list"]) == 0
    text = capsys.readouterr().out
    assert "V-Dem v16" in text and "2000–2025" in text and "CC BY 4.0" in text
    assert "länder: 176" in text
    assert "Demokrati (all): regime_row_owid (vdem) >= 2" in text
    assert main(["indicators", "list", "--lang", "en"]) == 0
    assert "countries: 176" in capsys.readouterr().out


def test_list_flags_a_rule_no_source_provides(tmp_path: Path) -> None:
    params = tmp_path / "p.yaml"
    params.write_text(
        "year: 2025\nadministrations: [{name: A}]\nscreening:\n  conditions:\n"
        "    democracy: {rules: [{source: wgi, indicator: wgi_va, threshold: 0}]}\n"
        "    human_rights: {rules: [{indicator: v2x_civlib, threshold: 0.7}]}\n"
        "    rule_of_law: {rules: [{indicator: v2x_rule, threshold: 0.5}]}\n"
    )
    out = io.StringIO()
    cmd.list_sources(load_settings(params), str(params), "en", out)
    assert "no source provides wgi_va (wgi)" in out.getvalue()
    assert "no source provides v2x_civlib" not in out.getvalue()


@pytest.mark.parametrize(
    ("file", "fmt", "countries"),
    [
        ("V-Dem-CY-Core-v15.csv", "vdem", 5),
        ("political-regime.csv", "owid", 5),
        ("All_data_FIW_2013-2025.xlsx", "freedom_house", 8),
        ("wgidataset.xlsx", "wgi", 7),
        ("long.csv", "long", 2),
    ],
)
def test_check_each_publisher_layout(
    file: str, fmt: str, countries: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = FIXTURES / file
    if file.endswith(".xlsx"):
        path = (write_fh if fmt == "freedom_house" else write_wgi)(tmp_path / file)
    assert main(["indicators", "check", str(path), "--format", fmt, "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert f"countries: {countries}" in text
    assert "rows left out:" in text


def test_check_lists_each_dropped_entity(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "human-rights-index-vdem.csv"
    assert main(["indicators", "check", str(path), "--format", "owid"]) == 0
    text = capsys.readouterr().out
    assert "rader utelämnade: 12" in text
    assert "Palestine/Gaza: ingen landskod (aggregat eller region) (3 rader: " in text
    assert "Zanzibar: koden är inget ISO-land" in text


def test_check_bundled_data(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "boras_intl_lib" / "data" / ind.BUNDLED_FILE
    args = ["indicators", "check", str(path), "--format", "wide", "--lang", "en"]
    assert main([*args, "--source", "vdem", "--edition", "V-Dem v16"]) == 0
    text = capsys.readouterr().out
    assert "rows read: 4576" in text and "countries: 176" in text and "years: 2000–2025" in text
    assert "rows left out: 0" in text
    assert "indicators: regime_row_owid, v2x_civlib, v2x_libdem, v2x_polyarchy, v2x_rule" in text
    # read as the wide layout it is, it gives exactly what the package loads
    wide = read_wide(path, source="vdem", edition="V-Dem v16").values
    pd.testing.assert_frame_equal(wide, ind.load_bundled())
    # in the long layout it is refused with one clear line
    assert main(["indicators", "check", str(path), "--format", "long"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "kolumnerna indicator, value" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "missing.csv", "--format", "owid"], "filen finns inte"),
        (["check", "missing.csv", "--format", "owid", "--lang", "en"], "file not found"),
        (["check", "{fixture}", "--format", "nonsense"], "okänt format 'nonsense'"),
        (["check", "{fixture}", "--format", "wgi"], "är ingen WGI-fil (lång tabell)"),
        (["check", "{fixture}", "--format", "wgi", "--lang", "en"], "are missing"),
        (["show", "Narnia"], "landet känns inte igen: 'Narnia'"),
    ],
)
def test_user_mistakes_are_one_line_and_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.replace("{fixture}", str(FIXTURES / "long.csv")) for a in args]
    assert main(["indicators", *args]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and message in captured.err
    assert "Traceback" not in captured.err


def test_show_a_country_in_swedish_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["indicators", "show", "Åland", "--year", "2021"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Åland (ALA), data för 2021")
    assert "v2x_civlib = 0,955 (2021, V-Dem v16, FIN)" in text
    assert "Åland saknar egna data, data för Finland" in text
    assert text.rstrip().endswith("Förutsättningen: uppfylld")
    assert main(["indicators", "show", "Bosnien & Hercegovina", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "Bosnia and Herzegovina (BIH), data for 2025" in text
    assert "Democracy: Not met" in text and "Precondition: not met" in text


# --- the basis: numbers as published, never rounded into a false relation -------------------------


def test_basis_shows_values_as_published_and_marks_long_ones() -> None:
    from boras_intl_lib.screening.rules import _number_pair

    assert _number_pair(0.889, 0.7, "en") == ("0.889", "0.7")
    assert _number_pair(0.12345678, 0.5, "sv") == ("0,12345678", "0,5")
    assert _number_pair(1 / 3, 0.5, "en") == ("≈0.333333", "0.5")
    # a value that would round onto the threshold is shown in full
    assert _number_pair(0.69999999999, 0.7, "en") == ("0.69999999999", "0.7")
