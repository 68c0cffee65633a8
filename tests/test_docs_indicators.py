"""Every YAML example of docs/indicators.md loads against a file in its publisher's layout and
screens partners with the data it configures."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from boras_intl_lib.indicators.loaders import load_indicators
from boras_intl_lib.screening.rules import screen_countries
from boras_intl_lib.settings import load_settings
from tests.indicator_helpers import (
    FIXTURES,
    WGI_LEGACY_SHEETS,
    write_fh,
    write_wgi,
    write_wgi_legacy,
    write_wjp,
)

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "indicators.md"
BUNDLED = ROOT / "boras_intl_lib" / "data" / "vdem_v16_owid.csv"
EXAMPLES = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)

#: The file each example names → how the test makes it (a fixture in the publisher's layout).
MAKERS = {
    "V-Dem-CY-Core-v16.csv": lambda p: shutil.copy(FIXTURES / "V-Dem-CY-Core-v15.csv", p),
    "political-regime.csv": lambda p: shutil.copy(FIXTURES / "political-regime.csv", p),
    "human-rights-index-vdem.csv": lambda p: shutil.copy(FIXTURES / p.name, p),
    "rule-of-law-index.csv": lambda p: shutil.copy(FIXTURES / p.name, p),
    "freedom-of-expression-index.csv": lambda p: shutil.copy(FIXTURES / p.name, p),
    "All_data_FIW_2013-2025.xlsx": write_fh,
    "wgidataset.xlsx": write_wgi,
    "own_index.csv": lambda p: shutil.copy(FIXTURES / "long.csv", p),
    "vdem_v16_owid.csv": lambda p: shutil.copy(BUNDLED, p),
    "civil-liberties-index-eiu.csv": lambda p: shutil.copy(FIXTURES / p.name, p),
    "wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx": lambda p: write_wjp(
        p, [["Sweden", "2017-2018", "SWE", 0.86, 0.9], ["Sweden", "2024", "SWE", 0.85, 0.88]]
    ),
    "wgidataset_2023.xlsx": lambda p: write_wgi_legacy(
        p,
        [2022, 2023],
        {s: [("Sweden", "SWE", [(1.8, 96.2), (1.75, 95.7)])] for s in WGI_LEGACY_SHEETS},
    ),
}


def test_the_page_has_an_example_per_publisher() -> None:
    formats = [
        f["format"]
        for text in EXAMPLES
        for f in yaml.safe_load(text)["screening"]["indicator_files"]
    ]
    assert {"vdem", "owid", "freedom_house", "wgi", "long", "wide", "wjp", "wgi_legacy"} <= set(
        formats
    )
    # the second opinion: V-Dem primary with Freedom House, WGI and WJP as comparisons
    primary = [
        yaml.safe_load(text)["screening"]["conditions"]
        for text in EXAMPLES
        if "combine: primary" in text
    ]
    sources = {
        rule["source"]
        for conditions in primary
        for condition in conditions.values()
        if condition.get("combine") == "primary"
        for rule in condition["rules"][1:]
    }
    assert {"freedom_house", "wgi", "wjp"} <= sources
    assert all(
        c["rules"][0]["source"] == "vdem"
        for conditions in primary
        for c in conditions.values()
        if c.get("combine") == "primary"
    )


@pytest.mark.parametrize("text", EXAMPLES, ids=[f"example{i}" for i in range(len(EXAMPLES))])
def test_example_loads_and_screens(text: str, tmp_path: Path) -> None:
    example = yaml.safe_load(text)
    (tmp_path / "data").mkdir()
    for spec in example["screening"]["indicator_files"]:
        path = tmp_path / spec["path"]
        MAKERS[path.name](path)
    params = {
        "year": 2025,
        "administrations": [{"name": "Stadsledningskansliet"}],
        **example,
    }
    (tmp_path / "params.yaml").write_text(yaml.safe_dump(params, allow_unicode=True))
    settings = load_settings(tmp_path / "params.yaml")
    indicators = load_indicators(settings)
    # every source a rule names is present in what the example loads
    wanted = {
        (rule.source, rule.indicator)
        for condition in settings.screening.conditions.values()
        for rule in condition.rules
    }
    have = set(zip(indicators["source"], indicators["indicator"], strict=True))
    first_rules = {
        (c.rules[0].source, c.rules[0].indicator) for c in settings.screening.conditions.values()
    }
    assert first_rules <= have, first_rules - have
    assert wanted - have <= set(), wanted - have
    out = screen_countries(["SWE"], indicators, settings.screening, 2025).iloc[0]
    assert out["status"] == "met", out["basis"]
    for condition in ("democracy", "human_rights", "rule_of_law"):
        assert out[f"{condition}_data_year"] >= 2023
