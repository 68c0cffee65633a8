"""Validation: raw tables → a :class:`~boras_intl_lib.model.Register` where nothing is lost.

Per table: each column is parsed (:mod:`parsing`), then the format's rules of the typed
values (required values, ranges, vocabularies; stated as a pandera schema by :func:`schema`)
are checked column by column, and the cross-column and cross-table rules (duplicate ids,
partners pointing at activities, exception decisions) run as plain pandas. Every problem
becomes one line of the issues table; a row with any error is rejected, every other row is
accepted (warnings keep the row). Why pandera and not pydantic: ``docs/register-format.md``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    import pandera.pandas as pa

from ..i18n.labels import Lang, label
from ..settings import Settings
from .cells import visible
from .format import (
    DEFAULT_STATUS,
    TABLES,
    Column,
    Table,
    allowed_values,
    normalise_token,
)
from .model import ISSUE_COLUMNS, Register, empty_issues
from .parsing import Parsed, missing_values, parse_column
from .raw import ROW_KEY, RawRegister, RawTable
from .suggest import suggest, suggest_country

log = logging.getLogger("boras_intl")

ERROR, WARNING = "error", "warning"
COUNTRY_COLUMN = "country_iso3"


@dataclass
class _Issues:
    """Issue lines of one table, collected as small frames and joined once."""

    raw: RawTable
    chunks: list[pd.DataFrame] = field(default_factory=list)

    def add(
        self,
        rows: pd.Index | Iterable[int],
        column: str | None,
        values: pd.Series | Iterable[str] | str,
        reason_key: str,
        *,
        severity: str = ERROR,
        header: str | None = None,
        suggestion: np.ndarray | None = None,
        dropped: bool = False,
        **fmt: object,
    ) -> None:
        """Add one line per row in ``rows`` (values as text, one per row or one for all).

        ``fmt`` fills the reason's placeholders; one of them may be an array (one per row).
        ``suggestion`` (one text per row, ``""`` for none) is added to the reason as "did you
        mean …?" and kept in its own column; ``dropped`` says the value is read as empty.
        """
        rows = pd.Index(rows, dtype="int64")
        if len(rows) == 0:
            return
        col_text = header if header is not None else self.raw.header(column or "")
        if isinstance(values, str):
            values = [values] * len(rows)
        values = (
            values.to_numpy(dtype=object)
            if isinstance(values, pd.Series)
            else np.asarray(list(values), dtype=object)
        )
        per_row = {k: v for k, v in fmt.items() if isinstance(v, np.ndarray | pd.Series)}
        if len(per_row) > 1:  # several placeholders vary (rare: duplicates across files)
            fixed = {k: v for k, v in fmt.items() if k not in per_row}
            texts = [
                _reason_texts(
                    reason_key,
                    self.raw.table,
                    column,
                    {**fixed, **{k: np.asarray(v)[i] for k, v in per_row.items()}},
                )
                for i in range(len(rows))
            ]
            reason_sv: Any = np.array([t[0] for t in texts], dtype=object)
            reason_en: Any = np.array([t[1] for t in texts], dtype=object)
        elif per_row:  # one placeholder varies by row: word the reason once, then fill it in
            ((name, varying),) = per_row.items()
            marker = "\x00"
            templates = _reason_texts(reason_key, self.raw.table, column, {**fmt, name: marker})
            codes, uniques = pd.factorize(np.asarray(varying))
            words = [str(u) for u in uniques]
            reason_sv, reason_en = (_fill(t, marker, words)[codes] for t in templates)
        else:
            reason_sv, reason_en = cast(Any, _reason_texts(reason_key, self.raw.table, column, fmt))
        if dropped:
            reason_sv = _append(reason_sv, label("note.value_dropped", "sv"))
            reason_en = _append(reason_en, label("note.value_dropped", "en"))
        suggested = np.full(len(rows), None, dtype=object)
        if suggestion is not None:
            suggested = np.where(suggestion == "", np.array(None, dtype=object), suggestion)
            reason_sv, reason_en = (
                _with_suggestion(text, suggested, lang)
                for text, lang in cast(Any, ((reason_sv, "sv"), (reason_en, "en")))
            )
        self.chunks.append(
            pd.DataFrame(
                {
                    "table": self.raw.name,
                    "source": self.raw.source_of(rows),
                    "row": rows % ROW_KEY,
                    "_key": rows,
                    "column": col_text,
                    "value": values,
                    "severity": severity,
                    "reason_key": reason_key,
                    "reason": reason_en,
                    "reason_sv": reason_sv,
                    "suggestion": suggested,
                    "_order": self._position(column),
                    "_dropped": dropped,
                }
            )
        )

    def _position(self, column: str | None) -> int:
        names = [c.name for c in self.raw.table.columns]
        return names.index(column) if column in names else len(names)

    def rejected_rows(self) -> pd.Index:
        """Rows with at least one error."""
        rows = [c.loc[c["severity"] == ERROR, "_key"] for c in self.chunks]
        if not rows:
            return pd.Index([], dtype="int64")
        return pd.Index(pd.concat(rows).unique(), dtype="int64")

    def frame(self) -> pd.DataFrame:
        """Every line; a value read as empty on a row rejected for another reason says so
        (not "the row is still used", which only holds for accepted rows)."""
        if not self.chunks:
            return empty_issues()
        issues = pd.concat(self.chunks, ignore_index=True)
        on_rejected = issues["_dropped"].astype(bool) & issues["_key"].isin(self.rejected_rows())
        if on_rejected.any():
            langs: tuple[tuple[str, Lang], ...] = (("reason_sv", "sv"), ("reason", "en"))
            for column, lang in langs:
                used = f"; {label('note.value_dropped', lang)}"
                fix = f"; {label('note.value_dropped_rejected', lang)}"
                issues.loc[on_rejected, column] = (
                    issues.loc[on_rejected, column].astype(str).str.replace(used, fix, regex=False)
                )
        return issues.drop(columns="_dropped")


def _fill(template: str, marker: str, words: list[str]) -> np.ndarray:
    """``template`` with ``marker`` replaced by each word (one text per word)."""
    out = np.empty(len(words), dtype=object)
    if template.count(marker) == 1:  # the usual case: a concatenation is cheaper than replace
        before, after = template.split(marker)
        out[:] = [before + w + after for w in words]
    else:
        out[:] = [template.replace(marker, w) for w in words]
    return out


def _append(text: str | np.ndarray, note: str) -> str | np.ndarray:
    """``text`` (one or one per row) with ``note`` added as a second clause."""
    if isinstance(text, np.ndarray):
        return np.array([f"{t}; {note}" for t in text], dtype=object)
    return f"{text}; {note}"


def _with_suggestion(text: str | np.ndarray, suggested: np.ndarray, lang: Lang) -> np.ndarray:
    """Reasons with "did you mean …?" added where a suggestion was found."""
    texts = np.broadcast_to(np.asarray(text, dtype=object), suggested.shape)
    return np.array(
        [
            t if s is None else f"{t}; {label('note.did_you_mean', lang, suggestion=s)}"
            for t, s in zip(texts, suggested, strict=True)
        ],
        dtype=object,
    )


def _reason_texts(
    key: str, table: Table, column: str | None, fmt: dict[str, object]
) -> tuple[str, str]:
    """The Swedish and English reason, with the column's range or vocabulary filled in."""
    col = _column_or_none(table, column)
    values = dict(fmt)
    if col is not None:
        values.setdefault("minimum", _num(col.minimum))
        values.setdefault("maximum", _num(col.maximum))
    texts = []
    values_any = cast(dict[str, Any], values)
    for lang in ("sv", "en"):
        if col is not None and col.enum is not None:
            values["allowed"] = ", ".join(allowed_values(col, lang))
            if lang == "en":  # coordinators mostly type Swedish: name those spellings too
                values_any["allowed"] += f" (in Swedish: {', '.join(allowed_values(col, 'sv'))})"
        texts.append(label(key, lang, **values) if values else label(key, lang))
    return texts[0], texts[1]


def _column_or_none(table: Table, column: str | None) -> Column | None:
    try:
        return table.column(column) if column else None
    except KeyError:
        return None


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


# --- one table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Checked:
    """A table parsed and checked on its own: typed frame (all input rows) and its issues."""

    raw: RawTable
    typed: pd.DataFrame
    issues: _Issues


def _empty_raw(table: Table) -> RawTable:
    cells = pd.DataFrame(
        {c.name: pd.Series(dtype=object) for c in table.columns},
        index=pd.Index([], dtype="int64", name="row"),
    )
    return RawTable(table.name, table.swedish, cells, {})


def _parse_table(raw: RawTable) -> _Checked:
    """Parse every column (absent ones as blank) and record unreadable values."""
    issues = _Issues(raw)
    typed: dict[str, pd.Series] = {}
    parse_failed: dict[str, pd.Index] = {}
    index = raw.cells.index
    for col in raw.table.columns:
        if col.name not in raw.cells.columns:
            typed[col.name] = missing_values(col, index)
            continue
        texts = raw.cells[col.name]
        parsed: Parsed = parse_column(texts, col, raw.factors.get(col.name))
        typed[col.name] = _blank_failed(parsed, col)
        errors = parsed.errors
        parse_failed[col.name] = errors.index
        severity = ERROR if col.required else WARNING  # keep the row, flag the value
        for reason_key, rows in errors.groupby(errors, sort=False).groups.items():
            issues.add(
                rows,
                col.name,
                texts.loc[rows],
                str(reason_key),
                severity=severity,
                dropped=not col.required,
                **parsed.remarks(pd.Index(rows)),  # "menade du …?" for enumerated columns
            )
        if parsed.notes is not None and len(parsed.notes):
            for key, rows in parsed.notes.groupby(parsed.notes, sort=False).groups.items():
                issues.add(
                    rows,
                    col.name,
                    texts.loc[rows],
                    str(key),
                    severity=WARNING,
                    **parsed.remarks(pd.Index(rows)),  # list items left out ("6;18": 18)
                )
    frame = pd.DataFrame(typed, index=index)
    _check_schema(raw, frame, parse_failed, issues)
    return _Checked(raw, frame, issues)


def _blank_failed(parsed: Parsed, column: Column) -> pd.Series:
    """The typed values, with a value that could not be read taken as blank.

    Parsers already leave such values missing; a yes/no column reads blank as "no".
    """
    values = parsed.values
    if column.kind == "boolean" and len(parsed.errors):
        values = values.copy()
        values[parsed.failed()] = False
    return values


def _schema_checks(col: Column) -> list[tuple[str, Any]]:
    """The schema's checks of a column, as (pandera check name, argument)."""
    checks: list[tuple[str, Any]] = []
    if col.kind == "enum" and col.enum is not None:
        checks.append(("isin", list(col.enum.values)))
    if col.kind in ("integer", "number"):
        if col.minimum is not None:
            checks.append(("ge", col.minimum))
        if col.maximum is not None:
            checks.append(("le", col.maximum))
    return checks


def _checked_columns(table: Table) -> list[Column]:
    """The columns the schema holds: required ones and those with a check."""
    return [col for col in table.columns if col.required or _schema_checks(col)]


def schema(table: Table) -> pa.DataFrameSchema:
    """The format's rules of a table's typed columns as a pandera schema: required values,
    ranges and vocabularies, from :func:`_schema_checks`.

    Every accepted table satisfies it. Validation itself finds the rows that break these
    rules with :func:`column_failures`, the same checks run directly on the columns: the
    answer is the same (the test suite holds the two equal, pandera being the oracle), and
    importing and setting up pandera would cost more than a whole small register's
    validation. Analysts can check a table of their own with it.
    """
    import pandera.pandas as pa

    if table.name in _SCHEMAS:
        return _SCHEMAS[table.name]
    columns = {
        col.name: pa.Column(
            nullable=not col.required,
            checks=[getattr(pa.Check, name)(arg) for name, arg in _schema_checks(col)],
            required=False,
        )
        for col in _checked_columns(table)
    }
    return _SCHEMAS.setdefault(table.name, pa.DataFrameSchema(columns, name=table.name))


_SCHEMAS: dict[str, pa.DataFrameSchema] = {}  # per table, built once per process


# What each check of :func:`_schema_checks` rejects, tested on the present values, and the
# reason the coordinator reads for it.
_VIOLATES: dict[str, tuple[str, Callable[[pd.Series, Any], pd.Series]]] = {
    "isin": ("reason.unknown_value", lambda present, allowed: ~present.isin(allowed)),
    "ge": ("reason.below_minimum", lambda present, minimum: present < minimum),
    "le": ("reason.above_maximum", lambda present, maximum: present > maximum),
}


def column_failures(
    values: pd.Series, col: Column, texts: pd.Series | None = None
) -> list[tuple[str, pd.Index]]:
    """The rows of ``values`` that break :func:`schema`'s rules for ``col``, per reason key:
    a blank in a required column first, then each check of :func:`_schema_checks` in order
    (the order in which pandera reports them). Missing values break no check but the first.

    ``texts`` are the column's cells as read: a text value is missing exactly where its cell
    is blank, which is cheaper to see there.
    """
    failures: list[tuple[str, pd.Index]] = []
    if col.required and _may_be_missing(values, col, texts):
        missing = values.isna().to_numpy()
        if missing.any():
            failures.append(("reason.required", values.index[missing]))
    checks = _schema_checks(col)
    if not checks:
        return failures
    present = values.dropna()
    if col.kind == "enum":  # few distinct keys: test those, then find their rows
        distinct = pd.Series(present.unique())
        for name, arg in checks:
            key, violates = _VIOLATES[name]
            bad = distinct[violates(distinct, arg).to_numpy()]
            if len(bad):
                failures.append((key, present.index[present.isin(bad).to_numpy()]))
        return failures
    for name, arg in checks:
        key, violates = _VIOLATES[name]
        bad = violates(present, arg).to_numpy(dtype=bool)
        if bad.any():
            failures.append((key, present.index[bad]))
    return failures


def _may_be_missing(values: pd.Series, col: Column, texts: pd.Series | None) -> bool:
    if col.kind in ("text", "country") and texts is not None:
        return bool((texts.to_numpy() == "").any())
    return bool(values.hasnans)


def _check_schema(
    raw: RawTable, frame: pd.DataFrame, parse_failed: dict[str, pd.Index], issues: _Issues
) -> None:
    """Turn the rows that break :func:`schema`'s rules into issue lines.

    A value already reported as unreadable is not reported again. Out of range in an
    optional column: the value is kept as blank and flagged; in a required one the row is
    rejected.
    """
    for col in _checked_columns(raw.table):
        if col.name not in frame:
            continue
        for reason_key, rows in column_failures(frame[col.name], col, raw.cells.get(col.name)):
            failed = parse_failed.get(col.name)
            if failed is not None:  # already reported as unreadable
                rows = rows[~rows.isin(failed)]
            if not col.required:
                frame[col.name] = frame[col.name].mask(frame.index.isin(rows))
            issues.add(
                rows,
                col.name,
                raw.cells[col.name].loc[rows] if col.name in raw.cells else "",
                reason_key,
                severity=ERROR if col.required else WARNING,
                dropped=not col.required,
            )


# --- cross-column and cross-table rules ------------------------------------------------


def _check_duplicates(checked: _Checked) -> None:
    """A repeated activity_id: the first row is kept, each later one names the row it repeats."""
    ids = checked.raw.cells["activity_id"]
    present = ids[ids != ""]
    repeated = present.duplicated(keep="first")
    if not repeated.any():
        return
    first_rows = pd.Series(present.index, index=present.to_numpy())
    first_rows = first_rows[~first_rows.index.duplicated(keep="first")]
    later = present[repeated]
    first_of = later.map(first_rows).to_numpy(dtype="int64")
    raw = checked.raw
    other_file = (first_of // ROW_KEY) != (later.index.to_numpy() // ROW_KEY)
    same = ~other_file
    checked.issues.add(
        later.index[same],
        "activity_id",
        later[same],
        "reason.duplicate_id",
        first_row=first_of[same],
    )
    if other_file.any():  # an id in two workbooks of a folder: name both places
        keys = first_of[other_file]
        checked.issues.add(
            later.index[other_file],
            "activity_id",
            later[other_file],
            "reason.duplicate_id_file",
            place=np.asarray(raw.source_of(pd.Index(keys)), dtype=object),
            first_row=keys % ROW_KEY,
        )


def _check_administrations(checked: _Checked, settings: Settings | None) -> None:
    """Unknown administrations are flagged; known ones are written as the parameters spell them."""
    if settings is None:
        return
    names = {normalise_token(visible(n)): n for n in settings.administration_names}
    typed = checked.typed["administration"]
    # per distinct text as written (parsing read exactly the blank ones as <NA>)
    cells = checked.raw.cells["administration"]
    codes, uniques = pd.factorize(cells.to_numpy(dtype=object))
    canonical = [names.get(normalise_token(u)) if u else None for u in uniques]
    respelled = np.array(
        [
            pd.NA if not u else u if c is None else c
            for u, c in zip(uniques, canonical, strict=True)
        ],
        dtype=object,
    )
    unknown = np.array([bool(u) and c is None for u, c in zip(uniques, canonical, strict=True)])
    unknown = unknown[codes] if len(uniques) else np.zeros(len(codes), dtype=bool)
    checked.typed["administration"] = pd.Series(
        pd.array(respelled.take(codes), dtype="string", copy=False), index=typed.index
    )
    rows = typed.index[unknown]
    written = cells[unknown]
    checked.issues.add(
        rows,
        "administration",
        written,
        "warning.unknown_administration",
        severity=WARNING,
        suggestion=suggest(written, settings.administration_names),
    )


def _check_committees(checked: _Checked, settings: Settings | None) -> None:
    """Unknown committees are flagged with the closest known one; known ones are respelled."""
    if settings is None or "committee" not in checked.raw.cells:
        return
    known = [a.committee for a in settings.administrations if a.committee]
    if not known:
        return
    names = {normalise_token(visible(n)): n for n in known}
    typed = checked.typed["committee"]
    given = typed.notna().to_numpy()
    if not given.any():
        return
    tokens = typed[given].map(normalise_token)
    mapped = tokens.map(names)
    checked.typed.loc[typed.index[given], "committee"] = mapped.where(mapped.notna(), typed[given])
    rows = tokens.index[mapped.isna().to_numpy()]
    written = checked.raw.cells["committee"].loc[rows]
    checked.issues.add(
        rows,
        "committee",
        written,
        "warning.unknown_committee",
        severity=WARNING,
        suggestion=suggest(written, known),
    )


def _check_amounts(checked: _Checked, settings: Settings | None) -> None:
    """Cross-field warnings: funding above budget, an EU source without external funding."""
    typed, raw = checked.typed, checked.raw
    budget, external = typed["budget_sek"], typed["external_funding_sek"]
    above = (external > budget).fillna(False).to_numpy(dtype=bool)
    if above.any():  # raw cells and typed values share the index: select by position
        rows = typed.index[above]
        checked.issues.add(
            rows,
            "external_funding_sek",
            raw.cells["external_funding_sek"].to_numpy(dtype=object)[above],
            "warning.funding_above_budget",
            severity=WARNING,
            budget=raw.cells["budget_sek"].to_numpy(dtype=object)[above],
        )
    if settings is None or "funding_source" not in raw.cells:
        return
    from ..funding import is_eu_funding

    source = typed["funding_source"]
    eu = np.asarray(is_eu_funding(source, settings.scoring.eu_funding_sources), dtype=bool)
    without = eu & (external.fillna(0) <= 0).to_numpy(dtype=bool)
    if without.any():
        rows = typed.index[without]
        checked.issues.add(
            rows,
            "funding_source",
            raw.cells["funding_source"].to_numpy(dtype=object)[without],
            "warning.eu_without_funding",
            severity=WARNING,
        )


def _check_years(checked: _Checked, years: Collection[int] | None) -> None:
    """An activity year for which there is no parameters file is flagged (a typo, often)."""
    if not years:
        return
    year = checked.typed["year"]
    outside = (year.notna() & ~year.isin(list(years))).to_numpy(dtype=bool)
    if outside.any():
        rows = year.index[outside]
        checked.issues.add(
            rows,
            "year",
            checked.raw.cells["year"].loc[rows],
            "warning.year_outside_parameters",
            severity=WARNING,
            years=_year_span(sorted(years)),
        )


def _year_span(years: list[int]) -> str:
    """``2021–2025`` for consecutive years, else ``2021, 2023``."""
    if len(years) > 1 and years[-1] - years[0] == len(years) - 1:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


def _add_countries(checked: _Checked) -> None:
    """Add country_iso3; a country that is given but not recognised is flagged."""
    from ..countries import to_iso3

    country = checked.typed["country"]
    iso3 = to_iso3(country)
    if iso3.dtype != "string" or not iso3.index.equals(country.index):  # it is, today
        iso3 = pd.Series(pd.array(iso3.to_numpy(dtype=object), dtype="string"), index=country.index)
    checked.typed[COUNTRY_COLUMN] = iso3
    if "country" not in checked.raw.cells:  # no country given: none unknown
        return
    # a country is given where the cell is not blank (parsing reads exactly those as <NA>)
    unknown = (checked.raw.cells["country"].to_numpy() != "") & iso3.isna().to_numpy()
    if unknown.any():
        rows = country.index[unknown]
        written = checked.raw.cells["country"].loc[rows]
        checked.issues.add(
            rows,
            "country",
            written,
            "warning.unknown_country"
            if checked.raw.name == "partners"
            else "warning.unknown_country_decision",
            severity=WARNING,
            suggestion=suggest_country(written),
        )


def _activity_status(
    ids: pd.Series, activity_ids: np.ndarray, accepted: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per id: does an activity row carry it, and is an activity row with it accepted?

    One ``factorize`` over both id columns (a single pass through a hash table); no ids (no
    exceptions table, say), no pass.
    """
    if not len(ids):
        return np.zeros(0, dtype=bool), np.zeros(0, dtype=bool)
    n = len(activity_ids)
    codes, _ = pd.factorize(np.concatenate([activity_ids, ids.to_numpy(dtype=object)]))
    size = int(codes.max()) + 1 if len(codes) else 0
    exists, ok = np.zeros(size, dtype=bool), np.zeros(size, dtype=bool)
    exists[codes[:n]] = True
    ok[codes[:n][accepted]] = True
    return exists[codes[n:]], ok[codes[n:]]


def _check_partner_links(checked: _Checked, activity_ids: np.ndarray, accepted: np.ndarray) -> None:
    """Partners must point at an accepted activity (rejected vs. unknown get their own reason)."""
    ids = checked.raw.cells["activity_id"]
    given = (ids != "").to_numpy()
    exists, ok = _activity_status(ids, activity_ids, accepted)
    rejected = given & ~ok & exists
    unknown = given & ~exists
    checked.issues.add(
        ids.index[rejected], "activity_id", ids[rejected], "reason.rejected_activity"
    )
    checked.issues.add(ids.index[unknown], "activity_id", ids[unknown], "reason.unknown_activity")


def _check_exceptions(checked: _Checked, activity_ids: np.ndarray, accepted: np.ndarray) -> None:
    """One of country/partner given; valid_to not before valid_from; activity known (warning)."""
    raw, typed, issues = checked.raw, checked.typed, checked.issues
    for group in raw.table.one_of:
        present = [c for c in group if c in raw.cells]
        blank = np.logical_and.reduce([raw.cells[c].to_numpy() == "" for c in present])
        headers = ", ".join(raw.header(c) for c in group)
        issues.add(
            raw.cells.index[blank],
            None,
            "",
            "reason.one_of_required",
            header=" / ".join(raw.header(c) for c in group),
            columns=headers,
        )
    reversed_ = (typed["valid_to"] < typed["valid_from"]).fillna(False).to_numpy(dtype=bool)
    if reversed_.any():
        rows = raw.cells.index[reversed_]
        issues.add(
            rows,
            "valid_to",
            raw.cells["valid_to"].loc[rows],
            "warning.dates_reversed",
            severity=WARNING,
        )
    ids = raw.cells.get("activity_id")
    if ids is not None:
        stray = (ids != "").to_numpy() & ~_activity_status(ids, activity_ids, accepted)[1]
        issues.add(
            ids.index[stray],
            "activity_id",
            ids[stray],
            "warning.exception_unknown_activity",
            severity=WARNING,
        )


# --- the whole register ------------------------------------------------------------------------


def _accepted_frame(checked: _Checked) -> tuple[pd.DataFrame, np.ndarray]:
    """The accepted rows (canonical columns + ``row`` as int64, index 0..n-1) and their mask;
    with ``source`` (workbook and sheet, as in the issues) when the table has several."""
    keep = ~checked.typed.index.isin(checked.issues.rejected_rows())
    frame = checked.typed.loc[keep].reset_index(names="row")
    order = [c.name for c in checked.raw.table.columns]
    if COUNTRY_COLUMN in frame:
        order.insert(order.index("country") + 1, COUNTRY_COLUMN)
    order.append("row")
    if checked.raw.sources:  # several workbooks or sheets: a row number alone is not unique
        frame["source"] = checked.raw.source_of(frame["row"].to_numpy())
        order.append("source")
    frame["row"] = frame["row"].astype("int64") % ROW_KEY
    return frame[order], keep


def validate_register(
    raw: RawRegister, settings: Settings | None = None, years: Collection[int] | None = None
) -> Register:
    """Check every row of ``raw``; accepted rows and all issues make the :class:`Register`.

    ``years``, when given, are the years that have a parameters file: an activity of another
    year is flagged.
    """
    tables = {name: raw.tables.get(name) or _empty_raw(spec) for name, spec in TABLES.items()}
    activities = _parse_table(tables["activities"])
    activities.typed["status"] = activities.typed["status"].fillna(DEFAULT_STATUS)
    _check_duplicates(activities)
    _check_administrations(activities, settings)
    _check_committees(activities, settings)
    _check_amounts(activities, settings)
    _check_years(activities, years)
    act_frame, act_accepted = _accepted_frame(activities)
    activity_ids = activities.raw.cells["activity_id"].to_numpy(dtype=object)

    partners = _parse_table(tables["partners"])
    _add_countries(partners)
    _check_partner_links(partners, activity_ids, act_accepted)
    partner_frame, _ = _accepted_frame(partners)

    exceptions = _parse_table(tables["exceptions"])
    _add_countries(exceptions)
    _check_exceptions(exceptions, activity_ids, act_accepted)
    exception_frame, _ = _accepted_frame(exceptions)

    checked = (activities, partners, exceptions)
    for c in checked:
        _reject_bad_lines(c)
        _add_notes(c)
    issues = _issues_frame([c.issues for c in checked])
    if "_key" in issues:
        issues["administration"] = _owners(issues, activities, partners)
        issues = issues.drop(columns="_key")
    input_rows = {c.raw.name: len(c.raw.cells) + len(c.raw.bad_lines) for c in checked}
    language = register_language(raw)
    log.info(_read_line(checked, language))
    return Register(
        activities=act_frame,
        partners=partner_frame,
        exceptions=exception_frame,
        issues=issues,
        path=raw.path,
        input_rows=input_rows,
        language=language,
        unread=_unread(raw),
    )


def _read_line(checked: tuple[_Checked, ...], language: Lang) -> str:
    """The log line of rows read per table, in the run's language (else the register's)."""
    from ..i18n.labels import label, log_language

    lang = log_language(language)
    counts = ", ".join(
        f"{c.raw.table.swedish if lang == 'sv' else c.raw.name} "
        f"{len(c.raw.cells) + len(c.raw.bad_lines)}"
        for c in checked
    )
    return label("log.register_read", lang, counts=counts)


def _unread(raw: RawRegister) -> tuple[tuple[str, int | None, str, str], ...]:
    """Everything the register holds that was not read as rows: sheets that are no register
    table, note lines below a table, and columns that are not part of the format."""
    found = list(raw.unread)
    for table in raw.tables.values():
        for row, text in table.trailing_notes:
            source = table.source_of(pd.Index([row]))
            source = source if isinstance(source, str) else str(source[0])
            found.append((source, row % ROW_KEY, text, "unread.note"))
        by_source = table.ignored_by_source or (table.ignored,)
        sources = table.sources or (table.source,)
        found += [
            (source, None, header, "unread.column")
            for source, headers in zip(sources, by_source, strict=True)
            for header in headers
        ]
    return tuple(found)


def register_language(raw: RawRegister) -> Lang:
    """``"sv"`` when the sheet, file and column names are mostly Swedish, else ``"en"``.

    Names spelled the same in both languages (``status``) count for neither; a tie is Swedish,
    the toolkit's default.
    """
    votes = {"sv": 0, "en": 0}
    for table in raw.tables.values():
        spec = table.table
        pairs = [(spec.name, spec.swedish, "", Path(table.source).stem)]
        pairs += [
            (col.name, col.swedish, col.display, table.headers[col.name])
            for col in spec.columns
            if col.name in table.headers
        ]
        for english, swedish, display, written in pairs:
            token = normalise_token(written)
            en, sv = normalise_token(english), normalise_token(swedish)
            if en == sv:
                continue
            if token in (sv, normalise_token(display)):
                votes["sv"] += 1
            elif token == en:
                votes["en"] += 1
    return "en" if votes["en"] > votes["sv"] else "sv"


def _owners(issues: pd.DataFrame, activities: _Checked, partners: _Checked) -> pd.Series:
    """The administration each issue belongs to: its activity's (as the parameters spell it).

    A partner row belongs to the first activity row with its id; exceptions belong to none; a
    row whose administration is unknown but close to a known one belongs to that one.
    """
    admin = activities.typed["administration"].copy()
    # a misspelt administration's rows go to the administration suggested for it: the list is
    # sent to the people who can fix them (the value itself is not changed)
    unknown = (issues["reason_key"] == "warning.unknown_administration") & issues[
        "suggestion"
    ].notna()
    if unknown.any():
        keys = issues.loc[unknown, "_key"].astype("int64").to_numpy()
        admin.loc[keys] = issues.loc[unknown, "suggestion"].to_numpy(dtype=object)
    out = pd.Series(pd.NA, index=issues.index, dtype="string")
    mine = (issues["table"] == "activities").to_numpy()
    if mine.any():
        rows = issues.loc[mine, "_key"].astype("int64")
        out[mine] = pd.array(admin.reindex(rows).to_numpy(dtype=object), dtype="string")
    mine = (issues["table"] == "partners").to_numpy()
    if mine.any():  # only the few partner rows with an issue are looked up
        ids = partners.raw.cells["activity_id"].reindex(issues.loc[mine, "_key"].astype("int64"))
        activity_ids = activities.raw.cells["activity_id"].to_numpy(dtype=object)
        first = ~pd.Index(activity_ids).duplicated(keep="first")
        by_id = pd.Series(admin.to_numpy(dtype=object)[first], index=activity_ids[first])
        owner = by_id.reindex(ids.to_numpy(dtype=object)).to_numpy(dtype=object)
        out[mine] = pd.array(owner, dtype="string")
    return out


def _reject_bad_lines(checked: _Checked) -> None:
    """CSV lines that could not be split into the header's columns are rejected rows."""
    raw = checked.raw
    by_reason: dict[str, list[tuple[int, str]]] = {}
    for row, line, key in raw.bad_lines:
        by_reason.setdefault(key, []).append((row, line))
    for key, found in by_reason.items():
        rows, lines = zip(*found, strict=True)
        expected: object = raw.width
        if raw.widths:  # several files: each line against its own file's header
            expected = np.asarray(raw.widths)[np.asarray(rows, dtype="int64") // ROW_KEY]
        checked.issues.add(rows, None, list(lines), key, header="", expected=expected)


def _add_notes(checked: _Checked) -> None:
    """Remarks the reader made about single cells (control characters, merged cells …)."""
    by_kind: dict[tuple[str, str, str], list[tuple[int, str]]] = {}
    for row, column, value, key, detail in checked.raw.notes:
        by_kind.setdefault((column, key, detail), []).append((row, value))
    for (column, key, detail), found in by_kind.items():
        rows, values = zip(*found, strict=True)
        if not any(values) and column in checked.raw.cells:
            values = tuple(checked.raw.cells[column].loc[list(rows)])
        # detail: "range=B2:B5" or "found=3;expected=5": placeholders of the reason
        fmt: dict[str, Any] = (
            dict(part.split("=", 1) for part in detail.split(";")) if detail else {}
        )
        checked.issues.add(
            rows,
            column or None,
            list(values),
            key,
            severity=WARNING,
            header="" if not column else None,
            **fmt,
        )


def _issues_frame(collected: list[_Issues]) -> pd.DataFrame:
    """All issue lines, ordered by table, row, then the order they were found in."""
    frames = [c.frame() for c in collected]
    frames = [f for f in frames if len(f)]
    if not frames:
        return empty_issues()
    issues = pd.concat(frames, ignore_index=True)
    issues["_t"] = pd.Index(list(TABLES)).get_indexer(issues["table"])
    issues = issues.sort_values(["_t", "_key", "_order"], kind="stable")
    issues = issues.reset_index(drop=True)
    texts = [c for c in ISSUE_COLUMNS if c != "row"]  # the row number is not made text first
    out = issues.reindex(columns=list(ISSUE_COLUMNS))
    out[texts] = out[texts].astype("string")
    out["row"] = issues["row"].astype("Int64")
    out["_key"] = issues["_key"].astype("int64")
    return out
