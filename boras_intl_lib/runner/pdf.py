"""The report as PDF for the city's records: the same HTML, printed by headless Chromium.

One function, :func:`html_to_pdf`, called by the pipeline where the HTML is written, so the
PDF is an extra output replaced together with the report (temporary file, then ``os.replace``).
It drives Debian's ``/usr/bin/chromium`` through playwright with ``executable_path`` — the
browser the browser tests use; ``playwright install`` is never needed — and prints A4 with
the report's print CSS (``@page``: A4 portrait, the annex on landscape pages), a tagged PDF
with an outline, a running header (title) and page numbers ("Sida 3 av 14") in the footer.

The annex is folded in ``<details>`` on screen; for the record it is opened before printing
(the HTML itself has no script). Chromium missing gives one clear line (:class:`ReportError`).
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from ..errors import ReportError
from ..i18n.labels import Lang, label

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
    '<div style="font-size:8pt;width:100%;margin:0 16mm;color:#4a4a4a;'
    'font-family:system-ui,sans-serif;">{title}</div>'
)
_FOOTER = (
    '<div style="font-size:8pt;width:100%;margin:0 16mm;text-align:right;color:#4a4a4a;'
    'font-family:system-ui,sans-serif;">{page}</div>'
)


def chromium_path() -> Path:
    """The Chromium that prints: ``$BORAS_INTL_CHROMIUM``, else Debian's ``/usr/bin/chromium``."""
    return Path(os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM)


def check_chromium() -> Path:
    """The Chromium path, or :class:`ReportError` in one line saying how to get it."""
    path = chromium_path()
    if not (path.is_file() and os.access(path, os.X_OK)):
        raise ReportError(
            f"cannot write the PDF: Chromium was not found at {path} "
            f"(install it with `apt-get install chromium`, or set {CHROMIUM_ENV})"
        )
    return path


def html_to_pdf(source: Path, target: Path, *, title: str, lang: Lang = "sv") -> None:
    """Print the report ``source`` (HTML) to ``target`` (PDF, A4, tagged, page numbers)."""
    chromium = check_chromium()
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise ReportError(
            "cannot write the PDF: the Python package playwright is missing "
            "(install it with `pip install 'boras-intl[pdf]'`; never `playwright install`)"
        ) from None

    page_words = label("pdf.page", lang, page='<span class="pageNumber"></span>',
                       total='<span class="totalPages"></span>')  # fmt: skip
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium), args=FLAGS)
            try:
                page = browser.new_page()
                page.route("**/*", _only_the_report(source))
                page.goto(Path(source).absolute().as_uri(), wait_until="load")
                page.evaluate(
                    "() => document.querySelectorAll('details').forEach(d => d.open = true)"
                )
                page.emulate_media(media="print")
                page.pdf(
                    path=str(target),
                    format="A4",
                    print_background=True,
                    prefer_css_page_size=True,
                    display_header_footer=True,
                    header_template=_HEADER.format(title=html.escape(title)),
                    footer_template=_FOOTER.format(page=page_words),
                    tagged=True,
                    outline=True,
                )
            finally:
                browser.close()
    except PlaywrightError as exc:
        first = (str(exc).strip().splitlines() or ["unknown error"])[0]
        raise ReportError(f"cannot write the PDF: Chromium failed: {first[:300]}") from None


def _only_the_report(source: Path):
    """A route handler that lets the report itself load and refuses every other request."""
    own = Path(source).absolute().as_uri()

    def route(r) -> None:
        if r.request.url == own or r.request.url.startswith("data:"):
            r.continue_()
        else:
            r.abort()

    return route
