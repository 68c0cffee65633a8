"""The fast paths of reading and validation give what the general ones give.

Each shortcut (one decode to UTF-8, factorised columns, the number fast path, the fewer-fields
and schema shortcuts) is switched off in turn and the register read and validated again: the
raw tables, typed tables and issues must be identical. The claims the shortcuts rest on
(Windows-1252 text is NFC, a short decimal converts the same with ``float`` and pandas) are
checked on their own.
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from boras_intl_lib.register import cells, parsing, read_csv, validation
from boras_intl_lib.register.format import TABLES
from boras_intl_lib.register.reading import read_register
from boras_intl_lib.register.validation import validate_register

ACT_HEAD = (
    "aktivitets_id;år;titel;förvaltning;typ;status;budget_kr;extern_finansiering_kr;"
    "deltagare;resultatnivå;utvärderad;globala_mål;land"
)
ACT_ROWS = [
    "A-1;2025;Titel ett;Kulturförvaltningen;EU-projekt;avslutad;22 822,66;1 000;38;0;x;13,17;SE",
    "A-2;2024; Titel två ;Kulturförvaltningen; EU-projekt;Planerad ;ca 1 753,51 kr;40 tkr;"
    "12 st;0; ja;1;Norge",
    "A-2;2023;Dublett;Okänd förvaltning;typ?;okänd;abc;-5;2,5;7;kanske;99;Narnia",
    "A-3;2019;Kort rad",
    "A-4;2025;För många;a;b;c;d;e;f;g;h;i;j;k;l;m",
    "A-5;2025;Kontroll\x07tecken;Kulturförvaltningen;EU-projekt;avslutad;1e3;-0;1 000;1;ja;1;DE",
    "A-6;2025;Sista;Kulturförvaltningen;EU-projekt;avslutad;1,5 mnkr;+3;3,0;1;1;1;FIN",
    "é",
    "",
    "A-7;2025;Noll;Kulturförvaltningen;EU-projekt;avslutad;0;12345678901234567;;;;;",
]
PARTNER_LINES = ["aktivitets_id;partner;land", "A-1;P1;Ukraina", "A-9;P2;Atlantis", "A-3;P3;"]


def _write(folder: Path, rows: list[str], encoding: str, newline: str = "\r\n") -> Path:
    folder.mkdir()
    text = newline.join([ACT_HEAD, *rows]) + newline
    (folder / "aktiviteter.csv").write_bytes(text.encode(encoding))
    (folder / "partner.csv").write_bytes("\n".join(PARTNER_LINES).encode(encoding))
    return folder


REGISTERS = {
    "cp1252": lambda p: _write(p, ACT_ROWS, "cp1252"),
    "utf-8": lambda p: _write(p, ACT_ROWS, "utf-8"),
    "utf-8 with BOM": lambda p: _write(p, ACT_ROWS, "utf-8-sig"),
    "utf-16": lambda p: _write(p, ACT_ROWS, "utf-16"),
    "quoted": lambda p: _write(p, [*ACT_ROWS, 'A-8;2025;"Två\nrader; och mer";X'], "cp1252"),
    "lone carriage return": lambda p: _write(p, [*ACT_ROWS, "A-9;2025;x\rA-10"], "cp1252"),
    "line feeds": lambda p: _write(p, ACT_ROWS, "cp1252", newline="\n"),
}


def _snapshot(folder: Path) -> tuple[object, ...]:
    raw = read_register(folder)
    register = validate_register(raw)
    tables = {
        name: (t.cells, t.headers, t.ignored, t.bad_lines, t.notes, t.positions)
        for name, t in raw.tables.items()
    }
    return tables, register.activities, register.partners, register.issues


def _assert_same(a: tuple[object, ...], b: tuple[object, ...]) -> None:
    tables_a, tables_b = a[0], b[0]
    assert isinstance(tables_a, dict) and isinstance(tables_b, dict)
    assert tables_a.keys() == tables_b.keys()
    for name in tables_a:
        for x, y in zip(tables_a[name], tables_b[name], strict=True):
            if isinstance(x, pd.DataFrame):
                pd.testing.assert_frame_equal(x, y)
            else:
                assert x == y
    for x, y in zip(a[1:], b[1:], strict=True):
        assert isinstance(x, pd.DataFrame) and isinstance(y, pd.DataFrame)
        pd.testing.assert_frame_equal(x, y)


def _general_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch every shortcut off."""
    monkeypatch.setattr(cells, "_FACTOR_KINDS", frozenset())
    monkeypatch.setattr(read_csv, "_may_have_short_records", lambda *a, **k: True)
    monkeypatch.setattr(read_csv, "_NFC_ENCODINGS", frozenset())
    monkeypatch.setattr(parsing, "_short_decimals", lambda blob: None)
    monkeypatch.setattr(parsing, "_may_be_wordy", lambda blob: True)
    monkeypatch.setattr(validation, "_may_be_missing", lambda *args: True)


@pytest.mark.parametrize("name", list(REGISTERS))
def test_the_shortcuts_change_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    folder = REGISTERS[name](tmp_path / "register")
    fast = _snapshot(folder)
    issues = fast[3]
    assert isinstance(issues, pd.DataFrame)
    # the register exercises what the shortcuts skip: unreadable numbers, short lines, ranges
    assert {"reason.not_a_number", "warning.fewer_fields", "reason.above_maximum"} <= set(
        issues["reason_key"]
    )
    with monkeypatch.context() as m:
        _general_paths(m)
        general = _snapshot(folder)
    _assert_same(fast, general)


def test_low_cardinality_columns_are_factorised_as_read(tmp_path: Path) -> None:
    raw = read_register(REGISTERS["cp1252"](tmp_path / "register"))
    activities = raw.tables["activities"]
    assert {"year", "activity_type", "status", "evaluated", "sdgs"} <= set(activities.factors)
    assert "title" not in activities.factors  # free text is read as plain text
    for name, (codes, texts) in activities.factors.items():
        assert list(texts.take(codes)) == list(activities.cells[name])
        assert len(set(texts)) == len(texts)
    # " EU-projekt" and "EU-projekt" strip to one distinct text
    codes, texts = activities.factors["activity_type"]
    assert list(texts).count("EU-projekt") == 1


def test_windows_1252_text_is_nfc_whatever_its_characters() -> None:
    chars = [bytes([b]).decode("cp1252", errors="ignore") for b in range(256)]
    chars = [c for c in chars if c]
    assert all(unicodedata.combining(c) == 0 for c in chars)
    pairs = "".join(a + b + "\n" for a in chars for b in chars)
    assert unicodedata.is_normalized("NFC", pairs)


def test_short_decimals_convert_as_pandas_does() -> None:
    rng = random.Random(7)

    def text() -> str:
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 15)))
        cut = rng.randint(0, len(digits))
        sep = rng.choice(["", ".", ","])
        return (rng.choice(["", "", "+", "-"]) + digits[:cut] + sep + digits[cut:])[:15]

    texts = [text() for _ in range(20_000)] + [""]
    values = parsing._short_decimals("\n".join(texts))
    if values is None:  # a "-0" among them: the general path; drop those and try again
        texts = [t for t in texts if not t.startswith("-") or float(t.replace(",", ".")) != 0]
        values = parsing._short_decimals("\n".join(texts))
    assert values is not None
    marked = np.array([t.replace(",", ".") for t in texts], dtype=object)
    expected = pd.to_numeric(marked, errors="coerce").astype("float64")
    assert np.array_equal(values.view("int64"), expected.view("int64"))


@pytest.mark.parametrize(
    "texts",
    [["-0", "1.5"], ["1.2.3"], ["+"], ["1234567890123456"], ["1e5"], ["12", "x"], ["٣"]],
)
def test_short_decimals_leave_the_rest_to_the_general_path(texts: list[str]) -> None:
    assert parsing._short_decimals("\n".join(texts)) is None


def test_the_wordy_precheck_never_misses_a_word() -> None:
    rng = random.Random(3)
    alphabet = "0123456789 .,+-eE\t\n\u2212\u00a0\u202f\u2007\u2009krca\u0663\u2003x"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        if parsing._WORDY.search(text) is not None:
            assert parsing._may_be_wordy(text), repr(text)
    assert not parsing._may_be_wordy("1\u00a0234,5\n\u22123")


def test_the_escape_search_finds_what_in_finds() -> None:
    rng = random.Random(5)
    for _ in range(20_000):
        data = bytes(rng.choice(b"_x0a") for _ in range(rng.randint(0, 30)))
        assert read_csv._holds_escape(data) == (b"_x00" in data), data
    assert read_csv._holds_escape(b"_a" * 5_000 + b"_x00")
    assert not read_csv._holds_escape(b"_a" * 5_000)


def _failures(values: pd.Series, column: object, texts: pd.Series | None = None) -> list:
    failures = validation.column_failures(values, column, texts)  # type: ignore[arg-type]
    return [(key, list(rows)) for key, rows in failures]


def test_each_rule_of_a_column_finds_its_rows() -> None:
    spec = TABLES["activities"]
    year, status = spec.column("year"), spec.column("status")
    index = pd.RangeIndex(2, 5)
    years = pd.Series(pd.array([2024, 1800, None], dtype="Int64"), index=index)
    assert _failures(years, year) == [("reason.required", [4]), ("reason.below_minimum", [3])]
    fine = pd.Series(pd.array([2024, 2100, 2000], dtype="Int64"), index=index)
    assert _failures(fine, year) == []
    statuses = pd.Series(pd.array(["planned", "x", None], dtype="string"), index=index)
    assert _failures(statuses, status) == [("reason.unknown_value", [3])]


def test_a_column_of_distinct_amounts_is_parsed_without_hashing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(11)
    texts = [f"{rng.randint(0, 10**6)} {rng.randint(0, 999):03d},{rng.randint(0, 99):02d}"]
    texts += [f"{i * 7} {i % 1000:03d},{i % 97:02d}" for i in range(3_000)]
    texts[5], texts[1500], texts[2000] = "abc", "ca 12 tkr", ""
    column = pd.Series(texts, index=pd.RangeIndex(2, 2 + len(texts)), dtype=object)
    fast = parsing.parse_number(column)
    assert parsing._factorize(column, maybe_distinct=True)[0][-1] == len(texts) - 1
    monkeypatch.setattr(parsing, "_SAMPLE", 10**9)  # never taken as distinct: hashed
    hashed = parsing.parse_number(column)
    pd.testing.assert_series_equal(fast.values, hashed.values)
    pd.testing.assert_series_equal(fast.errors, hashed.errors)
    assert fast.notes is not None and hashed.notes is not None
    pd.testing.assert_series_equal(fast.notes, hashed.notes)
    assert list(fast.errors.index) == [7]


def test_a_required_text_is_missing_where_its_cell_is_blank() -> None:
    title = TABLES["activities"].column("title")
    typed = pd.Series(pd.array(["T", None], dtype="string"))
    missing = [("reason.required", [1])]
    assert _failures(typed, title, pd.Series(["T", ""])) == missing
    assert _failures(typed, title) == missing  # the typed values say it too
    full = pd.Series(pd.array(["T", "U"], dtype="string"))
    assert _failures(full, title, pd.Series(["T", "U"])) == []
