"""Indicator loaders on fixtures in each publisher's layout, and the bundled V-Dem excerpt."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from boras_intl_lib.countries import iso3_codes, to_iso3
from boras_intl_lib.errors import IndicatorDataError, IndicatorSettingsError
from boras_intl_lib.indicators import loaders as ind
from boras_intl_lib.settings import IndicatorFile, Settings
from tests.indicator_helpers import fh_row, write_fh, write_wgi

# Issue 3, item 3, copied verbatim: ISO3 | country | v2x_regime | v2x_polyarchy | v2x_libdem |
# v2x_civlib | v2x_rule (V-Dem v16, 2025, via OWID).
ISSUE_TABLE = """\
| SWE | Sweden | 3 | 0.889 | 0.853 | 0.96 | 0.989 |
| FIN | Finland | 3 | 0.852 | 0.808 | 0.947 | 0.985 |
| NOR | Norway | 3 | 0.89 | 0.847 | 0.947 | 0.986 |
| DNK | Denmark | 3 | 0.913 | 0.884 | 0.959 | 0.997 |
| ISL | Iceland | 3 | 0.807 | 0.72 | 0.95 | 0.983 |
| DEU | Germany | 3 | 0.828 | 0.782 | 0.94 | 0.991 |
| POL | Poland | 2 | 0.768 | 0.645 | 0.918 | 0.879 |
| EST | Estonia | 3 | 0.887 | 0.837 | 0.963 | 0.985 |
| LVA | Latvia | 3 | 0.834 | 0.751 | 0.94 | 0.973 |
| LTU | Lithuania | 3 | 0.786 | 0.712 | 0.913 | 0.92 |
| BEL | Belgium | 3 | 0.889 | 0.794 | 0.955 | 0.964 |
| FRA | France | 3 | 0.865 | 0.8 | 0.917 | 0.967 |
| NLD | Netherlands | 3 | 0.832 | 0.774 | 0.912 | 0.969 |
| ITA | Italy | 3 | 0.745 | 0.642 | 0.9 | 0.865 |
| ESP | Spain | 3 | 0.822 | 0.741 | 0.942 | 0.947 |
| PRT | Portugal | 2 | 0.822 | 0.717 | 0.836 | 0.887 |
| BGR | Bulgaria | 2 | 0.599 | 0.499 | 0.849 | 0.56 |
| ROU | Romania | 2 | 0.605 | 0.464 | 0.877 | 0.694 |
| GRC | Greece | 2 | 0.741 | 0.568 | 0.878 | 0.808 |
| AUT | Austria | 3 | 0.839 | 0.757 | 0.907 | 0.932 |
| CZE | Czechia | 3 | 0.849 | 0.794 | 0.948 | 0.945 |
| HUN | Hungary | 1 | 0.421 | 0.315 | 0.793 | 0.605 |
| IRL | Ireland | 3 | 0.887 | 0.822 | 0.956 | 0.983 |
| GBR | United Kingdom | 2 | 0.772 | 0.689 | 0.844 | 0.955 |
| SRB | Serbia | 1 | 0.3 | 0.208 | 0.73 | 0.367 |
| UKR | Ukraine | 1 | 0.386 | 0.24 | 0.578 | 0.387 |
| MDA | Moldova | 2 | 0.553 | 0.449 | 0.842 | 0.789 |
| GEO | Georgia | 1 | 0.401 | 0.275 | 0.7 | 0.543 |
| BIH | Bosnia and Herzegovina | 1 | 0.498 | 0.339 | 0.814 | 0.462 |
| XKX | Kosovo | 2 | 0.631 | 0.457 | 0.814 | 0.662 |
| TUR | Turkey | 1 | 0.293 | 0.11 | 0.402 | 0.157 |
| USA | United States | 2 | 0.735 | 0.571 | 0.826 | 0.924 |
| CAN | Canada | 2 | 0.84 | 0.736 | 0.897 | 0.963 |
| KEN | Kenya | 2 | 0.563 | 0.446 | 0.74 | 0.64 |
| TZA | Tanzania | 1 | 0.365 | 0.297 | 0.673 | 0.712 |
| UGA | Uganda | 1 | 0.253 | 0.165 | 0.315 | 0.214 |
| ZAF | South Africa | 2 | 0.743 | 0.633 | 0.857 | 0.694 |
| RWA | Rwanda | 1 | 0.193 | 0.09 | 0.194 | 0.377 |
| BWA | Botswana | 2 | 0.665 | 0.52 | 0.845 | 0.822 |
| IND | India | 1 | 0.377 | 0.26 | 0.534 | 0.397 |
| CHN | China | 0 | 0.072 | 0.039 | 0.179 | 0.209 |
| VNM | Vietnam | 0 | 0.146 | 0.102 | 0.384 | 0.319 |
| BRA | Brazil | 2 | 0.784 | 0.704 | 0.871 | 0.862 |
| COL | Colombia | 2 | 0.679 | 0.555 | 0.765 | 0.749 |
| JPN | Japan | 3 | 0.819 | 0.734 | 0.925 | 0.956 |
| KOR | South Korea | 3 | 0.819 | 0.739 | 0.912 | 0.917 |
| RUS | Russia | 1 | 0.17 | 0.056 | 0.265 | 0.121 |
"""
VDEM = ("v2x_regime", "v2x_polyarchy", "v2x_libdem", "v2x_civlib", "v2x_rule")
BUNDLED = ("regime_row_owid", "v2x_polyarchy", "v2x_libdem", "v2x_civlib", "v2x_rule")


def issue_rows() -> list[list[str]]:
    return [
        [c.strip() for c in line.strip().strip("|").split("|")] for line in ISSUE_TABLE.splitlines()
    ]


@pytest.fixture
def fx(fixtures_dir: Path) -> Path:
    return fixtures_dir / "indicators"


def value(frame: pd.DataFrame, iso3: str, year: int, indicator: str) -> float:
    hit = frame[(frame.iso3 == iso3) & (frame.year == year) & (frame.indicator == indicator)]
    assert len(hit) == 1, (iso3, year, indicator, hit)
    return float(hit["value"].iloc[0])


def assert_long_layout(frame: pd.DataFrame) -> None:
    assert tuple(frame.columns) == ind.COLUMNS
    assert frame["value"].dtype == "float64"
    assert frame["year"].dtype == "int64"
    assert frame["iso3"].dtype == "string"
    assert frame["iso3"].notna().all() and frame["value"].notna().all()
    assert set(frame["iso3"]) <= iso3_codes()


# --- the bundled data ---------------------------------------------------------------------------


def test_bundled_2025_values_are_the_issue_table() -> None:
    """The 2025 values of issue 3's 47 countries, as OWID published them (the regime column
    is OWID's Regimes of the World coding, ``regime_row_owid``)."""
    bundled = ind.load_bundled()
    assert_long_layout(bundled)
    rows = issue_rows()
    assert len(rows) == 47
    expected = pd.DataFrame(
        [
            (row[0], 2025, name, float(cell))
            for row in rows
            for name, cell in zip(BUNDLED, row[2:], strict=True)
        ],
        columns=["iso3", "year", "indicator", "value"],
    )
    got = bundled[(bundled.year == 2025) & bundled.iso3.isin(expected.iso3)]
    pd.testing.assert_frame_equal(
        got[["iso3", "year", "indicator", "value"]]
        .sort_values(["iso3", "indicator"])
        .reset_index(drop=True),
        expected.sort_values(["iso3", "indicator"]).reset_index(drop=True),
        check_dtype=False,
        check_exact=True,
    )
    assert set(bundled["source"]) == {"vdem"}
    assert set(bundled["edition"]) == {"V-Dem v16"}
    assert "v2x_regime" not in set(bundled["indicator"])


def test_bundled_data_covers_every_year_and_country() -> None:
    bundled = ind.load_bundled()
    assert sorted(bundled["year"].unique()) == list(range(2000, 2026))
    per_year = bundled.groupby("year")["iso3"].nunique()
    assert per_year.min() >= 170
    assert set(bundled["indicator"]) == set(BUNDLED)
    # every indicator of every condition has a value for nearly all countries in every year
    counts = bundled.groupby(["year", "indicator"]).size().unstack()
    assert counts[["v2x_civlib", "v2x_rule"]].min().min() >= 170
    assert {"XKX", "PSE", "SWE", "UKR", "RUS"} <= set(bundled[bundled.year == 2021]["iso3"])
    assert not bundled.duplicated(["iso3", "year", "indicator"]).any()


def test_every_country_of_the_excerpt_resolves_from_its_name() -> None:
    rows = issue_rows()
    names = pd.Series([row[1] for row in rows])
    assert to_iso3(names).tolist() == [row[0] for row in rows]


def test_bundled_file_values_are_written_as_in_the_issue(project_root: Path) -> None:
    """Not re-rounded or re-formatted: the CSV text holds the published digits."""
    path = project_root / "boras_intl_lib" / "data" / ind.BUNDLED_FILE
    lines = set(path.read_text().splitlines())
    assert lines & {"iso3,year," + ",".join(BUNDLED)}
    for row in issue_rows():
        assert f"{row[0]},2025,{','.join(row[2:])}" in lines
    assert path.stat().st_size < 400_000


def test_sources_used_gives_the_attribution() -> None:
    used = ind.sources_used(ind.load_bundled())
    assert used == [
        {
            "source": "vdem",
            "edition": "V-Dem v16",
            "attribution": ind.BUNDLED_ATTRIBUTION,
            "licence": "CC BY 4.0",
            "indicators": sorted(BUNDLED),
            "countries": 176,
            "years": "2000–2025",
        }
    ]
    assert "processed by Our World in Data" in ind.BUNDLED_ATTRIBUTION
    assert "OWID's Regimes of the World coding" in ind.BUNDLED_ATTRIBUTION
    assert ind.sources_used(ind.empty_indicators()) == []


def test_sources_used_lists_each_edition(fx: Path) -> None:
    frame = pd.concat([ind.load_bundled(), ind.load_wgi(fx / "wgi_2024_update.csv")])
    used = {(u["source"], u["edition"]): u for u in ind.sources_used(frame)}
    assert set(used) == {("vdem", "V-Dem v16"), ("wgi", "WGI 2024 update")}
    assert "Worldwide Governance Indicators" in str(used[("wgi", "WGI 2024 update")]["attribution"])


# --- OWID grapher CSV ------------------------------------------------------------------------


def test_owid_kosovo_aggregates_and_empty_values(fx: Path) -> None:
    frame = ind.load_owid(fx / "owid_civil_liberties.csv")
    assert_long_layout(frame)
    assert set(frame["indicator"]) == {"v2x_civlib"}
    assert set(frame["source"]) == {"vdem"}
    assert value(frame, "XKX", 2025, "v2x_civlib") == 0.814
    # aggregates (Europe with no code, World OWID_WRL, USSR OWID_USS) are gone
    assert set(frame["iso3"]) == {"HUN", "XKX", "SRB", "SWE"}
    # Serbia 2024 is empty: dropped, not zero
    assert frame[(frame.iso3 == "SRB")]["year"].tolist() == [2025]
    assert len(frame) == 6


def test_owid_short_names_and_bound_columns(fx: Path) -> None:
    frame = ind.load_owid(fx / "owid_rule_of_law_bounds.csv")
    assert set(frame["indicator"]) == {"v2x_rule"}
    assert value(frame, "GEO", 2025, "v2x_rule") == 0.543  # the best estimate, not a bound
    assert len(frame) == 2


def test_owid_unrecognised_column_needs_a_name(fx: Path) -> None:
    with pytest.raises(IndicatorDataError, match="indicator"):
        ind.load_owid(fx / "owid_unrecognised.csv")
    frame = ind.load_owid(fx / "owid_unrecognised.csv", "eiu_democracy", edition="EIU 2024")
    assert frame["indicator"].tolist() == ["eiu_democracy"]
    assert frame["source"].tolist() == ["owid"]
    assert frame["edition"].tolist() == ["EIU 2024"]


def test_owid_explicit_indicator_wins(fx: Path) -> None:
    frame = ind.load_owid(fx / "owid_civil_liberties.csv", "my_civlib")
    assert set(frame["indicator"]) == {"my_civlib"}


def test_owid_daily_file_is_refused(fx: Path) -> None:
    with pytest.raises(IndicatorDataError, match="Day"):
        ind.load_owid(fx / "owid_daily.csv")


# --- V-Dem country-year CSV ------------------------------------------------------------------


def test_vdem_codes_and_indices(fx: Path) -> None:
    frame = ind.load_vdem(fx / "V-Dem-CY-Core-v15.csv")
    assert_long_layout(frame)
    assert set(frame["edition"]) == {"V-Dem v15"}
    assert set(frame["indicator"]) == set(VDEM)  # codelow etc. ignored
    # V-Dem's own units are not countries: Gaza, Somaliland, Zanzibar, the GDR dropped
    assert set(frame["iso3"]) == {"SWE", "XKX", "PSE", "TZA", "TUR"}
    assert value(frame, "TZA", 2024, "v2x_rule") == 0.71  # Zanzibar's 0.6 did not overwrite
    assert value(frame, "XKX", 2024, "v2x_civlib") == 0.812
    assert value(frame, "SWE", 2023, "v2x_regime") == 3
    assert frame[(frame.iso3 == "TUR") & (frame.indicator == "v2x_rule")].empty  # empty cell
    assert not frame.duplicated(["iso3", "year", "indicator"]).any()


def test_vdem_without_indices_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "vdem.csv"
    path.write_text(
        "country_name,country_text_id,country_id,year,v2x_partipdem\nSweden,SWE,5,2024,0.7\n"
    )
    with pytest.raises(IndicatorDataError, match="v2x_regime"):
        ind.load_vdem(path)


# --- Freedom House workbook ------------------------------------------------------------------


@pytest.fixture
def fh_file(tmp_path: Path) -> Path:
    return write_fh(tmp_path / "All_data_FIW_2013-2025.xlsx")


def test_freedom_house_countries_only_named_and_edition_minus_one(fh_file: Path) -> None:
    frame = ind.load_freedom_house(fh_file)
    assert_long_layout(frame)
    assert set(frame["iso3"]) == {"IND", "CZE", "TUR", "COD", "CIV", "XKX", "SWE", "VCT"}
    # Indian Kashmir (a territory) does not overwrite India; edition 2025 describes 2024
    assert value(frame, "IND", 2024, "fh_f") == 8
    assert value(frame, "IND", 2024, "fh_status") == 1
    assert value(frame, "IND", 2023, "fh_cl") == 33
    assert value(frame, "CZE", 2024, "fh_status") == 2
    assert value(frame, "TUR", 2024, "fh_status") == 0
    assert value(frame, "COD", 2024, "fh_pr") == 4
    assert value(frame, "CIV", 2024, "fh_total") == 50
    assert set(frame["indicator"]) == {"fh_status", *ind.FH_COLUMNS}
    assert set(frame["source"]) == {"freedom_house"}
    eds = frame.drop_duplicates("year").set_index("year")["edition"]
    assert eds[2024] == "Freedom in the World 2025"
    assert eds[2023] == "Freedom in the World 2024"


def test_freedom_house_without_fiw_sheet(tmp_path: Path) -> None:
    path = write_fh(tmp_path / "fh.xlsx", [fh_row("Sweden", "c", 2025, "F", 40, 59, 16)], "Data")
    with pytest.raises(IndicatorDataError, match="FIW13"):
        ind.load_freedom_house(path)


def test_freedom_house_missing_column(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "FIW13-25"
    sheet.append(["title"])
    sheet.append(["Country/Territory", "Region", "Edition", "Status"])
    sheet.append(["Sweden", "Europe", 2025, "F"])
    book.save(tmp_path / "fh.xlsx")
    with pytest.raises(IndicatorDataError, match="C/T"):
        ind.load_freedom_house(tmp_path / "fh.xlsx")


# --- World Bank WGI --------------------------------------------------------------------------


def check_wgi(frame: pd.DataFrame) -> None:
    assert_long_layout(frame)
    assert value(frame, "XKX", 2023, "wgi_rl") == -0.2
    assert value(frame, "ROU", 2023, "wgi_rl") == 0.45
    assert value(frame, "COD", 2023, "wgi_rl_pctrank") == 3.8
    assert value(frame, "TLS", 2023, "wgi_rl") == -0.9
    assert value(frame, "AND", 2023, "wgi_rl") == 1.3
    assert value(frame, "PSE", 2023, "wgi_rl") == -0.5
    assert value(frame, "SWE", 2023, "wgi_va") == 1.6
    # Channel Islands (no ISO country), ".." (missing) and unknown indicator codes dropped
    assert set(frame["iso3"]) == {"SWE", "XKX", "ROU", "COD", "TLS", "AND", "PSE"}
    assert frame[frame.iso3 == "ROU"]["year"].unique().tolist() == [2023]
    assert not frame["indicator"].str.contains("xx").any()
    assert len(frame) == 2 * 8


def test_wgi_csv(fx: Path) -> None:
    frame = ind.load_wgi(fx / "wgi_2024_update.csv")
    check_wgi(frame)
    assert set(frame["edition"]) == {"WGI 2024 update"}


def test_wgi_xlsx(tmp_path: Path) -> None:
    frame = ind.load_wgi(write_wgi(tmp_path / "wgidataset.xlsx"))
    check_wgi(frame)
    assert set(frame["edition"]) == {"WGI"}


# --- plain long CSV --------------------------------------------------------------------------


def test_long_csv(fx: Path) -> None:
    frame = ind.load_long(fx / "long.csv")
    assert_long_layout(frame)
    assert frame["iso3"].tolist() == ["SWE", "CZE"]  # Narnia and the empty value dropped
    assert value(frame, "CZE", 2024, "eiu_democracy") == 7.97
    assert set(frame["edition"]) == {"EIU Democracy Index 2024"}


def test_long_csv_swedish_excel(fx: Path) -> None:
    frame = ind.load_long(fx / "long_semicolon.csv", edition="egen 2024")
    assert value(frame, "SWE", 2024, "own_index") == 0.55
    assert set(frame["edition"]) == {"egen 2024"}


def test_long_csv_text_value_is_an_error(fx: Path) -> None:
    with pytest.raises(IndicatorDataError, match="high"):
        ind.load_long(fx / "long_bad_value.csv")


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("loader", "name"),
    [
        (ind.load_owid, "missing.csv"),
        (ind.load_vdem, "missing.csv"),
        (ind.load_freedom_house, "missing.xlsx"),
        (ind.load_wgi, "missing.xlsx"),
        (ind.load_long, "missing.csv"),
    ],
)
def test_missing_file(loader, name: str, tmp_path: Path) -> None:
    with pytest.raises(IndicatorDataError, match="not found") as info:
        loader(tmp_path / name)
    assert info.value.path == tmp_path / name


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "fh.xlsx"
    path.write_text("this is not a workbook")
    with pytest.raises(IndicatorDataError) as info:
        ind.load_freedom_house(path)
    assert info.value.path == path
    csv = tmp_path / "fh.csv"
    csv.write_text("a,b\n1,2\n")
    with pytest.raises(IndicatorDataError):
        ind.load_freedom_house(csv)


def test_wrong_layout_names_missing_columns(fx: Path) -> None:
    with pytest.raises(IndicatorDataError, match="Entity"):
        ind.load_owid(fx / "wgi_2024_update.csv")
    with pytest.raises(IndicatorDataError, match="estimate"):
        ind.load_wgi(fx / "long.csv")
    with pytest.raises(IndicatorDataError, match="country_text_id"):
        ind.load_vdem(fx / "long.csv")


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(IndicatorDataError, match="empty"):
        ind.load_long(tmp_path / "empty.csv")


# --- dispatcher and load_indicators ----------------------------------------------------------


def settings_with(files: list[dict], bundled: bool = True) -> Settings:
    return Settings(
        year=2025,
        administrations=[{"name": "Stadsledningskansliet"}],
        screening={"use_bundled_data": bundled, "indicator_files": files},
    )


def test_load_indicators_bundled_only() -> None:
    frame = ind.load_indicators(settings_with([]))
    assert len(frame) == len(ind.load_bundled()) > 20_000
    # with no data at all, every rule names something no file provides: an error, not a
    # register full of "cannot be assessed" (issue 19 item 6)
    with pytest.raises(IndicatorSettingsError, match="no configured indicator file provides"):
        ind.load_indicators(settings_with([], bundled=False))


def test_load_indicators_concatenates_and_later_wins(fx: Path, tmp_path: Path) -> None:
    override = tmp_path / "override.csv"
    override.write_text(
        "iso3,year,indicator,value,source,edition\nSWE,2025,v2x_civlib,0.5,vdem,V-Dem v16\n"
    )
    files = [
        {"path": fx / "wgi_2024_update.csv", "format": "wgi"},
        {"path": fx / "owid_civil_liberties.csv", "format": "owid", "edition": "V-Dem v15"},
        {"path": override, "format": "long"},
    ]
    frame = ind.load_indicators(settings_with(files))
    assert set(frame["source"]) == {"vdem", "wgi"}
    assert value(frame, "SWE", 2025, "v2x_civlib") == 0.5  # the configured file wins
    assert value(frame, "XKX", 2024, "v2x_civlib") == 0.81  # OWID 2024 value kept
    assert value(frame, "ROU", 2023, "wgi_rl") == 0.45
    assert not frame.duplicated(["iso3", "year", "indicator", "source"]).any()


def test_dispatcher_source_override(fx: Path) -> None:
    spec = IndicatorFile(path=fx / "wgi_2024_update.csv", format="wgi", source="worldbank")
    assert set(ind.load_indicator_file(spec)["source"]) == {"worldbank"}
    spec = IndicatorFile(path=fx / "owid_unrecognised.csv", format="owid", indicator="eiu")
    assert ind.load_indicator_file(spec)["indicator"].tolist() == ["eiu"]
