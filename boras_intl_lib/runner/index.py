"""The index page of a year's reports, built from the reports that exist on disk.

It is rewritten each time a report of the year is moved into place, so it never lists fewer
reports than there are — not after a run in which some reports failed, nor after one that
was stopped — and never links one that does not exist.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from ..i18n.labels import Lang, label
from ..report.contract import METADATA_KEY
from .files import replace_text

log = logging.getLogger("boras_intl")

_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def report_name(year: int, lang: Lang) -> str:
    """``report-<year>-<lang>.html``: the file name of every report of a year."""
    return f"report-{year}-{lang}.html"


def reports_on_disk(
    folder: Path, year: int, lang: Lang, city: str, names: Mapping[str, str]
) -> list[tuple[str, str]]:
    """(link text, relative href) of the year's reports in ``folder``: the city's first, then
    each administration's (``names``: folder → administration, in the parameters' order),
    then folders the parameters no longer name (titled by their report's ``<title>``)."""
    file = report_name(year, lang)
    entries = [(city, file)] if (folder / file).is_file() else []
    present = {p.parent.name for p in folder.glob(f"*/{file}") if p.is_file()}
    entries += [(name, f"{sub}/{file}") for sub, name in names.items() if sub in present]
    for sub in sorted(present - set(names)):
        entries.append((_title(folder / sub / file) or sub, f"{sub}/{file}"))
    return entries


#: The key figures the index page shows beside each report (read back from its workbook).
INDEX_FIGURES = ("fig.activities", "fig.partners", "fig.external_funding", "fig.overall_index")


def write_year_index(
    folder: Path,
    year: int,
    lang: Lang,
    city: str,
    names: Mapping[str, str],
    *,
    example: bool = False,
) -> Path:
    """``<folder>/index-<lang>.html`` linking every report of the year on disk, with each
    report's key figures and, for the example register, its banner."""
    entries = reports_on_disk(folder, year, lang, city, names)
    title = label("report.index_title", lang, year=year)
    banner = label("report.example_banner", lang) if example else None
    figures = [_figures_of((folder / href).with_suffix(".xlsx"), lang) for _, href in entries]
    return write_index_page(
        folder / f"index-{lang}.html", entries, lang, title, banner=banner, figures=figures
    )


def _figures_of(workbook: Path, lang: Lang) -> dict[str, str]:
    """:func:`_key_figures` of the workbook as it is on disk now. The index is rewritten each
    time a report is put in place: each workbook version is read once, so a rewrite costs
    one read (the new report's), not one per report of the year."""
    try:
        stat = workbook.stat()
    except OSError:
        return _key_figures(str(workbook), 0, 0, lang)  # says why it has none
    return _key_figures(str(workbook), stat.st_mtime_ns, stat.st_size, lang)


@lru_cache(maxsize=256)
def _key_figures(workbook: str, mtime_ns: int, size: int, lang: Lang) -> dict[str, str]:
    """Key figure → text as the report shows it, from a report's workbook ({} if unreadable).

    ``mtime_ns`` and ``size`` identify the workbook's version for the cache."""
    try:
        from openpyxl import load_workbook

        book = load_workbook(workbook, read_only=True)
        try:
            sheet = book[label("sheet.key_figures", lang)]
            rows = list(sheet.iter_rows(min_row=2, values_only=True))
        finally:
            book.close()
    except (OSError, KeyError, ValueError) as exc:
        log.warning("no key figures for the index from %s: %s", workbook, exc)
        return {}
    wanted = {label(k, lang) for k in INDEX_FIGURES}
    return {str(r[0]): str(r[2]) for r in rows if r and r[0] in wanted and len(r) > 2}


def write_index_page(
    out: Path,
    entries: Sequence[tuple[str, str]],
    lang: Lang,
    title: str,
    *,
    banner: str | None = None,
    figures: Sequence[Mapping[str, str]] | None = None,
) -> Path:
    """An accessible page linking reports: ``entries`` are (link text, relative href).

    With ``banner`` (e.g. "fictitious example data") a notice under the title; with
    ``figures`` (one mapping of key figure → text per entry) a table of each report's key
    figures beside its link. Rendered through the same template as the reports (same head, CSS,
    skip link, no requests); written atomically. Link texts are escaped; hrefs must be
    relative (no scheme, no host).
    """
    import nbformat

    from .pipeline import to_html

    links = "".join(
        f'<li><a href="{_relative_href(href)}">{html.escape(text)}</a></li>'
        for text, href in entries
    )
    notice = f'<div class="banner" role="note"><p>{html.escape(banner)}</p></div>' if banner else ""
    body = (
        f"<h1>{html.escape(title)}</h1>{notice}"
        f'<nav aria-label="{html.escape(label("page.reports", lang))}"><ul>{links}</ul></nav>'
    )
    if figures and any(figures):
        body += _figures_table(entries, figures, lang)
    output = nbformat.v4.new_output("display_data", data={"text/html": body, "text/plain": title})
    cell = nbformat.v4.new_code_cell(outputs=[output])
    cell.id = "index"
    nb = nbformat.v4.new_notebook(cells=[cell])
    nb.metadata[METADATA_KEY] = {
        "lang": lang,
        "title": title,
        "skip_link": label("page.skip_link", lang),
    }
    out = Path(out).absolute()
    replace_text(out, to_html(nb, lang))
    return out


def _figures_table(
    entries: Sequence[tuple[str, str]], figures: Sequence[Mapping[str, str]], lang: Lang
) -> str:
    """Each report's key figures in one table (columns: the measures of the reports)."""
    measures = list(dict.fromkeys(m for f in figures for m in f))
    caption = html.escape(label("index.figures", lang))
    head = f'<th scope="col">{html.escape(label("page.reports", lang))}</th>' + "".join(
        f'<th scope="col">{html.escape(m)}</th>' for m in measures
    )
    rows = "".join(
        f'<tr><th scope="row">{html.escape(text)}</th>'
        + "".join(f'<td class="num">{html.escape(f.get(m, "–"))}</td>' for m in measures)
        + "</tr>"
        for (text, _), f in zip(entries, figures, strict=True)
    )
    return (
        f'<div class="table-wrap" role="region" tabindex="0" aria-label="{caption}">'
        f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )


def _relative_href(href: str) -> str:
    from urllib.parse import quote, urlsplit

    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("/", "\\")):
        raise ValueError(f"index links must be relative paths, not {href!r}")
    return html.escape(quote(href, safe="/#-._~"), quote=True)


def _title(path: Path) -> str:
    """The ``<title>`` of a report (read from its first 64 kB), unescaped."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            head = f.read(65536)
    except OSError:
        return ""
    found = _TITLE.search(head)
    return html.unescape(found.group(1)).strip() if found else ""
