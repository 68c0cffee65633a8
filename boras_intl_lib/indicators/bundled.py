"""The indicator data bundled with the package: V-Dem v16 via Our World in Data, 2000–2025.

``data/vdem_v16_owid.csv`` is built by ``scripts/build_indicator_data.py`` from OWID's
published files (see ``data/SOURCES.md``): one row per country and year, one column per
indicator, values as published. It is read here into the long layout of :mod:`.base`.

The regime column is **not** V-Dem's ``v2x_regime``: it is OWID's own Regimes of the World
coding built on V-Dem (``regime_row_owid``), close to but not always equal to ``v2x_regime``,
and it carries that name.
"""

from __future__ import annotations

from importlib import resources

import pandas as pd

from ..i18n.labels import label
from .base import finish_long

BUNDLED_FILE = "vdem_v16_owid.csv"
BUNDLED_SOURCE = "vdem"
BUNDLED_EDITION = "V-Dem v16"
BUNDLED_LICENCE = "CC BY 4.0"
#: The credit in English; in a report's language it is the label of :data:`ATTRIBUTION_LABEL`.
ATTRIBUTION_LABEL = "indicators.attribution.bundled"
BUNDLED_ATTRIBUTION = label(ATTRIBUTION_LABEL, "en")
#: OWID's regime coding (0 closed autocracy … 3 liberal democracy), named for what it is.
REGIME_OWID = "regime_row_owid"
BUNDLED_INDICATORS: tuple[str, ...] = (
    REGIME_OWID,
    "v2x_polyarchy",
    "v2x_libdem",
    "v2x_civlib",
    "v2x_rule",
)
BUNDLED_COLUMNS: tuple[str, ...] = ("iso3", "year", *BUNDLED_INDICATORS)


def bundled_path() -> resources.abc.Traversable:
    """Where the bundled CSV lives inside the installed package."""
    return resources.files("boras_intl_lib") / "data" / BUNDLED_FILE


def load_bundled() -> pd.DataFrame:
    """The bundled V-Dem v16 data (all countries, 2000–2025) as a long indicator table."""
    with resources.as_file(bundled_path()) as path:
        wide = pd.read_csv(path, dtype={"iso3": "string", "year": "int64"})
    long = wide.melt(id_vars=["iso3", "year"], var_name="indicator", value_name="value")
    long["source"] = BUNDLED_SOURCE
    long["edition"] = BUNDLED_EDITION
    return finish_long(long)
