"""The written report reads as a person wrote it (issue 18, item 2), checked on the HTML of the
2025 reports (Swedish city report, English city and administration reports): no sentence of
running text starts with a digit, no invisible control characters (bidi isolates U+2066–2069,
marks U+200E/U+200F), no internal key (``finding.needs_exception``, ``needs_exception``) and
no English inside the Swedish report's own words; the generation time is Stockholm's."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fixtures import report_runs as runs

from boras_intl_lib.i18n.labels import LABELS

pytestmark = pytest.mark.notebook

CONTROL = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Running text: paragraphs, captions, the findings' sentences (legends and table cells are
# labels and data, where "0 Inget bidrag" or an id first is right).
SENTENCE_TAGS = re.compile(
    r'<(p|figcaption|caption|summary|span class="finding-text")\b[^>]*>(.*?)</(?:p|figcaption|'
    r"caption|summary|span)>",
    re.S,
)
TAG = re.compile(r"<[^>]+>")
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)(\d)")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    en = runs.example_en_per_administration(tmp_path_factory)
    folder = runs.administration_folders(en)[0]
    paths = {
        "sv": runs.report_html(runs.example_sv(tmp_path_factory), "sv"),
        "en": runs.report_html(en, "en"),
        "administration": folder / f"report-{runs.YEAR}-en.html",
    }
    return {kind: Path(p).read_text(encoding="utf-8") for kind, p in paths.items()}


def running_text(page: str) -> list[str]:
    """The text of every paragraph, caption, summary and finding, markup removed."""
    body = page[page.index("<main") :]
    return [" ".join(html.unescape(TAG.sub("", m.group(2))).split())
            for m in SENTENCE_TAGS.finditer(body)]  # fmt: skip


@pytest.mark.parametrize("kind", ["sv", "en", "administration"])
def test_no_sentence_starts_with_a_digit(pages: dict[str, str], kind: str) -> None:
    texts = running_text(pages[kind])
    assert len(texts) > 50
    starting = [t for t in texts if SENTENCE_START.search(t) and not _is_data(t)]
    assert starting == [], starting[:10]


def _is_data(text: str) -> bool:
    """A list item that is a record, not a sentence: an activity id or a decision id first."""
    return bool(re.match(r"\d{4}-[A-ZÅÄÖ]+-\d{3}\b|[A-ZÅÄÖ]{2,} \d{4}-\d+", text))


@pytest.mark.parametrize("kind", ["sv", "en", "administration"])
def test_no_invisible_control_characters(pages: dict[str, str], kind: str) -> None:
    found = {f"U+{ord(c):04X}" for c in CONTROL.findall(pages[kind])}
    assert found == set()


@pytest.mark.parametrize("kind", ["sv", "en", "administration"])
def test_no_internal_key_in_the_text(pages: dict[str, str], kind: str) -> None:
    text = " ".join(running_text(pages[kind]))
    keys = [k for k in LABELS if re.search(rf"(?<![\w.]){re.escape(k)}(?![\w])", text)]
    assert keys == []
    snake = set(re.findall(r"\b[a-z]+(?:_[a-z]+)+\b", text)) - {"example_register"}
    assert snake == set()  # area keys (operational_development) and verdict codes alike


def test_generation_time_is_stockholms(pages: dict[str, str]) -> None:
    stamps = runs.TIMESTAMP.findall(pages["sv"])
    assert len(stamps) == 1
    assert stamps[0].endswith(("CET", "CEST")), stamps


def test_programme_names_are_in_the_reports_language(pages: dict[str, str]) -> None:
    """The English report's funding table and chart say Horizon Europe, not Horisont Europa."""
    for swedish, english in (("Horisont Europa", "Horizon Europe"),
                             ("Kreativa Europa", "Creative Europe")):  # fmt: skip
        assert swedish in pages["sv"] and english not in pages["sv"]
        assert english in pages["en"] and swedish not in pages["en"]
