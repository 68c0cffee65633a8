"""A hostile register (tests/fixtures/hostile) through `boras-intl report` and `boras-intl score`.

Every text field carries markup, Markdown, Jinja and format-string payloads, 5,000-character
strings, right-to-left and zero-width characters, emoji, and text that starts like a
spreadsheet formula. These tests read the files written (the browser tests in
tests/browser/ open the same reports in chromium and check that no script runs):

- every report is written, including one for an administration whose name is all payloads;
- the HTML holds no markup that came from the register, and shows the text as typed;
- in the Excel workbooks and the score CSV files no cell is a formula, and text starting with
  ``=``, ``+``, ``-`` or ``@`` starts with an apostrophe instead.
"""

from __future__ import annotations

import csv
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fixtures import report_runs as runs
from fixtures.hostile import hostile_register as h
from openpyxl import load_workbook

pytestmark = pytest.mark.notebook

UNEXPECTED_TAGS = {"script", "svg", "iframe", "object", "embed", "form", "base", "math", "strong"}
NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)?$")  # a negative number is data, not a formula


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> runs.Hostile:
    return runs.hostile(tmp_path_factory)


@pytest.fixture(scope="module")
def html_files(hostile: runs.Hostile) -> list[Path]:
    files = sorted((hostile.report.out / str(runs.YEAR)).rglob("*.html"))
    assert len(files) == 4, f"expected city, two administrations and the index: {files}"
    return files


class _Page(HTMLParser):
    """Tags, attributes and text of an HTML page (character references resolved)."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_every_report_is_written(hostile: runs.Hostile, html_files: list[Path]) -> None:
    out = hostile.report.out / str(runs.YEAR)
    folders = runs.administration_folders(hostile.report)
    assert len(folders) == 2, "one report per administration of the parameters file"
    for folder in [out, *folders]:
        for suffix in ("html", "xlsx", "ipynb"):
            assert (folder / f"report-{runs.YEAR}-sv.{suffix}").is_file()
        assert len(folder.name) <= 80, f"folder name from an administration too long: {folder}"
    assert not list(out.rglob("*.failed.ipynb")), "a report failed on the hostile register"
    errors = [ln for ln in hostile.report.stderr.splitlines() if ln.startswith(("fel:", "error:"))]
    assert not errors, errors


def test_html_holds_no_markup_from_the_register(html_files: list[Path]) -> None:
    for path in html_files:
        source = path.read_text(encoding="utf-8")
        page = _Page(source)
        tags = {tag for tag, _ in page.tags}
        assert not tags & UNEXPECTED_TAGS, f"{path.name}: {tags & UNEXPECTED_TAGS}"
        for tag, attrs in page.tags:
            for name, value in attrs:
                assert not name.startswith("on"), f"{path.name}: <{tag} {name}=…>"
                if name in {"href", "src", "action"}:
                    assert not (value or "").strip().lower().startswith("javascript:")
                if tag == "img" and name == "src":  # an SVG shown as an image runs no script
                    assert (value or "").startswith(
                        ("data:image/png;base64,", "data:image/svg+xml;base64,")
                    )
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source, "escaped payload not found"


def test_html_shows_register_text_as_typed(html_files: list[Path]) -> None:
    city = next(p for p in html_files if p.parent.name == str(runs.YEAR) and "report" in p.name)
    text = "".join(_Page(city.read_text(encoding="utf-8")).text)
    for typed in (h.ADMIN_1, h.ADMIN_2, h.TITLE_1, h.PARTNER_1, h.DECISION_1, h.FUNDING_1,
                  h.FUNDING_4, h.BAD_TYPE, h.UNKNOWN_ADMIN):  # fmt: skip
        assert h.shown(typed) in text or typed in text, f"not shown as typed: {typed[:60]!r}…"
    assert h.JINJA in text and h.SCRIPT in text
    assert "**bold**" in text and "[x](javascript:alert(1))" in text, "Markdown was rendered"


def test_workbooks_have_no_formulas_and_neutralised_text(hostile: runs.Hostile) -> None:
    workbooks = sorted((hostile.report.out / str(runs.YEAR)).rglob("*.xlsx"))
    assert len(workbooks) == 3
    values: set[str] = set()
    for path in workbooks:
        for sheet in load_workbook(path).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{path.name} {sheet.title}!{cell.coordinate}"
                    if isinstance(cell.value, str):
                        values.add(cell.value)
    risky = [v for v in values if v.startswith(h.FORMULA_STARTS) and not NUMBER.match(v)]
    assert not risky, f"text that Excel would run as a formula: {risky[:5]}"
    for typed in (h.ADMIN_2, h.COMMITTEE_2, h.FUNDING_2, h.FUNDING_4, h.TITLE_4, h.PARTNER_6,
                  h.DECISION_2):  # fmt: skip
        assert "'" + typed in values, f"not kept as neutralised text: {typed[:40]!r}"
    assert h.ADMIN_1 in values, "register text changed on its way to Excel"


def test_score_files_have_neutralised_text(hostile: runs.Hostile) -> None:
    files = {p.name: p for p in hostile.scores.out.glob("*.csv")}
    assert {"scores.csv", "partners.csv", "rejected.csv"} <= set(files)
    fields: set[str] = set()
    for path in files.values():
        with path.open(encoding="utf-8-sig", newline="") as f:
            fields.update(value for row in csv.reader(f) for value in row)
    risky = [v for v in fields if v.startswith(h.FORMULA_STARTS) and not NUMBER.match(v)]
    assert not risky, f"text that Excel would run as a formula: {risky[:5]}"
    for typed in (h.ACTIVITY_IDS[5], h.ACTIVITY_IDS[6], h.PARTNER_3, h.PARTNER_5, h.PARTNER_6,
                  h.DECISION_2):  # fmt: skip
        assert "'" + typed in fields, f"not kept as neutralised text: {typed[:40]!r}"
    assert h.shown(h.PARTNER_1) in fields and h.shown(h.BAD_TYPE) in fields
