"""Charts for the report: matplotlib figures, each with a text alternative made from its data.

Every function returns a :class:`Chart`: the figure, an alt text that says what the chart
shows (the largest and smallest values, not "a chart"), and the table behind it, which the
report prints beside the chart and exports to Excel. Colour is never the only carrier of
meaning: values are printed on bars and cells, levels also differ by hatch pattern, and
lines by marker shape. Figures are built without pyplot, so no global state is touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from ..i18n.formatting import fmt_number, fmt_percent
from ..i18n.labels import Lang, label

# A sober palette with good contrast on white; one hue family for ordered levels.
LEVEL_COLOURS = ("#d9d9d9", "#9ecae1", "#4292c6", "#08519c")
LEVEL_HATCHES = ("", "..", "//", "xx")
BAR_COLOUR = "#1f4e79"
LINE_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
FONT_SIZE = 9
MAX_LABEL = 40  # characters of a tick label; the full text is in the table and the alt text


@dataclass(frozen=True)
class Chart:
    """A figure, its text alternative and the data behind it."""

    figure: Figure
    alt: str
    data: pd.DataFrame


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    fig.set_facecolor("white")
    return fig


def _short(labels) -> list[str]:
    """Tick labels cut to :data:`MAX_LABEL` characters, so register text cannot crowd out
    the plot; the full text stands in the table beside the chart."""
    return [t if len(t) <= MAX_LABEL else t[: MAX_LABEL - 1] + "…" for t in map(str, labels)]


def _style(ax) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=FONT_SIZE)


def level_distribution(counts: pd.DataFrame, lang: Lang, title: str) -> Chart:
    """Stacked horizontal bars: per row (area or administration), how many at each level 0–3.

    ``counts`` has one row per item (index = display label) and columns 0, 1, 2, 3.
    """
    counts = counts.reindex(columns=[0, 1, 2, 3], fill_value=0).astype(int)
    fig = _figure(7.5, 0.45 * len(counts) + 1.4)
    ax = fig.add_subplot()
    left = pd.Series(0, index=counts.index)
    rows = range(len(counts))  # positions, not labels: equal labels must not share a bar
    for level in range(4):
        values = counts[level]
        bars = ax.barh(
            rows,
            values,
            left=left,
            color=LEVEL_COLOURS[level],
            hatch=LEVEL_HATCHES[level],
            edgecolor="#333333",
            linewidth=0.4,
            label=f"{level} {label(f'level.{level}', lang)}",
        )
        ax.bar_label(
            bars,
            labels=[str(v) if v else "" for v in values],
            label_type="center",
            fontsize=FONT_SIZE - 1,
            color="white" if level == 3 else "black",
        )
        left = left + values
    ax.set_yticks(rows, _short(counts.index))
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(_axis_formatter(lang, False))
    ax.set_xlabel(label("chart.activities", lang), fontsize=FONT_SIZE)
    ax.set_title(title, fontsize=FONT_SIZE + 1, loc="left")
    ax.legend(
        ncols=4,
        fontsize=FONT_SIZE - 1,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.18 if len(counts) > 3 else -0.35),
        frameon=False,
    )
    _style(ax)
    return Chart(fig, _alt_levels(counts, lang, title), counts)


def _alt_levels(counts: pd.DataFrame, lang: Lang, title: str) -> str:
    total = counts.sum(axis=1)
    clear = counts[[2, 3]].sum(axis=1)
    share = (clear / total.where(total > 0)).dropna()
    if share.empty:
        return label("chart.alt_levels_empty", lang, title=title)
    best, worst = share.idxmax(), share.idxmin()
    return label(
        "chart.alt_levels",
        lang,
        title=title,
        n=len(counts),
        best=best,
        best_share=fmt_percent(share[best], lang),
        worst=worst,
        worst_share=fmt_percent(share[worst], lang),
    )


def bars(
    values: pd.Series, lang: Lang, title: str, *, unit: str = "", as_percent: bool = False
) -> Chart:
    """Horizontal bars with the value printed at each bar's end (largest first)."""
    values = values.sort_values(ascending=False)
    fig = _figure(7.5, 0.32 * max(len(values), 1) + 1.2)
    ax = fig.add_subplot()
    shown = [_fmt(v, lang, as_percent) for v in values]
    rows = range(len(values))
    bar = ax.barh(rows, values.to_numpy(dtype=float), color=BAR_COLOUR)
    ax.set_yticks(rows, _short(values.index))
    ax.bar_label(bar, labels=[f" {s}" for s in shown], fontsize=FONT_SIZE - 1)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(_axis_formatter(lang, as_percent))
    ax.set_title(title, fontsize=FONT_SIZE + 1, loc="left")
    if unit:
        ax.set_xlabel(unit, fontsize=FONT_SIZE)
    ax.margins(x=0.15)
    _style(ax)
    data = values.rename(title).to_frame()
    return Chart(fig, _alt_bars(values, lang, title, as_percent), data)


def _axis_formatter(lang: Lang, as_percent: bool):
    """Tick labels in the report's language: ``1 000 000`` / ``1,000,000``, never ``1e6``."""
    return lambda value, _pos: _fmt(value, lang, as_percent)


def _fmt(value: float, lang: Lang, as_percent: bool) -> str:
    return fmt_percent(value, lang) if as_percent else fmt_number(value, lang)


def _alt_bars(values: pd.Series, lang: Lang, title: str, as_percent: bool) -> str:
    if values.empty or values.isna().all():
        return label("chart.alt_empty", lang, title=title)
    top = ", ".join(f"{i} {_fmt(v, lang, as_percent)}" for i, v in values.head(3).items())
    return label("chart.alt_bars", lang, title=title, n=len(values), top=top)


def heatmap(matrix: pd.DataFrame, lang: Lang, title: str, *, as_percent: bool = True) -> Chart:
    """Rows × columns of shares (0–1, or levels 0–3) with every value printed in its cell."""
    top = 1.0 if as_percent else 3.0
    fig = _figure(8, 0.42 * max(len(matrix), 1) + 2.2)
    ax = fig.add_subplot()
    values = matrix.to_numpy(dtype=float)
    ax.imshow(values, cmap="Blues", vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(
        range(matrix.shape[1]),
        _short(matrix.columns),
        rotation=35,
        ha="right",
        fontsize=FONT_SIZE - 1,
    )
    ax.set_yticks(range(matrix.shape[0]), _short(matrix.index), fontsize=FONT_SIZE - 1)
    for (r, c), v in pd.DataFrame(values).stack(future_stack=True).items():
        text = "–" if pd.isna(v) else _cell_text(v, lang, as_percent)
        dark = not pd.isna(v) and v >= 0.6 * top
        ax.text(
            c,
            r,
            text,
            ha="center",
            va="center",
            fontsize=FONT_SIZE - 1,
            color="white" if dark else "black",
        )
    ax.set_title(title, fontsize=FONT_SIZE + 1, loc="left")
    return Chart(fig, _alt_heatmap(matrix, lang, title, as_percent), matrix)


def _cell_text(value: float, lang: Lang, as_percent: bool) -> str:
    return fmt_percent(value, lang) if as_percent else fmt_number(value, lang, decimals=1)


def _alt_heatmap(matrix: pd.DataFrame, lang: Lang, title: str, as_percent: bool) -> str:
    stacked = matrix.stack().dropna()
    if stacked.empty:
        return label("chart.alt_empty", lang, title=title)
    (row_hi, col_hi), (row_lo, col_lo) = stacked.idxmax(), stacked.idxmin()
    return label(
        "chart.alt_heatmap",
        lang,
        title=title,
        rows=matrix.shape[0],
        cols=matrix.shape[1],
        hi=f"{row_hi} / {col_hi}",
        hi_value=_cell_text(stacked.max(), lang, as_percent),
        lo=f"{row_lo} / {col_lo}",
        lo_value=_cell_text(stacked.min(), lang, as_percent),
    )


def lines(
    frame: pd.DataFrame, lang: Lang, title: str, *, as_percent: bool = False, ylabel: str = ""
) -> Chart:
    """One line per column over the index (years), with distinct markers and end labels."""
    fig = _figure(7.5, 3.6)
    ax = fig.add_subplot()
    x = [int(i) for i in frame.index]
    for n, column in enumerate(frame.columns):
        series = frame[column]
        ax.plot(
            x,
            series.to_numpy(dtype=float),
            marker=LINE_MARKERS[n % len(LINE_MARKERS)],
            linewidth=1.4,
            label=_short([column])[0],
        )
    ax.set_xticks(x, [str(i) for i in x])
    ax.yaxis.set_major_formatter(_axis_formatter(lang, as_percent))
    if as_percent:
        ax.set_ylim(0, 1.05)
    if ylabel:
        ax.set_ylabel(ylabel, fontsize=FONT_SIZE)
    ax.set_title(title, fontsize=FONT_SIZE + 1, loc="left")
    ax.legend(fontsize=FONT_SIZE - 1, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    _style(ax)
    return Chart(fig, _alt_lines(frame, lang, title, as_percent), frame)


def _alt_lines(frame: pd.DataFrame, lang: Lang, title: str, as_percent: bool) -> str:
    if frame.empty:
        return label("chart.alt_empty", lang, title=title)
    first, last = frame.index[0], frame.index[-1]
    parts: Sequence[str] = [
        f"{col} {_fmt(frame[col].iloc[0], lang, as_percent)} → "
        f"{_fmt(frame[col].iloc[-1], lang, as_percent)}"
        for col in frame.columns
    ]
    return label(
        "chart.alt_lines", lang, title=title, first=first, last=last, series="; ".join(parts)
    )
