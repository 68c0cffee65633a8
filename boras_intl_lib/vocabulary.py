"""The toolkit's vocabulary: the typed keys every module shares, in their one order, and the one
rule for when two texts name the same thing.

Keys are ``Literal`` types (so a type checker catches a misspelt key) with a tuple of their
values in the order reports show them. Words for them are in :mod:`.i18n.labels`.
"""

from __future__ import annotations

import unicodedata
from enum import IntEnum
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:  # pandas is imported where texts are keyed, so the vocabulary stays light
    import numpy as np
    import pandas as pd

AreaKey = Literal[
    "operational_development",
    "project_collaboration",
    "knowledge_exchange",
    "profiling",
    "societal_impact",
    "democratic_values",
    "twin_cities",
]
ConditionKey = Literal["democracy", "human_rights", "rule_of_law"]
Check = Literal["pass", "fail", "unknown"]
Verdict = Literal["met", "exception", "unknown", "needs_exception"]
Status = Literal["planned", "ongoing", "completed", "cancelled"]
ActivityType = Literal[
    "eu_project",
    "project",
    "twinning",
    "study_visit",
    "knowledge_exchange",
    "network",
    "conference",
    "profiling",
    "development_cooperation",
    "other",
]

#: The seven contribution areas, in policy order.
AREAS: tuple[AreaKey, ...] = get_args(AreaKey)
#: The precondition's three conditions.
CONDITIONS: tuple[ConditionKey, ...] = get_args(ConditionKey)
#: One condition's outcome for one country.
CHECKS: tuple[Check, ...] = get_args(Check)
#: Verdicts from best to worst; an activity takes the worst of its partners'.
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
#: Activity statuses in the order an activity passes through them.
STATUSES: tuple[Status, ...] = get_args(Status)
#: The register's activity types (Swedish words in the labels table, ``activity_type.<key>``).
ACTIVITY_TYPES: tuple[ActivityType, ...] = get_args(ActivityType)
#: Rubric levels: 0 no contribution, 1 weak, 2 clear, 3 strong.
LEVELS: tuple[int, ...] = (0, 1, 2, 3)


class VerdictCode(IntEnum):
    """Positions in :data:`VERDICTS`, for array code that works on integer codes."""

    MET = 0
    EXCEPTION = 1
    UNKNOWN = 2
    NEEDS_EXCEPTION = 3


assert tuple(v.name.lower() for v in VerdictCode) == VERDICTS  # one order, checked at import


_TOKEN_DROP = str.maketrans({"-": " ", "_": " ", "(": " ", ")": " "})


def normalise_token(text: str) -> str:
    """Normalise a header or enum word: case, surrounding space, ``-``/``_``/space, brackets.

    Text is NFC-normalised first, so a decomposed ``ö`` (macOS, copy-paste) matches.
    """
    text = unicodedata.normalize("NFC", str(text))
    return " ".join(text.casefold().translate(_TOKEN_DROP).split())


def _key(text: str) -> str | None:
    key = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return key or None


_JOIN = "\x00"  # a starter that never composes, is no space and survives NFKC and casefold


def _keys_of(texts: list[str]) -> list[str | None]:
    """:func:`_key` of each text, in one pass over the joined texts (C-level string calls)
    when no text holds the joining character; else text by text."""
    joined = _JOIN.join(texts)
    if joined.count(_JOIN) != max(len(texts) - 1, 0):
        return [_key(t) for t in texts]
    # NFKC and case folding act within each text: the joining character blocks composition
    # and reordering. split() collapses every run of space; then no space is left at a join.
    folded = " ".join(unicodedata.normalize("NFKC", joined).casefold().split())
    folded = folded.replace(" " + _JOIN, _JOIN).replace(_JOIN + " ", _JOIN)
    return [k or None for k in folded.split(_JOIN)] if texts else []


def text_keys(values: pd.Series | np.ndarray) -> np.ndarray:
    """The identity key of each text: NFKC-normalised, case-folded, runs of space collapsed.

    This is the one rule by which two partner names (or city names, funding sources) are the
    same: "Kulturhuset  AB" and "kulturhuset ab" are one partner everywhere — key figures,
    tables, charts, scores, decisions and the workbook. Missing or blank values give ``None``.
    Each distinct value is normalised once, all of them in one pass.
    """
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    keys = np.array([*_keys_of(list(map(str, uniques))), None], dtype=object)
    return keys[codes]  # code −1 (missing) picks the trailing None


def text_key_codes(values: pd.Series | np.ndarray) -> np.ndarray:
    """Integer codes of :func:`text_keys` (equal keys, equal codes; ``-1`` for missing)."""
    import pandas as pd

    codes, _ = pd.factorize(text_keys(values))
    return codes


def count_distinct(values: pd.Series | np.ndarray) -> int:
    """How many distinct identities the texts name (missing ones not counted)."""
    codes = text_key_codes(values)
    return int(codes.max() + 1) if len(codes) else 0
