"""More publisher layouts (issue 20 item 3): WJP's Rule of Law Index historical data file and
the WGI workbook before the 2024 update, each read from a small file built in its layout."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from boras_intl_lib.cli import main
from boras_intl_lib.errors import IndicatorDataError
from boras_intl_lib.indicators.registry import read_indicator_file
from boras_intl_lib.indicators.wgi import read_wgi
from boras_intl_lib.indicators.wgi_legacy import read_wgi_legacy
from boras_intl_lib.indicators.wjp import read_wjp
from boras_intl_lib.settings import IndicatorFile
from tests.indicator_helpers import write_wgi_legacy, write_wjp

WJP_ROWS = [
    ["Sweden", "2012-2013", "SWE", 0.86, 0.91],
    ["Sweden", "2017-2018", "SWE", 0.86, 0.90],
    ["Sweden", "2019", "SWE", 0.85, 0.89],
    ["Sweden", "2024", "SWE", 0.85, 0.88],
    ["Kenya", "2024", "KEN", 0.45, 0.51],
    ["Kosovo", "2024", "XKX", 0.58, 0.62],
    ["Hungary", "2024", "HUN", 0.51, None],
    ["Nowhere", "2024", "XXX", 0.5, 0.5],
]


def _value(frame: pd.DataFrame, iso3: str, year: int, indicator: str) -> float:
    row = frame[(frame.iso3 == iso3) & (frame.year == year) & (frame.indicator == indicator)]
    assert len(row) == 1, (iso3, year, indicator)
    return float(row["value"].iloc[0])


def test_wjp_values_as_in_the_file_and_year_ranges_as_their_first_year(tmp_path: Path) -> None:
    path = write_wjp(
        tmp_path / "FINAL_2024_wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx", WJP_ROWS
    )
    loaded = read_wjp(path)
    frame = loaded.values
    assert _value(frame, "SWE", 2012, "wjp_overall") == 0.86  # "2012-2013" → 2012
    assert _value(frame, "SWE", 2017, "wjp_f1") == 0.90  # "2017-2018" → 2017
    assert _value(frame, "SWE", 2019, "wjp_overall") == 0.85
    assert _value(frame, "KEN", 2024, "wjp_overall") == 0.45
    assert _value(frame, "XKX", 2024, "wjp_f1") == 0.62
    assert _value(frame, "KEN", 2024, "wjp_f8") == pytest.approx(0.51 - 0.08)
    assert set(frame["indicator"]) == {"wjp_overall", *(f"wjp_f{n}" for n in range(1, 9))}
    assert set(frame["source"]) == {"wjp"}
    editions = frame[(frame.iso3 == "SWE")].groupby("year")["edition"].first().to_dict()
    assert editions[2017] == "WJP Rule of Law Index 2017-2018"
    # Hungary's empty factor is no value, not zero; the overall score is kept
    assert _value(frame, "HUN", 2024, "wjp_overall") == 0.51
    assert frame[(frame.iso3 == "HUN") & (frame.indicator == "wjp_f1")].empty
    # the unknown code is left out and listed with its Excel row (header = row 1)
    assert loaded.dropped[["row", "entity", "reason"]].values.tolist() == [
        [9, "Nowhere", "not_a_country"]
    ]
    assert loaded.rows_read == len(WJP_ROWS)
    # the same file through the registry, as a parameters file names it
    spec = IndicatorFile(path=path, format="wjp")
    assert len(read_indicator_file(spec).values) == len(frame)


def test_wjp_without_its_sheet_is_one_clear_error(tmp_path: Path) -> None:
    path = write_wjp(tmp_path / "wjp.xlsx", WJP_ROWS)
    import openpyxl

    book = openpyxl.load_workbook(path)
    book["Historical Data"].title = "Data"
    book.save(path)
    with pytest.raises(IndicatorDataError, match="Historical Data") as caught:
        read_wjp(path)
    assert "ingen flik 'Historical Data'" in caught.value.message("sv")


def test_wjp_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_wjp(tmp_path / "wjp.xlsx", WJP_ROWS)
    assert main(["indicators", "check", str(path), "--format", "wjp"]) == 0
    out = capsys.readouterr().out
    assert "länder: 4" in out and "år: 2012–2024" in out
    assert "Nowhere: koden är inget ISO-land" in out


LEGACY = {
    "RuleofLaw": [
        ("Sweden", "SWE", [(1.80, 96.2), (1.75, 95.7)]),
        ("Kosovo", "KSV", [(-0.21, 44.1), None]),
        ("Romania", "ROM", [(0.45, 63.0), (0.46, 63.5)]),
        ("Channel Islands", "CHI", [(1.2, 88.0), (1.21, 88.1)]),
        ("Euro area", "EMU", [(1.0, 80.0), (1.0, 80.0)]),
    ],
    "VoiceandAccountability": [("Sweden", "SWE", [(1.60, 98.5), (1.58, 98.1)])],
}


def test_old_wgi_values_as_in_the_file(tmp_path: Path) -> None:
    path = write_wgi_legacy(tmp_path / "wgidataset.xlsx", [2021, 2022], LEGACY)
    loaded = read_wgi_legacy(path)
    frame = loaded.values
    assert _value(frame, "SWE", 2021, "wgi_rl") == 1.80
    assert _value(frame, "SWE", 2022, "wgi_rl_pctrank") == 95.7
    assert _value(frame, "XKX", 2021, "wgi_rl") == -0.21  # KSV is Kosovo
    assert _value(frame, "ROU", 2022, "wgi_rl") == 0.46  # ROM is Romania
    assert _value(frame, "SWE", 2022, "wgi_va") == 1.58
    # "#N/A" is no value, never zero
    assert frame[(frame.iso3 == "XKX") & (frame.year == 2022)].empty
    assert set(frame["source"]) == {"wgi"} and set(frame["edition"]) == {"WGI (before 2024)"}
    reasons = dict(zip(loaded.dropped["entity"], loaded.dropped["reason"], strict=True))
    assert reasons == {"Channel Islands": "not_a_country", "Euro area": "not_a_country"}
    # the old workbook given as "wgi" is recognised by its sheets and read the same way
    pd.testing.assert_frame_equal(read_wgi(path).values, frame)
    spec = IndicatorFile(path=path, format="wgi_legacy", edition="WGI 2023 update")
    assert set(read_indicator_file(spec).values["edition"]) == {"WGI 2023 update"}


def test_old_wgi_without_dimension_sheets_is_one_clear_error(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.save(path)
    with pytest.raises(IndicatorDataError, match="RuleofLaw"):
        read_wgi_legacy(path)
