"""Words break only where a reader expects them (issue 18, item 3): at 1280 px no word of the
report is broken across lines except at a hyphen or a hyphenation point, and at 390 px no word
of a heading, key figure or caption is; no caption is cut by the table that scrolls under it.

A word is a run of letters and digits; it is broken when its first and last letters stand on
different lines (``Range.getClientRects``). Soft hyphens and ``-`` end a word here, so
breaking at them is allowed; codes of 16 or more characters with digits and words of 32 or
more letters may break (``display.escape_breakable`` gives them break opportunities). Text
written top to bottom (vertical table headers) is left out: its line boxes are columns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fixtures import report_runs as runs

pytestmark = pytest.mark.browser

_BROKEN_WORDS = """(selector) => {
  const broken = [];
  const root = document.querySelector('main') || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const re = /[\\p{L}\\p{N}]+/gu;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el.closest(selector) || el.closest('.visually-hidden, summary')) continue;
    if (getComputedStyle(el).writingMode !== 'horizontal-tb') continue;
    for (const m of n.data.matchAll(re)) {
      const word = m[0];
      if (word.length < 2 || (/\\d/.test(word) && word.length >= 16) || word.length >= 32) continue;
      const top = i => {  // the line box of the word's i-th character
        const range = document.createRange();
        range.setStart(n, m.index + i);
        range.setEnd(n, m.index + i + 1);
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        return rects.length ? Math.round(rects[rects.length - 1].top) : null;
      };
      const first = top(0), last = top(word.length - 1);
      if (first !== null && last !== null && first !== last)
        broken.push(`${word} (${el.tagName.toLowerCase()})`);
    }
  }
  return broken;
}"""
_CUT_CAPTIONS = """() => [...document.querySelectorAll('caption, figcaption')].filter(c => {
  const box = c.closest('.table-wrap, .chart-scroll');
  return box && c.getBoundingClientRect().right > box.getBoundingClientRect().right + 1;
}).map(c => c.textContent)"""


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Swedish city report and an English administration's report."""
    per_administration = runs.example_en_per_administration(tmp_path_factory)
    folder = runs.administration_folders(per_administration)[0]
    return {
        "sv": runs.report_html(runs.example_sv(tmp_path_factory), "sv"),
        "en": runs.report_html(per_administration, "en"),
        "administration": folder / f"report-{runs.YEAR}-en.html",
    }


def _facts(context: Any, path: Path, width: int, selector: str) -> tuple[list[str], list[str]]:
    page = context.new_page()
    try:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(path.as_uri(), wait_until="load")
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        return page.evaluate(_BROKEN_WORDS, selector), page.evaluate(_CUT_CAPTIONS)
    finally:
        page.close()


@pytest.mark.parametrize("kind", ["sv", "en", "administration"])
def test_no_word_breaks_at_1280_px(
    browser_context: Any, reports: dict[str, Path], kind: str
) -> None:
    broken, cut = _facts(browser_context, reports[kind], 1280, "*")
    assert broken == [], f"{len(broken)} word(s) broken at 1280 px: {broken[:20]}"
    assert cut == []


@pytest.mark.parametrize("kind", ["sv", "en", "administration"])
def test_at_390_px_no_heading_key_figure_or_caption_word_breaks_or_is_cut(
    browser_context: Any, reports: dict[str, Path], kind: str
) -> None:
    selector = "h1, h2, h3, h4, dl.key-figures, caption, figcaption"
    broken, cut = _facts(browser_context, reports[kind], 390, selector)
    assert broken == [], f"{len(broken)} word(s) broken at 390 px: {broken[:20]}"
    assert cut == [], f"caption(s) cut at 390 px: {cut}"
