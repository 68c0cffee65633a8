"""Reading one configured indicator file with the reader its format names.

As xarray's ``backends``: each publisher layout has its own module with a ``read_*`` function
(values and the rows left out) and a ``load_*`` wrapper (values only); a configured
:class:`~boras_intl_lib.settings.IndicatorFile` names its ``format`` and
:func:`read_indicator_file` calls the reader :data:`~.formats.FORMATS` gives for it, with the
per-format arguments the table lists.
"""

from __future__ import annotations

import dataclasses
import logging

import pandas as pd

from ..i18n.labels import log_label
from ..indicator_formats import FORMATS
from ..scales import refuse_off_scale
from ..settings import IndicatorFile
from .base import Loaded, data_error, log_dropped

log = logging.getLogger("boras_intl")


def read_indicator_file(spec: IndicatorFile) -> Loaded:
    """Read one configured indicator file with the reader its ``format`` names."""
    fmt = FORMATS[spec.format]  # settings.py has refused a name not in the table
    if spec.indicator and "indicator" not in fmt.arguments:  # nothing the user wrote is ignored
        raise data_error(spec.path, "indicator_not_owid", format=spec.format)
    kwargs: dict[str, object] = {"edition": spec.edition}
    kwargs |= {key: getattr(spec, key) for key in fmt.arguments}
    loaded: Loaded = fmt.reader(spec.path, **kwargs)
    refuse_off_scale(loaded.values, spec.path, loaded.columns)
    if spec.source and not fmt.reader_sets_source:  # a long file's own source column included
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
