"""Personal data out of everything a register can show: done once, when it is loaded.

The register's ``contact_person`` column is personal data; no report, workbook or CSV selects
it. People also type e-mail addresses and names into free text ("kontakt: anna.lind@…").
:func:`redact_register` replaces, in the free-text columns (:data:`FREE_TEXT`) and in the
issue list, e-mail addresses and the names of the register's own contact persons with
:data:`MARK`, so no later step can publish them by accident.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .model import Register

MARK = "[personuppgift]"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# Free text a person types. Identifiers and administration names are left alone: they must
# match other tables and the parameters file, and hold no personal data by their nature.
FREE_TEXT = frozenset({"title", "description", "funding_source", "partner_name", "city", "country"})
# A contact person's name as it can be recognised elsewhere: two or more words of letters
# ("Anna Lind", "Per-Olof Ek"); fragments of other text in the cell are not names.
_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+)+$")
_MIN_NAME = 5  # shorter "names" (initials, "Anna") would remove ordinary words


def redact_register(register: Register) -> Register:
    """The register with personal data in free text replaced by :data:`MARK`."""
    names = _contact_names(register.activities)
    return dataclasses.replace(
        register,
        activities=_redact_frame(register.activities, names),
        partners=_redact_frame(register.partners, names),
        exceptions=_redact_frame(register.exceptions, names),
        issues=_redact_issues(register.issues, names),
    )


def redact(texts: pd.Series, names: Sequence[str] = ()) -> pd.Series:
    """``texts`` with e-mail addresses and the given ``names`` replaced by :data:`MARK`.

    A column in which nothing could match (the usual case) costs one look at its joined
    text. Otherwise each distinct value is looked at once, and only values that could match
    (an ``@``, or a name as a plain substring) go through the regular expression, which is
    the costly part.
    """
    if _nothing_to_find(texts, names):
        return texts
    codes, uniques = pd.factorize(texts.to_numpy(dtype=object), use_na_sentinel=True)
    maybe = _could_match(list(map(str, uniques)), _prefilter(tuple(names)))
    if not maybe.any():
        return texts
    values = pd.Series(uniques, dtype="string")
    fixed = values.copy()
    fixed[maybe] = values[maybe].str.replace(_pattern(list(names)), MARK, regex=True)
    out = fixed.to_numpy(dtype=object)[codes]
    out[codes < 0] = None
    return pd.Series(out, index=texts.index, name=texts.name).astype(texts.dtype)


def _nothing_to_find(texts: pd.Series, names: Sequence[str]) -> bool:
    """Whether no value of ``texts`` holds an ``@`` or, in any case, one of ``names``.

    Exact as a first pass: where the case-insensitive pattern would find a name in a value,
    the :func:`_fold` of the joined values holds the folded name.
    """
    try:
        joined = "\n".join(texts.dropna().to_numpy(dtype=object))
    except TypeError:  # a value that is not text: look at it value by value
        return False
    if "@" in joined:
        return False
    if not names:
        return True
    folded = _fold(joined)
    return not any(_fold(name) in folded for name in names)


# Characters that Python's case-insensitive matching takes as one beyond their lower case
# (``re._casefix``, written out here since that module is private): each maps to the first
# of its group. A test holds this to ``re`` itself, over every cased letter of Unicode.
# Escaped: some are canonically equivalent and would not survive an editor's NFC.
_SAME_LETTERS = (
    "\u0069\u0131", "\u0073\u017f", "\u00b5\u03bc", "\u0345\u03b9\u1fbe", "\u0390\u1fd3",
    "\u03b0\u1fe3", "\u03b2\u03d0", "\u03b5\u03f5", "\u03b8\u03d1", "\u03ba\u03f0",
    "\u03c0\u03d6", "\u03c1\u03f1", "\u03c2\u03c3", "\u03c6\u03d5", "\u0432\u1c80",
    "\u0434\u1c81", "\u043e\u1c82", "\u0441\u1c83", "\u0442\u1c84\u1c85", "\u044a\u1c86",
    "\u0463\u1c87", "\u1c88\ua64b", "\u1e61\u1e9b", "\ufb05\ufb06",
)  # fmt: skip


def _fold(text: str) -> str:
    """``text`` in lower case, each group of :data:`_SAME_LETTERS` as its first letter.

    Character by character, as the pattern compares: "İ" becomes "i" (its lower case is
    "i" and a combining dot, the pattern's is "i"), a final "ς" becomes "σ". A replacement is
    only made where the letter occurs, and a letter beyond the text's range is not searched.
    """
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    text = text.lower()
    for group in _SAME_LETTERS:
        for other in group[1:]:
            if other in text:
                text = text.replace(other, group[0])
    return text


def _could_match(values: list[str], prefilter: re.Pattern[str]) -> np.ndarray:
    """Which values the prefilter finds something in: one scan of the joined values, each
    hit placed in its value by offset (a prefilter match is an ``@`` or a name: it holds no
    line break, so it never spans two values)."""
    maybe = np.zeros(len(values), dtype=bool)
    joined = "\n".join(values)
    starts = [m.start() for m in prefilter.finditer(joined)]
    if starts:
        ends = np.cumsum(np.fromiter(map(len, values), np.int64, len(values)) + 1)
        maybe[np.searchsorted(ends, starts, side="right")] = True
    return maybe


def _contact_names(activities: pd.DataFrame) -> list[str]:
    """The names in ``contact_person`` cells ("Anna Lind, anna.lind@…" → "Anna Lind")."""
    if "contact_person" not in activities:
        return []
    cells = pd.Series(activities["contact_person"].dropna().unique(), dtype=object).astype(str)
    names = cells.str.replace(EMAIL, "", regex=True).str.split(r"[,;/]").explode().str.strip()
    found = {n for n in names.dropna() if len(n) >= _MIN_NAME and _NAME.match(n)}
    return sorted(found, key=len, reverse=True)


@functools.cache
def _prefilter(names: tuple[str, ...]) -> re.Pattern[str]:
    """A cheap first pass: an ``@`` or one of the names anywhere (no backtracking)."""
    return re.compile("|".join(["@", *map(re.escape, names)]), re.IGNORECASE)


@functools.cache
def _pattern_cached(names: tuple[str, ...]) -> re.Pattern[str]:
    parts = [EMAIL, *(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names)]
    return re.compile("|".join(parts), re.IGNORECASE)


def _pattern(names: list[str]) -> re.Pattern[str]:
    return _pattern_cached(tuple(names))


def _redact_frame(frame: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """Redact the register's free-text columns (codes and vocabularies cannot hold names)."""
    out = frame.copy()
    for column in out.columns:
        if column in FREE_TEXT and out[column].notna().any():
            out[column] = redact(out[column], names)
    return out


def _redact_issues(issues: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    if issues.empty:
        return issues
    out = issues.copy()
    out["value"] = redact(out["value"], names)
    return out
