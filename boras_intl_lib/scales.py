"""Every indicator the toolkit knows, with its scale: range, direction and named categories.

The scale is what makes a number mean something: ``0.88`` is a good civil-liberties value on
V-Dem's 0–1 index and a bad one on the EIU's 0–10 scale. It is used three times:

- loading refuses a value outside its indicator's scale (:func:`values_off_scale`), so a file
  taken for another publisher's (OWID's EIU file read as V-Dem's ``v2x_civlib``) is stopped;
- settings refuse a rule whose threshold lies outside its indicator's scale (80 on Freedom
  House's 0–16 rule-of-law score), see ``indicators/rule_check.py``;
- a categorical value is shown in words (:func:`value_in_words`: ``fh_status`` 1 → "delvis
  fri" / "Partly Free").

``bounds`` is the range values may take; it equals the documented range except for the WGI
estimates, which are standard-normal units "about −2.5 to 2.5" with a few published values
just beyond, so values are accepted in −3…3. The words (directions, category names) are in
and the category names come from the labels table (``scale.*``); ``docs/indicators.md`` lists
the scales.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .errors import IndicatorDataError
from .i18n.labels import Lang, label

Direction = Literal["higher_is_better", "lower_is_better"]


@dataclass(frozen=True)
class Scale:
    """The documented range of an indicator, which end is better, and named categories."""

    low: float
    high: float
    direction: Direction = "higher_is_better"
    #: value → label key of its name, for categorical indicators (Freedom House status, regimes)
    categories: dict[float, str] = field(default_factory=dict)
    #: the range values may take when it differs from the documented one (WGI estimates)
    bounds: tuple[float, float] | None = None

    @property
    def accepted(self) -> tuple[float, float]:
        """The lowest and highest value a file or a threshold may hold."""
        return self.bounds or (self.low, self.high)

    def holds(self, value: float) -> bool:
        """Whether ``value`` lies on this scale."""
        low, high = self.accepted
        return low <= value <= high

    def describe(self, lang: Lang) -> str:
        """``0–16, högre är bättre`` / ``1–7, lower is better``; categories named."""
        span = f"{_number(self.low, lang)}–{_number(self.high, lang)}"
        if self.categories:
            names = ", ".join(
                f"{_number(v, lang)} {label(key, lang)}"
                for v, key in sorted(self.categories.items())
            )
            span += f" ({names})"
        return f"{span}, {label(f'scale.{self.direction}', lang)}"


def _number(value: float, lang: Lang) -> str:
    text = f"{value:g}".replace("-", "−")
    return text.replace(".", ",") if lang == "sv" else text


_UNIT = Scale(0.0, 1.0)
_REGIMES = {float(n): f"regime.{n}" for n in range(4)}  # the report's own regime words
_WGI_ESTIMATE = Scale(-2.5, 2.5, bounds=(-3.0, 3.0))
_PERCENT = Scale(0.0, 100.0)
_TEN = Scale(0.0, 10.0)

#: indicator name → scale. Names are the toolkit's (``docs/indicators.md``).
SCALES: dict[str, Scale] = {
    # V-Dem (and OWID's coding of V-Dem)
    "regime_row_owid": Scale(0.0, 3.0, categories=_REGIMES),
    "v2x_regime": Scale(0.0, 3.0, categories=_REGIMES),
    "v2x_polyarchy": _UNIT,
    "v2x_libdem": _UNIT,
    "v2x_civlib": _UNIT,
    "v2x_rule": _UNIT,
    "v2x_freexp_altinf": _UNIT,
    # Freedom House, Freedom in the World
    "fh_status": Scale(
        0.0,
        2.0,
        categories={0.0: "scale.fh_status.NF", 1.0: "scale.fh_status.PF", 2.0: "scale.fh_status.F"},
    ),
    "fh_pr": Scale(-4.0, 40.0),  # the additional discretionary question subtracts up to 4
    "fh_cl": Scale(0.0, 60.0),
    "fh_total": Scale(-4.0, 100.0),
    "fh_pr_rating": Scale(1.0, 7.0, direction="lower_is_better"),
    "fh_cl_rating": Scale(1.0, 7.0, direction="lower_is_better"),
    "fh_a": Scale(0.0, 12.0),
    "fh_b": Scale(0.0, 16.0),
    "fh_c": Scale(0.0, 12.0),
    "fh_d": Scale(0.0, 16.0),
    "fh_e": Scale(0.0, 12.0),
    "fh_f": Scale(0.0, 16.0),
    "fh_g": Scale(0.0, 16.0),
    # World Bank, Worldwide Governance Indicators
    **{f"wgi_{x}": _WGI_ESTIMATE for x in ("va", "pv", "ge", "rq", "rl", "cc")},
    **{f"wgi_{x}_pctrank": _PERCENT for x in ("va", "pv", "ge", "rq", "rl", "cc")},
    # World Justice Project, Rule of Law Index
    "wjp_overall": _UNIT,
    **{f"wjp_f{n}": _UNIT for n in range(1, 9)},
    # Economist Intelligence Unit, Democracy Index (as OWID publishes it)
    "eiu_democracy": _TEN,
    "eiu_electoral_process": _TEN,
    "eiu_functioning_of_government": _TEN,
    "eiu_political_participation": _TEN,
    "eiu_political_culture": _TEN,
    "eiu_civil_liberties": _TEN,
}


def scale_of(indicator: str) -> Scale | None:
    """The scale of ``indicator``, or ``None`` for an indicator the toolkit does not know
    (one of the user's own in a long or wide file)."""
    return SCALES.get(indicator)


def value_in_words(indicator: str, value: float, lang: Lang) -> str | None:
    """The category's name for a categorical value (``fh_status`` 1 → "delvis fri"), else
    ``None``."""
    scale = SCALES.get(indicator)
    if scale is None or float(value) not in scale.categories:
        return None
    return label(scale.categories[float(value)], lang)


def refuse_off_scale(values: pd.DataFrame, path: Path, columns: Mapping[str, str]) -> None:
    """Raise :class:`IndicatorDataError` when a loaded value lies outside its indicator's scale.

    The message names the publisher's column (``columns``: indicator → column, else the
    indicator), the scale and one offending value with its country and year: OWID's EIU file
    (0–10) read as V-Dem's ``v2x_civlib`` (0–1) stops here.
    """
    for indicator, group in values.groupby("indicator", sort=True):
        scale = SCALES.get(str(indicator))
        if scale is None:
            continue
        low, high = scale.accepted
        number = group["value"].to_numpy(dtype="float64")
        off = np.flatnonzero((number < low) | (number > high))
        if not len(off):
            continue
        row = group.iloc[off[0]]
        column = columns.get(str(indicator), str(indicator))
        words = {
            lang: label(
                "scale.value_off",
                lang,
                column=column,
                indicator=indicator,
                value=_number(float(row["value"]), lang),
                country=row["iso3"],
                year=row["year"],
                n=len(off),
                scale=scale.describe(lang),
            )
            for lang in ("en", "sv")
        }
        raise IndicatorDataError(path, words["en"], words["sv"])
