"""The bundled data's credit is in the report's language: the Swedish report and
``indicators list --lang sv`` credit V-Dem and Our World in Data in Swedish, the English ones
in English, both from the labels table."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from boras_intl_lib.i18n.labels import Lang, label
from boras_intl_lib.indicators.bundled import BUNDLED_EDITION
from boras_intl_lib.indicators.commands import list_sources
from boras_intl_lib.register import example_register_path, load_register
from boras_intl_lib.report import tables
from boras_intl_lib.report.data import build
from boras_intl_lib.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
PARAMS = ROOT / "parameters" / "2025.yaml"
SETTINGS = load_settings(PARAMS)
#: words only one language's credit has (the other's would show it as a bug)
ONLY = {"sv": "bearbetat av Our World in Data", "en": "processed by Our World in Data"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_report_credits_the_bundled_data_in_its_language(lang: Lang) -> None:
    data = build(load_register(example_register_path(), SETTINGS), SETTINGS, 2025, lang)
    frame = tables.sources_table(data)
    edition = frame[label("col.edition", lang)]
    credit = frame[label("col.attribution", lang)][edition == BUNDLED_EDITION]
    assert credit.tolist() == [label("indicators.attribution.bundled", lang)]
    other = "en" if lang == "sv" else "sv"
    assert ONLY[lang] in credit.iloc[0]
    assert ONLY[other] not in credit.iloc[0]
    # the evaluation keeps one language-neutral record; only the shown words change
    assert data.evaluation.sources[0]["attribution"] == label(
        "indicators.attribution.bundled", "en"
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_indicators_list_credits_the_bundled_data_in_its_language(lang: Lang) -> None:
    out = io.StringIO()
    assert list_sources(SETTINGS, str(PARAMS), lang, out) == 0
    text = out.getvalue()
    assert ONLY[lang] in text
    assert ONLY["en" if lang == "sv" else "sv"] not in text
