"""The files of ``boras-intl score``: scores, screened partners, rejected rows and more.

``scores.csv``, ``partners.csv`` and ``rejected.csv`` have exactly the columns of the
contract (``docs`` / CONTRACT.md), in its order. Beside them go ``warnings.csv`` (rows kept
but flagged) and ``explanations.csv`` (why each score is what it is, with the facts it rests
on).

``rejected.csv`` and ``warnings.csv`` are read by the coordinator who corrects the register:
``table`` is the sheet or file as named in their register, ``row`` the row as Excel shows it,
``column`` their header, and ``reason`` is in their language (Swedish by default); so is
``partners.csv``'s ``basis``, the one sentence of the other files.

Encoding: UTF-8 *with* a byte-order mark and ``,`` as separator. The mark lets Excel on a
Swedish Windows open the files with å, ä and ö intact; pandas and most tools skip it (plain
Python: ``open(path, encoding="utf-8-sig")``). The separator stays ``,`` as the contract
says; the report's Excel workbook is the file meant for spreadsheet users. Text cells that
a spreadsheet would run as formulas are neutralised; the files are replaced together:
a failure while writing any of them leaves the previous set as it was.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import pandas as pd

from .atomic import atomic_write, replace_together
from .csv_text import csv_bytes
from .errors import Problem, WriteError, os_reason
from .i18n.labels import Lang
from .scoring.rubric import FACT_COLUMNS, explanation_columns
from .screening.rules import PARTNER_COLUMNS
from .settings import AREAS

SCORES_COLUMNS: tuple[str, ...] = (
    "activity_id",
    "year",
    "administration",
    *AREAS,
    "precondition",
)
PARTNERS_COLUMNS: tuple[str, ...] = PARTNER_COLUMNS  # the contract's partners.csv
REJECTED_COLUMNS: tuple[str, ...] = ("table", "row", "column", "value", "reason")
WARNINGS_COLUMNS: tuple[str, ...] = REJECTED_COLUMNS


def write_score_files(
    out_dir: Path | str,
    scores: pd.DataFrame,
    screened_partners: pd.DataFrame,
    issues: pd.DataFrame,
    preconditions: pd.DataFrame | None = None,
    explanations: pd.DataFrame | None = None,
    countries: pd.DataFrame | None = None,
    lang: Lang = "sv",
) -> dict[str, Path]:
    """Write the score files into ``out_dir`` (created if needed); return their paths by name.

    ``scores`` comes from :func:`~boras_intl_lib.scoring.score_activities`; the precondition
    of each activity is taken from ``preconditions`` (``activity_id, precondition``) or else
    from a ``precondition`` column of ``scores``; an activity with none is ``unknown``.
    ``explanations`` (from :func:`~boras_intl_lib.scoring.explain_scores`) adds
    ``explanations.csv``; ``countries`` (from
    :func:`~boras_intl_lib.indicators.by_country.country_years`) adds ``countries.csv``: per
    partner country and year each condition's indicator, source, unrounded value, data year
    and check. The reasons of the rejected and flagged rows are in ``lang``. The files
    replace the previous set together, or not at all.
    """
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        return _write_all(
            out, scores, screened_partners, issues, preconditions, explanations, countries, lang
        )
    except OSError as exc:
        said = Problem("write.cannot_folder", {"reason": os_reason(exc)})
        raise WriteError(out, said) from None


def _write_all(
    out: Path,
    scores: pd.DataFrame,
    screened_partners: pd.DataFrame,
    issues: pd.DataFrame,
    preconditions: pd.DataFrame | None,
    explanations: pd.DataFrame | None,
    countries: pd.DataFrame | None,
    lang: Lang,
) -> dict[str, Path]:
    tables = {
        "scores": scores_table(scores, preconditions),
        "partners": partners_table(screened_partners, lang),
        "rejected": issue_table(issues, "error", lang),
        "warnings": issue_table(issues, "warning", lang),
    }
    if countries is not None:
        tables["countries"] = countries_table(countries, lang)
    if explanations is not None:
        tables["explanations"] = explanations_table(scores, explanations)
    paths = {name: out / f"{name}.csv" for name in tables}
    with replace_together(list(paths.values())) as temps:  # all files, or none of them
        for table, temp in zip(tables.values(), temps, strict=True):
            _write_file(temp, csv_bytes(table))
    return paths


def scores_table(scores: pd.DataFrame, preconditions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The contract's ``scores.csv`` columns, in order, with each activity's precondition."""
    table = scores.reset_index(drop=True)
    if preconditions is not None:
        lookup = preconditions.drop_duplicates("activity_id").set_index("activity_id")
        column = "precondition" if "precondition" in lookup else "verdict"
        values = lookup[column].reindex(table["activity_id"].to_numpy()).to_numpy()
        table = table.assign(precondition=values)
    elif "precondition" not in table:
        raise ValueError("no precondition: pass `preconditions` or a scores column")
    table = _select(table, SCORES_COLUMNS, "scores")
    table["precondition"] = table["precondition"].astype("string").fillna("unknown")
    return table


def partners_table(screened: pd.DataFrame, lang: Lang = "sv") -> pd.DataFrame:
    """The contract's ``partners.csv`` columns, with ``basis`` in ``lang`` (a Swedish run's
    basis is Swedish: "Demokrati: … (2021, V-Dem v16) >= 2")."""
    if lang == "sv" and "basis_sv" in screened:
        screened = screened.assign(basis=screened["basis_sv"])
    return _select(screened, PARTNERS_COLUMNS, "screened partners")


def countries_table(countries: pd.DataFrame, lang: Lang = "sv") -> pd.DataFrame:
    """``countries.csv`` with each country's name in ``lang`` (the table names them in
    Swedish)."""
    table = countries.reset_index(drop=True)
    if lang != "sv" and "country" in table and "country_iso3" in table:
        from .countries import country_names

        table["country"] = country_names(table["country_iso3"], lang).to_numpy()
    return table


def explanations_table(scores: pd.DataFrame, explanations: pd.DataFrame) -> pd.DataFrame:
    """``activity_id``, the facts behind the scores and the explanations, one row per activity."""
    facts = scores.reset_index(drop=True)[["activity_id", *FACT_COLUMNS]]
    whys = explanations.reset_index(drop=True)[["activity_id", *explanation_columns()]]
    if _aligned(facts, whys):  # the usual case: the explanations follow the scores row by row
        return pd.concat([facts, whys.drop(columns="activity_id")], axis=1)
    return facts.merge(whys, on="activity_id", how="left", validate="one_to_one")


def _aligned(left: pd.DataFrame, right: pd.DataFrame) -> bool:
    """Whether a one-to-one left merge on ``activity_id`` would just put ``right`` beside
    ``left``: the same distinct ids in the same order, no other column name shared."""
    ids, other = left["activity_id"], right["activity_id"]
    if len(ids) != len(other) or set(left.columns) & set(right.columns) != {"activity_id"}:
        return False
    if ids.isna().any() or not ids.reset_index(drop=True).equals(other.reset_index(drop=True)):
        return False
    return bool(ids.is_unique)


def write_csv(frame: pd.DataFrame, path: Path | str) -> Path:
    """Write ``frame`` as CSV (UTF-8 with BOM, ``,``), formulas neutralised, atomically."""
    path = Path(path)
    with atomic_write(path, "wb") as handle:
        _write_table(handle, csv_bytes(frame))  # each distinct value formatted once
    return path


def _write_table(handle: IO[bytes], parts: Iterable[bytes]) -> None:
    """The byte-order mark and ``parts`` (a CSV text in UTF-8, chunk by chunk, never joined)."""
    handle.write(codecs.BOM_UTF8)
    handle.writelines(parts)


def _write_file(path: Path, parts: Iterable[bytes]) -> None:
    """:func:`_write_table` into ``path``."""
    with open(path, "wb") as handle:
        _write_table(handle, parts)


def issue_table(issues: pd.DataFrame, severity: str, lang: Lang = "sv") -> pd.DataFrame:
    """The rows of ``rejected.csv`` (``severity="error"``) or ``warnings.csv``: where the
    coordinator finds the value (their sheet or file, Excel row, their header), the value,
    and the reason in ``lang``."""
    rows = issues[issues["severity"] == severity] if len(issues) else issues
    table = rows.assign(
        table=rows["source"], reason=rows["reason_sv" if lang == "sv" else "reason"]
    )
    return _select(table, REJECTED_COLUMNS, "issues").astype({"row": "Int64"})


def _select(frame: pd.DataFrame, columns: tuple[str, ...], what: str) -> pd.DataFrame:
    missing = [c for c in columns if c not in frame]
    if missing:
        raise ValueError(f"{what} lack the column(s): {', '.join(missing)}")
    return frame.loc[:, list(columns)].reset_index(drop=True)
