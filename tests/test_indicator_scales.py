"""Indicators with a known scale, rules that cannot be silently wrong (issue 20 item 1, issue 19
item 6): a rule naming a source or indicator no configured file provides, or a threshold off
its indicator's scale, stops the run with one line; a file whose values lie off the scale of the
indicator it is read as is refused; OWID's EIU file is never taken for V-Dem's."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from boras_intl_lib.cli import main
from boras_intl_lib.errors import IndicatorDataError
from boras_intl_lib.indicators import loaders as ind
from boras_intl_lib.indicators.freedom_house import FH_COLUMNS
from boras_intl_lib.indicators.registry import read_indicator_file
from boras_intl_lib.indicators.vdem import VDEM_INDICES
from boras_intl_lib.indicators.wgi import WGI_INDICATORS
from boras_intl_lib.scales import SCALES, scale_of, value_in_words
from boras_intl_lib.screening.rules import screen_countries
from boras_intl_lib.settings import IndicatorFile, load_settings
from tests.indicator_helpers import write_fh

#: OWID's EIU file as published: the EIU's 0–10 civil-liberties score under a bare title.
EIU_CSV = (
    "Entity,Code,Year,Civil liberties,World region according to OWID\n"
    "China,CHN,2024,0.88,Asia\n"
    "Russia,RUS,2024,2.06,Europe\n"
    "Sweden,SWE,2024,9.41,Europe\n"
    "World,OWID_WRL,2024,5.17,\n"
)


def _params(tmp_path: Path, conditions: str, files: str = "") -> Path:
    path = tmp_path / "params.yaml"
    path.write_text(
        "year: 2025\nadministrations: [{name: A}]\nscreening:\n"
        + (f"  indicator_files:\n{files}" if files else "")
        + "  conditions:\n"
        + conditions
    )
    return path


_HR = "    human_rights: {rules: [{indicator: v2x_civlib, threshold: 0.7}]}\n"
_RL = "    rule_of_law: {rules: [{indicator: v2x_rule, threshold: 0.5}]}\n"
_DEM = "    democracy: {rules: [{indicator: regime_row_owid, threshold: 2}]}\n"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(args)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, err


# --- the catalogue ---------------------------------------------------------------------------


def test_every_indicator_a_loader_writes_has_a_scale() -> None:
    names = {*VDEM_INDICES, "regime_row_owid", "fh_status", *FH_COLUMNS}
    names |= {f"wgi_{x}{s}" for x in WGI_INDICATORS for s in ("", "_pctrank")}
    assert {n for n in names if scale_of(n) is None} == set()


def test_bundled_values_lie_on_their_scales() -> None:
    frame = ind.load_bundled()
    for indicator, group in frame.groupby("indicator"):
        scale = SCALES[str(indicator)]
        assert group["value"].between(scale.low, scale.high).all(), indicator


def test_scales_in_words() -> None:
    assert value_in_words("fh_status", 1.0, "sv") == "delvis fri"
    assert value_in_words("fh_status", 2.0, "en") == "free"
    assert value_in_words("regime_row_owid", 2.0, "sv") == "valdemokrati"
    assert value_in_words("v2x_civlib", 1.0, "sv") is None  # not categorical
    assert SCALES["fh_f"].describe("sv") == "0–16, högre är bättre"
    assert SCALES["fh_pr_rating"].describe("en") == "1–7, lower is better"


# --- rules checked against the configured files (issue 19 item 6) ------------------------------


def test_an_indicator_no_file_provides_is_an_error_with_a_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fh = write_fh(tmp_path / "All_data_FIW_2013-2025.xlsx")
    files = f"    - {{path: {fh}, format: freedom_house}}\n"
    rule = "    human_rights: {rules: [{source: freedom_house, indicator: fh_cl_ratings, "
    rule += "op: '<=', threshold: 3}]}\n"
    params = _params(tmp_path, _DEM + rule + _RL, files)
    status, err = _run(["indicators", "show", "Turkiet", "--params", str(params)], capsys)
    assert status == 2 and err.count("\n") == 1
    assert err.startswith("fel: ")
    assert "fh_cl_ratings" in err and "menade du indicator: fh_cl_rating?" in err
    assert "freedom_house: fh_a, fh_b" in err  # what the files provide is listed
    status, err = _run(
        ["indicators", "show", "Turkey", "--params", str(params), "--lang", "en"], capsys
    )
    assert status == 2 and "did you mean indicator: fh_cl_rating?" in err


def test_a_source_no_file_provides_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fh = write_fh(tmp_path / "All_data_FIW_2013-2025.xlsx")
    files = f"    - {{path: {fh}, format: freedom_house}}\n"
    rule = "    democracy: {rules: [{source: freedomhouse, indicator: fh_status, threshold: 2}]}\n"
    params = _params(tmp_path, rule + _HR + _RL, files)
    status, err = _run(["indicators", "show", "Indien", "--params", str(params)], capsys)
    assert status == 2 and "menade du source: freedom_house?" in err


def test_score_stops_on_an_unknown_indicator_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from boras_intl_lib.register import example_register_path

    rule = "    rule_of_law: {rules: [{indicator: v2x_rules, threshold: 0.5}]}\n"
    params = _params(tmp_path, _DEM + _HR + rule)
    out = tmp_path / "out"
    args = ["score", str(example_register_path()), "--params", str(params), "--out", str(out)]
    status, err = _run(args, capsys)
    assert status == 2 and "menade du indicator: v2x_rule?" in err
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize(
    ("rule", "scale"),
    [
        ("{source: freedom_house, indicator: fh_f, threshold: 80}", "0–16"),
        ("{indicator: v2x_rule, threshold: 1.7}", "0–1,"),
    ],
)
def test_a_threshold_off_the_scale_is_an_error(
    rule: str, scale: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fh = write_fh(tmp_path / "All_data_FIW_2013-2025.xlsx")
    files = f"    - {{path: {fh}, format: freedom_house}}\n"
    params = _params(tmp_path, _DEM + _HR + f"    rule_of_law: {{rules: [{rule}]}}\n", files)
    status, err = _run(["indicators", "show", "Indien", "--params", str(params)], capsys)
    assert status == 2 and err.count("\n") == 1
    assert "utanför indikatorns skala" in err and scale in err


def test_thresholds_on_the_scale_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fh = write_fh(tmp_path / "All_data_FIW_2013-2025.xlsx")
    files = f"    - {{path: {fh}, format: freedom_house}}\n"
    rule = "    rule_of_law: {rules: [{source: freedom_house, indicator: fh_f, threshold: 16}]}\n"
    params = _params(tmp_path, _DEM + _HR + rule, files)
    assert main(["indicators", "show", "Indien", "--params", str(params), "--year", "2024"]) == 0


# --- files with a known identity (issue 20 item 1) -----------------------------------------------


def test_the_eiu_file_is_not_taken_for_vdem(tmp_path: Path) -> None:
    path = tmp_path / "civil-liberties-index-eiu.csv"
    path.write_text(EIU_CSV)
    # a bare "Civil liberties" is ambiguous: it needs source and indicator
    with pytest.raises(IndicatorDataError) as caught:
        read_indicator_file(IndicatorFile(path=path, format="owid"))
    assert "source:" in caught.value.reason and "indicator:" in caught.value.reason
    assert "source:" in caught.value.message("sv") and "ange" in caught.value.message("sv")
    # named as V-Dem's index, its 0–10 values are refused, naming column, scale and a value
    with pytest.raises(IndicatorDataError) as caught:
        read_indicator_file(IndicatorFile(path=path, format="owid", indicator="v2x_civlib"))
    text = caught.value.message("en")
    assert "'Civil liberties'" in text and "v2x_civlib" in text
    assert "2.06 (RUS, 2024" in text and "0–1, higher is better" in text
    assert "2,06 (RUS, 2024" in caught.value.message("sv")


def test_the_eiu_file_is_accepted_as_eiu_and_screens_by_its_own_scale(tmp_path: Path) -> None:
    path = tmp_path / "civil-liberties-index-eiu.csv"
    path.write_text(EIU_CSV)
    spec = {"path": str(path), "format": "owid", "source": "eiu"}
    spec["indicator"] = "eiu_civil_liberties"
    values = read_indicator_file(IndicatorFile.model_validate(spec)).values
    assert set(values["source"]) == {"eiu"} and set(values["indicator"]) == {"eiu_civil_liberties"}
    assert values.set_index("iso3").loc["CHN", "value"] == 0.88  # as published
    params = _params(
        tmp_path,
        _DEM + "    human_rights: {rules: [{source: eiu, indicator: eiu_civil_liberties,"
        " threshold: 7}]}\n" + _RL,
        f"    - {{path: {path}, format: owid, source: eiu, indicator: eiu_civil_liberties}}\n",
    )
    settings = load_settings(params)
    frame = screen_countries(
        ["CHN", "RUS", "SWE"], ind.load_indicators(settings), settings.screening, 2025
    )
    checks = dict(zip(frame["iso3"], frame["human_rights"], strict=True))
    # China 0.88 and Russia 2.06 fail on the EIU's 0–10 scale; they passed as v2x_civlib ≥ 0.7
    assert checks == {"CHN": "fail", "RUS": "fail", "SWE": "pass"}
    # … and V-Dem's own v2x_civlib is untouched by the EIU file
    vdem = ind.load_indicators(settings)
    china = vdem[(vdem.iso3 == "CHN") & (vdem.indicator == "v2x_civlib") & (vdem.year == 2024)]
    assert set(china["source"]) == {"vdem"} and float(china["value"].iloc[0]) < 0.3


def test_only_exact_owid_titles_are_taken_for_vdem() -> None:
    from boras_intl_lib.indicators.owid import owid_indicator_name

    assert owid_indicator_name("Human Rights Index") == "v2x_civlib"
    assert owid_indicator_name("Civil liberties index (best estimate, aggregate: average)") == (
        "v2x_civlib"
    )
    assert owid_indicator_name("rule_of_law_vdem__estimate_best") == "v2x_rule"
    for ambiguous in ("Civil liberties", "Rule of law", "Democracy index", "regime", "libdem"):
        assert owid_indicator_name(ambiguous) is None, ambiguous


def test_a_long_file_off_the_scale_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("iso3,year,indicator,value,source\nSWE,2024,fh_f,17,freedom_house\n")
    with pytest.raises(IndicatorDataError, match="0–16"):
        read_indicator_file(IndicatorFile(path=path, format="long"))
    assert pd.isna(scale_of("own_index"))  # an indicator of the user's own has no scale


# --- `indicators list`: one block per file -------------------------------------------------------


def test_list_shows_one_numbered_block_per_file_with_its_editions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.indicator_helpers import fh_row

    rows = [fh_row("Sweden", "c", edition, "F", 40, 59, 16) for edition in range(2013, 2026)]
    fh = write_fh(tmp_path / "All_data_FIW_2013-2025.xlsx", rows)
    eiu = tmp_path / "civil-liberties-index-eiu.csv"
    eiu.write_text(EIU_CSV)
    files = f"    - {{path: {fh}, format: freedom_house}}\n"
    files += f"    - {{path: {eiu}, format: owid, source: eiu, indicator: eiu_civil_liberties}}\n"
    off = "    democracy: {rules: [{source: eiu, indicator: eiu_civil_liberties, threshold: 70}]}\n"
    params = _params(tmp_path, off + _HR + _RL, files)
    assert main(["indicators", "list", "--params", str(params)]) == 0
    lines = capsys.readouterr().out.splitlines()
    numbered = [line for line in lines if line[:1].isdigit()]
    assert [line.split(".")[0] for line in numbered] == ["1", "2", "3"]
    assert numbered[0] == "1. inbyggd data"
    assert numbered[1].startswith("2. freedom_house: Freedom Houses")
    assert "   utgåvor: Freedom in the World 2013–2025 (13 utgåvor)" in lines
    assert "   år: 2012–2024" in lines  # edition N describes year N−1
    assert "   licens: Freedom Houses användarvillkor (källan ska anges)" in lines
    assert any("70 — tröskelvärdet ligger utanför skalan 0–10" in line for line in lines)
    assert main(["indicators", "list", "--params", str(params), "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert "Freedom in the World 2013–2025 (13 editions)" in english and "utgåvor" not in english


def test_the_eiu_source_is_attributed_to_the_eiu_not_vdem(tmp_path: Path) -> None:
    from boras_intl_lib.indicators.loaders import sources_used

    path = tmp_path / "civil-liberties-index-eiu.csv"
    path.write_text(EIU_CSV)
    spec = IndicatorFile(path=path, format="owid", source="eiu", indicator="eiu_civil_liberties")
    (used,) = sources_used(read_indicator_file(spec).values)
    assert str(used["attribution"]).startswith("Economist Intelligence Unit, Democracy Index")
    assert "V-Dem" not in str(used["attribution"]) and used["licence"] != "CC BY 4.0"


def test_nothing_a_file_entry_says_is_ignored(tmp_path: Path) -> None:
    """``indicator:`` on a non-OWID file was silently ignored; ``source:`` on a long file with
    a source column was too. Now the first is an error and the second renames the source."""
    fh = write_fh(tmp_path / "All_data_FIW_2013-2025.xlsx")
    with pytest.raises(IndicatorDataError) as caught:
        read_indicator_file(IndicatorFile(path=fh, format="freedom_house", indicator="fh_x"))
    assert "'indicator:' gäller bara filer i formatet owid" in caught.value.message("sv")
    path = tmp_path / "long.csv"
    path.write_text("iso3,year,indicator,value,source\nSWE,2024,own_index,0.5,egen\n")
    values = read_indicator_file(IndicatorFile(path=path, format="long", source="mine")).values
    assert values["source"].tolist() == ["mine"]
