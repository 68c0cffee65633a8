"""The report fits what it is read on: 1280 px, a phone (390 px) and A4 paper (print media,
680 px of content), and its PDF for the record has page numbers.

- At 1280 px and in print nothing clips or scrolls: no table, chart or text block is wider
  than its box, and the page is not wider than the viewport.
- At 390 px the page itself never scrolls sideways; a table or chart that is wider scrolls
  inside its own region (keyboard-reachable, named) with a visible cue.
- Chart text is at least 11 px everywhere, and the SVG chart is never scaled down.
- axe-core finds no serious or critical violation at 390 px either.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fixtures import report_runs as runs

from boras_intl_lib.i18n.labels import label
from boras_intl_lib.runner.pdf import LANDSCAPE_WIDTH_PX, prepare_for_print

pytestmark = pytest.mark.browser

KINDS = ("sv", "administration", "hostile")
_OVERFLOW = """() => {
  const hasCue = el => {
    if (getComputedStyle(el).backgroundImage.includes('gradient')) return true;
    const cue = el.parentElement.querySelector('.scroll-cue');
    return !!cue && getComputedStyle(cue).display !== 'none';
  };
  const out = [];
  const boxes = '.table-wrap, figure, .chart-scroll, .verdict, dl, p, li, h1, h2, h3';
  for (const el of document.querySelectorAll(boxes)) {
    if (el.closest('.visually-hidden')) continue;
    if (el.scrollWidth > el.clientWidth + 1)
      out.push({what: el.getAttribute('aria-label') || el.className || el.tagName,
                scroll: el.scrollWidth, client: el.clientWidth,
                region: el.getAttribute('role') === 'region' && el.hasAttribute('tabindex')
                        && !!el.getAttribute('aria-label'),
                cue: hasCue(el)});
  }
  return {page: document.documentElement.scrollWidth, boxes: out};
}"""
_CHART_TEXT = """() => {
  const sizes = [];
  for (const el of document.querySelectorAll('figure.chart *, .heatmap *')) {
    if (el.closest('.visually-hidden')) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (own) sizes.push(parseFloat(getComputedStyle(el).fontSize));
  }
  const svgs = [...document.querySelectorAll('.line-chart img')].map(
    i => ({natural: i.naturalWidth, shown: i.getBoundingClientRect().width}));
  return {min: Math.min(...sizes), n: sizes.length, svgs};
}"""


def _page(browser_context: Any, path: Path, width: int, media: str = "screen") -> Any:
    page = browser_context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(media=media)
    page.goto(path.as_uri(), wait_until="load")
    return page


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Swedish city report, an administration's report, the hostile register's report."""
    per_administration = runs.example_en_per_administration(tmp_path_factory)
    folder = runs.administration_folders(per_administration)[0]
    return {
        "sv": runs.report_html(runs.example_sv(tmp_path_factory), "sv"),
        "administration": folder / f"report-{runs.YEAR}-en.html",
        "hostile": runs.report_html(runs.hostile(tmp_path_factory).report, "sv"),
    }


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("width", "media"), [(1280, "screen"), (680, "print")])
def test_nothing_clips_at_1280_px_and_in_print(
    browser_context: Any, reports: dict[str, Path], kind: str, width: int, media: str
) -> None:
    facts = _print_facts(browser_context, reports[kind], width, media, kind)
    assert facts["page"] <= width
    boxes = facts["boxes"]
    if media == "print":  # the annex is printed on landscape pages: measured at their width
        lang = "en" if kind == "administration" else "sv"
        annex = label("annex.heading", lang, year=runs.YEAR)
        boxes = [b for b in boxes if b["what"] != annex]
        wide = _print_facts(browser_context, reports[kind], LANDSCAPE_WIDTH_PX, media, kind)
        assert [b for b in wide["boxes"] if b["what"] == annex] == [], "the annex is cut"
    assert boxes == [], f"{kind} at {width} px ({media}): wider than their box"


def _print_facts(
    browser_context: Any, path: Path, width: int, media: str, kind: str
) -> dict[str, Any]:
    """The overflow facts of the page; in print as runner/pdf.py prepares it for paper."""
    page = _page(browser_context, path, width, media)
    try:
        if media == "print":
            prepare_for_print(page, "en" if kind == "administration" else "sv")
        return page.evaluate(_OVERFLOW)
    finally:
        page.close()


@pytest.mark.parametrize("kind", KINDS)
def test_at_390_px_wide_content_scrolls_in_a_named_region_with_a_cue(
    browser_context: Any, reports: dict[str, Path], kind: str
) -> None:
    page = _page(browser_context, reports[kind], 390)
    try:
        facts = page.evaluate(_OVERFLOW)
    finally:
        page.close()
    assert facts["page"] <= 390, "the page itself scrolls sideways at 390 px"
    for box in facts["boxes"]:
        assert box["region"], f"{box['what']} is wider than the screen and not a scroll region"
        assert box["cue"], f"{box['what']} scrolls without a visible cue"


@pytest.mark.parametrize("width", [390, 1280])
def test_chart_text_is_at_least_11_px_and_the_svg_is_not_scaled_down(
    browser_context: Any, reports: dict[str, Path], width: int
) -> None:
    page = _page(browser_context, reports["sv"], width)
    try:
        facts = page.evaluate(_CHART_TEXT)
    finally:
        page.close()
    assert facts["n"] > 100  # the charts' names and values are text
    assert facts["min"] >= 11
    assert facts["svgs"], "the report has a line chart"
    for svg in facts["svgs"]:
        assert svg["shown"] == pytest.approx(svg["natural"], abs=1)


_TRACKS = """() => [...document.querySelectorAll('ul.bars')].map(ul =>
  [...ul.querySelectorAll('.chart-row')].map(row => {
    const track = row.querySelector('.track').getBoundingClientRect();
    return {left: track.left, width: track.width,
            fill: row.querySelector('.fill').getBoundingClientRect().width,
            value: row.querySelector('.chart-value').textContent};
  }))"""


def _number(text: str) -> float:
    """A chart value as written (``1 234``, ``12,5``, ``40 %``) as a number."""
    return float(re.sub(r"[^\d,.\-]", "", text.replace("\u2212", "-")).replace(",", "."))


@pytest.mark.parametrize("width", [390, 1280])
def test_every_bar_of_a_chart_is_drawn_on_the_same_scale(
    browser_context: Any, reports: dict[str, Path], width: int
) -> None:
    """All tracks of a bar chart start and end at the same place, and each bar's length is
    its value's share of the largest, as written beside it: bars compare across rows."""
    page = _page(browser_context, reports["sv"], width)
    try:
        charts = page.evaluate(_TRACKS)
    finally:
        page.close()
    assert len(charts) >= 3, "the report has its bar charts"
    for rows in charts:
        first = rows[0]
        largest = max(_number(r["value"]) for r in rows)
        for row in rows:
            assert row["left"] == pytest.approx(first["left"], abs=0.5)
            assert row["width"] == pytest.approx(first["width"], abs=0.5)
            share = _number(row["value"]) / largest
            assert row["fill"] == pytest.approx(share * row["width"], abs=1.0), row


def test_the_heatmap_shows_n_per_administration(reports: dict[str, Path]) -> None:
    html = reports["sv"].read_text(encoding="utf-8")
    start = html.index('class="table-wrap heatmap"')
    heatmap = html[start : html.index("</table>", start)]
    header = re.search(r"<thead>(.*?)</thead>", heatmap, re.S).group(1)
    columns = re.findall(r"<th[^>]*>(.*?)</th>", header)
    assert columns[:2] == [label("col.administration"), label("col.n_activities")]
    first_row = re.search(r"<tbody><tr>(.*?)</tr>", heatmap, re.S).group(1)
    assert re.search(r'<td class="num">\d+</td>', first_row)  # n of the first administration


def test_axe_finds_nothing_serious_at_390_px(
    browser_context: Any, reports: dict[str, Path]
) -> None:
    from conftest import AXE

    page = _page(browser_context, reports["sv"], 390)
    try:
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    finally:
        page.close()
    assert [v["id"] for v in result["violations"]] == []  # of any impact


# --- the PDF ------------------------------------------------------------------------------------


def test_report_pdf_is_a4_tagged_with_page_numbers_and_header(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from pypdf import PdfReader

    run = runs.example_sv_pdf(tmp_path_factory)
    pdf = run.out / str(runs.YEAR) / f"report-{runs.YEAR}-sv.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF-")
    assert f"wrote {pdf}" in run.stdout
    reader = PdfReader(pdf)
    n = len(reader.pages)
    assert n > 5
    title = label("report.title", scope="Borås", year=runs.YEAR)
    for i in (0, n - 1):
        text = reader.pages[i].extract_text()
        assert label("pdf.page", page=i + 1, total=n) in text
        assert title in text  # the running header
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)  # A4 in mm
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]  # a tagged PDF
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    # the annex, folded on screen, is printed open: every activity id is in the PDF
    text = "".join("".join(p.extract_text().split()) for p in reader.pages)
    assert label("annex.heading", year=runs.YEAR).replace(" ", "") in text
    assert "2025-SLK-007" in text and "2025-TEK-005" in text
