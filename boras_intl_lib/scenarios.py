"""What if a threshold or a rubric level were different? The same register evaluated twice.

An analyst changes parameters — a screening threshold, ``clear_level``, a rubric threshold —
through :meth:`Settings.with_changes` (validated like a parameters file) and sees which
activities change level or precondition, which partners change verdict, and how the
per-area shares and the activities per precondition verdict move. Indicator data are loaded
once and shared by both evaluations. :func:`change_words` says in words what was changed,
:func:`counts_table` how much changed and :func:`what_if_chart` draws the change asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .aggregation import active, area_summary, for_year
from .evaluation import Evaluation, evaluate
from .i18n.labels import Lang, label
from .register.model import Register
from .settings import Settings
from .vocabulary import AREAS, VERDICTS

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class WhatIf:
    """Two evaluations of one year, before and after ``changes``, and what differs."""

    changes: dict[str, Any]
    year: int
    before: Evaluation
    after: Evaluation
    levels: pd.DataFrame  # activity_id, administration, area, before, after (changed only)
    preconditions: pd.DataFrame  # activity_id, administration, before, after (changed only)
    partners: pd.DataFrame  # activity_id, partner_name, country_iso3, before, after (changed)
    areas: pd.DataFrame  # area, share_clear before and after, change
    verdicts: pd.DataFrame  # verdict, counted activities with that precondition before/after


def what_if(
    register: Register,
    settings: Settings,
    changes: dict[str, Any],
    year: int,
    indicators: pd.DataFrame | None = None,
) -> WhatIf:
    """Evaluate ``year`` under ``settings`` and under ``settings.with_changes(changes)``."""
    changed = settings.with_changes(changes)
    if indicators is None:
        from .indicators.loaders import load_indicators

        indicators = load_indicators(settings)
    before = evaluate(register, settings, indicators, year)
    after = evaluate(register, changed, indicators, year)
    old, new = for_year(before.scores, year), for_year(after.scores, year)
    return WhatIf(
        changes=dict(changes),
        year=year,
        before=before,
        after=after,
        levels=_changed_levels(old, new),
        preconditions=_changed(old, new, ["activity_id", "administration"], "precondition"),
        partners=_changed_partners(before.partners, after.partners, old["activity_id"]),
        areas=_area_shares(old, new, settings.scoring.clear_level, changed.scoring.clear_level),
        verdicts=_verdict_counts(old, new),
    )


def _verdict_counts(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Counted (not cancelled) activities per precondition verdict, before and after."""
    before = active(old)["precondition"].astype("string").value_counts()
    after = active(new)["precondition"].astype("string").value_counts()
    table = pd.DataFrame({"before": before, "after": after}).reindex(list(VERDICTS))
    table = table.fillna(0).astype("int64")
    return (
        table.assign(change=table["after"] - table["before"]).rename_axis("verdict").reset_index()
    )


def _changed_levels(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """One row per activity and area whose level differs."""
    keys = ["activity_id", "administration"]
    long_old = old.melt(id_vars=keys, value_vars=list(AREAS), var_name="area", value_name="before")
    long_new = new.melt(id_vars=keys, value_vars=list(AREAS), var_name="area", value_name="after")
    both = long_old.merge(long_new, on=[*keys, "area"], validate="one_to_one")
    return both[both["before"] != both["after"]].reset_index(drop=True)


def _changed(old: pd.DataFrame, new: pd.DataFrame, keys: list[str], column: str) -> pd.DataFrame:
    both = old[[*keys, column]].merge(
        new[[*keys, column]], on=keys, suffixes=("_before", "_after"), validate="one_to_one"
    )
    both = both.rename(columns={f"{column}_before": "before", f"{column}_after": "after"})
    differs = both["before"].astype("string") != both["after"].astype("string")
    return both[differs.fillna(True)].reset_index(drop=True)


def _changed_partners(old: pd.DataFrame, new: pd.DataFrame, ids: pd.Series) -> pd.DataFrame:
    """Partners of the year's activities whose verdict differs (rows align by index)."""
    mine = old["activity_id"].isin(ids).to_numpy()
    before = old.loc[mine, "verdict"].astype("string")
    after = new.loc[old.index[mine], "verdict"].astype("string")
    differs = (before != after).fillna(True).to_numpy()
    rows = old.loc[mine, ["activity_id", "partner_name", "country_iso3"]][differs]
    return rows.assign(before=before[differs].to_numpy(), after=after[differs].to_numpy())


def _area_shares(
    old: pd.DataFrame, new: pd.DataFrame, clear_before: int, clear_after: int
) -> pd.DataFrame:
    a = area_summary(old, clear_before).set_index("area")["share_clear"]
    b = area_summary(new, clear_after).set_index("area")["share_clear"]
    table = pd.DataFrame({"before": a, "after": b}).reindex(list(AREAS))
    return table.assign(change=table["after"] - table["before"]).rename_axis("area").reset_index()


def counts(result: WhatIf) -> dict[str, int]:
    """How many activities and partners change, and the activities counted (not cancelled)."""
    return {
        "activities": len(active(for_year(result.before.scores, result.year))),
        "levels_changed": int(result.levels["activity_id"].nunique()),
        "preconditions_changed": len(result.preconditions),
        "partners_changed": len(result.partners),
    }


_RULE_KEY = re.compile(r"screening\.conditions\.(\w+)\.rules\.(\d+)\.(threshold|op)")


def change_words(result: WhatIf, lang: Lang = "sv") -> list[str]:
    """Each change asked for, in words: "Demokrati: kravet minst liberal demokrati i stället
    för minst valdemokrati"; a key without words of its own is named with its old and new
    value."""
    from .indicators.words import requirement_words

    before, after = result.before.settings, result.after.settings
    out = []
    for key, new in result.changes.items():
        rule = _RULE_KEY.fullmatch(key)
        if rule and rule[1] in before.screening.conditions:
            no = int(rule[2])
            old_rule = before.screening.conditions[rule[1]].rules[no]
            new_rule = after.screening.conditions[rule[1]].rules[no]
            out.append(
                label(
                    "whatif.change.rule",
                    lang,
                    condition=label(f"condition.{rule[1]}", lang),
                    new=requirement_words(
                        new_rule.indicator, new_rule.op, new_rule.threshold, lang
                    ),
                    old=requirement_words(
                        old_rule.indicator, old_rule.op, old_rule.threshold, lang
                    ),
                )
            )
        elif key == "scoring.clear_level":
            out.append(
                label(
                    "whatif.change.clear_level",
                    lang,
                    new=after.scoring.clear_level,
                    old=before.scoring.clear_level,
                )
            )
        else:
            out.append(label("whatif.change.other", lang, setting=key, new=new))
    return out


def counts_table(result: WhatIf, lang: Lang = "sv") -> pd.DataFrame:
    """:func:`counts` as a table with the numbers' names in words."""
    found = counts(result)
    return pd.DataFrame(
        {
            label("whatif.count.what", lang): [label(f"whatif.count.{k}", lang) for k in found],
            label("whatif.count.n", lang): list(found.values()),
        }
    )


def what_if_chart(result: WhatIf, lang: Lang = "sv") -> tuple[Figure, str]:
    """The change asked for, drawn: per area the share of activities with a clear
    contribution, and per precondition verdict the counted activities, before and after
    (horizontal bar pairs, titled with the change in words), and the chart's text
    alternative (every value in words)."""
    import textwrap

    import matplotlib.pyplot as plt

    areas, verdicts = result.areas, result.verdicts
    names = [label(f"area.{a}", lang) for a in areas["area"]]
    before = areas["before"].fillna(0).to_numpy() * 100
    after = areas["after"].fillna(0).to_numpy() * 100
    verdict_names = [label(f"verdict.{v}", lang) for v in verdicts["verdict"]]
    fig, (ax, bx) = plt.subplots(
        2,
        1,
        figsize=(7, 0.45 * (len(names) + len(verdict_names)) + 2.6),
        layout="constrained",
        height_ratios=[len(names), len(verdict_names)],
    )
    _bar_pairs(ax, names, before, after, lang)
    ax.set_xlabel(label("whatif.axis", lang))
    ax.set_xlim(0, 100)
    ax.legend(loc="lower right")
    v_before = verdicts["before"].to_numpy()
    v_after = verdicts["after"].to_numpy()
    _bar_pairs(bx, verdict_names, v_before, v_after, lang)
    bx.set_xlabel(label("whatif.axis_verdicts", lang))
    changed = "; ".join(change_words(result, lang))
    fig.suptitle("\n".join(textwrap.wrap(changed, 70)), fontsize=10)
    plt.close(fig)
    parts = [
        label("whatif.alt_area", lang, area=n, before=round(b), after=round(a))
        for n, b, a in zip(names, before, after, strict=True)
    ]
    verdict_parts = [
        label("whatif.alt_verdict", lang, verdict=n, before=int(b), after=int(a))
        for n, b, a in zip(verdict_names, v_before, v_after, strict=True)
    ]
    alt = " ".join(
        [
            label("whatif.alt", lang) + " " + "; ".join(parts) + ".",
            label("whatif.alt_verdicts", lang, verdicts="; ".join(verdict_parts)),
            label("whatif.alt_change", lang, change=changed),
        ]
    )
    return fig, alt


def _bar_pairs(
    ax: Any, names: list[str], before: np.ndarray, after: np.ndarray, lang: Lang
) -> None:
    """Before and after as a pair of horizontal bars per name, the first name on top."""
    y = np.arange(len(names))
    ax.barh(y - 0.2, before, height=0.4, label=label("whatif.before", lang), color="#9bb7d4")
    ax.barh(
        y + 0.2, after, height=0.4, label=label("whatif.after", lang), color="#1f4e79", hatch="//"
    )
    ax.set_yticks(y, names)
    ax.invert_yaxis()
