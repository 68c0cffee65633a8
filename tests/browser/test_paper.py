"""The report on paper (issue 18, item 3): the PDF of the 2025 report, Swedish and English,
read back as a reader meets it — every piece of text at least 9 pt, no page ending in a
heading, no page less than a third full unless a chapter ends there, a table of contents whose
page numbers are the pages the headings are printed on, and the annex on landscape pages with
every activity of the year in it exactly once.

The PDF is read with pypdf's text visitor (size and position of every text span), a second
way beside the outline that runner/pdf.py reads to number the contents.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from fixtures import report_runs as runs

from boras_intl_lib.i18n.labels import label
from boras_intl_lib.register.load import load_example_register
from boras_intl_lib.report.sections import SECTIONS

pytestmark = pytest.mark.browser

MIN_PT = 9.0
MARGIN_PT = 40.0  # header and footer live in the top and bottom 40 pt (the margins are 16+ mm)
HEADING_PT = 14.0  # h2 and h3 in print are 18 and 14.4 pt; body text 9–10.8 pt


@dataclass(frozen=True)
class Span:
    page: int
    y: float  # from the top of the page, in points
    size: float  # in points, as printed
    text: str


@dataclass(frozen=True)
class Pdf:
    path: Path
    spans: list[Span]
    heights: list[float]
    landscape: list[bool]

    def body(self, page: int) -> list[Span]:
        """The page's text without the running header and the page number."""
        height = self.heights[page - 1]
        return [s for s in self.spans
                if s.page == page and MARGIN_PT < s.y < height - MARGIN_PT]  # fmt: skip

    def text(self, page: int) -> str:
        return "".join(s.text for s in self.body(page))


def read_pdf(path: Path) -> Pdf:
    from pypdf import PdfReader

    reader = PdfReader(path)
    spans: list[Span] = []
    heights, landscape = [], []
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        heights.append(height)
        landscape.append(width > height)

        def visit(text, cm, tm, font, size, number=number, height=height):  # type: ignore[no-untyped-def]
            if not text.strip():
                return
            _, _, c, d, e, f = tm
            m = cm
            y = e * m[1] + f * m[3] + m[5]
            scale = ((c * m[0] + d * m[2]) ** 2 + (c * m[1] + d * m[3]) ** 2) ** 0.5
            spans.append(Span(number, height - y, size * scale, text))

        page.extract_text(visitor_text=visit)
    return Pdf(path, spans, heights, landscape)


def squeeze(text: str) -> str:
    """Text without white space or soft hyphens, ligatures (ﬁ, ﬀ) as their letters."""
    return "".join(unicodedata.normalize("NFKC", text.replace("\u00ad", "")).split())


@pytest.fixture(scope="module", params=["sv", "en"])
def pdf(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Pdf]:
    lang = request.param
    run = (runs.example_sv_pdf if lang == "sv" else runs.example_en_pdf)(tmp_path_factory)
    path = run.out / str(runs.YEAR) / f"report-{runs.YEAR}-{lang}.pdf"
    assert path.is_file(), run.stdout + run.stderr
    return lang, read_pdf(path)


def headings(doc: Pdf) -> dict[int, list[str]]:
    """The heading lines (h2, h3: 14 pt and more) of each page, in order."""
    lines: dict[int, dict[float, str]] = defaultdict(dict)
    for s in doc.spans:
        if s.size >= HEADING_PT and s.y > MARGIN_PT:
            line = lines[s.page]
            line[round(s.y)] = line.get(round(s.y), "") + s.text
    return {p: [t for _, t in sorted(by_y.items())] for p, by_y in lines.items()}


def test_no_text_is_smaller_than_9_pt(pdf: tuple[str, Pdf]) -> None:
    _, doc = pdf
    assert len(doc.spans) > 1000
    small = [s for s in doc.spans if s.size < MIN_PT - 0.05]
    assert small == [], f"{len(small)} text span(s) below 9 pt, first: {small[:5]}"


def heading_starts(doc: Pdf, min_size: float) -> set[int]:
    """The pages whose first line is a heading of at least ``min_size`` points."""
    starts = set()
    for page in range(1, len(doc.heights) + 1):
        body = doc.body(page)
        if body:
            top = min(s.y for s in body)
            if any(s.size >= min_size for s in body if abs(s.y - top) < 1):
                starts.add(page)
    return starts


def chapter_starts(doc: Pdf) -> set[int]:
    """The pages whose first line is a chapter heading (h2, 18 pt)."""
    return heading_starts(doc, 17)


def test_no_page_ends_in_a_heading(pdf: tuple[str, Pdf]) -> None:
    """A heading is followed on its page by at least three lines of what it heads, unless
    that is all it heads (the next page then starts with a heading)."""
    _, doc = pdf
    starts = heading_starts(doc, HEADING_PT)
    for page in range(1, len(doc.heights)):
        body = doc.body(page)
        assert body, f"page {page} is empty"
        heading_lines = [s.y for s in body if s.size >= HEADING_PT]
        if not heading_lines:
            continue
        last = max(heading_lines)
        after = {round(s.y) for s in body if s.y > last + 2}
        title = "".join(s.text for s in body if abs(s.y - last) < 1)
        assert len(after) >= 3 or page + 1 in starts, (
            f"page {page} ends in the heading {title!r} ({len(after)} line(s) after it)"
        )


def test_no_page_is_less_than_a_third_full_unless_a_chapter_ends_there(
    pdf: tuple[str, Pdf],
) -> None:
    _, doc = pdf
    starts = chapter_starts(doc)
    for page in range(1, len(doc.heights)):
        body = doc.body(page)
        bottom = max(s.y for s in body)
        usable = doc.heights[page - 1] - 2 * MARGIN_PT
        if (bottom - MARGIN_PT) / usable < 1 / 3:
            assert page + 1 in starts or doc.landscape[page] != doc.landscape[page - 1], (
                f"page {page} is less than a third full and the next page starts no chapter"
            )


def test_contents_page_numbers_are_the_pages_of_the_headings(pdf: tuple[str, Pdf]) -> None:
    lang, doc = pdf
    toc_page = next(p for p in range(1, 4) if squeeze(label("page.toc", lang)) in squeeze(
        "".join(s.text for s in doc.body(p) if s.size >= 12)))  # fmt: skip
    toc = squeeze(doc.text(toc_page))
    on_page = {p: squeeze("".join(lines)) for p, lines in headings(doc).items()}
    for section in SECTIONS:
        name = squeeze(label(f"section.{section}", lang))
        found = re.search(re.escape(name) + r"(\d+)", toc)
        assert found, f"{name!r} has no page number in the contents: {toc[:400]}"
        number = int(found.group(1))
        assert name in on_page.get(number, ""), (
            f"the contents give page {number} for {name!r}, but its heading is not there"
        )
        earlier = [p for p, text in on_page.items() if name in text and p < number]
        assert earlier == [], f"{name!r} is printed on page {earlier[0]} before page {number}"


def test_annex_is_on_landscape_pages_with_every_activity_once(pdf: tuple[str, Pdf]) -> None:
    lang, doc = pdf
    annex_pages = [p for p in range(1, len(doc.heights) + 1) if doc.landscape[p - 1]]
    assert annex_pages, "no landscape page: the annex is not printed across"
    assert annex_pages == list(range(annex_pages[0], annex_pages[-1] + 1))
    register = load_example_register()
    activities = register.activities
    ids = activities.loc[activities["year"] == runs.YEAR, "activity_id"].astype(str).tolist()
    assert len(ids) > 50
    text = "".join(squeeze(doc.text(p)) for p in annex_pages)
    counts = Counter(re.findall(r"\d{4}-[A-ZÅÄÖ]+-\d{3}", text))
    assert {i: counts[i] for i in ids} == dict.fromkeys(ids, 1)
    assert set(counts) == set(ids)  # nothing else, nothing twice
    assert squeeze(label("annex.heading", lang, year=runs.YEAR)) in text


def test_first_pages_read_as_a_case_document(tmp_path_factory: pytest.TempPathFactory) -> None:
    """With a document: block (tests/fixtures/report_runs.DOCUMENT_BLOCK), the Swedish PDF
    opens with the case data, then Sammanfattning, Ärendet, Bedömning, the official's
    assessment and the proposed decision, in that order, before the contents."""
    run = runs.example_sv_pdf(tmp_path_factory)
    doc = read_pdf(run.out / str(runs.YEAR) / f"report-{runs.YEAR}-sv.pdf")
    front = "".join(squeeze(doc.text(p)) for p in (1, 2, 3))
    order = ["Diarienummer", "KS2026-00042", "Sammanfattning", "Ärendet", "Bedömning",
             "Förvaltningensbedömning", "Förslagtillbeslut", "Innehåll"]  # fmt: skip
    positions = [front.find(squeeze(words)) for words in order]
    assert -1 not in positions, dict(zip(order, positions, strict=True))
    assert positions == sorted(positions)
    assert squeeze("Kommunfullmäktige antog Internationell policy den 21 juni 2023") in front
    assert squeeze("uppdrar åt Stadsledningskansliet") in front
