"""Swedish and English a native speaker would write (issue 18, item 2): the report's sentence
templates rendered with the counts 0, 1, 2 and 21 in both languages, compared with text written
by hand; one way to phrase counted things (``{n:aktivitet|aktiviteter}`` →
``formatting.count_phrase``, CLDR's plural rules through babel), no sentence starting with a
digit, area names in lower case mid-sentence."""

from __future__ import annotations

import re

import pytest

from boras_intl_lib.i18n.formatting import count_phrase, plural_category, programme_name
from boras_intl_lib.i18n.labels import LABELS, label

COUNTS = (0, 1, 2, 21)

# key, extra values, then per count: (Swedish, English) — written by hand.
EXPECTED: list[tuple[str, dict[str, object], dict[int, tuple[str, str]]]] = [
    ("finding.needs_exception", {}, {
        0: ("Undantagsbeslut saknas för 0 aktiviteter trots att det krävs.",
            "An exception decision is required but missing for 0 activities."),
        1: ("Undantagsbeslut saknas för 1 aktivitet trots att det krävs.",
            "An exception decision is required but missing for 1 activity."),
        2: ("Undantagsbeslut saknas för 2 aktiviteter trots att det krävs.",
            "An exception decision is required but missing for 2 activities."),
        21: ("Undantagsbeslut saknas för 21 aktiviteter trots att det krävs.",
             "An exception decision is required but missing for 21 activities."),
    }),
    ("finding.cancelled", {}, {
        0: ("Under året ställdes 0 aktiviteter in; inställda aktiviteter räknas inte.",
            "During the year 0 activities were cancelled; cancelled activities are not counted."),
        1: ("Under året ställdes 1 aktivitet in; inställda aktiviteter räknas inte.",
            "During the year 1 activity was cancelled; cancelled activities are not counted."),
        2: ("Under året ställdes 2 aktiviteter in; inställda aktiviteter räknas inte.",
            "During the year 2 activities were cancelled; cancelled activities are not counted."),
        21: ("Under året ställdes 21 aktiviteter in; inställda aktiviteter räknas inte.",
             "During the year 21 activities were cancelled; cancelled activities are not counted."),
    }),
    ("precondition.missing_text", {}, {
        0: ("I årets aktiviteter saknar 0 partner giltigt undantagsbeslut, trots att partnerna "
            "finns i länder som inte uppfyller kraven.",
            "In this year's activities, 0 partners are in countries that do not meet the "
            "precondition, without a valid exception decision."),
        1: ("I årets aktiviteter saknar 1 partner giltigt undantagsbeslut, trots att partnern "
            "finns i ett land som inte uppfyller kraven.",
            "In this year's activities, 1 partner is in a country that does not meet the "
            "precondition, without a valid exception decision."),
        2: ("I årets aktiviteter saknar 2 partner giltigt undantagsbeslut, trots att partnerna "
            "finns i länder som inte uppfyller kraven.",
            "In this year's activities, 2 partners are in countries that do not meet the "
            "precondition, without a valid exception decision."),
        21: ("I årets aktiviteter saknar 21 partner giltigt undantagsbeslut, trots att partnerna "
             "finns i länder som inte uppfyller kraven.",
             "In this year's activities, 21 partners are in countries that do not meet the "
             "precondition, without a valid exception decision."),
    }),
    ("finding.expiring", {}, {
        0: ("Inom ett år efter årets slut upphör 0 undantagsbeslut medan aktiviteterna som "
            "besluten gäller fortsätter:",
            "Within a year of the year's end, 0 exception decisions end while the activities "
            "they cover go on:"),
        1: ("Inom ett år efter årets slut upphör 1 undantagsbeslut medan aktiviteterna som "
            "beslutet gäller fortsätter:",
            "Within a year of the year's end, 1 exception decision ends while the activities "
            "it covers go on:"),
        2: ("Inom ett år efter årets slut upphör 2 undantagsbeslut medan aktiviteterna som "
            "besluten gäller fortsätter:",
            "Within a year of the year's end, 2 exception decisions end while the activities "
            "they cover go on:"),
        21: ("Inom ett år efter årets slut upphör 21 undantagsbeslut medan aktiviteterna som "
             "besluten gäller fortsätter:",
             "Within a year of the year's end, 21 exception decisions end while the activities "
             "they cover go on:"),
    }),
    ("finding.without_work", {}, {
        0: ("I år saknar 0 förvaltningar internationellt arbete:",
            "This year 0 administrations have no international work:"),
        1: ("I år saknar 1 förvaltning internationellt arbete:",
            "This year 1 administration has no international work:"),
        2: ("I år saknar 2 förvaltningar internationellt arbete:",
            "This year 2 administrations have no international work:"),
        21: ("I år saknar 21 förvaltningar internationellt arbete:",
             "This year 21 administrations have no international work:"),
    }),
    ("verdict.volume", {"year": 2025, "planned": 1, "ongoing": 2, "completed": 21}, {
        0: ("Rapporten räknar 0 aktiviteter 2025: 1 planerad, 2 pågående och 21 avslutade. "
            "Inställda aktiviteter räknas inte i någon siffra i rapporten.",
            "The report counts 0 activities in 2025: 1 planned, 2 ongoing and 21 completed. "
            "Cancelled activities are left out of every figure in the report."),
        1: ("Rapporten räknar 1 aktivitet 2025: 1 planerad, 2 pågående och 21 avslutade. "
            "Inställda aktiviteter räknas inte i någon siffra i rapporten.",
            "The report counts 1 activity in 2025: 1 planned, 2 ongoing and 21 completed. "
            "Cancelled activities are left out of every figure in the report."),
        2: ("Rapporten räknar 2 aktiviteter 2025: 1 planerad, 2 pågående och 21 avslutade. "
            "Inställda aktiviteter räknas inte i någon siffra i rapporten.",
            "The report counts 2 activities in 2025: 1 planned, 2 ongoing and 21 completed. "
            "Cancelled activities are left out of every figure in the report."),
        21: ("Rapporten räknar 21 aktiviteter 2025: 1 planerad, 2 pågående och 21 avslutade. "
             "Inställda aktiviteter räknas inte i någon siffra i rapporten.",
             "The report counts 21 activities in 2025: 1 planned, 2 ongoing and 21 completed. "
             "Cancelled activities are left out of every figure in the report."),
    }),
    ("areas.area_text_no_target", {"n_clear": 0, "share": "0 %", "trend": "up"}, {
        0: ("Tydligt bidrag: 0 av 0 aktiviteter (0 %). Jämfört med föregående år: up.",
            "Clear contribution: 0 of 0 activities (0 %). Compared with the previous year: up."),
        1: ("Tydligt bidrag: 0 av 1 aktivitet (0 %). Jämfört med föregående år: up.",
            "Clear contribution: 0 of 1 activity (0 %). Compared with the previous year: up."),
        2: ("Tydligt bidrag: 0 av 2 aktiviteter (0 %). Jämfört med föregående år: up.",
            "Clear contribution: 0 of 2 activities (0 %). Compared with the previous year: up."),
        21: ("Tydligt bidrag: 0 av 21 aktiviteter (0 %). Jämfört med föregående år: up.",
             "Clear contribution: 0 of 21 activities (0 %). Compared with the previous year: "
             "up."),
    }),
    ("threshold.now", {}, {
        1: ("Med dagens trösklar har 1 aktivitet partner i länder som inte uppfyller alla "
            "villkor; den behöver undantagsbeslut. Så många vore det med ett steg strängare eller "
            "mildare krav för ett villkor i taget:",
            "With today's thresholds 1 activity has partners in countries that fail a condition; "
            "it needs an exception decision. This many would with a requirement one step "
            "stricter or looser for one condition at a time:"),
        21: ("Med dagens trösklar har 21 aktiviteter partner i länder som inte uppfyller alla "
             "villkor; de behöver undantagsbeslut. Så många vore det med ett steg strängare eller "
             "mildare krav för ett villkor i taget:",
             "With today's thresholds 21 activities have partners in countries that fail a "
             "condition; they need an exception decision. This many would with a requirement one "
             "step stricter or looser for one condition at a time:"),
    }),
    ("rubric.profiling.1", {}, {
        1: ("Minst 1 profileringsmål", "At least 1 profiling target"),
        2: ("Minst 2 profileringsmål", "At least 2 profiling targets"),
    }),
    ("precondition.domestic", {"m": 1}, {
        0: ("Svenska partner omfattas inte av bedömningen och står inte i tabellen: 0 partner i "
            "1 aktivitet.",
            "Swedish partners are outside the assessment and not in the table: 0 partners in "
            "1 activity."),
        21: ("Svenska partner omfattas inte av bedömningen och står inte i tabellen: 21 partner "
             "i 1 aktivitet.",
             "Swedish partners are outside the assessment and not in the table: 21 partners in "
             "1 activity."),
    }),
]  # fmt: skip
CASES = [
    (key, values, n, lang, texts[n][i])
    for key, values, by_count in EXPECTED
    for n in by_count
    for i, lang in enumerate(("sv", "en"))
    for texts in [by_count]
]


@pytest.mark.parametrize(("key", "values", "n", "lang", "expected"), CASES)
def test_sentence_templates_read_as_written_by_hand(
    key: str, values: dict[str, object], n: int, lang: str, expected: str
) -> None:
    assert label(key, lang, n=n, **values) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_count_phrase_agrees_in_number(lang: str) -> None:
    forms = {"sv": "avslutad|avslutade", "en": "completed activity|completed activities"}[lang]
    got = [count_phrase(n, forms, lang) for n in (0, 1, 2, 21, 1234)]  # type: ignore[arg-type]
    expected = {
        "sv": ["0 avslutade", "1 avslutad", "2 avslutade", "21 avslutade", "1\u00a0234 avslutade"],
        "en": ["0 completed activities", "1 completed activity", "2 completed activities",
               "21 completed activities", "1,234 completed activities"],
    }[lang]  # fmt: skip
    assert got == expected
    assert [plural_category(n, lang) for n in COUNTS] == ["other", "one", "other", "other"]  # type: ignore[arg-type]


def test_area_names_are_lower_case_mid_sentence() -> None:
    text = label("finding.areas", "sv", best="Kunskapsutbyten", best_share="51 %",
                 worst="Vänortsarbete", worst_share="10 %")  # fmt: skip
    assert text == (
        "Störst andel aktiviteter med tydligt bidrag har kunskapsutbyten (51 %), minst har "
        "vänortsarbete (10 %)."
    )
    listed = label("over_time.like_groups", "en", areas="Operational development, Profiling")
    assert listed.startswith("For operational development, profiling each year")


@pytest.mark.parametrize("lang", [0, 1])
def test_no_report_sentence_template_starts_with_a_count_or_says_s_in_brackets(
    lang: int,
) -> None:
    """A template that starts a sentence with a placeholder for a count would start it with a
    digit; "(s)" and "(er)" are the machine's way around agreement."""
    count = re.compile(r"(^|[.!?]\s+)\{(n|m|n_\w+|total|count)(:[^}]*)?\}")
    report = ("verdict.", "finding.", "precondition.", "areas.", "data_quality.", "threshold.",
              "over_time.", "casedoc.", "annex.", "rubric.")  # fmt: skip
    ends = (".", ":", "!", "?")
    sentences = {k: v[lang] for k, v in LABELS.items()
                 if k.startswith(report) and v[lang].rstrip().endswith(ends)}  # fmt: skip
    assert len(sentences) > 50
    starting = [k for k, text in sentences.items() if count.search(text)]
    assert starting == []
    brackets = [k for k, v in LABELS.items() if "(s)" in v[1] or "(er)" in v[0]]
    assert brackets == []


@pytest.mark.parametrize(
    ("source", "lang", "expected"),
    [
        ("Horisont Europa", "en", "Horizon Europe"),
        ("horizon  europe", "sv", "Horisont Europa"),
        ("Kreativa Europa", "en", "Creative Europe"),
        ("egen finansiering", "en", "own funding"),
        ("Own funding", "sv", "egen finansiering"),
        ("Erasmus+", "en", "Erasmus+"),  # the same in both languages: as written
        ("Nordplus", "sv", "Nordplus"),
    ],
)
def test_programme_names_are_in_the_reports_language(source: str, lang: str, expected: str) -> None:
    assert programme_name(source, lang) == expected  # type: ignore[arg-type]
