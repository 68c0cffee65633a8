"""An indicator, its value and a rule's requirement in words, as a reader sees them.

A threshold (``regime_row_owid >= 2``) is a political choice; the reader sees it as words —
"policyn kräver minst valdemokrati" — built from the rule (indicator, operator, threshold),
the indicator's scale (a category of a categorical scale is named, never "1,00") and the
labels, never by parsing the screening's basis strings. The report and the analysts' what-if
both word rules through these functions.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ..i18n.formatting import fmt_number
from ..i18n.labels import LABELS, Lang, label
from ..scales import value_in_words


def indicator_name(indicator: str, lang: Lang) -> str:
    """The indicator's name as a sentence uses it ("Regimes of the World"); else the
    indicator's label; else its code."""
    for key in (f"basis_indicator.{indicator}", f"indicator.{indicator}"):
        if key in LABELS:
            return label(key, lang)
    return indicator


def value_words(indicator: str, value: float, lang: Lang) -> str:
    """An indicator value in words: a category of a categorical scale (a regime, Freedom
    House's status: "delvis fri", never "1,00"), else the number with two decimals."""
    if not math.isnan(value):
        words = value_in_words(indicator, value, lang)
        if words is not None:
            return words
    return fmt_number(value, lang, 2)


def requirement_words(indicator: str, op: str, threshold: float, lang: Lang) -> str:
    """ "minst valdemokrati" / "at least 0.70"."""
    return f"{label(f'op.{op}', lang)} {value_words(indicator, threshold, lang)}"


def condition_sentence(
    country: str, indicator: str, value: float, data_year: Any, op: str, threshold: float,
    lang: Lang,
) -> str:  # fmt: skip
    """ "Kina: sluten autokrati enligt Regimes of the World 2025; policyn kräver minst
    valdemokrati"."""
    year = "" if pd.isna(data_year) else f" {int(data_year)}"
    return label(
        "basis.sentence",
        lang,
        country=country,
        value=value_words(indicator, value, lang),
        indicator=indicator_name(indicator, lang),
        year=year,
        requirement=requirement_words(indicator, op, threshold, lang),
    )
