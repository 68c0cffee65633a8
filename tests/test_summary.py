"""The validation summary: counts, one line per problem, JSON-ready, exit status."""

from __future__ import annotations

import json
import re
from pathlib import Path

from register_helpers import activity, partner, raw_register, write_csv_folder

from boras_intl_lib.coordinator.summary import exit_status, format_summary, summarise
from boras_intl_lib.register import load_register
from boras_intl_lib.register.validation import validate_register


def _register():
    return validate_register(
        raw_register(
            [activity("A1"), activity("A2", year="1999"), activity("A3", title="")],
            [partner("A1", country="Atlantis"), partner("A2"), partner("A1")],
        )
    )


def test_counts_per_table() -> None:
    summary = summarise(_register())
    assert summary["tables"] == {
        "activities": {"input": 3, "accepted": 1, "rejected": 2, "flagged": 0},
        "partners": {"input": 3, "accepted": 2, "rejected": 1, "flagged": 1},
        "exceptions": {"input": 0, "accepted": 0, "rejected": 0, "flagged": 0},
    }
    assert len(summary["issues"]) == 4


def test_summary_is_json_ready() -> None:
    summary = summarise(_register())
    again = json.loads(json.dumps(summary))
    assert again["issues"][0]["row"] == 3
    assert again["issues"][0]["reason"] == "Value is below 2000"
    assert again["language"] == "sv"
    assert again["is_example"] is False


def test_text_names_sheet_row_column_value_and_reason() -> None:
    text = format_summary(summarise(_register()), lang="en")
    lines = text.splitlines()
    assert "activities: 3 rows read, 1 accepted, 2 rejected, 0 flagged" in lines
    assert "partners: 3 rows read, 2 accepted, 1 rejected, 1 flagged" in lines
    assert '  sheet aktiviteter, row 3, column år, value "1999": Value is below 2000' in lines
    assert "  sheet aktiviteter, row 4, column titel, empty: Required value is missing" in lines
    assert (
        '  sheet partner, row 2, column land, value "Atlantis": '
        "Country not recognised; the partner cannot be screened"
    ) in lines
    rejected_at = lines.index("Rejected rows (fix them in the register; they are not used):")
    flagged_at = lines.index("Flagged values (the rows are still used):")
    assert rejected_at < flagged_at
    assert lines[-1].startswith("  sheet partner, row 2, column land")


def test_swedish_text_is_the_default_for_a_swedish_register() -> None:
    text = format_summary(summarise(_register()))
    assert '  blad aktiviteter, rad 3, kolumn år, värde "1999": Värdet är mindre än 2000' in text
    assert "aktiviteter: 3 rader lästa, 1 godkänd, 2 avvisade, 0 flaggade" in text
    assert "Avvisade rader (rätta dem i registret, de används inte):" in text
    assert "Flaggade värden (raderna används ändå):" in text
    assert "Rejected" not in text and "Flagged" not in text


def test_english_text_for_an_english_register() -> None:
    rows = [activity("A1", year="1999")]
    register = validate_register(raw_register(rows, [], lang="en"))
    assert register.language == "en"
    text = format_summary(summarise(register))
    assert "activities: 1 row read, 0 accepted, 1 rejected, 0 flagged" in text
    swedish = format_summary(summarise(register), lang="sv")  # --lang sv: one row per table
    assert len(re.findall(r"\d+ (?:rad läst|rader lästa),", swedish)) == 3


def test_csv_sources_are_called_files(tmp_path: Path) -> None:
    folder = write_csv_folder(
        tmp_path / "reg", {"activities": [activity(year="1999")], "partners": []}
    )
    text = format_summary(summarise(load_register(folder)), lang="en")
    assert 'file aktiviteter.csv, row 2, column år, value "1999": Value is below 2000' in text
    assert text.splitlines()[0] == f"Register: {folder}"


def test_all_accepted_and_example_label() -> None:
    register = validate_register(raw_register([activity()], [partner()]))
    summary = summarise(register)
    assert "All rows were accepted." in format_summary(summary, "en")
    assert "Alla rader godkändes." in format_summary(summary)
    summary["is_example"] = True
    assert "(example data, fictitious)" in format_summary(summary, "en").splitlines()[0]


def test_exit_status() -> None:
    assert exit_status(validate_register(raw_register([activity()]))) == 0
    assert exit_status(_register()) == 1
    flagged_only = validate_register(raw_register([activity()], [partner(country="?")]))
    assert len(flagged_only.warnings) == 1
    assert exit_status(flagged_only) == 0


def test_a_flag_on_a_rejected_row_is_listed_with_that_row_and_not_as_used() -> None:
    """A row rejected for its year also has a budget that is not a number: that flag is
    listed with the rejected row and says to fix it too; only flags of rows that are used
    stand under "Flaggade värden (raderna används ändå)", as many as the count says."""
    register = validate_register(
        raw_register(
            [
                activity("A1", budget_sek="12x"),
                activity("A2", year="20x4", budget_sek="abc"),
                activity("A3"),
            ]
        )
    )
    reasons = register.issues.set_index("row")
    assert reasons.loc[2, "reason_sv"].endswith("värdet läses som tomt, raden används ändå")
    budget = reasons.loc[[3]].query("severity == 'warning'")
    assert budget["reason_sv"].tolist() == [
        "Inte ett tal; rätta även detta, raden avvisas av ett annat skäl"
    ]
    assert budget["reason"].tolist() == [
        "Not a number; fix this too, the row is rejected for another reason"
    ]
    summary = summarise(register)
    lines = format_summary(summary, lang="sv").splitlines()
    rejected_at = lines.index("Avvisade rader (rätta dem i registret, de används inte):")
    flagged_at = lines.index("Flaggade värden (raderna används ändå):")
    rejected, flagged = lines[rejected_at + 1 : flagged_at], lines[flagged_at + 1 :]
    assert [line.split(",")[1] for line in rejected] == [" rad 3", " rad 3"]
    assert [line.split(",")[1] for line in flagged] == [" rad 2"]
    assert len(flagged) == summary["tables"]["activities"]["flagged"] == 1
    assert all("används ändå" not in line for line in rejected)
