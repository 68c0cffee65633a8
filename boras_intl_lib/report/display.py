"""Showing text, tables and figures in the report notebook: escaped, accessible, deterministic.

The notebook defines no functions; it calls these. Each ``show_*`` displays HTML built by the
matching ``*_html`` function (which tests can call without a kernel). Rules kept here so no
notebook cell has to remember them:

- Every piece of text is escaped (``html.escape``) and shown as HTML, never as Markdown: register
  text (titles, partner names) may hold ``<script>``, Markdown or Jinja syntax and must show as
  typed. Values placed into a sentence are wrapped in ``<bdi>`` so right-to-left text in a
  partner's name cannot reorder the sentence around it.
- Tables have a ``<caption>``, ``<th scope="col">`` headers, no empty ``<th>``, and numbers
  formatted by :mod:`.formatting`.
- Figures are PNG with a fixed dpi and no version metadata (same input, same bytes), carry their
  alt text in the output metadata (the ``boras_report`` template writes it into ``alt``) and are
  closed after display.
- :func:`heading` records the section name in its output metadata; the report pipeline uses it
  to say in which section a failing cell was.

This module must stay cheap to import in the kernel: no papermill, no nbconvert, and IPython
only inside the ``show_*`` functions.
"""

from __future__ import annotations

import base64
import html
import io
import re
import struct
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..i18n.formatting import (
    MISSING,
    fmt_bool,
    fmt_date,
    fmt_number,
    formatter,
    is_missing,
    slug,
)
from ..i18n.labels import Lang, label
from .contract import METADATA_KEY  # output metadata {key: {"section": …}} from heading()

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

DPI = 110  # fixed, so the same figure gives the same PNG on every run
YEAR_COLUMNS = frozenset({"year", "år", "ar"})  # shown as 2025, not 2 025
TocEntry = tuple[str, str] | tuple[str, str, int]
CellFormat = str | Callable[[Any], str]


# --- text ----------------------------------------------------------------------------------


def escape(value: object) -> str:
    """Text → HTML-safe text (quotes too, so it is safe in attributes); missing → ``–``."""
    if is_missing(value):
        return MISSING
    return html.escape(str(value), quote=True)


_LONG_WORD = re.compile(r"\S{16,}")
WBR_EVERY = 8  # characters between break opportunities in an overlong word
_PUNCTUATION = ".,;:!?\"'()«»”’"  # around a word, not part of it ("Kulturförvaltningen?")
LONG_LETTERS = 32  # a word of letters only is broken from this length (codes and markup: 16)


def escape_breakable(value: object) -> str:
    """:func:`escape`, with ``<wbr>`` every :data:`WBR_EVERY` characters of a word of 16 or
    more characters that are not all letters (32 for plain words, so Swedish compounds stay
    whole): a table cell can then never be wider than the page. ``<wbr>`` adds no text and is
    used only where the line would not fit otherwise."""
    if is_missing(value):
        return MISSING
    text, out, last = str(value), [], 0
    for match in _LONG_WORD.finditer(text):
        word = match.group()
        plain = word.strip(_PUNCTUATION).replace("-", "")
        if len(word) < LONG_LETTERS and plain.isalpha():
            continue  # a Swedish compound ("Kulturförvaltningen") keeps its line
        out.append(html.escape(text[last : match.start()], quote=True))
        chunks = [word[i : i + WBR_EVERY] for i in range(0, len(word), WBR_EVERY)]
        out.append("<wbr>".join(html.escape(c, quote=True) for c in chunks))
        last = match.end()
    out.append(html.escape(text[last:], quote=True))
    return "".join(out)


def heading_html(text: str, level: int = 2, anchor: str | None = None) -> str:
    """``<hN id="anchor">text</hN>`` with the text escaped; the id defaults to ``slug(text)``."""
    if not 1 <= level <= 6:
        raise ValueError(f"heading level must be 1–6, not {level}")
    anchor = slug(text) if anchor is None else _valid_anchor(anchor)
    return f'<h{level} id="{anchor}">{escape(text)}</h{level}>'


def paragraph_html(text: str, /, **values: object) -> str:
    """A paragraph. ``text`` is trusted wording (a label) with ``{name}`` placeholders; each
    value is escaped and isolated in ``<bdi>``. Without values the text is shown as is."""
    if not values:
        return f"<p>{escape(text)}</p>"
    filled = {k: f"<bdi>{escape(v)}</bdi>" for k, v in values.items()}
    return f"<p>{escape(text).format(**filled)}</p>"


def list_html(items: Iterable[object], *, ordered: bool = False) -> str:
    """A bulleted (or numbered) list; every item escaped."""
    tag = "ol" if ordered else "ul"
    body = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f"<{tag}>{body}</{tag}>"


def key_figures_html(pairs: Iterable[tuple[object, object]]) -> str:
    """A description list of label → value (the year in figures); both escaped."""
    rows = "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(v)}</dd></div>" for k, v in pairs)
    return f'<dl class="key-figures">{rows}</dl>'


def document_info_html(pairs: Sequence[tuple[str, object]]) -> str:
    """The document's reference, officer and date above the title (first page of the PDF)."""
    rows = "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(v)}</dd></div>" for k, v in pairs)
    return f'<dl class="document-info">{rows}</dl>'


def show_document_info(pairs: Sequence[tuple[str, object]]) -> None:
    """Show :func:`document_info_html`."""
    _publish(document_info_html(pairs), "\n".join(f"{k}: {v}" for k, v in pairs))


def banner_html(text: str) -> str:
    """A notice above the report (e.g. "fictitious example data"), ``role="note"``."""
    return f'<div class="banner" role="note"><p>{escape(text)}</p></div>'


def level_bar_html(counts: Sequence[int], labels: Sequence[str], title: str, alt: str) -> str:
    """A one-line stacked bar of counts per level, drawn in HTML and CSS (no image to render).

    The bar is ``role="img"`` named by ``alt``; below it every level's label and count is
    written out, so neither colour nor pattern is the only carrier of the numbers.
    """
    total = sum(counts) or 1
    segments = "".join(
        f'<span class="lv{i}" style="width:{100 * n / total:.2f}%">{n if n / total >= 0.06 else ""}'
        "</span>"
        for i, n in enumerate(counts)
        if n
    )
    legend = "".join(
        f'<li><span class="swatch lv{i}" aria-hidden="true"></span>{escape(text)}: {n}</li>'
        for i, (text, n) in enumerate(zip(labels, counts, strict=True))
    )
    return (
        f'<figure class="level-bar"><figcaption>{escape(title)}</figcaption>'
        f'<div class="bar" role="img" aria-label="{escape(alt)}">{segments}</div>'
        f'<ul class="legend">{legend}</ul></figure>'
    )


def verdict_html(
    sentences: Sequence[str],
    findings: Sequence[tuple[str, str, str, Sequence[str]]],
    title: str,
    none_text: str,
) -> str:
    """The verdict block: the assessment as a paragraph, then the findings by severity.

    ``findings`` are ``(severity key, severity words, sentence, named items)``; the severity is
    written out in words (and marked by a border and an icon-free class), so colour is never
    its only carrier. Everything is escaped.
    """
    parts = ['<div class="verdict" role="group" aria-labelledby="findings">']
    if sentences:
        parts.append(f'<p class="assessment">{escape(" ".join(sentences))}</p>')
    parts.append(f'<h3 id="findings">{escape(title)}</h3>')
    if not findings:
        parts.append(f"<p>{escape(none_text)}</p>")
    else:
        parts.append('<ul class="findings">')
        for key, words, text, items in findings:
            sub = "".join(f"<li>{escape(i)}</li>" for i in items)
            sub = f'<ul class="items">{sub}</ul>' if sub else ""
            parts.append(
                f'<li class="sev-{escape(key)}"><span class="severity">{escape(words)}:</span>'
                f' <span class="finding-text">{escape(text)}</span>{sub}</li>'
            )
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)


def toc_html(entries: Sequence[TocEntry], title: str) -> str:
    """A table of contents: ``(text, anchor)`` or ``(text, anchor, level)`` entries, level 2
    by default; deeper levels nest as sub-lists."""
    parts = [
        f'<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">{escape(title)}</h2>'
    ]
    depth = 0
    base = min((_toc_level(e) for e in entries), default=2)
    for entry in entries:
        level = _toc_level(entry) - base + 1
        if level > depth:
            parts.append("<ol>" * (level - depth))
        else:
            parts.append("</li>" + "</ol></li>" * (depth - level))
        depth = level
        parts.append(f'<li><a href="#{_valid_anchor(entry[1])}">{escape(entry[0])}</a>')
    parts.append("</li></ol>" * depth)
    parts.append("</nav>")
    return "".join(parts)


def _toc_level(entry: TocEntry) -> int:
    return entry[2] if len(entry) > 2 else 2


def _valid_anchor(anchor: str) -> str:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_.:-]*", anchor):
        raise ValueError(f"not a valid anchor id: {anchor!r} (use display.slug())")
    return anchor


# --- tables --------------------------------------------------------------------------------


def table_html(
    df: pd.DataFrame,
    caption: str | None = None,
    *,
    lang: Lang = "sv",
    index: bool = False,
    number_format: Mapping[str, CellFormat] | None = None,
    vertical: Sequence[str] = (),
) -> str:
    """An accessible HTML table of ``df``, every cell escaped and formatted for ``lang``.

    Headers of the columns named in ``vertical`` are written top to bottom (class
    ``vertical``), so a table of many narrow number columns fits the page.

    ``number_format`` maps a column name to a :func:`.formatting.formatter` kind (``"percent"``,
    ``"number:1"``, ``"sek:mnkr"``, ``"plain"`` …) or a callable; other columns are formatted by
    dtype (integers grouped, floats with one decimal unless all whole, booleans as Ja/Nej,
    dates ISO, a column named year/år plain). With ``index=True`` the index becomes row headers
    (``<th scope="row">``). A column without a name is an error: it would make an empty ``<th>``.
    """
    formats = dict(number_format or {})
    columns = [_column_name(c, i) for i, c in enumerate(df.columns)]
    cell_formats = [
        _column_formatter(df.iloc[:, i], columns[i], formats, lang) for i in range(len(columns))
    ]
    numeric = [_is_numeric(df.iloc[:, i], formats.get(columns[i])) for i in range(len(columns))]

    head = ""
    if index:
        names = [n for n in df.index.names if n is not None]
        head = (
            f'<th scope="col">{escape(" – ".join(map(str, names)))}</th>' if names else "<td></td>"
        )
    upright = set(vertical)
    head += "".join(
        f'<th scope="col"{_num_class(n, c in upright)}>{escape(c)}</th>'
        for c, n in zip(columns, numeric, strict=True)
    )
    rows = []
    for row_index, values in zip(df.index, df.itertuples(index=False, name=None), strict=True):
        cells = f'<th scope="row">{escape_breakable(_index_text(row_index))}</th>' if index else ""
        cells += "".join(
            f"<td{_num_class(n)}>{escape_breakable(fmt(v))}</td>"
            for v, fmt, n in zip(values, cell_formats, numeric, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    table = f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    if not caption:
        return f'<div class="table-wrap">{table}</div>'
    # A scrollable region must be reachable by keyboard and named (WCAG 2.1.1, 4.1.2).
    region = f'role="region" tabindex="0" aria-label="{escape(caption)}"'
    return f'<div class="table-wrap" {region}>{table}</div>'


def _column_name(column: object, position: int) -> str:
    text = " – ".join(map(str, column)) if isinstance(column, tuple) else str(column)
    if not text.strip():
        raise ValueError(f"table column {position + 1} has no name (it would be an empty <th>)")
    return text


def _column_formatter(
    series: pd.Series, name: str, formats: Mapping[str, CellFormat], lang: Lang
) -> Callable[[Any], str]:
    chosen = formats.get(name)
    if callable(chosen):
        return chosen
    if isinstance(chosen, str):
        return formatter(chosen, lang)
    return _default_formatter(series, name, lang)


def _default_formatter(series: pd.Series, name: str, lang: Lang) -> Callable[[Any], str]:
    from pandas.api import types

    if name.strip().lower() in YEAR_COLUMNS:
        return formatter("plain", lang)
    if types.is_bool_dtype(series.dtype):
        return lambda v: fmt_bool(v, lang)
    if types.is_integer_dtype(series.dtype):
        return lambda v: fmt_number(v, lang, 0)
    if types.is_float_dtype(series.dtype):
        values = series.dropna()
        decimals = 0 if (values == values.round()).all() else 1
        return lambda v: fmt_number(v, lang, decimals)
    if types.is_datetime64_any_dtype(series.dtype):
        return lambda v: fmt_date(v, lang)
    return lambda v: MISSING if is_missing(v) else str(v)


def _is_numeric(series: pd.Series, chosen: CellFormat | None) -> bool:
    if isinstance(chosen, str):
        return chosen.partition(":")[0] in {"number", "integer", "percent", "sek"}
    from pandas.api import types

    return types.is_numeric_dtype(series.dtype) and not types.is_bool_dtype(series.dtype)


def _num_class(numeric: bool, vertical: bool = False) -> str:
    classes = " ".join(c for c, on in (("num", numeric), ("vertical", vertical)) if on)
    return f' class="{classes}"' if classes else ""


def _index_text(value: object) -> str:
    return " – ".join(map(str, value)) if isinstance(value, tuple) else str(value)


# --- figures -------------------------------------------------------------------------------


def figure_png(fig: Figure, dpi: int = DPI) -> tuple[bytes, int, int]:
    """The figure as PNG bytes, with its pixel width and height; no software/date metadata."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None}, facecolor="white")
    data = buffer.getvalue()
    width, height = struct.unpack(">II", data[16:24])  # the PNG IHDR chunk
    return data, width, height


def figure_bundle(fig: Figure, alt: str, dpi: int = DPI) -> tuple[dict[str, str], dict[str, Any]]:
    """The display data and metadata for a figure: PNG (base64) + alt text as plain text."""
    alt = " ".join(str(alt).split())
    if not alt:
        raise ValueError("a figure needs a non-empty alt text that says what it shows")
    data, width, height = figure_png(fig, dpi)
    bundle = {"image/png": base64.b64encode(data).decode("ascii"), "text/plain": alt}
    metadata = {"image/png": {"alt": alt, "width": width, "height": height}}
    return bundle, metadata


# --- showing in the notebook -----------------------------------------------------------------


def _publish(html_text: str, plain: str, metadata: dict[str, Any] | None = None) -> None:
    from IPython.display import display

    display({"text/html": html_text, "text/plain": plain}, raw=True, metadata=metadata)


def heading(text: str, level: int = 2, anchor: str | None = None) -> None:
    """Show a section heading and record it as the current section (for error messages)."""
    _publish(heading_html(text, level, anchor), str(text), {METADATA_KEY: {"section": str(text)}})


def show_paragraph(text: str, /, **values: object) -> None:
    """Show a paragraph; see :func:`paragraph_html` (values are escaped and isolated)."""
    plain = (
        text.format(**{k: MISSING if is_missing(v) else str(v) for k, v in values.items()})
        if values
        else text
    )
    _publish(paragraph_html(text, **values), plain)


def show_list(items: Iterable[object], *, ordered: bool = False) -> None:
    """Show a list; every item escaped."""
    items = list(items)
    _publish(list_html(items, ordered=ordered), "\n".join(f"- {i}" for i in items))


def show_key_figures(pairs: Iterable[tuple[object, object]]) -> None:
    """Show label → value pairs as a description list."""
    pairs = list(pairs)
    _publish(key_figures_html(pairs), "\n".join(f"{k}: {v}" for k, v in pairs))


def show_banner(text: str) -> None:
    """Show a notice (``role="note"``), e.g. that the data is fictitious example data."""
    _publish(banner_html(text), str(text))


def show_level_bar(counts: Sequence[int], labels: Sequence[str], title: str, alt: str) -> None:
    """Show a stacked bar of counts per level; see :func:`level_bar_html`."""
    _publish(level_bar_html(counts, labels, title, alt), alt)


def show_verdict(
    sentences: Sequence[str],
    findings: Sequence[tuple[str, str, str, Sequence[str]]],
    title: str,
    none_text: str,
) -> None:
    """Show the verdict block; see :func:`verdict_html`."""
    plain = "\n".join([*sentences, *(f"{w}: {t}" for _, w, t, _ in findings)])
    _publish(verdict_html(sentences, findings, title, none_text), plain)


def show_toc(entries: Sequence[TocEntry], lang: Lang = "sv", title: str | None = None) -> None:
    """Show the table of contents; links go to the ids given by :func:`heading`."""
    title = title or label("page.toc", lang)
    _publish(toc_html(entries, title), "\n".join(e[0] for e in entries))


def show_table(
    df: pd.DataFrame,
    caption: str | None = None,
    *,
    lang: Lang = "sv",
    index: bool = False,
    number_format: Mapping[str, CellFormat] | None = None,
) -> None:
    """Show ``df`` as an accessible table; see :func:`table_html`."""
    _publish(
        table_html(df, caption, lang=lang, index=index, number_format=number_format),
        caption or "",
    )


def show_html(html_text: str, plain: str) -> None:
    """Show HTML built by this package (charts): the caller has escaped every value in it."""
    _publish(html_text, plain)


def details_html(
    summary: str,
    df: pd.DataFrame,
    caption: str,
    *,
    lang: Lang = "sv",
    vertical: Sequence[str] = (),
) -> str:
    """A table folded in ``<details>``: opened by the reader, no script; printed open."""
    table = table_html(df, caption, lang=lang, vertical=vertical)
    return f'<details class="annex"><summary>{escape(summary)}</summary>{table}</details>'


def show_details(
    summary: str,
    df: pd.DataFrame,
    caption: str,
    *,
    lang: Lang = "sv",
    vertical: Sequence[str] = (),
) -> None:
    """Show a folded table; see :func:`details_html`."""
    _publish(details_html(summary, df, caption, lang=lang, vertical=vertical), summary)


def show_figure(fig: Figure, alt: str, *, dpi: int = DPI) -> None:
    """Show a matplotlib figure as PNG with ``alt`` as its text alternative, then close it."""
    try:
        bundle, metadata = figure_bundle(fig, alt, dpi)
    finally:
        _close(fig)
    from IPython.display import display

    display(bundle, raw=True, metadata=metadata)


def _close(fig: Figure) -> None:
    """Close a pyplot-managed figure so the inline backend does not show it again without alt."""
    import sys

    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close(fig)
