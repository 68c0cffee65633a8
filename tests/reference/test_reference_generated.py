"""Generated registers (hypothesis): the report's tables equal the reference on whatever mix of
years, administrations, statuses, twin-city partners (city cell filled or empty), countries,
amounts with öre, funding sources (EU, other, own, none), global goals and rubric evidence
(activity type, outcome, evaluation, documentation, profiling targets, sustainability
dimensions, democracy level — so the reference's own rubric is held to the scoring's) comes up.

Slow tier: each example writes a CSV register, loads and evaluates it as the report does and
compares every table the workbook is written from; one example in twenty also goes through the
.xlsx file itself."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boras_intl_lib.evaluation import evaluate
from boras_intl_lib.indicators.loaders import load_indicators
from boras_intl_lib.register import load_register
from boras_intl_lib.report import tables
from boras_intl_lib.report.data import build
from boras_intl_lib.report.workbook import write_report_workbook
from boras_intl_lib.settings import default_parameters_path, load_settings
from reference.compute import compute
from reference.workbook import assert_workbook_matches, book_from_tables, read_workbook
from tests.register_helpers import write_csv_folder

SETTINGS = load_settings(default_parameters_path(2024))
ADMINS = SETTINGS.administration_names[:4]
PARTNERS = [  # (name, city, country)
    ("Mikkelin kaupunki", "Mikkeli", "Finland"),
    ("Mikkelin kaupunki", "", "Finland"),
    ("Molde kommune", "Molde", "Norge"),
    ("Molde videregående skole", "", "Norge"),
    ("Vejle Kommune", "", "Danmark"),
    ("Jobcenter Vejle", "Vejle", "Danmark"),
    ("Vejle Kommune", "Vejle", "Sverige"),  # a town of the name in another country: no twin
    ("Aalborg Kommune", "Aalborg", "Danmark"),
    ("Kulturhuset AB", "Borås", "Sverige"),
    ("kulturhuset  ab", "", "Sverige"),
    ("Beijing Foreign Studies University", "Peking", "Kina"),
    ("Université de Lyon", "Lyon", "Frankrike"),
    ("Unknown Land Org", "", "Atlantis"),
]
SOURCES = ["", "Erasmus+", "Interreg Europe", "ICLD", "egen finansiering", "Egen  Finansiering",
           "Nordplus", "LIFE", "Better Life Foundation"]  # fmt: skip
STATUSES = ["planerad", "pågående", "avslutad", "inställd", ""]
TYPES = ["projekt", "EU-projekt", "studiebesök", "kunskapsutbyte", "vänortsutbyte", "konferens",
         "nätverk", "profilering", "övrigt"]  # fmt: skip
TARGETS = ["utbildning", "etablering", "tillväxt", "kunskap", "livskvalitet", "besöksnäring"]
DIMENSIONS = ["ekologisk", "social", "ekonomisk"]
YES_NO = ["", "ja", "nej"]


@cache
def _indicators():  # type: ignore[no-untyped-def]
    return load_indicators(SETTINGS)


def _amount(cents: int | None) -> str:
    if cents is None:
        return ""
    kr, ore = divmod(cents, 100)
    return f"{kr},{ore:02d}" if ore else str(kr)


activity_rows = st.lists(
    st.fixed_dictionaries(
        {
            "year": st.sampled_from([2022, 2023, 2024]),
            "administration": st.sampled_from(ADMINS),
            "status": st.sampled_from(STATUSES),
            "budget": st.one_of(st.none(), st.integers(0, 50_000_000)),
            "external": st.one_of(st.none(), st.integers(0, 20_000_000)),
            "source": st.sampled_from(SOURCES),
            "participants": st.one_of(st.none(), st.integers(0, 40)),
            "outcome": st.sampled_from(["", "0", "1", "2", "3"]),
            "type": st.sampled_from(TYPES),
            "evaluated": st.sampled_from(YES_NO),
            "documented": st.sampled_from(YES_NO),
            "shared": st.sampled_from(YES_NO),
            "targets": st.lists(st.sampled_from(TARGETS), max_size=6, unique=True),
            "dimensions": st.lists(st.sampled_from(DIMENSIONS), max_size=3, unique=True),
            "democracy": st.sampled_from(["", "0", "1", "2", "3"]),
            "sdgs": st.lists(st.integers(1, 17), max_size=4),
            "partners": st.lists(st.sampled_from(range(len(PARTNERS))), max_size=4),
        }
    ),
    min_size=1,
    max_size=25,
)


def _register(folder: Path, rows: list[dict]):  # type: ignore[no-untyped-def]
    acts, parts = [], []
    for i, r in enumerate(rows, 1):
        aid = f"G{i}"
        acts.append(
            {
                "activity_id": aid,
                "year": str(r["year"]),
                "title": f"Aktivitet {i}",
                "administration": r["administration"],
                "activity_type": r["type"],
                "status": r["status"],
                "budget_sek": _amount(r["budget"]),
                "external_funding_sek": _amount(r["external"]),
                "funding_source": r["source"],
                "participants": "" if r["participants"] is None else str(r["participants"]),
                "outcome_level": r["outcome"],
                "sdgs": ";".join(map(str, r["sdgs"])),
                "evaluated": r["evaluated"],
                "knowledge_documented": r["documented"],
                "knowledge_shared": r["shared"],
                "profiling_targets": ";".join(r["targets"]),
                "sustainability": ";".join(r["dimensions"]),
                "democracy_level": r["democracy"],
            }
        )
        for k in r["partners"]:
            name, city, country = PARTNERS[k]
            parts.append(
                {"activity_id": aid, "partner_name": name, "city": city, "country": country}
            )
    write_csv_folder(folder, {"activities": acts, "partners": parts})
    return load_register(folder, SETTINGS)


@pytest.mark.slow
@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(rows=activity_rows, admin=st.sampled_from([None, *ADMINS]), through_xlsx=st.integers(0, 19))
def test_generated_registers_equal_reference(rows, admin, through_xlsx) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        register = _register(Path(tmp) / "register", rows)
        evaluation = evaluate(register, SETTINGS, _indicators(), 2024)
        data = build(register, SETTINGS, 2024, "sv", admin, evaluation=evaluation)
        ref = compute(register, SETTINGS, evaluation.partners, 2024, admin)
        twins = [t.city for t in SETTINGS.twin_cities]
        assert_workbook_matches(book_from_tables(tables.all_tables(data)), ref, "sv", admin, twins)
        if through_xlsx == 0:
            path = Path(tmp) / "report.xlsx"
            write_report_workbook(data, path)
            assert_workbook_matches(read_workbook(path), ref, "sv", admin, twins)
