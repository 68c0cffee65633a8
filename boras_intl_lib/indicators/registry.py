"""Format names → readers: the one place that knows which function reads which layout.

As xarray's ``backends``: each publisher layout has its own module with a ``read_*`` function
(values and the rows left out) and a ``load_*`` wrapper (values only); a configured
:class:`~boras_intl_lib.settings.IndicatorFile` names its ``format`` and
:func:`read_indicator_file` calls the reader registered for it.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

import pandas as pd

from ..i18n.labels import log_label
from ..settings import IndicatorFile
from .base import Loaded, data_error, log_dropped
from .freedom_house import read_freedom_house
from .long import read_long
from .owid import read_owid
from .scales import refuse_off_scale
from .vdem import read_vdem
from .wgi import read_wgi
from .wgi_legacy import read_wgi_legacy
from .wide import read_wide
from .wjp import read_wjp

log = logging.getLogger("boras_intl")

READERS: dict[str, Callable[..., Loaded]] = {
    "owid": read_owid,
    "vdem": read_vdem,
    "freedom_house": read_freedom_house,
    "wgi": read_wgi,
    "long": read_long,
    "wide": read_wide,
    "wjp": read_wjp,
    "wgi_legacy": read_wgi_legacy,
}
#: What each format is, for ``boras-intl indicators`` and the docs.
FORMATS: dict[str, str] = {
    "owid": "Our World in Data grapher CSV (Entity, Code, Year, <indicator>)",
    "vdem": "V-Dem Country-Year CSV, Core or Full (country_text_id, year, v2x_*)",
    "freedom_house": "Freedom House All_data_FIW_2013-YYYY.xlsx (sheet FIW13-YY)",
    "wgi": "World Bank WGI long table, xlsx or CSV (code, year, indicator, estimate, pctrank)",
    "long": "plain long CSV (iso3, year, indicator, value, source[, edition])",
    "wide": "wide CSV, one column per indicator (iso3, year, <indicator> …), as bundled",
    "wjp": "World Justice Project Rule of Law Index historical data file (sheet Historical Data)",
    "wgi_legacy": "World Bank WGI workbook before 2024 (one sheet per dimension, years above)",
}


def read_indicator_file(spec: IndicatorFile) -> Loaded:
    """Read one configured indicator file with the reader its ``format`` names."""
    if spec.indicator and spec.format != "owid":  # nothing the user wrote is ignored
        raise data_error(spec.path, "indicator_not_owid", format=spec.format)
    kwargs: dict[str, object] = {"edition": spec.edition}
    if spec.format == "owid":
        kwargs |= {"indicator": spec.indicator, "source": spec.source}
    elif spec.format in ("long", "wide"):
        kwargs |= {"source": spec.source}
    loaded = READERS[spec.format](spec.path, **kwargs)
    refuse_off_scale(loaded.values, spec.path, loaded.columns)
    if spec.source and spec.format != "owid":  # a long file's own source column included
        values = loaded.values.assign(
            source=pd.array([spec.source] * len(loaded.values), dtype="string")
        )
        loaded = dataclasses.replace(loaded, values=values)
    log.info(
        log_label("log.indicator_values", path=spec.path, n=len(loaded.values), format=spec.format)
    )
    log_dropped(spec.path, loaded.dropped)
    return loaded


def load_indicator_file(spec: IndicatorFile) -> pd.DataFrame:
    """The values of one configured indicator file (see :func:`read_indicator_file`)."""
    return read_indicator_file(spec).values
