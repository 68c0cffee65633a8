"""Where configured sources disagree: a second opinion that never changes a verdict.

A condition may name several rules from different sources. With ``combine: primary`` the
first rule decides and the others are comparisons; whatever the combine rule, the board should
see where the choice of source decides a verdict (V-Dem finds Kenya a democracy, Freedom House
does not). :func:`disagreements` lists, per country and condition, every rule's result where
the rules that have data do not all agree; the words for people are built here too, so the
command (``indicators compare``) and the report (:mod:`~boras_intl_lib.report.disagreement`)
say the same.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..countries import country_name
from ..i18n.labels import Lang, label
from ..settings import CONDITIONS, Screening
from ..vocabulary import ConditionKey
from .rules import evaluate_rules, published_form

#: Columns of :func:`disagreements`.
DISAGREEMENT_COLUMNS: tuple[str, ...] = (
    "iso3",
    "condition",
    "combine",
    "rule_no",
    "source",
    "indicator",
    "value",
    "data_year",
    "result",
    "data_country",
    "decides",
)


def compared_conditions(screening: Screening) -> list[ConditionKey]:
    """The conditions whose rules come from more than one source."""
    return [c for c in CONDITIONS if len({r.source for r in screening.conditions[c].rules}) > 1]


def disagreements(
    iso3s: Iterable[str], indicators: pd.DataFrame, screening: Screening, year: int
) -> pd.DataFrame:
    """One row per rule of each (country, condition) whose rules with data disagree.

    ``decides`` marks the rule the verdict follows under ``combine: primary`` (the first);
    for the other combine rules every rule takes part and none is marked. Conditions whose
    rules all come from one source are not compared. Sorted by country, condition, rule.
    """
    compared = compared_conditions(screening)
    countries = pd.Series(list(iso3s), dtype="string").dropna().drop_duplicates()
    if not compared or countries.empty:
        return _empty()
    grid = evaluate_rules(countries, indicators, screening, [year])
    grid = grid[grid["condition"].isin(compared)]
    with_data = grid[grid["has_data"].astype(bool)]
    verdicts = with_data.groupby(["iso3", "condition"])["result"].nunique()
    split = verdicts[verdicts > 1].index
    if split.empty:
        return _empty()
    keys = pd.MultiIndex.from_frame(grid[["iso3", "condition"]])
    rows = grid[keys.isin(split)].copy()
    rows["decides"] = (rows["combine"] == "primary") & (rows["rule_no"] == 0)
    rows = rows.sort_values(["iso3", "condition", "rule_no"], kind="stable")
    return rows.loc[:, list(DISAGREEMENT_COLUMNS)].reset_index(drop=True)


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in DISAGREEMENT_COLUMNS})


def source_words(row: pd.Series, lang: Lang) -> str:
    """``Freedom House: inte uppfyllt, fh_status inte fri (2024)`` — one rule's verdict and
    value in words (a categorical value by its name, a number with its scale)."""
    from ..scales import scale_of, value_in_words

    name = source_name(str(row["source"]), lang)
    check = label(f"check.{row['result']}", lang).lower()
    if pd.isna(row["value"]):
        return f"{name}: {check}, {label('compare.no_data', lang, indicator=row['indicator'])}"
    value = float(row["value"])
    words = value_in_words(str(row["indicator"]), value, lang)
    if words is None:
        scale = scale_of(str(row["indicator"]))
        words = _number(value, lang)
        if scale is not None:
            words += " " + label(
                "compare.on_scale",
                lang,
                low=_number(scale.low, lang),
                high=_number(scale.high, lang),
            )
    where = str(int(row["data_year"]))
    if pd.notna(row["data_country"]) and row["data_country"] != row["iso3"]:
        state = country_name(str(row["data_country"]), lang)
        where += ", " + label("compare.data_of", lang, country=state)
    return f"{name}: {check}, {row['indicator']} {words} ({where})"


def disagreement_lines(table: pd.DataFrame, lang: Lang) -> list[str]:
    """One line per country and condition: the country, the condition, each source's verdict
    and value in words, the deciding source marked."""
    lines = []
    for (iso3, condition), group in table.groupby(["iso3", "condition"], sort=False):
        words = []
        for _, row in group.iterrows():
            text = source_words(row, lang)
            if row["decides"]:
                text += " " + label("compare.decides", lang)
            words.append(text)
        country = country_name(str(iso3), lang)
        what = label(f"condition.{condition}", lang)
        lines.append(f"{country} ({iso3}), {what.lower()}: " + "; ".join(words))
    return lines


def _number(value: float, lang: Lang) -> str:
    """As the basis shows it: the published value (``≈`` when long), decimal comma in Swedish."""
    text = published_form(value).replace("-", "−")
    return text.replace(".", ",") if lang == "sv" else text


def source_name(source: str, lang: Lang) -> str:
    """A source as the reader knows it (``source.*`` labels), else its key."""
    key = f"source.{source}"
    try:
        return label(key, lang)
    except KeyError:
        return source
