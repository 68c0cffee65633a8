"""Indicator data for a report: the bundled V-Dem data, the configured files, attribution.

The publisher layouts live one per module (:mod:`.owid`, :mod:`.vdem`,
:mod:`.freedom_house`, :mod:`.wgi`, :mod:`.long`, shared parts in :mod:`.base`),
:mod:`.formats` is the one table of their names and :mod:`.registry` reads a configured file
with its format's reader; this module combines them and is the import
point the rest of the package uses.

The package bundles V-Dem v16 via OWID for every country and 2000–2025
(:mod:`.bundled`, ``data/SOURCES.md``), so the toolkit screens partners out of the box.
"""

from __future__ import annotations

import logging

import pandas as pd

from ..i18n.labels import Lang, label
from ..settings import Settings
from .base import COLUMNS, empty_indicators
from .bundled import (
    ATTRIBUTION_LABEL,
    BUNDLED_ATTRIBUTION,
    BUNDLED_EDITION,
    BUNDLED_FILE,
    BUNDLED_LICENCE,
    REGIME_OWID,
    load_bundled,
)
from .freedom_house import FH_COLUMNS, FH_STATUS_CODES, load_freedom_house
from .long import load_long
from .owid import load_owid
from .registry import load_indicator_file
from .vdem import VDEM_INDICES, load_vdem
from .wgi import WGI_INDICATORS, load_wgi

__all__ = [
    "BUNDLED_ATTRIBUTION",
    "BUNDLED_EDITION",
    "BUNDLED_FILE",
    "BUNDLED_LICENCE",
    "COLUMNS",
    "FH_COLUMNS",
    "FH_STATUS_CODES",
    "REGIME_OWID",
    "VDEM_INDICES",
    "WGI_INDICATORS",
    "attribution",
    "empty_indicators",
    "load_bundled",
    "load_freedom_house",
    "load_indicator_file",
    "load_indicators",
    "load_long",
    "load_owid",
    "load_vdem",
    "load_wgi",
    "sources_used",
]

log = logging.getLogger("boras_intl")


def load_indicators(settings: Settings) -> pd.DataFrame:
    """All indicator data for a report: the bundled excerpt (if enabled) and configured files.

    Where two files give the same country, year, indicator and source, the later one wins
    (configured files after the bundled excerpt, in the order listed). A rule that names a
    source or indicator none of them provides, or whose threshold lies off its indicator's
    scale, raises :class:`~boras_intl_lib.errors.IndicatorSettingsError` (see
    :mod:`.rule_check`).
    """
    from .rule_check import check_rules

    screening = settings.screening
    parts = [load_bundled()] if screening.use_bundled_data else []
    parts += [load_indicator_file(spec) for spec in screening.indicator_files]
    frame = pd.concat(parts, ignore_index=True) if parts else empty_indicators()
    frame = frame.drop_duplicates(["iso3", "year", "indicator", "source"], keep="last")
    check_rules(screening, frame)
    return frame.reset_index(drop=True)


# --- attribution -------------------------------------------------------------------------------


def attribution(source: str, edition: str, lang: Lang = "en") -> tuple[str, str]:
    """(attribution, licence) to print for data of ``source`` and ``edition``.

    The bundled data's credit is in ``lang`` (the labels table); a publisher's own credit is
    its name and title, the same in both languages.
    """
    if source == "vdem" and edition == BUNDLED_EDITION:
        return label(ATTRIBUTION_LABEL, lang), BUNDLED_LICENCE
    if source == "vdem":
        return f"V-Dem Institute, V-Dem Dataset ({edition}), CC BY 4.0", "CC BY 4.0"
    if source == "freedom_house":
        return f"Freedom House, {edition}", "Freedom House terms of use (attribution required)"
    if source == "wgi":
        return (
            f"World Bank, Worldwide Governance Indicators ({edition}), www.govindicators.org",
            "CC BY 4.0",
        )
    if source == "eiu":
        return (
            f"Economist Intelligence Unit, Democracy Index ({edition})",
            "as stated by the publisher",
        )
    if source == "wjp":
        return (
            f"World Justice Project, {edition}, worldjusticeproject.org",
            "WJP terms of use (attribution required)",
        )
    if source == "owid":
        return f"Our World in Data ({edition})", "CC BY 4.0"
    return f"{source} ({edition})" if edition else source, "as stated by the publisher"


def sources_used(indicators: pd.DataFrame) -> list[dict[str, object]]:
    """One entry per (source, edition) in ``indicators``, for a report's method section.

    Keys: ``source``, ``edition``, ``attribution``, ``licence``, ``indicators`` (names),
    ``countries`` (how many), ``years`` (first–last).
    """
    if indicators.empty:
        return []
    frame = indicators.assign(edition=indicators["edition"].fillna(""))
    out: list[dict[str, object]] = []
    for (source, edition), group in frame.groupby(["source", "edition"], sort=True):
        text, licence = attribution(str(source), str(edition))
        first, last = int(group["year"].min()), int(group["year"].max())
        out.append(
            {
                "source": source,
                "edition": edition,
                "attribution": text,
                "licence": licence,
                "indicators": sorted(group["indicator"].unique().tolist()),
                "countries": int(group["iso3"].nunique()),
                "years": str(first) if first == last else f"{first}–{last}",
            }
        )
    return out
