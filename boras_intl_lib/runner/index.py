"""The index page of a year's reports, built from the reports that exist on disk.

It is rewritten each time a report of the year is moved into place, so it never lists fewer
reports than there are — not after a run in which some reports failed, nor after one that
was stopped — and never links one that does not exist.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..i18n.labels import Lang, label
from ..report.contract import METADATA_KEY
from .files import replace_text

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


def write_year_index(
    folder: Path, year: int, lang: Lang, city: str, names: Mapping[str, str]
) -> Path:
    """``<folder>/index-<lang>.html`` linking every report of the year on disk."""
    entries = reports_on_disk(folder, year, lang, city, names)
    title = label("report.index_title", lang, year=year)
    return write_index_page(folder / f"index-{lang}.html", entries, lang, title)


def write_index_page(out: Path, entries: Sequence[tuple[str, str]], lang: Lang, title: str) -> Path:
    """An accessible page linking reports: ``entries`` are (link text, relative href).

    Rendered through the same template as the reports (same head, CSS, skip link, no requests);
    written atomically. Link texts are escaped; hrefs must be relative (no scheme, no host).
    """
    import nbformat

    from .pipeline import to_html

    links = "".join(
        f'<li><a href="{_relative_href(href)}">{html.escape(text)}</a></li>'
        for text, href in entries
    )
    body = (
        f"<h1>{html.escape(title)}</h1>"
        f'<nav aria-label="{html.escape(label("page.reports", lang))}"><ul>{links}</ul></nav>'
    )
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
