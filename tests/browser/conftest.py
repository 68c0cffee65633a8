"""Browser fixtures: the generated reports served from 127.0.0.1, opened in Debian's chromium.

Needs ``/usr/bin/chromium`` (Debian package ``chromium``) and axe-core in ``node_modules``;
``make browser-deps`` installs both. When either is missing the tests FAIL with that
instruction: they are never skipped (``make test-fast`` is the way to leave them out).

Playwright drives the system chromium through ``executable_path`` (``playwright install`` is
never needed) with a fresh profile per launch. Pages are opened in a context with
``bypass_csp=True``: the reports' Content-Security-Policy would block the injected axe-core,
and with it out of the way the hostile-input test proves that escaping alone keeps register
text from running.

Every page visit is recorded once per session (:class:`Visit`) and checked by several tests;
axe-core results are written to ``tests/artifacts/axe-<kind>.json`` and listed in full in the
terminal summary, screenshots of the first screen to ``tests/artifacts/screenshot-<kind>.png``.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from fixtures import report_runs as runs

from boras_intl_lib.runner.pdf import FLAGS

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))  # as in the Makefile
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_FLAGS = FLAGS  # the flags the PDF step prints with (one list)
# What axe-core found, by report kind: shown in the terminal summary.
AXE_RESULTS: dict[str, list[dict[str, Any]]] = {}


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print every axe-core violation of every page visited (the complete list)."""
    if not AXE_RESULTS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("axe-core results by report kind")
    for kind, violations in sorted(AXE_RESULTS.items()):
        counts = {i: sum(v["impact"] == i for v in violations)
                  for i in ("critical", "serious", "moderate", "minor")}  # fmt: skip
        write(f"{kind}: {len(violations)} violation(s) " + ", ".join(
            f"{n} {impact}" for impact, n in counts.items()))  # fmt: skip
        for v in violations:
            write(f"  [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} element(s))")
            for node in v["nodes"]:
                write(f"      {' '.join(map(str, node['target']))}: {node['html'][:160]}")


def _require(path: Path, what: str) -> None:
    if not path.exists():
        pytest.fail(
            f"{what} is missing ({path}). The browser tests need Debian's chromium and axe-core:"
            " run `make browser-deps` (or `make test`, which runs it). `make test-fast` runs the"
            " tests without the browser.",
            pytrace=False,
        )


# --- the server and the browser -----------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log on stderr."""


@pytest.fixture(scope="session")
def served_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the local server serves: every shared run writes below it."""
    root = tmp_path_factory.getbasetemp() / "runs"
    root.mkdir(parents=True, exist_ok=True)
    return root


@pytest.fixture(scope="session")
def server(served_root: Path) -> Iterator[str]:
    """``http://127.0.0.1:<free port>`` serving :func:`served_root`, in a thread."""
    handler = functools.partial(_QuietHandler, directory=str(served_root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser_context() -> Iterator[Any]:
    """A chromium context (fresh profile, CSP bypassed so axe-core can be injected)."""
    _require(CHROMIUM, "Debian's chromium")
    _require(AXE, "axe-core")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 800})
        try:
            yield context
        finally:
            context.close()
            browser.close()


# --- visiting a page ----------------------------------------------------------------------------


@dataclass
class Visit:
    """Everything recorded while one report page was open."""

    kind: str
    url: str
    requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)
    missing_targets: list[str] = field(default_factory=list)
    n_internal_links: int = 0
    images: list[dict[str, str]] = field(default_factory=list)
    charts: list[dict[str, str]] = field(default_factory=list)
    text: str = ""
    lang: str = ""
    title: str = ""
    pwned: Any = None
    dangerous: list[str] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)
    screenshot: Path | None = None


_PAGE_FACTS = """() => {
  const internal = [...document.querySelectorAll('a[href^="#"]')];
  const missing = internal
    .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
    .filter(id => !document.getElementById(id));
  const dangerous = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'svg', 'iframe', 'object', 'embed', 'form', 'base', 'math'].includes(tag))
      dangerous.push('<' + tag + '>');
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) dangerous.push(tag + '[' + attr.name + ']');
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name)
          && /^\\s*javascript:/i.test(attr.value)) dangerous.push(tag + '[' + attr.name + ']');
    }
    if (tag === 'img' && !el.getAttribute('src').startsWith('data:image/'))
      dangerous.push('img[src=' + el.getAttribute('src') + ']');
  }
  return {
    missing: missing,
    n_internal: internal.length,
    images: [...document.images].map(i => ({alt: i.getAttribute('alt') ?? '',
                                            src: i.getAttribute('src').slice(0, 30)})),
    charts: [...document.querySelectorAll('figure.chart, .heatmap')].map(c => ({
      kind: c.className,
      text: c.textContent,
      labels: [...c.querySelectorAll('[role="img"]')].map(
        e => e.getAttribute('aria-label') ?? '')})),
    links: [...document.querySelectorAll('a[href]')].map(a => ({href: a.getAttribute('href'),
                                                               text: a.textContent})),
    text: document.body.textContent,
    lang: document.documentElement.getAttribute('lang') ?? '',
    title: document.title,
    pwned: window.__pwned ?? null,
    dangerous: dangerous,
  };
}"""


def visit_page(context: Any, base_url: str, kind: str, path: Path, root: Path) -> Visit:
    """Open ``path`` (below ``root``) from the local server and record what happens."""
    url = f"{base_url}/{path.relative_to(root).as_posix()}"
    visit = Visit(kind, url)
    local = urlsplit(base_url).netloc

    def route(r: Any) -> None:  # anything not local is recorded (on "request") and refused
        if urlsplit(r.request.url).netloc == local:
            r.continue_()
        else:
            r.abort()

    page = context.new_page()
    page.route("**/*", route)
    page.on("request", lambda r: visit.requests.append(r.url))
    page.on("console", lambda m: visit.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: visit.page_errors.append(str(e)))

    def on_dialog(dialog: Any) -> None:
        visit.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, (
            f"{url} answered {response and response.status}"
        )
        page.wait_for_timeout(300)  # a late onerror/onload handler would fire by now
        facts = page.evaluate(_PAGE_FACTS)
        visit.missing_targets = facts["missing"]
        visit.n_internal_links = facts["n_internal"]
        visit.images = facts["images"]
        visit.charts = facts["charts"]
        visit.links = facts["links"]
        visit.text = facts["text"]
        visit.lang, visit.title = facts["lang"], facts["title"]
        visit.pwned, visit.dangerous = facts["pwned"], facts["dangerous"]
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        visit.screenshot = ARTIFACTS / f"screenshot-{kind}.png"
        page.screenshot(path=str(visit.screenshot))
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        visit.violations = result["violations"]
    finally:
        page.close()
    AXE_RESULTS[kind] = visit.violations
    (ARTIFACTS / f"axe-{kind}.json").write_text(
        json.dumps({"url": url, "violations": visit.violations}, indent=2, ensure_ascii=False),
        encoding="utf-8",
    )
    return visit


@pytest.fixture(scope="session")
def visit(
    browser_context: Any, server: str, served_root: Path, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], Visit]:
    """``visit(kind)``: the recorded visit of one kind of report page (opened once per session).

    Kinds: sv, en, administration, index (example register), hostile,
    hostile-administration, hostile-index (tests/fixtures/hostile).
    """
    pages: dict[str, Callable[[], Path]] = {
        "sv": lambda: runs.report_html(runs.example_sv(tmp_path_factory), "sv"),
        "en": lambda: runs.report_html(runs.example_en_per_administration(tmp_path_factory), "en"),
        "administration": lambda: _first_administration(
            runs.example_en_per_administration(tmp_path_factory), "en"),
        "index": lambda: runs.example_en_per_administration(tmp_path_factory).out
        / str(runs.YEAR) / "index-en.html",
        "hostile": lambda: runs.report_html(runs.hostile(tmp_path_factory).report, "sv"),
        "hostile-administration": lambda: _first_administration(
            runs.hostile(tmp_path_factory).report, "sv"),
        "hostile-index": lambda: runs.hostile(tmp_path_factory).report.out
        / str(runs.YEAR) / "index-sv.html",
    }  # fmt: skip
    done: dict[str, Visit] = {}

    def get(kind: str) -> Visit:
        if kind not in done:
            path = pages[kind]()
            assert path.is_file(), f"the {kind} report was not written: {path}"
            done[kind] = visit_page(browser_context, server, kind, path, served_root)
        return done[kind]

    return get


def _first_administration(run: runs.Run, lang: str) -> Path:
    folders = runs.administration_folders(run)
    assert folders, f"no per-administration report under {run.out}"
    with contextlib.suppress(StopIteration):
        return next(f / f"report-{runs.YEAR}-{lang}.html" for f in folders
                    if (f / f"report-{runs.YEAR}-{lang}.html").exists())  # fmt: skip
    pytest.fail(f"no per-administration report was written under {run.out}")
