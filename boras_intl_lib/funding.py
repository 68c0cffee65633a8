"""The funding vocabulary of the register: which funding sources are EU programmes and which
are the city's own money. Validation flags EU funding without a source by it, and the report
counts external and EU funding by it, so both ask the question through these functions."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd


def is_eu_funding(sources: pd.Series, eu_sources: Sequence[str]) -> np.ndarray:
    """True where a funding source names an EU programme of ``eu_sources``.

    Entries match as whole words (``Erasmus`` matches "Erasmus+ KA2", ``EU`` matches
    "EU-medel" but not "Europa"). An entry written in capitals (``LIFE``, ``ESF``) is matched
    case-sensitively, any other entry case-insensitively.
    """
    pattern = _eu_pattern(eu_sources)
    codes, uniques = pd.factorize(sources.to_numpy(dtype=object))
    if pattern is None or len(uniques) == 0:
        return np.zeros(len(sources), dtype=bool)
    hits = np.array([bool(pattern.search(str(u))) for u in uniques] + [False], dtype=bool)
    return hits[codes]


def is_own_funding(sources: pd.Series, own_sources: Sequence[str]) -> np.ndarray:
    """True where a funding source is the city's own money (a text of ``own_sources``, case
    and spaces ignored)."""
    own = {" ".join(s.casefold().split()) for s in own_sources}
    if not own or not len(sources):
        return np.zeros(len(sources), dtype=bool)
    keys = sources.astype("string").str.casefold().str.split().str.join(" ")
    return keys.isin(own).fillna(False).to_numpy(dtype=bool)


def _eu_pattern(eu_sources: Sequence[str]) -> re.Pattern[str] | None:
    """One regular expression for the EU sources: whole words, acronyms case-sensitive."""
    parts = []
    for source in eu_sources:
        words = re.escape(source.strip())
        parts.append(words if source.isupper() else f"(?i:{words})")
    if not parts:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")
