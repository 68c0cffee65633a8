"""Suggestions, never corrections: the known name closest to an unknown one.

For an administration, committee or country that is not recognised, the coordinator is told
"menade du Kulturförvaltningen?"; the value itself is kept as written. Matching uses the
standard library's :func:`difflib.get_close_matches` on normalised spellings (case, spacing and
Unicode form ignored), each distinct unknown value once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from ..i18n.labels import Lang
from .format import normalise_token

CUTOFF = 0.75  # difflib ratio below which no suggestion is made
# Countries: short names sit close to many others ("USSA" is 0.8 from "Russia", 0.86 from
# "USA"), so a country is suggested only from 0.8 on, among its Swedish, English and common
# short names (the reader's aliases: "UK", "Holland", "Sydkorea" …).
COUNTRY_CUTOFF = 0.8


def suggest(unknown: Iterable[str], known: Iterable[str], cutoff: float = CUTOFF) -> np.ndarray:
    """For each text in ``unknown``, the closest of ``known`` as written there, or ``""``."""
    spelled = {normalise_token(k): k for k in known if k}
    choices = list(spelled)
    found: dict[str, str] = {}
    out = []
    for text in unknown:
        if text not in found:
            match = difflib.get_close_matches(normalise_token(text), choices, n=1, cutoff=cutoff)
            found[text] = spelled[match[0]] if match else ""
        out.append(found[text])
    return np.array(out, dtype=object)


@lru_cache(maxsize=3)
def country_names(lang: Lang | None = None) -> tuple[str, ...]:
    """Every country's short name: Swedish first, then English (or one language).

    A name may equal the country's code: Swedish calls the United States "USA".
    """
    from ..countries import country_name, iso3_codes

    names: list[str] = []
    languages: tuple[Lang, ...] = (lang,) if lang else ("sv", "en")
    for language in languages:
        for code in sorted(iso3_codes()):
            name = country_name(code, language)
            if name:
                names.append(name)
    return tuple(dict.fromkeys(names))


@lru_cache(maxsize=1)
def country_choices() -> tuple[str, ...]:
    """What a country suggestion may offer: the Swedish and English names, then the common
    short and older names the reader also accepts (``countries.ALIASES``)."""
    from ..countries import ALIASES

    aliases = [name for names in ALIASES.values() for name in names]
    return tuple(dict.fromkeys([*country_names(), *aliases]))


def suggest_country(unknown: Iterable[str]) -> np.ndarray:
    """For each unrecognised country, the closest known name (``""`` below
    :data:`COUNTRY_CUTOFF`): "USSA" → "USA", "Tyskand" → "Tyskland"."""
    return suggest(unknown, country_choices(), COUNTRY_CUTOFF)
