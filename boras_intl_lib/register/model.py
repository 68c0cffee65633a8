"""The validated register: the data structure every later step works on.

Accepted tables use the canonical English column names of :mod:`register_format` plus
``row`` (the row number as the coordinator sees it in Excel, header = row 1). Dtypes:
text and enum columns ``string`` (enum values are canonical English keys), integers
``Int64``, numbers ``float64``, booleans ``boolean``, dates ``datetime64[ns]``, list
columns hold tuples (of keys, or of ints for ``sdgs``). Partners and exceptions carry a
``country_iso3`` column (``<NA>`` when the country was not recognised).

``issues`` holds every rejected row and every warning, one line per problem, with the
columns of :data:`ISSUE_COLUMNS`. A row appears in ``issues`` with ``severity == "error"``
exactly when it is not among the accepted rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..i18n.labels import Lang

ISSUE_COLUMNS: tuple[str, ...] = (
    "table",  # canonical table name: activities / partners / exceptions
    "source",  # where the user finds it: sheet name or file name as in their register
    "row",  # Excel row number (header = 1)
    "column",  # header as the user wrote it (or the canonical name if the column is absent)
    "value",  # the offending value as text
    "severity",  # "error" (row rejected) or "warning" (row kept, flagged)
    "reason_key",  # a key of labels.LABELS, e.g. "reason.required"
    "reason",  # English sentence (command line, rejected.csv)
    "reason_sv",  # Swedish sentence (reports)
    "suggestion",  # a close known value ("Kulturförvaltningen"), never applied; else <NA>
    "administration",  # whose row it is (a partner's: its activity's), for correction lists
)


def empty_issues() -> pd.DataFrame:
    """An issues frame with no rows and the right columns."""
    return pd.DataFrame({c: pd.Series(dtype="string") for c in ISSUE_COLUMNS}).astype(
        {"row": "Int64"}
    )


@dataclass(frozen=True)
class Register:
    """A register read and validated: accepted rows per table, and every issue found."""

    activities: pd.DataFrame
    partners: pd.DataFrame
    exceptions: pd.DataFrame
    issues: pd.DataFrame = field(default_factory=empty_issues)
    path: Path | None = None
    sha256: str = ""
    is_example: bool = False
    input_rows: dict[str, int] = field(default_factory=dict)  # rows read per table
    language: Lang = "sv"  # the register's own language (its headers): "sv" or "en"
    # what was not read as rows, and why: (sheet or file, row or None, value, reason key) —
    # sheets that are no register table, note lines below a table, columns not in the format
    unread: tuple[tuple[str, int | None, str, str], ...] = ()

    @property
    def rejected(self) -> pd.DataFrame:
        """Problems that made a row be rejected."""
        return self.issues[self.issues["severity"] == "error"]

    @property
    def warnings(self) -> pd.DataFrame:
        """Problems that were flagged but kept."""
        return self.issues[self.issues["severity"] == "warning"]

    def rejected_rows(self, table: str) -> int:
        """Number of distinct rows of ``table`` that were rejected (a row is its sheet or file
        and its row number: in a folder of workbooks row 2 of two files is two rows)."""
        rej = self.rejected
        return len(issue_rows(rej[rej["table"] == table]))


def issue_rows(issues: pd.DataFrame) -> set[tuple[str, int]]:
    """The rows ``issues`` name, each as (sheet or file, row): the one identity of a register
    row, which ``validate``'s summary, the explore notebook and the report count by."""
    named = issues.dropna(subset=["row"])
    return set(zip(named["source"].astype(str), named["row"].astype(int), strict=True))


def activity_rows(activity_ids: pd.Series, activities: pd.DataFrame) -> np.ndarray:
    """The position in ``activities`` of each of ``activity_ids`` (its first occurrence when
    an id repeats), −1 where there is none.

    The one join from partners to their activities: an evaluation computes it once and
    screening, scoring and the country table all use it (a hash of 250,000 ids each time
    otherwise).
    """
    ids = pd.Index(activities["activity_id"].to_numpy(dtype=object), dtype=object)
    lookup = activity_ids.to_numpy(dtype=object)
    if ids.is_unique:
        return ids.get_indexer(lookup)
    first = np.flatnonzero(~ids.duplicated())
    rows = ids[first].get_indexer(lookup)
    return np.where(rows >= 0, first[rows.clip(min=0)], -1)


def activity_years(rows: np.ndarray, activities: pd.DataFrame) -> np.ndarray:
    """The year of the activity at each of ``rows`` (float64, NaN for row −1: none)."""
    years = pd.to_numeric(activities["year"]).to_numpy(dtype="float64", na_value=np.nan)
    return np.append(years, np.nan)[rows]  # row −1 picks the trailing NaN
