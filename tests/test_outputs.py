"""The score files: contract columns, encoding, formula neutralisation, atomic writes."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from boras_intl_lib.atomic import atomic_write
from boras_intl_lib.outputs import (
    PARTNERS_COLUMNS,
    REJECTED_COLUMNS,
    SCORES_COLUMNS,
    explanations_table,
    write_csv,
    write_score_files,
)
from boras_intl_lib.register.model import empty_issues
from boras_intl_lib.safety import neutralise_formula
from boras_intl_lib.scoring.rubric import explain_scores, explanation_columns, score_activities
from boras_intl_lib.settings import AREAS, Settings

CONTRACT_SCORES = (
    "activity_id,year,administration,operational_development,project_collaboration,"
    "knowledge_exchange,profiling,societal_impact,democratic_values,twin_cities,precondition"
)
CONTRACT_PARTNERS = (
    "activity_id,partner_name,country_iso3,democracy,human_rights,rule_of_law,verdict,"
    "decision_id,basis"
)


@pytest.fixture
def settings() -> Settings:
    return Settings(
        year=2025,
        administrations=[{"name": "Kulturförvaltningen", "committee": "Kulturnämnden"}],
        twin_cities=[{"city": "Mikkeli", "country": "FIN"}],
    )


@pytest.fixture
def register() -> tuple[pd.DataFrame, pd.DataFrame]:
    activities = pd.DataFrame(
        {
            "activity_id": ["=HYPERLINK(1)", "a2", "a3"],
            "year": pd.array([2025, 2025, 2025], dtype="Int64"),
            "administration": ["Kulturförvaltningen", "+Miljö", "Kulturförvaltningen"],
            "activity_type": ["twinning", "other", "project"],
            "status": ["ongoing", "cancelled", "planned"],
            "outcome_level": pd.array([2, None, 1], dtype="Int64"),
            "budget_sek": [100.0, np.nan, 50.0],
            "external_funding_sek": [80.0, np.nan, 0.0],
        }
    ).astype({"activity_id": "string", "administration": "string"})
    partners = pd.DataFrame(
        {
            "activity_id": ["=HYPERLINK(1)", "=HYPERLINK(1)", "a3"],
            "partner_name": ["Mikkelin kaupunki", "@SUM(A1)", "-1 Org"],
            "city": ["Mikkeli", "Turku", "Ulm"],
            "country_iso3": ["FIN", "FIN", "DEU"],
        }
    ).astype("string")
    return activities, partners


def screened(partners: pd.DataFrame) -> pd.DataFrame:
    return partners.assign(
        democracy="pass",
        human_rights="pass",
        rule_of_law="pass",
        verdict="met",
        decision_id=pd.NA,
        basis="V-Dem v16 2025 v2x_regime = 3 (>= 2)",
        extra_column="not in the contract",
    )


def issues() -> pd.DataFrame:
    rows = pd.DataFrame(
        {
            "table": ["activities", "partners"],
            "source": ["aktiviteter", "partner"],
            "row": [5, 7],
            "column": ["budget_kr", "land"],
            "value": ["-5", "Atlantis"],
            "severity": ["error", "warning"],
            "reason_key": ["reason.below_minimum", "warning.unknown_country"],
            "reason": [
                "Value is below 0",
                "Country not recognised; the partner cannot be screened",
            ],
            "reason_sv": ["Värdet är mindre än 0", "Landet känns inte igen"],
        }
    )
    return pd.concat([empty_issues(), rows], ignore_index=True)


def write(tmp_path: Path, settings, register, **kwargs) -> dict[str, Path]:
    activities, partners = register
    scores = score_activities(activities, partners, settings)
    pre = pd.DataFrame({"activity_id": ["=HYPERLINK(1)", "a2"], "precondition": ["met", "unknown"]})
    return write_score_files(tmp_path / "out", scores, screened(partners), issues(), pre, **kwargs)


def header(path: Path) -> str:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return handle.readline().rstrip("\n")


def test_contract_files_with_exact_columns_in_order(tmp_path, settings, register):
    paths = write(tmp_path, settings, register)
    assert set(paths) == {"scores", "partners", "rejected", "warnings"}
    assert header(paths["scores"]) == CONTRACT_SCORES == ",".join(SCORES_COLUMNS)
    assert header(paths["partners"]) == CONTRACT_PARTNERS == ",".join(PARTNERS_COLUMNS)
    assert header(paths["rejected"]) == "table,row,column,value,reason"
    assert REJECTED_COLUMNS == ("table", "row", "column", "value", "reason")


def test_scores_csv_content(tmp_path, settings, register):
    scores = pd.read_csv(write(tmp_path, settings, register)["scores"], dtype={"activity_id": str})
    assert len(scores) == 3
    assert scores["precondition"].tolist() == ["met", "unknown", "unknown"]  # a3 has none
    assert scores.loc[1, list(AREAS)].tolist() == [0] * 7  # cancelled
    assert scores.loc[0, "twin_cities"] == 2
    assert all(scores[a].dtype == np.int64 for a in AREAS)


def test_files_are_utf8_with_bom(tmp_path, settings, register):
    raw = write(tmp_path, settings, register)["scores"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "Kulturförvaltningen".encode() in raw


def test_rejected_holds_only_errors_and_warnings_go_beside_it(tmp_path, settings, register):
    paths = write(tmp_path, settings, register)
    with paths["rejected"].open(encoding="utf-8-sig", newline="") as handle:
        rejected = list(csv.DictReader(handle))
    assert rejected == [
        {
            "table": "aktiviteter",  # the sheet as the coordinator named it
            "row": "5",
            "column": "budget_kr",
            "value": "'-5",  # text column: neutralised like any other text
            "reason": "Värdet är mindre än 0",  # Swedish unless asked otherwise
        }
    ]
    warnings = pd.read_csv(paths["warnings"])
    assert warnings["value"].tolist() == ["Atlantis"]
    english = write(tmp_path / "en", settings, register, lang="en")
    assert pd.read_csv(english["rejected"])["reason"].tolist() == ["Value is below 0"]


def test_formula_injection_is_neutralised_in_text_but_numbers_stay(tmp_path, settings, register):
    paths = write(tmp_path, settings, register)
    scores = pd.read_csv(paths["scores"], dtype=str, keep_default_na=False)
    assert scores.loc[0, "activity_id"] == "'=HYPERLINK(1)"
    assert scores.loc[1, "administration"] == "'+Miljö"
    assert scores.loc[0, "year"] == "2025"
    partners = pd.read_csv(paths["partners"], dtype=str, keep_default_na=False)
    assert partners["partner_name"].tolist() == ["Mikkelin kaupunki", "'@SUM(A1)", "'-1 Org"]


def test_explanations_file(tmp_path, settings, register):
    activities, partners = register
    scores = score_activities(activities, partners, settings)
    paths = write(tmp_path, settings, register, explanations=explain_scores(scores, settings))
    table = pd.read_csv(paths["explanations"], dtype={"activity_id": str})
    assert table.columns[0] == "activity_id"
    assert set(explanation_columns()) <= set(table.columns)
    assert table.loc[1, "profiling_why_sv"] == "0: inställd"
    why = table.loc[0, "project_collaboration_why_en"]
    assert why == "3: 2 partner organisations, external funding 80%"
    assert table.loc[0, "external_share"] == pytest.approx(0.8)  # a number, not neutralised


def test_explanations_table_is_the_merge_in_any_order(settings, register):
    """Explanations in the scores' order are put beside them; in another order they are
    merged by activity; either way the same table, and duplicates are still refused."""
    activities, partners = register
    scores = score_activities(activities, partners, settings)
    explanations = explain_scores(scores, settings)
    aligned = explanations_table(scores, explanations)
    shuffled = explanations_table(scores, explanations.iloc[::-1])
    pd.testing.assert_frame_equal(aligned, shuffled)
    assert aligned["activity_id"].tolist() == scores["activity_id"].tolist()
    twice = pd.concat([scores, scores])
    with pytest.raises(pd.errors.MergeError):
        explanations_table(twice, pd.concat([explanations, explanations]))


def test_precondition_is_required(tmp_path, settings, register):
    activities, partners = register
    scores = score_activities(activities, partners, settings)
    with pytest.raises(ValueError, match="precondition"):
        write_score_files(tmp_path, scores, screened(partners), issues())


def test_missing_partner_columns_are_named(tmp_path, settings, register):
    activities, partners = register
    scores = score_activities(activities, partners, settings).assign(precondition="met")
    with pytest.raises(ValueError, match="verdict"):
        write_score_files(tmp_path, scores, partners, issues())


def test_empty_register_writes_headers_only(tmp_path, settings, register):
    activities, partners = register
    scores = score_activities(activities.iloc[:0], partners.iloc[:0], settings)
    pre = pd.DataFrame({"activity_id": [], "precondition": []})
    paths = write_score_files(tmp_path, scores, screened(partners.iloc[:0]), empty_issues(), pre)
    assert paths["scores"].read_text(encoding="utf-8-sig") == CONTRACT_SCORES + "\n"


# --- safety ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+46 33 35 70 00", "'+46 33 35 70 00"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Borås = bra", "Borås = bra"),
        ("", ""),
    ],
)
def test_neutralise_formula_text(text, safe):
    assert neutralise_formula(pd.Series([text], dtype="string")).tolist() == [safe]


def test_neutralise_formula_keeps_numbers_and_missing_values():
    numbers = pd.Series([-5.0, 1.5])
    assert neutralise_formula(numbers) is numbers
    ints = pd.Series([-1, None], dtype="Int64")
    assert neutralise_formula(ints) is ints
    mixed = pd.Series(["=x", -3, None, "ok"], dtype=object)
    assert neutralise_formula(mixed).tolist() == ["'=x", -3, None, "ok"]
    strings = pd.Series(["-a", None], dtype="str")
    out = neutralise_formula(strings)
    assert out.dtype == strings.dtype and out.iloc[0] == "'-a" and pd.isna(out.iloc[1])


def test_neutralise_formula_on_categories():
    cats = pd.Series(["=a", "b", "=a"], dtype="category")
    assert neutralise_formula(cats).tolist() == ["'=a", "b", "'=a"]


def test_atomic_write_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "scores.csv"
    write_csv(pd.DataFrame({"a": [1]}), target)
    write_csv(pd.DataFrame({"a": [2]}), target)  # replaces
    assert os.listdir(tmp_path) == ["scores.csv"]
    assert target.read_text(encoding="utf-8-sig") == "a\n2\n"


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path):
    target = tmp_path / "scores.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(target, "w", encoding="utf-8") as handle:
        handle.write("half")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["scores.csv"]
