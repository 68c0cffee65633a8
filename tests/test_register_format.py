"""The register format as data, and the documentation generated from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from boras_intl_lib.coordinator.docs import markdown
from boras_intl_lib.register.format import ENUMS, TABLES, find_table, normalise_token, range_text

DOC = Path(__file__).resolve().parent.parent / "docs" / "register-format.md"


def test_committed_docs_match_the_format() -> None:
    assert DOC.read_text(encoding="utf-8") == markdown(), (
        "docs/register-format.md is out of date: run scripts/render_register_docs.py"
    )


def test_docs_name_every_column_and_swedish_word() -> None:
    text = markdown()
    for table in TABLES.values():
        for column in table.columns:
            assert f"`{column.name}` | `{column.swedish}`" in text
    for enum in ENUMS.values():
        for key, word in enum.values.items():
            assert f"`{key}` ({word})" in text


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("aktiviteter", "activities"),
        (" Activities ", "activities"),
        ("PARTNER", "partners"),
        ("Undantag", "exceptions"),
        ("instruktioner", None),
        ("aktivitet", None),
    ],
)
def test_find_table(name: str, table: str | None) -> None:
    found = find_table(name)
    assert (found.name if found else None) == table


def test_no_header_spelling_means_two_columns() -> None:
    for table in TABLES.values():
        owners: dict[str, set[str]] = {}
        for column in table.columns:
            for spelling in column.spellings:  # English, Swedish, the template's display header
                owners.setdefault(normalise_token(spelling), set()).add(column.name)
        assert all(len(names) == 1 for names in owners.values()), table.name
        assert table.header_lookup() == {k: next(iter(v)) for k, v in owners.items()}


def test_every_column_has_a_display_header_the_reader_accepts() -> None:
    for table in TABLES.values():
        for column in table.columns:
            assert column.display, column.name
            assert table.header_lookup()[normalise_token(column.display)] == column.name


def test_every_column_has_descriptions_in_both_languages() -> None:
    for table in TABLES.values():
        for column in table.columns:
            assert column.description and column.description_sv, column.name


def test_enum_spellings_do_not_collide() -> None:
    for enum in ENUMS.values():
        lookup = enum.lookup()
        for key, word in enum.values.items():
            assert lookup[normalise_token(key)] == key
            assert lookup[normalise_token(word)] == key


def test_range_text() -> None:
    assert range_text(TABLES["activities"].column("year")) == "2000–2100"
    assert range_text(TABLES["activities"].column("budget_sek")) == "≥ 0"
    assert range_text(TABLES["activities"].column("title")) == ""


def test_enum_words_are_the_labels_tables_words() -> None:
    """One definition: the Swedish word a coordinator types for an enumerated value is the
    word the report shows for it (labels ``<enum>.<key>``), never a second spelling."""
    from boras_intl_lib.i18n.labels import label

    for name, enum in ENUMS.items():
        for key, swedish in enum.values.items():
            assert normalise_token(swedish) == normalise_token(label(f"{name}.{key}", "sv"))
            assert enum.lookup()[normalise_token(swedish)] == key
