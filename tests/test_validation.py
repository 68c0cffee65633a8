"""Validation: every row accepted or rejected with a reason; warnings keep the row."""

from __future__ import annotations

import pandas as pd
import pytest
from register_helpers import activity, exception, partner, raw_register

from boras_intl_lib.register.model import ISSUE_COLUMNS
from boras_intl_lib.register.validation import validate_register
from boras_intl_lib.settings import Administration, Settings

ACTIVITY_DTYPES = {
    "activity_id": "string",
    "year": "Int64",
    "title": "string",
    "administration": "string",
    "committee": "string",
    "activity_type": "string",
    "status": "string",
    "budget_sek": "float64",
    "external_funding_sek": "float64",
    "funding_source": "string",
    "participants": "Int64",
    "outcome_level": "Int64",
    "evaluated": "boolean",
    "knowledge_documented": "boolean",
    "knowledge_shared": "boolean",
    "profiling_targets": "object",
    "sustainability": "object",
    "sdgs": "object",
    "democracy_level": "Int64",
    "contact_person": "string",
    "description": "string",
    "row": "int64",
}
PARTNER_DTYPES = {
    "activity_id": "string",
    "partner_name": "string",
    "partner_type": "string",
    "city": "string",
    "country": "string",
    "country_iso3": "string",
    "row": "int64",
}
EXCEPTION_DTYPES = {
    "decision_id": "string",
    "decision_date": "datetime64[ns]",
    "country": "string",
    "country_iso3": "string",
    "partner_name": "string",
    "activity_id": "string",
    "valid_from": "datetime64[ns]",
    "valid_to": "datetime64[ns]",
    "row": "int64",
}


def settings(*names: str) -> Settings:
    return Settings(year=2024, administrations=[Administration(name=n) for n in names])


def issues_of(register, table: str | None = None) -> list[tuple]:
    """(table, row, column, value, severity, reason_key) of every issue, for easy comparison."""
    frame = register.issues
    if table is not None:
        frame = frame[frame["table"] == table]
    cols = ["table", "row", "column", "value", "severity", "reason_key"]
    return [tuple(r) for r in frame[cols].astype(object).itertuples(index=False)]


def full_activity() -> dict[str, object]:
    return activity(
        committee="Kulturnämnden",
        status="Avslutad",
        budget_sek="1 234,50",
        external_funding_sek="1000",
        funding_source="Interreg",
        participants="12",
        outcome_level="2",
        evaluated="ja",
        knowledge_documented="x",
        knowledge_shared="",
        profiling_targets="tillväxt; utbildning",
        sustainability="social",
        sdgs="11, 4",
        democracy_level="1",
        contact_person="Anna A",
        description="Något",
    )


def test_a_clean_register_is_accepted_with_the_documented_dtypes() -> None:
    register = validate_register(
        raw_register(
            [full_activity()],
            [partner(partner_type="Kommun", city="Mikkeli")],
            [exception(valid_from="2024-01-01", valid_to="2024-12-31", activity_id="A1")],
        )
    )
    assert register.issues.empty
    assert register.activities.dtypes.astype(str).to_dict() == ACTIVITY_DTYPES
    assert register.partners.dtypes.astype(str).to_dict() == PARTNER_DTYPES
    assert register.exceptions.dtypes.astype(str).to_dict() == EXCEPTION_DTYPES
    row = register.activities.iloc[0]
    assert row["status"] == "completed"
    assert row["activity_type"] == "eu_project"
    assert row["budget_sek"] == 1234.5
    assert row["profiling_targets"] == ("education", "growth")
    assert row["sdgs"] == (4, 11)
    assert (row["evaluated"], row["knowledge_documented"], row["knowledge_shared"]) == (
        True,
        True,
        False,
    )
    assert row["row"] == 2
    assert register.partners.iloc[0]["country_iso3"] == "FIN"
    assert register.partners.iloc[0]["partner_type"] == "municipality"
    assert register.exceptions.iloc[0]["country_iso3"] == "SRB"
    assert register.input_rows == {"activities": 1, "partners": 1, "exceptions": 1}


def test_empty_register_has_empty_frames_with_the_same_dtypes() -> None:
    register = validate_register(raw_register())
    assert register.activities.empty and register.partners.empty and register.exceptions.empty
    assert register.activities.dtypes.astype(str).to_dict() == ACTIVITY_DTYPES
    assert register.exceptions.dtypes.astype(str).to_dict() == EXCEPTION_DTYPES
    assert list(register.issues.columns) == list(ISSUE_COLUMNS)
    assert register.input_rows["exceptions"] == 0


def test_status_defaults_to_ongoing() -> None:
    register = validate_register(raw_register([activity(status="")]))
    assert register.activities["status"].tolist() == ["ongoing"]


def test_missing_required_values_are_rejected_naming_the_header() -> None:
    register = validate_register(raw_register([activity(title=""), activity("A2", year=" ")]))
    assert issues_of(register) == [
        ("activities", 2, "titel", "", "error", "reason.required"),
        ("activities", 3, "år", "", "error", "reason.required"),
    ]
    assert register.activities.empty
    assert register.issues["reason"].tolist() == ["Required value is missing"] * 2
    assert register.issues["reason_sv"].tolist() == ["Obligatoriskt värde saknas"] * 2


@pytest.mark.parametrize(
    ("cells", "column", "value", "key", "reason"),
    [
        ({"year": "1999"}, "år", "1999", "reason.below_minimum", "Value is below 2000"),
        ({"year": "2101"}, "år", "2101", "reason.above_maximum", "Value is above 2100"),
        ({"year": "tjugo"}, "år", "tjugo", "reason.not_a_number", "Not a number"),
        (
            {"activity_type": "resa"},
            "typ",
            "resa",
            "reason.unknown_value",
            "Unknown value; allowed values: eu_project, project, twinning",
        ),
    ],
)
def test_impossible_required_values_are_rejected(cells, column, value, key, reason) -> None:
    register = validate_register(raw_register([activity(**cells), activity("A2")]))
    assert issues_of(register) == [("activities", 2, column, value, "error", key)]
    assert register.issues["reason"].iloc[0].startswith(reason)
    assert register.activities["row"].tolist() == [3]


@pytest.mark.parametrize(
    ("cells", "column", "value", "key", "reason", "kept"),
    [
        ({"budget_sek": "-5"}, "budget_kr", "-5", "reason.below_minimum", "Value is below 0", None),
        (
            {"sdgs": "18; 19"},  # "3; 18" keeps 3 (issue 19: tests/test_suggestions.py)
            "globala_mål",
            "18; 19",
            "reason.above_maximum",
            "Value is above 17",
            (),
        ),
        ({"outcome_level": "4"}, "resultatnivå", "4", "reason.above_maximum", "Value is abo", None),
        (
            {"participants": "2,5"},
            "deltagare",
            "2,5",
            "reason.not_an_integer",
            "Not a whole number",
            None,
        ),
        ({"evaluated": "kanske"}, "utvärderad", "kanske", "reason.not_a_boolean", "Must be", False),
        ({"status": "Pågår?"}, "status", "Pågår?", "reason.unknown_value", "Unknown", "ongoing"),
        (
            {"budget_sek": "50 000 kr x"},
            "budget_kr",
            "50 000 kr x",
            "reason.not_a_number",
            "",
            None,
        ),
    ],
)
def test_a_bad_optional_value_keeps_the_row_as_empty_and_flags_it(
    cells, column, value, key, reason, kept
) -> None:
    register = validate_register(raw_register([activity(**cells), activity("A2")]))
    assert issues_of(register) == [("activities", 2, column, value, "warning", key)]
    assert register.issues["reason"].iloc[0].startswith(reason)
    # (followed by "did you mean …?" where an allowed value is close: "Pågår?" → pågående)
    assert "the row is still used" in register.issues["reason"].iloc[0]
    assert "raden används ändå" in register.issues["reason_sv"].iloc[0]
    assert register.activities["row"].tolist() == [2, 3]
    name = next(k for k in cells)
    got = register.activities[name].iloc[0]
    assert (got is pd.NA or got != got) if kept is None else got == kept


def test_coordinator_spellings_of_amounts_counts_and_status() -> None:
    register = validate_register(
        raw_register(
            [
                activity("A1", budget_sek="50 000 kr", status="Pågår", participants="ca 12"),
                activity("A2", budget_sek="25 tkr", status="klar", external_funding_sek="10 SEK"),
                activity("A3", budget_sek="1,5 mnkr", status="genomförd"),
                activity("A4", budget_sek="cirka 4 000", status="avbruten"),
                activity("A5", status="planeras", participants="12 st"),
            ]
        )
    )
    acts = register.activities
    assert acts["budget_sek"].tolist()[:4] == [50_000.0, 25_000.0, 1_500_000.0, 4_000.0]
    assert acts["status"].tolist() == ["ongoing", "completed", "completed", "cancelled", "planned"]
    assert acts["participants"].tolist()[0] == 12 and acts["participants"].tolist()[4] == 12
    assert issues_of(register) == [
        ("activities", 2, "deltagare", "ca 12", "warning", "warning.approximate"),
        ("activities", 5, "budget_kr", "cirka 4 000", "warning", "warning.approximate"),
    ]
    assert register.issues["reason_sv"].iloc[0].startswith("Ungefärligt värde")


def test_swedish_reason_lists_the_swedish_words() -> None:
    register = validate_register(raw_register([activity(status="klart?")]))
    assert register.issues["reason_sv"].iloc[0] == (
        "Okänt värde; tillåtna värden: planerad, pågående, avslutad, inställd; "
        "värdet läses som tomt, raden används ändå; menade du avslutad?"  # "klart" is one
    )


def test_an_unreadable_required_value_gets_one_reason_not_two() -> None:
    register = validate_register(raw_register([activity(year="abc", budget_sek="-1")]))
    assert issues_of(register) == [
        ("activities", 2, "år", "abc", "error", "reason.not_a_number"),
        ("activities", 2, "budget_kr", "-1", "warning", "reason.below_minimum"),
    ]
    assert register.rejected_rows("activities") == 1


def test_duplicate_ids_keep_the_first_row_and_name_it() -> None:
    register = validate_register(
        raw_register([activity("A1"), activity("A2"), activity("A1"), activity("A1")])
    )
    assert register.activities["row"].tolist() == [2, 3]
    assert issues_of(register) == [
        ("activities", 4, "aktivitets_id", "A1", "error", "reason.duplicate_id"),
        ("activities", 5, "aktivitets_id", "A1", "error", "reason.duplicate_id"),
    ]
    assert set(register.issues["reason"]) == {"Activity id already used on row 2"}


def test_partners_must_point_at_an_accepted_activity() -> None:
    register = validate_register(
        raw_register(
            [activity("A1"), activity("BAD", year="-1")],
            [partner("A1"), partner("BAD"), partner("NONE"), partner("")],
        )
    )
    assert issues_of(register, "partners") == [
        ("partners", 3, "aktivitets_id", "BAD", "error", "reason.rejected_activity"),
        ("partners", 4, "aktivitets_id", "NONE", "error", "reason.unknown_activity"),
        ("partners", 5, "aktivitets_id", "", "error", "reason.required"),
    ]
    assert register.partners["row"].tolist() == [2]


def test_a_duplicate_whose_first_row_was_rejected_rejects_its_partners() -> None:
    register = validate_register(
        raw_register(
            [activity("A1", year="1990"), activity("A1")],
            [partner("A1")],
        )
    )
    assert register.activities.empty
    assert ("activities", 3, "aktivitets_id", "A1", "error", "reason.duplicate_id") in issues_of(
        register
    )
    assert issues_of(register, "partners") == [
        ("partners", 2, "aktivitets_id", "A1", "error", "reason.rejected_activity")
    ]


def test_unknown_country_is_flagged_not_rejected() -> None:
    register = validate_register(
        raw_register([activity()], [partner(country="Atlantis"), partner(country="FI")])
    )
    assert issues_of(register) == [
        ("partners", 2, "land", "Atlantis", "warning", "warning.unknown_country")
    ]
    assert register.partners["row"].tolist() == [2, 3]
    assert pd.isna(register.partners["country_iso3"].iloc[0])
    assert register.partners["country_iso3"].iloc[1] == "FIN"
    assert register.rejected.empty and len(register.warnings) == 1


def test_administrations_are_checked_only_against_settings() -> None:
    rows = [activity(administration="kulturförvaltningen"), activity("A2", administration="Okänd")]
    unchecked = validate_register(raw_register(rows))
    assert unchecked.issues.empty
    checked = validate_register(raw_register(rows), settings("Kulturförvaltningen"))
    assert issues_of(checked) == [
        ("activities", 3, "förvaltning", "Okänd", "warning", "warning.unknown_administration")
    ]
    assert checked.activities["administration"].tolist() == ["Kulturförvaltningen", "Okänd"]


def test_exception_rules() -> None:
    register = validate_register(
        raw_register(
            [activity("A1")],
            [],
            [
                exception("KS 1"),
                exception("KS 2", country="", partner_name=""),
                exception("KS 3", country="", partner_name="Kragujevac"),
                exception("KS 4", valid_from="2024-06-01", valid_to="2024-01-01"),
                exception("KS 5", activity_id="A9"),
                exception("", decision_date="1/2/2024"),
            ],
        )
    )
    assert issues_of(register, "exceptions") == [
        ("exceptions", 3, "land / partner", "", "error", "reason.one_of_required"),
        ("exceptions", 5, "gäller_till", "2024-01-01", "warning", "warning.dates_reversed"),
        ("exceptions", 6, "aktivitets_id", "A9", "warning", "warning.exception_unknown_activity"),
        ("exceptions", 7, "diarienummer", "", "error", "reason.required"),
        ("exceptions", 7, "beslutsdatum", "1/2/2024", "error", "reason.not_a_date"),
    ]
    assert register.exceptions["decision_id"].tolist() == ["KS 1", "KS 3", "KS 4", "KS 5"]
    one_of = register.issues[register.issues["reason_key"] == "reason.one_of_required"]
    assert one_of["reason"].iloc[0] == "Give at least one of land, partner"


def test_every_input_row_is_accepted_or_rejected_exactly_once() -> None:
    register = validate_register(
        raw_register(
            [activity("A1"), activity("A1"), activity("A2", year="x"), activity("A3")],
            [partner("A1"), partner("A2"), partner("A3", country="?"), partner("A4")],
            [exception(), exception(country="")],
        )
    )
    for table in ("activities", "partners", "exceptions"):
        accepted = set(getattr(register, table)["row"])
        rejected = set(register.rejected.loc[register.rejected["table"] == table, "row"])
        assert not accepted & rejected
        assert accepted | rejected == set(range(2, 2 + register.input_rows[table]))


def test_issues_have_the_contract_columns_and_order() -> None:
    register = validate_register(
        raw_register(
            [activity("A1", budget_sek="-1", year="1999"), activity("A2", title="")],
            [partner("A9")],
        )
    )
    issues = register.issues
    assert list(issues.columns) == list(ISSUE_COLUMNS)
    assert str(issues["row"].dtype) == "Int64"
    assert all(str(issues[c].dtype) == "string" for c in ISSUE_COLUMNS if c != "row")
    assert issues[["table", "row", "column"]].astype(object).values.tolist() == [
        ["activities", 2, "år"],
        ["activities", 2, "budget_kr"],
        ["activities", 3, "titel"],
        ["partners", 2, "aktivitets_id"],
    ]
    assert issues.drop(columns=["suggestion", "administration"]).notna().all().all()
    assert issues["administration"].fillna("-").tolist() == ["Kulturförvaltningen"] * 3 + ["-"]
    assert issues["suggestion"].isna().all()  # nothing close to suggest here
    assert set(issues["source"]) == {"aktiviteter", "partner"}


def test_unknown_value_names_the_swedish_spellings_too() -> None:
    register = validate_register(raw_register([activity(activity_type="resa")]))
    reason = register.issues["reason"].iloc[0]
    assert "(in Swedish: EU-projekt, projekt, vänortsutbyte" in reason
    assert "projekt" in register.issues["reason_sv"].iloc[0]


# --- suggestions and cross-field warnings (issue 10) ---------------------------------------


def _with_committees() -> Settings:
    return Settings(
        year=2024,
        administrations=[
            Administration(name="Kulturförvaltningen", committee="Kulturnämnden"),
            Administration(name="Miljöförvaltningen", committee="Miljö- och konsumentnämnden"),
        ],
    )


def test_unknown_names_get_a_suggestion_and_are_kept_as_written() -> None:
    register = validate_register(
        raw_register(
            [
                activity("A1", administration="Kulturförvaltning", committee="kulturnämnden"),
                activity(
                    "A2", administration="Miljöförvaltningen", committee="Miljö och konsumentnämden"
                ),
                activity("A3", administration="Stadsdelsförvaltning Norr"),
            ],
            [partner("A1", country="Tyskand"), partner("A2", country="Atlantis")],
        ),
        _with_committees(),
    )
    found = register.issues[["row", "reason_key", "suggestion"]].fillna("-").astype(object)
    assert [tuple(r) for r in found.itertuples(index=False)] == [
        (2, "warning.unknown_administration", "Kulturförvaltningen"),
        (3, "warning.unknown_committee", "Miljö- och konsumentnämnden"),
        (4, "warning.unknown_administration", "-"),
        (2, "warning.unknown_country", "Tyskland"),
        (3, "warning.unknown_country", "-"),
    ]
    assert register.issues["reason_sv"].iloc[0] == (
        "Förvaltningen finns inte i stadens lista över förvaltningar; "
        "menade du Kulturförvaltningen?"
    )
    assert register.issues["reason"].iloc[3].endswith("did you mean Tyskland?")
    acts = register.activities
    assert acts["administration"].tolist()[0] == "Kulturförvaltning"  # never corrected
    assert acts["committee"].tolist()[:2] == ["Kulturnämnden", "Miljö och konsumentnämden"]


def test_cross_field_warnings_keep_the_row() -> None:
    register = validate_register(
        raw_register(
            [
                activity("A1", budget_sek="10 000", external_funding_sek="25 000"),
                activity("A2", funding_source="Interreg Öresund", external_funding_sek=""),
                activity("A3", funding_source="Erasmus+", external_funding_sek="5000"),
                activity("A4", funding_source="Egen budget"),
                activity("A5", year="2042"),
            ]
        ),
        _with_committees(),
        years=[2021, 2022, 2023, 2024, 2025],
    )
    assert [(i[1], i[2], i[5]) for i in issues_of(register)] == [
        (2, "extern_finansiering_kr", "warning.funding_above_budget"),
        (3, "finansieringskälla", "warning.eu_without_funding"),
        (6, "år", "warning.year_outside_parameters"),
    ]
    assert set(register.issues["severity"]) == {"warning"}
    assert register.issues["reason_sv"].iloc[0].endswith("budgeten (10 000 kr)")
    assert "åren 2021–2025" in register.issues["reason_sv"].iloc[2]
    assert len(register.activities) == 5


def test_an_english_register_is_english() -> None:
    assert validate_register(raw_register([activity()], [], lang="en")).language == "en"
    assert validate_register(raw_register([activity()], [])).language == "sv"
