"""The report as a Swedish case document (issue 18, item 1), checked without a kernel: after
the summary (the verdict) come Ärendet and Bedömning; the official's assessment and the
proposed decision appear only when the parameters' ``document:`` block gives them, as escaped
Markdown; the policy's own aims are named where profiling and societal impact are assessed;
nothing is invented when the parameters leave something out."""

from __future__ import annotations

from pathlib import Path

import pytest

from boras_intl_lib.aggregation import active
from boras_intl_lib.i18n.labels import label
from boras_intl_lib.register import example_register_path, load_register
from boras_intl_lib.report import casedoc, display, sections
from boras_intl_lib.report.data import build
from boras_intl_lib.settings import AREAS, load_settings

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = load_settings(ROOT / "parameters" / "2025.yaml")
OFFICIAL = "Förvaltningen bedömer att arbetet **i huvudsak** följer policyn.\n\n<b>rå</b> HTML"
DECISION = (
    "1. Kommunstyrelsen lägger uppföljningen till handlingarna.\n"
    "2. Kommunstyrelsen uppdrar åt Stadsledningskansliet att ta fram ett underlag."
)


@pytest.fixture(scope="module")
def example():
    return load_register(example_register_path(), SETTINGS)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTML the section functions display, in order (no kernel needed)."""
    out: list[str] = []
    monkeypatch.setattr(display, "_publish", lambda html, plain, metadata=None: out.append(html))
    return out


def _with_document(**fields: object):
    return SETTINGS.with_changes({"document": fields})


def test_settings_read_the_document_fields_in_swedish_and_english() -> None:
    swedish = _with_document(bedömning=OFFICIAL, förslag_till_beslut=DECISION).document
    english = _with_document(assessment=OFFICIAL, proposed_decision=DECISION).document
    assert swedish is not None and english is not None
    assert (swedish.assessment, swedish.proposed_decision) == (OFFICIAL, DECISION)
    assert (english.assessment, english.proposed_decision) == (OFFICIAL, DECISION)
    assert SETTINGS.policy is not None
    assert (SETTINGS.policy.adopted.isoformat(), SETTINGS.policy.valid_until) == (
        "2023-06-21",
        2027,
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_front_reads_summary_matter_assessment_then_the_officials_text(
    example, shown: list[str], lang: str
) -> None:
    settings = _with_document(diarienummer="KS 2026-00042", bedömning=OFFICIAL,
                              förslag_till_beslut=DECISION)  # fmt: skip
    sections.show_front(build(example, settings, 2025, lang=lang))
    page = "".join(shown)
    order = [
        label("verdict.heading", lang),
        label("casedoc.matter", lang),
        label("casedoc.assessment", lang),
        label("casedoc.officer_assessment", lang),
        label("casedoc.proposed_decision", lang),
        label("casedoc.basis", lang),
        label("page.toc", lang),
    ]
    positions = [page.index(f">{display.escape(h)}</h") for h in order]
    assert positions == sorted(positions), order
    assert "<strong>i huvudsak</strong>" in page  # Markdown kept its meaning
    assert "&lt;b&gt;rå&lt;/b&gt;" in page and "<b>rå</b>" not in page  # raw HTML as typed
    assert "<ol>" in page and "uppdrar åt Stadsledningskansliet" in page


def test_without_the_officials_text_nothing_is_invented(example, shown: list[str]) -> None:
    sections.show_front(build(example, _with_document(diarienummer="KS 1"), 2025))
    page = "".join(shown)
    assert label("casedoc.matter") in page and label("casedoc.assessment") in page
    assert label("casedoc.officer_assessment") not in page
    assert label("casedoc.proposed_decision") not in page
    assert label("casedoc.basis") in page  # a document of record lists its basis


def test_without_a_document_block_there_is_no_basis_list(example, shown: list[str]) -> None:
    sections.show_front(build(example, SETTINGS.with_changes({"document": None}), 2025))
    page = "".join(shown)
    assert label("casedoc.matter") in page
    assert label("casedoc.basis") not in page


def test_the_basis_names_register_and_parameters_by_their_fingerprints(example) -> None:
    data = build(example, SETTINGS, 2025)
    items = casedoc.decision_basis(data)
    assert items[0].startswith("Denna rapport")
    assert f"example_register.xlsx (SHA-256 {example.sha256[:16]} …)" in items[2]
    assert data.params_sha256[:16] in items[3]
    assert items[4] == "Internationell policy, antagen av Kommunfullmäktige 2023-06-21"


def test_the_matter_names_the_policy_its_dates_bodies_aims_and_the_data(example) -> None:
    data = build(example, SETTINGS, 2025)
    text = " ".join(casedoc.matter_sentences(data))
    for words in ("Kommunfullmäktige", "21 juni 2023", "till och med 2027", "Kommunstyrelsen",
                  "alla nämnder och förvaltningar", "konkurrenskraftigt, attraktivt Borås",
                  "hållbar tillväxt", "example_register.xlsx", "2025"):  # fmt: skip
        assert words in text, words
    counted = len(active(data.scores))
    assert f"{counted} aktiviteter från" in text
    names = set(SETTINGS.administration_names)
    reported = sorted(set(active(data.scores)["administration"]) & names)
    n = len(SETTINGS.administrations)
    assert f"från {len(reported)} av {n} förvaltningar" in text
    for name in reported:
        assert name in text


def test_without_policy_dates_the_matter_gives_none(example) -> None:
    data = build(example, SETTINGS.with_changes({"policy": None}), 2025)
    text = " ".join(casedoc.matter_sentences(data))
    assert "2023" not in text and "2027" not in text
    assert "Kommunstyrelsen" in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_assessment_lines_equal_the_scores_counted_another_way(example, lang: str) -> None:
    data = build(example, SETTINGS, 2025, lang=lang)
    items = casedoc.assessment_items(data)
    assert len(items) == 1 + len(AREAS)
    scores = active(data.scores)
    clear = SETTINGS.scoring.clear_level
    for item, area in zip(items[1:], AREAS, strict=True):
        n_clear = int((scores[area] >= clear).sum())
        assert item.startswith(label(f"area.{area}", lang) + ":")
        of = label("casedoc.n_of_m", lang, n=n_clear, of="").strip()
        assert f"({of} {len(scores)} " in item, (item, of)
        named = any(casedoc.policy_aim(a, lang) in item for a in casedoc.AIM_AREAS)
        assert named == (area in casedoc.AIM_AREAS)


def test_area_sections_name_the_policy_aim_for_profiling_and_societal_impact(
    example, shown: list[str]
) -> None:
    sections.show_areas(build(example, SETTINGS, 2025))
    page = "".join(shown)
    for area in AREAS:
        aim = label(f"casedoc.aim.{area}") if area in casedoc.AIM_AREAS else None
        if aim:
            heading = page.index(f">{label(f'area.{area}')}</h3>")
            assert heading < page.index(display.escape(aim))


@pytest.mark.parametrize(
    ("markdown", "expected", "absent"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;", "<script"),
        ("[x](javascript:alert(1))", "<a href=", "javascript:"),
        ("![logo](http://example.org/a.png)", "logo", "<img"),
        ("# Rubrik", "<p><strong>Rubrik</strong></p>", "<h1"),
        ("1. Ett\n2. Två", "<ol>\n<li>Ett</li>\n<li>Två</li>\n</ol>", "&lt;ol"),
        ("{{ x }} {% y %}", "{{ x }} {% y %}", "<script"),
    ],
)
def test_markdown_is_escaped_and_keeps_no_active_or_outline_parts(
    markdown: str, expected: str, absent: str
) -> None:
    out = casedoc.markdown_html(markdown)
    assert expected in out
    assert absent not in out


def test_an_administrations_report_says_whose_follow_up_it_is(example) -> None:
    data = build(example, SETTINGS, 2025, administration="Kulturförvaltningen")
    sentences = casedoc.matter_sentences(data)
    n = len(active(data.scores))
    assert sentences[2] == (
        "Uppföljningen avser Kulturförvaltningen 2025 och bygger på verktygets exempelregister "
        f"(example_register.xlsx): {n} aktiviteter."
    )
    assert len(sentences) == 3  # no list of the city's administrations in its own report


def test_time_zone_is_stockholm_by_default_and_an_unknown_one_is_an_error() -> None:
    from boras_intl_lib.errors import ParametersError

    assert SETTINGS.time_zone == "Europe/Stockholm"
    assert SETTINGS.with_changes({"time_zone": "UTC"}).time_zone == "UTC"
    with pytest.raises(ParametersError, match="Europe/Borås"):
        SETTINGS.with_changes({"time_zone": "Europe/Borås"})
