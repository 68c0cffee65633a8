"""Personal data out of everything a register can show: done once, when it is loaded.

The register's ``contact_person`` column is personal data; no report, workbook or CSV selects
it. People also type e-mail addresses and names into free text ("kontakt: anna.lind@…").
:func:`redact_register` replaces, in every other text column and in the issue list, e-mail
addresses and the names of the register's own contact persons with :data:`MARK`, so no later
step can publish them by accident.
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

from .model import Register

MARK = "[personuppgift]"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
PERSONAL_COLUMNS = frozenset({"contact_person"})
_MIN_NAME = 5  # shorter "names" (initials, "Anna") would remove ordinary words


def redact_register(register: Register) -> Register:
    """The register with personal data in free text replaced by :data:`MARK`."""
    pattern = _pattern(_contact_names(register.activities))
    return dataclasses.replace(
        register,
        activities=_redact_frame(register.activities, pattern),
        partners=_redact_frame(register.partners, pattern),
        exceptions=_redact_frame(register.exceptions, pattern),
        issues=_redact_issues(register.issues, pattern),
    )


def redact(texts: pd.Series, pattern: re.Pattern[str] | None = None) -> pd.Series:
    """``texts`` with e-mail addresses (and ``pattern``'s names) replaced, vectorised."""
    pattern = pattern or _pattern([])
    text = texts.astype("string")
    return text.str.replace(pattern, MARK, regex=True).astype(texts.dtype)


def _contact_names(activities: pd.DataFrame) -> list[str]:
    """The names in ``contact_person`` cells ("Anna Lind, anna.lind@…" → "Anna Lind")."""
    if "contact_person" not in activities:
        return []
    cells = activities["contact_person"].dropna().astype(str)
    names = cells.str.replace(EMAIL, "", regex=True).str.split(r"[,;/]").explode().str.strip()
    return sorted({n for n in names.dropna() if len(n) >= _MIN_NAME}, key=len, reverse=True)


def _pattern(names: list[str]) -> re.Pattern[str]:
    parts = [EMAIL, *(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names)]
    return re.compile("|".join(parts), re.IGNORECASE)


def _redact_frame(frame: pd.DataFrame, pattern: re.Pattern[str]) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if column in PERSONAL_COLUMNS or column == "row":
            continue
        if pd.api.types.is_string_dtype(out[column]) and out[column].notna().any():
            out[column] = redact(out[column], pattern)
    return out


def _redact_issues(issues: pd.DataFrame, pattern: re.Pattern[str]) -> pd.DataFrame:
    if issues.empty:
        return issues
    out = issues.copy()
    out["value"] = redact(out["value"], pattern)
    return out
