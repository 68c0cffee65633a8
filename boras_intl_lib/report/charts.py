"""Charts for the report as HTML and CSS (and one hand-written SVG): text that stays text.

Every function returns a :class:`Chart`: the HTML to show, an alt text that says what the
chart shows (the largest and smallest values, not "a chart"), and the table behind it.
Why not matplotlib: the charts were ≈ 2.6 s of every report, their text shrank below 11 px
on a phone and in print, and a PNG cannot reflow. Here labels and values are real text at the
page's font size, bars are sized in per cent of their row, so they reflow at 390 px and fit
the 680 px of an A4 page; the line chart is an SVG image (``data:`` URI, no script, no
request) drawn at 1:1 and scrolled, with a visible cue, when the screen is narrower.

Colour is never the only carrier of meaning: every value is written out, levels also differ by
pattern (CSS classes ``lv0``–``lv3``), lines by marker shape and dash pattern. All register
text is escaped.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from ..i18n.formatting import fmt_number, fmt_percent
from ..i18n.labels import Lang, label
from .display import escape, escape_breakable

MAX_LABEL = 60  # characters of a bar's name; the full text is in the table beside the chart
HEAT_BINS = (0.2, 0.4, 0.6, 0.8)  # share thresholds of the heatmap's five shades
LINE_COLOURS = ("#08519c", "#a63603", "#006d2c", "#54278f", "#7a0177", "#4a4a4a", "#00607a")
LINE_DASHES = ("", "6 3", "2 3", "8 3 2 3", "", "6 3", "2 3")
LINE_MARKERS = ("circle", "square", "triangle", "diamond", "triangle-down", "plus", "cross")
SVG_WIDTH, SVG_HEIGHT = 640, 360  # user units = CSS px: the SVG is shown at 1:1
SVG_FONT = 13  # px; never scaled down (the figure scrolls instead)


@dataclass(frozen=True)
class Chart:
    """The chart as HTML, its text alternative and the data behind it."""

    html: str
    alt: str
    data: pd.DataFrame


def _short(text: object) -> str:
    text = str(text)
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _fmt(value: float, lang: Lang, as_percent: bool) -> str:
    return fmt_percent(value, lang) if as_percent else fmt_number(value, lang)


# --- stacked level bars ----------------------------------------------------------------------


def level_distribution(counts: pd.DataFrame, lang: Lang, title: str) -> Chart:
    """One stacked bar per row (area): how many activities at each level 0–3.

    ``counts`` has one row per item (index = display label) and columns 0, 1, 2, 3. Each bar
    is ``role="img"`` named with all four counts; the legend below names the levels.
    """
    counts = counts.reindex(columns=[0, 1, 2, 3], fill_value=0).astype(int)
    names = [f"{lv} {label(f'level.{lv}', lang)}" for lv in range(4)]
    rows = []
    for item, values in counts.iterrows():
        total = int(values.sum()) or 1
        described = "; ".join(f"{n}: {int(v)}" for n, v in zip(names, values, strict=True))
        segments = "".join(
            f'<span class="lv{lv}" style="width:{100 * v / total:.2f}%">'
            f"{int(v) if v / total >= 0.06 else ''}</span>"
            for lv, v in enumerate(values)
            if v
        )
        rows.append(
            '<div class="chart-row"><span class="chart-name">'
            f"{escape_breakable(_short(item))}</span>"
            f'<div class="bar" role="img" aria-label="{escape(f"{item}: {described}")}">'
            f"{segments}</div></div>"
        )
    legend = "".join(
        f'<li><span class="swatch lv{lv}" aria-hidden="true"></span>{escape(n)}</li>'
        for lv, n in enumerate(names)
    )
    alt = _alt_levels(counts, lang, title)
    html = (
        f'<figure class="chart level-chart"><figcaption>{escape(title)}</figcaption>'
        f'{"".join(rows)}<ul class="legend">{legend}</ul>'
        f'<p class="visually-hidden">{escape(alt)}</p></figure>'
    )
    return Chart(html, alt, counts)


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


# --- horizontal bars -------------------------------------------------------------------------


def bars(
    values: pd.Series, lang: Lang, title: str, *, unit: str = "", as_percent: bool = False
) -> Chart:
    """Horizontal bars, largest first, with each name and value written as text."""
    values = values.sort_values(ascending=False)
    top = float(values.max()) if len(values) and values.max() > 0 else 1.0
    items = []
    for name, value in values.items():
        width = 0.0 if pd.isna(value) else 100 * float(value) / top
        items.append(
            '<li class="chart-row"><span class="chart-name">'
            f"{escape_breakable(_short(name))}</span>"
            f'<span class="track" aria-hidden="true"><span class="fill" '
            f'style="width:{width:.2f}%"></span></span>'
            f'<span class="chart-value">{escape(_fmt(value, lang, as_percent))}</span></li>'
        )
    unit_text = f'<p class="chart-unit">{escape(unit)}</p>' if unit else ""
    alt = _alt_bars(values, lang, title, as_percent)
    html = (
        f'<figure class="chart bar-chart"><figcaption>{escape(title)}</figcaption>{unit_text}'
        f'<ul class="bars">{"".join(items)}</ul></figure>'
    )
    return Chart(html, alt, values.rename(title).to_frame())


def _alt_bars(values: pd.Series, lang: Lang, title: str, as_percent: bool) -> str:
    if values.empty or values.isna().all():
        return label("chart.alt_empty", lang, title=title)
    top = ", ".join(f"{i} {_fmt(v, lang, as_percent)}" for i, v in values.head(3).items())
    return label("chart.alt_bars", lang, title=title, n=len(values), top=top)


# --- heatmap (a table with shaded cells) --------------------------------------------------------


def heatmap(matrix: pd.DataFrame, n: Sequence[int], lang: Lang, title: str, n_header: str) -> Chart:
    """Rows × columns of shares 0–1 as a table: every value written in its cell, the cell
    shaded by its value (five steps, always with enough contrast), ``n`` per row beside it."""
    head = f'<th scope="col">{escape(matrix.index.name or "")}</th>'
    head += f'<th scope="col" class="num">{escape(n_header)}</th>'
    head += "".join(f'<th scope="col">{escape(c)}</th>' for c in matrix.columns)
    body = []
    for (name, values), count in zip(matrix.iterrows(), n, strict=True):
        cells = "".join(_heat_cell(v, lang) for v in values)
        body.append(
            f'<tr><th scope="row">{escape_breakable(name)}</th><td class="num">'
            f"{escape(fmt_number(count, lang))}</td>{cells}</tr>"
        )
    alt = _alt_heatmap(matrix, lang, title)
    region = f'role="region" tabindex="0" aria-label="{escape(title)}"'
    html = (
        f'<div class="table-wrap heatmap" {region}><table><caption>{escape(title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )
    return Chart(html, alt, matrix)


def _heat_cell(value: float, lang: Lang) -> str:
    if pd.isna(value):
        return '<td class="num h-none">–</td>'
    step = sum(value >= b for b in HEAT_BINS)
    return f'<td class="num h{step}">{escape(fmt_percent(value, lang))}</td>'


def _alt_heatmap(matrix: pd.DataFrame, lang: Lang, title: str) -> str:
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
        hi_value=fmt_percent(stacked.max(), lang),
        lo=f"{row_lo} / {col_lo}",
        lo_value=fmt_percent(stacked.min(), lang),
    )


# --- lines (SVG) ------------------------------------------------------------------------------


def lines(frame: pd.DataFrame, lang: Lang, title: str, *, as_percent: bool = False) -> Chart:
    """One line per column over the index (years): an SVG image with markers, dash patterns
    and a legend, in a figure that scrolls (with a cue) on screens narrower than the SVG."""
    alt = _alt_lines(frame, lang, title, as_percent)
    svg = _lines_svg(frame, lang, as_percent)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    name = label("chart.region", lang, title=title)  # unlike the table beside it (a landmark)
    region = f'role="region" tabindex="0" aria-label="{escape(name)}"'
    html = (
        f'<figure class="chart line-chart"><figcaption>{escape(title)}</figcaption>'
        f'<p class="scroll-cue" aria-hidden="true">{escape(label("chart.scroll_cue", lang))}</p>'
        f'<div class="chart-scroll" {region}><img src="data:image/svg+xml;base64,{data}" '
        f'alt="{escape(alt)}" width="{SVG_WIDTH}" height="{SVG_HEIGHT}"></div></figure>'
    )
    return Chart(html, alt, frame)


def _lines_svg(frame: pd.DataFrame, lang: Lang, as_percent: bool) -> str:
    left, right, top, plot_h = 56, 16, 16, 220
    width = SVG_WIDTH - left - right
    years = [int(i) for i in frame.index]
    values = frame.to_numpy(dtype=float)
    y_max = 1.0 if as_percent else max(1.0, float(pd.DataFrame(values).max().max()) * 1.1)

    def x(i: int) -> float:
        return left + (width * i / max(len(years) - 1, 1) if len(years) > 1 else width / 2)

    def y(v: float) -> float:
        return top + plot_h * (1 - v / y_max)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SVG_WIDTH}" height="{SVG_HEIGHT}" '
        f'viewBox="0 0 {SVG_WIDTH} {SVG_HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif" '
        f'font-size="{SVG_FONT}"><rect width="100%" height="100%" fill="#fff"/>'
    ]
    for k in range(5):
        v = y_max * k / 4
        out.append(
            f'<line x1="{left}" x2="{left + width}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
            f'stroke="#c9d3de"/><text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" '
            f'fill="#1b1b1b">{_xml(_fmt(v, lang, as_percent))}</text>'
        )
    for i, year in enumerate(years):
        out.append(
            f'<text x="{x(i):.1f}" y="{top + plot_h + 18}" text-anchor="middle" '
            f'fill="#1b1b1b">{year}</text>'
        )
    legend_top = top + plot_h + 40
    for n, column in enumerate(frame.columns):
        colour, dash = LINE_COLOURS[n % 7], LINE_DASHES[n % 7]
        points = [(x(i), y(v)) for i, v in enumerate(values[:, n]) if not math.isnan(v)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            out.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" '
                f'stroke-width="2"{dash_attr}/>'
            )
        out += [_marker(LINE_MARKERS[n % 7], px, py, colour) for px, py in points]
        lx = left + (n % 2) * (width / 2)
        ly = legend_top + (n // 2) * 22
        out.append(
            f'<line x1="{lx}" x2="{lx + 28}" y1="{ly}" y2="{ly}" stroke="{colour}" '
            f'stroke-width="2"{dash_attr}/>{_marker(LINE_MARKERS[n % 7], lx + 14, ly, colour)}'
            f'<text x="{lx + 36}" y="{ly + 4}" fill="#1b1b1b">{_xml(_short(column))}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _marker(kind: str, cx: float, cy: float, colour: str) -> str:
    r = 4.5
    if kind == "circle":
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r}" fill="{colour}"/>'
    if kind == "square":
        side = 2 * r
        return (
            f'<rect x="{cx - r:.1f}" y="{cy - r:.1f}" width="{side}" height="{side}" '
            f'fill="{colour}"/>'
        )
    shapes = {
        "triangle": [(0, -r - 1), (r + 1, r), (-r - 1, r)],
        "triangle-down": [(0, r + 1), (r + 1, -r), (-r - 1, -r)],
        "diamond": [(0, -r - 1), (r + 1, 0), (0, r + 1), (-r - 1, 0)],
    }
    if kind in shapes:
        pts = " ".join(f"{cx + dx:.1f},{cy + dy:.1f}" for dx, dy in shapes[kind])
        return f'<polygon points="{pts}" fill="{colour}"/>'
    d = r + 1
    if kind == "plus":
        segs = [(cx - d, cy, cx + d, cy), (cx, cy - d, cx, cy + d)]
    else:
        segs = [(cx - d, cy - d, cx + d, cy + d), (cx - d, cy + d, cx + d, cy - d)]
    return "".join(
        f'<line x1="{a:.1f}" y1="{b:.1f}" x2="{c:.1f}" y2="{e:.1f}" stroke="{colour}" '
        'stroke-width="2.5"/>'
        for a, b, c, e in segs
    )


def _xml(text: str) -> str:
    return escape(text)


def _alt_lines(frame: pd.DataFrame, lang: Lang, title: str, as_percent: bool) -> str:
    if frame.empty:
        return label("chart.alt_empty", lang, title=title)
    first, last = frame.index[0], frame.index[-1]
    parts = [
        f"{col} {_fmt(frame[col].iloc[0], lang, as_percent)} → "
        f"{_fmt(frame[col].iloc[-1], lang, as_percent)}"
        for col in frame.columns
    ]
    return label(
        "chart.alt_lines", lang, title=title, first=first, last=last, series="; ".join(parts)
    )
