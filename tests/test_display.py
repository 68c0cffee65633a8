"""display: escaped, accessible HTML for the notebook; deterministic figures; cheap to import."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import pandas as pd
import pytest
from matplotlib.figure import Figure

from boras_intl_lib.report import display

HOSTILE = '<script>alert(1)</script> "><svg onload=alert(2)> {{ 7*7 }} **bold** {0}'


def small_figure() -> Figure:
    fig = Figure(figsize=(2, 1.5), dpi=100)
    fig.add_subplot().bar(["a", "b"], [1, 2])
    return fig


# --- escaping --------------------------------------------------------------------------------


def test_escape_makes_register_text_inert() -> None:
    text = display.escape(HOSTILE)
    assert "<" not in text and ">" not in text and '"' not in text
    assert "&lt;script&gt;" in text and "{{ 7*7 }}" in text and "**bold**" in text
    assert display.escape(None) == display.escape(float("nan")) == "–"


def test_heading_escapes_text_and_uses_a_safe_id() -> None:
    assert display.heading_html("Förutsättningen 2025", 2) == (
        '<h2 id="forutsattningen-2025">Förutsättningen 2025</h2>'
    )
    html = display.heading_html(HOSTILE, 3)
    assert "<script" not in html and html.startswith('<h3 id="script-alert-1-script')
    with pytest.raises(ValueError):
        display.heading_html("x", 2, anchor='x" onclick="alert(1)')
    with pytest.raises(ValueError):
        display.heading_html("x", 7)


def test_slug_is_a_valid_id() -> None:
    assert display.slug("Över tid — 2021–2025") == "over-tid-2021-2025"
    assert display.slug("2025") == "s-2025"
    assert display.slug("ÅÄÖ!") == "aao"
    assert display.slug("<>") == "section"


def test_paragraph_escapes_values_and_isolates_them() -> None:
    html = display.paragraph_html("{n} partner i {country}.", n="3", country=HOSTILE)
    assert html.startswith("<p><bdi>3</bdi> partner i <bdi>") and html.endswith("</bdi>.</p>")
    assert "<script" not in html and "<svg" not in html
    assert "{0}" in html  # a value's braces are not formatted again
    assert display.paragraph_html("a < b") == "<p>a &lt; b</p>"


def test_list_key_figures_and_banner_escape_everything() -> None:
    for html in (
        display.list_html([HOSTILE, "ok"]),
        display.key_figures_html([(HOSTILE, HOSTILE)]),
        display.banner_html(HOSTILE),
    ):
        assert "<script" not in html and "<svg" not in html
    assert 'role="note"' in display.banner_html("Fiktiva exempeldata")


def test_toc_links_and_nests_by_level() -> None:
    html = display.toc_html(
        [("Sammanfattning", "sammanfattning"), ("Fonder", "fonder", 3), (HOSTILE, "over-tid")],
        "Innehåll",
    )
    assert html.startswith('<nav class="toc" aria-labelledby="toc-title">')
    assert html.count("<ol>") == 2 and html.count("</ol>") == 2
    assert html.count("<li>") == html.count("</li>") == 3
    assert '<a href="#fonder">Fonder</a>' in html and "<script" not in html
    with pytest.raises(ValueError):
        display.toc_html([("x", "javascript:alert(1)")], "Innehåll")


# --- tables ------------------------------------------------------------------------------------


def test_table_has_caption_scoped_headers_and_escaped_cells() -> None:
    df = pd.DataFrame(
        {
            "Partner": [HOSTILE, "Åbo"],
            "År": [2025, 2024],
            "Budget": [1234567.5, None],
            "Andel": [0.8, 0.25],
            "Klar": [True, False],
        }
    )
    html = display.table_html(df, "Partner <2025>", lang="sv", number_format={"Andel": "percent"})
    assert "<caption>Partner &lt;2025&gt;</caption>" in html
    headers = re.findall(r"<th([^>]*)>([^<]*)</th>", html)
    assert [h[1] for h in headers] == ["Partner", "År", "Budget", "Andel", "Klar"]
    assert all('scope="col"' in attrs for attrs, _ in headers)
    assert not re.search(r"<th[^>]*>\s*</th>", html)
    assert "<script" not in html and "&lt;script&gt;" in html
    assert ">2025<" in html  # a year is not grouped
    assert ">1\xa0234\xa0567,5<" in html and ">–<" in html
    assert ">80\xa0%<" in html and ">Ja<" in html and ">Nej<" in html
    assert 'role="region" tabindex="0" aria-label="Partner &lt;2025&gt;"' in html


def test_table_english_numbers_and_callable_format() -> None:
    df = pd.DataFrame({"Amount": [1234567.0, 2.0], "Name": ["a", "b"]})
    html = display.table_html(df, lang="en", number_format={"Name": str.upper})
    assert ">1,234,567<" in html and ">A<" in html
    assert "<caption>" not in html and 'role="region"' not in html


def test_table_index_becomes_row_headers_without_empty_th() -> None:
    df = pd.DataFrame({"Antal": [3, 1]}, index=pd.Index(["Kultur", HOSTILE]))
    html = display.table_html(df, "Per förvaltning", index=True)
    assert "<thead><tr><td></td>" in html  # unnamed index: an empty td, never an empty th
    assert '<th scope="row">Kultur</th>' in html and "<script" not in html
    named = display.table_html(df.rename_axis("Förvaltning"), "x", index=True)
    assert '<th scope="col">Förvaltning</th>' in named


def test_table_refuses_unnamed_columns() -> None:
    with pytest.raises(ValueError, match="no name"):
        display.table_html(pd.DataFrame({"": [1]}), "x")


# --- figures -----------------------------------------------------------------------------------


def test_figure_png_is_deterministic_and_has_no_version_metadata() -> None:
    first, width, height = display.figure_png(small_figure())
    second, _, _ = display.figure_png(small_figure())
    assert first == second
    assert first.startswith(b"\x89PNG") and (width, height) == (220, 165)
    assert b"matplotlib" not in first.lower() and b"Software" not in first


def test_figure_bundle_carries_alt_text() -> None:
    bundle, metadata = display.figure_bundle(small_figure(), "  Staplar:\n a 1, b 2 ")
    assert metadata["image/png"]["alt"] == "Staplar: a 1, b 2"
    assert bundle["text/plain"] == "Staplar: a 1, b 2"
    with pytest.raises(ValueError, match="alt text"):
        display.figure_bundle(small_figure(), "  ")


def test_show_functions_publish_html_and_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[Any, dict]] = []

    def fake_display(obj: Any, raw: bool = False, metadata: dict | None = None) -> None:
        assert raw
        shown.append((obj, metadata or {}))

    monkeypatch.setattr("IPython.display.display", fake_display)
    display.heading("Fonder", 2)
    display.show_figure(small_figure(), "Staplar: a 1, b 2")
    display.show_table(pd.DataFrame({"x": [1]}), "Tabell")
    display.show_toc([("Fonder", "fonder")], lang="en")
    display.show_paragraph("{n} st", n=HOSTILE)
    assert shown[0][1] == {"boras_intl": {"section": "Fonder"}}
    assert shown[1][1]["image/png"]["alt"] == "Staplar: a 1, b 2"
    assert "image/png" in shown[1][0]
    assert "<caption>Tabell</caption>" in shown[2][0]["text/html"]
    assert "Contents" in shown[3][0]["text/html"]
    assert "<script" not in shown[4][0]["text/html"]


def test_show_figure_closes_pyplot_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    monkeypatch.setattr("IPython.display.display", lambda *a, **k: None)
    fig, ax = plt.subplots()
    ax.plot([1, 2])
    display.show_figure(fig, "Linje från 1 till 2")
    assert not plt.fignum_exists(fig.number)


def test_display_does_not_import_papermill_or_nbconvert() -> None:
    code = (
        "import sys, boras_intl_lib.report.display\n"
        "bad = [m for m in ('papermill', 'nbconvert', 'nbformat', 'IPython') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_compound_keeps_its_line_when_punctuation_follows_it() -> None:
    from boras_intl_lib.report.display import escape_breakable

    assert escape_breakable("menade du Kulturförvaltningen?") == "menade du Kulturförvaltningen?"
    assert "<wbr>" in escape_breakable("(KS-2024-00212-ÄNDRAT-BESLUT)")
