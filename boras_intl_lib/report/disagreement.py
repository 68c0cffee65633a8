"""The report's table of partner countries where the configured sources disagree (issue 20).

For the year's foreign partner countries: the country, the condition, each source's verdict
and value in words (the deciding source marked) and the activities concerned, with one
sentence saying whom the verdict follows. The precondition section shows it
(:func:`~.sections.show_precondition`) and the workbook has the same table
(:func:`~.tables.all_tables`); the words come from :mod:`~boras_intl_lib.screening.compare`,
as ``boras-intl indicators compare`` prints them.
"""

from __future__ import annotations

import pandas as pd

from ..countries import country_name
from ..i18n.labels import label
from ..screening.compare import compared_conditions, disagreements, source_words
from .data import ReportData


def disagreement_table(data: ReportData) -> pd.DataFrame:
    """One row per partner country and condition where the sources disagree."""
    lang = data.lang
    domestic = data.settings.screening.domestic_country
    partners = data.partners[data.partners["country_iso3"].astype("string") != domestic]
    partners = partners.dropna(subset=["country_iso3"])
    columns = [
        label(f"col.{k}", lang)
        for k in ("country", "condition_compared", "sources_compared", "activities_concerned")
    ]
    table = disagreements(
        partners["country_iso3"].astype(str).unique().tolist(),
        data.evaluation.indicators,
        data.settings.screening,
        data.year,
    )
    if table.empty:
        return pd.DataFrame({c: pd.Series(dtype="string") for c in columns})
    activities = partners.groupby(partners["country_iso3"].astype(str))["activity_id"].agg(
        lambda ids: ", ".join(sorted(set(map(str, ids))))
    )
    rows = []
    for (iso3, condition), group in table.groupby(["iso3", "condition"], sort=False):
        words = [
            source_words(row, lang)
            + (" " + label("compare.decides", lang) if row["decides"] else "")
            for _, row in group.iterrows()
        ]
        rows.append(
            [
                country_name(str(iso3), lang),
                label(f"condition.{condition}", lang),
                "; ".join(words),
                activities.get(str(iso3), ""),
            ]
        )
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(columns[:2], kind="stable").reset_index(drop=True)


def disagreement_sentence(data: ReportData) -> str:
    """Whom the verdict follows: the primary source, or the combine rule of the parameters."""
    screening = data.settings.screening
    combines = {screening.conditions[c].combine for c in compared_conditions(screening)}
    key = "compare.primary_sentence" if combines == {"primary"} else "compare.combined_sentence"
    return label(key, data.lang)
