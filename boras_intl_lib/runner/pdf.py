"""The report as PDF for the city's records: the same HTML, printed by headless Chromium.

One function, :func:`html_to_pdf`, called by the pipeline where the HTML is written, so the
PDF is an extra output replaced together with the report (temporary file, then ``os.replace``).
It drives Debian's ``/usr/bin/chromium`` through playwright with ``executable_path`` — the
browser the browser tests use; ``playwright install`` is never needed — and prints A4 with
the report's print CSS (``@page``: A4 portrait, the annex on landscape pages), a tagged PDF
with an outline, a running header (title) and page numbers ("Sida 3 av 14") in the footer.

Before printing, the page is prepared for paper (:func:`prepare_for_print`), with the page's
own script-free HTML left unchanged on disk:

- the annex, folded in ``<details>`` on screen, is opened;
- tables shorter than a third of a page are marked to be kept whole (``data-keep``); taller
  ones break between rows, so no page is left mostly empty before a long table;
- the words of table cells are given soft hyphens at the hyphenation points of the report's
  language by pyphen (LibreOffice's hyphenation dictionaries): Debian's Chromium has no
  hyphenation data of its own, and a narrow column must break a long Swedish compound at a
  syllable, never anywhere. Running text (a full line wide) needs no hyphenation and keeps
  its words whole, also for copying and searching the PDF; headings and numbers are never
  hyphenated.

The table of contents gets page numbers that match the printed pages: the report is printed,
the page of each heading is read from the PDF's outline (pypdf), the numbers are written into
the contents and it is printed again, until the numbers no longer change (the numbers sit in
a slot of their own, so writing them moves nothing). Chromium missing gives one clear line
(:class:`ReportError`).
"""

from __future__ import annotations

import contextlib
import html
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import Problem, ReportError
from ..i18n.labels import Lang, label
from . import stopping

CHROMIUM_ENV = "BORAS_INTL_CHROMIUM"  # another Chromium than Debian's, e.g. for a test
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_HEADER = (
    '<div style="font-size:9pt;width:100%;margin:0 16mm;color:#4a4a4a;'
    'font-family:system-ui,sans-serif;">{title}</div>'
)
_FOOTER = (
    '<div style="font-size:9pt;width:100%;margin:0 16mm;text-align:right;color:#4a4a4a;'
    'font-family:system-ui,sans-serif;">{page}</div>'
)


def chromium_path() -> Path:
    """The Chromium that prints: ``$BORAS_INTL_CHROMIUM``, else Debian's ``/usr/bin/chromium``."""
    return Path(os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM)


def check_chromium() -> Path:
    """The Chromium path, or :class:`ReportError` in one line saying how to get it."""
    path = chromium_path()
    if not (path.is_file() and os.access(path, os.X_OK)):
        raise ReportError(Problem("run.pdf.no_chromium", {"path": path, "env": CHROMIUM_ENV}))
    return path


PRINT_WIDTH_PX = 673  # A4 portrait minus the margins (178 mm) in CSS pixels
PAGE_HEIGHT_PX = 986  # A4 minus the margins (261 mm) in CSS pixels
LANDSCAPE_WIDTH_PX = 1001  # the annex's landscape A4 minus its margins (265 mm) in CSS pixels
KEEP_FRACTION = 1 / 3  # tables shorter than this share of a page are kept whole
MAX_PRINTS = 4  # printing until the contents' page numbers are stable
HYPHENATION_LOCALES = {"sv": "sv_SE", "en": "en_GB"}
MIN_HYPHENATED = 8  # letters: shorter words are never broken
_PREPARE = """(keepHeight) => {
  document.querySelectorAll('details').forEach(d => d.open = true);
  for (const wrap of document.querySelectorAll('.table-wrap')) {
    if (wrap.getBoundingClientRect().height < keepHeight) wrap.setAttribute('data-keep', '');
    else wrap.removeAttribute('data-keep');
  }
  for (const a of document.querySelectorAll('nav.toc a[href^="#"]')) {
    if (!a.parentElement.querySelector(':scope > .toc-page')) {
      const slot = document.createElement('span');
      slot.className = 'toc-page';
      a.after(slot);
    }
  }
}"""
_WORDS = """(minLength) => {
  const skip = 'h1, h2, h3, h4, h5, h6, dl.key-figures, dl.document-info, nav.toc, .num, code, '
    + 'pre, .chart-value, th.vertical, .heatmap thead';
  const walker = document.createTreeWalker(document.querySelector('main') || document.body,
                                           NodeFilter.SHOW_TEXT);
  const words = new Set();
  const re = new RegExp('\\\\p{L}{' + minLength + ',}', 'gu');
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement.closest('td, th') || n.parentElement.closest(skip)) continue;
    for (const m of n.data.matchAll(re)) words.add(m[0]);
  }
  return [...words];
}"""
_HYPHENATE = """([hyphenated, minLength]) => {
  const skip = 'h1, h2, h3, h4, h5, h6, dl.key-figures, dl.document-info, nav.toc, .num, code, '
    + 'pre, .chart-value, th.vertical, .heatmap thead';
  const walker = document.createTreeWalker(document.querySelector('main') || document.body,
                                           NodeFilter.SHOW_TEXT);
  const re = new RegExp('\\\\p{L}{' + minLength + ',}', 'gu');
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement.closest('td, th') || n.parentElement.closest(skip)) continue;
    n.data = n.data.replace(re, w => hyphenated[w] ?? w);
  }
}"""
_FILL_TOC = """(pages) => {
  const squeeze = t => t.replace(/[\\s\\u00ad]+/g, '');
  let changed = false;
  for (const a of document.querySelectorAll('nav.toc a[href^="#"]')) {
    const target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
    const slot = a.parentElement.querySelector(':scope > .toc-page');
    if (!target || !slot) continue;
    const page = pages[squeeze(target.textContent)];
    const text = page === undefined ? '' : String(page);
    if (slot.textContent !== text) { slot.textContent = text; changed = true; }
  }
  return changed;
}"""


def html_to_pdf(source: Path, target: Path, *, title: str, lang: Lang = "sv") -> None:
    """Print the report ``source`` (HTML) to ``target`` (PDF, A4, tagged, page numbers, a
    table of contents with the pages of its headings)."""
    chromium = check_chromium()
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        never = Problem("run.pdf.never_install")
        problem = Problem("run.pdf.no_package", {"package": "playwright", "never": never})
        raise ReportError(problem) from None

    page_words = label("pdf.page", lang, page='<span class="pageNumber"></span>',
                       total='<span class="totalPages"></span>')  # fmt: skip
    header = _HEADER.format(title=html.escape(title))
    footer = _FOOTER.format(page=page_words)

    def print_pdf(page: Any) -> bytes:
        return page.pdf(
            format="A4",
            print_background=True,
            prefer_css_page_size=True,
            display_header_footer=True,
            header_template=header,
            footer_template=footer,
            tagged=True,
            outline=True,
        )

    browser_temp = _browser_temp_dir()
    stopping.track_temp_dir(browser_temp)  # a stopped run removes it too
    try:
        with _temp_dir_for_children(browser_temp), sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(chromium),
                args=FLAGS,
                env={**os.environ, "TMPDIR": str(browser_temp)},
            )
            try:
                page = browser.new_page(viewport={"width": PRINT_WIDTH_PX, "height": 900})
                page.route("**/*", _only_the_report(source))
                page.goto(Path(source).absolute().as_uri(), wait_until="load")
                page.emulate_media(media="print")
                prepare_for_print(page, lang)
                pdf = print_pdf(page)
                for _ in range(MAX_PRINTS - 1):
                    if not page.evaluate(_FILL_TOC, heading_pages(pdf)):
                        break
                    pdf = print_pdf(page)
            finally:
                browser.close()
    except PlaywrightError as exc:
        first = (str(exc).strip().splitlines() or ["unknown error"])[0]
        problem = Problem("run.pdf.chromium_failed", {"detail": first[:300]})
        raise ReportError(problem) from None
    finally:
        shutil.rmtree(browser_temp, ignore_errors=True)
        stopping.untrack_temp_dir(browser_temp)
    Path(target).write_bytes(pdf)


@contextlib.contextmanager
def _temp_dir_for_children(folder: Path) -> Iterator[None]:
    """TMPDIR for the processes started meanwhile: Playwright's driver keeps Chromium's
    profile in its own temporary folder, which a stopped run could not otherwise remove."""
    before = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = before


#: Chromium puts its singleton socket in its temporary folder; a Unix socket's path may not
#: exceed 107 bytes, so a long TMPDIR (a test's, a CI job's) made every PDF fail.
_SHORT_TEMP = 40


def _browser_temp_dir() -> Path:
    """A private temporary folder for Chromium (removed after printing): under TMPDIR when its
    path is short enough for Chromium's socket, else under /tmp."""
    root = tempfile.gettempdir()
    if len(root) > _SHORT_TEMP and os.path.isdir("/tmp"):
        root = "/tmp"
    return Path(tempfile.mkdtemp(prefix="boras-pdf-", dir=root))


def prepare_for_print(page: Any, lang: Lang) -> None:
    """Make an open page (print media) ready for paper: the annex opened, short tables kept
    whole, soft hyphens at the language's hyphenation points, a page slot in the contents."""
    page.evaluate(_PREPARE, PAGE_HEIGHT_PX * KEEP_FRACTION)
    words = page.evaluate(_WORDS, MIN_HYPHENATED)
    page.evaluate(_HYPHENATE, [hyphenate_words(words, lang), MIN_HYPHENATED])
    page.evaluate(_PREPARE, PAGE_HEIGHT_PX * KEEP_FRACTION)  # heights after hyphenation


def hyphenate_words(words: Iterable[str], lang: Lang) -> dict[str, str]:
    """Each word with soft hyphens (U+00AD) at its hyphenation points (pyphen's dictionary of
    ``lang``; at least three letters before and after a break)."""
    try:
        import pyphen
    except ImportError:
        problem = Problem("run.pdf.no_package", {"package": "pyphen", "never": ""})
        raise ReportError(problem) from None
    dictionary = pyphen.Pyphen(lang=HYPHENATION_LOCALES[lang], left=3, right=3)
    return {w: dictionary.inserted(w, hyphen="\u00ad") for w in words}


def heading_pages(pdf: bytes) -> dict[str, int]:
    """The printed page (1-based) of every heading, keyed by its text without white space
    or soft hyphens, read from the PDF's outline (Chromium makes one entry per heading)."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    pages: dict[str, int] = {}

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                key = "".join(str(item.title).replace("\u00ad", "").split())
                number = reader.get_destination_page_number(item)
                if number is not None:
                    pages.setdefault(key, number + 1)

    walk(reader.outline)
    return pages


def _only_the_report(source: Path):
    """A route handler that lets the report itself load and refuses every other request."""
    own = Path(source).absolute().as_uri()

    def route(r) -> None:
        if r.request.url == own or r.request.url.startswith("data:"):
            r.continue_()
        else:
            r.abort()

    return route
