"""Format names → loaders: the one place that knows which function reads which layout.

As xarray's ``backends``: each publisher layout has its own module with one ``load_*``
function; a configured :class:`~boras_intl_lib.settings.IndicatorFile` names its ``format``
and :func:`load_indicator_file` calls the loader registered for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import pandas as pd

from ..settings import IndicatorFile
from .freedom_house import load_freedom_house
from .long import load_long
from .owid import load_owid
from .vdem import load_vdem
from .wgi import load_wgi

log = logging.getLogger("boras_intl")

_LOADERS: dict[str, Callable[..., pd.DataFrame]] = {
    "owid": load_owid,
    "vdem": load_vdem,
    "freedom_house": load_freedom_house,
    "wgi": load_wgi,
    "long": load_long,
}


def load_indicator_file(spec: IndicatorFile) -> pd.DataFrame:
    """Load one configured indicator file with the loader its ``format`` names."""
    kwargs: dict[str, object] = {"edition": spec.edition}
    if spec.format == "owid":
        kwargs |= {"indicator": spec.indicator, "source": spec.source}
    elif spec.format == "long":
        kwargs |= {"source": spec.source}
    frame = _LOADERS[spec.format](spec.path, **kwargs)
    if spec.source and spec.format not in ("owid", "long"):
        frame["source"] = pd.array([spec.source] * len(frame), dtype="string")
    log.info("%s: %d indicator values (%s)", spec.path, len(frame), spec.format)
    return frame
