"""csv_text writes what pandas' to_csv writes (formulas neutralised), formatting each distinct
value once: coded columns, mostly distinct plain columns taken cell by cell, combinations of
neighbouring columns, chunks."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from boras_intl_lib import csv_text as csv_text_module
from boras_intl_lib.csv_text import csv_bytes, csv_text
from boras_intl_lib.safety import neutralise_frame


def _pandas(frame: pd.DataFrame) -> str:
    return neutralise_frame(frame).to_csv(index=False, lineterminator="\n")


def test_score_like_table_matches_pandas() -> None:
    frame = pd.DataFrame(
        {
            "activity_id": pd.array(["A-1", "A-2", "A,3", None], dtype="string"),
            "year": pd.array([2025, 2025, None, 2024], dtype="Int64"),
            "level": np.array([0, 3, 2, 1], dtype=np.int64),
            "share": [0.1, np.nan, 1 / 3, 1e-05],
            "flag": [True, False, True, True],
            "verdict": pd.Categorical(["met", "unknown", None, "met"]),
            "basis": ['say "hi"', "line\nbreak", "=SUM(A1)", "-3 dagar"],
            "mixed": pd.Series(["x", 1, 2.5, pd.NA], dtype=object),
        }
    )
    assert csv_text(frame) == _pandas(frame)


def test_dates_are_left_to_pandas() -> None:
    frame = pd.DataFrame({"d": pd.to_datetime(["2025-01-02", None]), "t": ["=a", "b"]})
    assert csv_text(frame) == _pandas(frame)


def test_empty_table_has_its_header() -> None:
    frame = pd.DataFrame({"a": pd.Series([], dtype="string"), "b": pd.Series([], dtype="Int64")})
    assert csv_text(frame) == _pandas(frame) == "a,b\n"


# "\r" is left out here: pandas (with Python 3.11's csv) leaves a lone "\r" unquoted, which
# splits the row for most readers; csv_text quotes it (see the test below).
_text = st.text(alphabet=st.sampled_from(list('ab ,"\n=+-@\tåÖ;')), max_size=6)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            _text,
            st.one_of(st.none(), st.integers(-5, 5)),
            st.floats(allow_nan=True, allow_infinity=False),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_random_tables_match_pandas(rows: list[tuple[str, int | None, float]]) -> None:
    text, ints, floats = zip(*rows, strict=True)
    frame = pd.DataFrame(
        {
            "text": pd.array(text, dtype="string"),
            "other": pd.array(ints, dtype="Int64"),
            "float": np.array(floats, dtype=np.float64),
            "second": pd.array(text, dtype="string"),  # two columns: a lone empty field is quoted
        }
    )
    assert csv_text(frame) == _pandas(frame)


def test_carriage_return_is_quoted_and_reads_back() -> None:
    import io

    frame = pd.DataFrame({"a": ["x\ry", "z"], "b": [1, 2]})
    text = csv_text(frame)
    assert '"x\ry"' in text
    back = pd.read_csv(io.StringIO(text))
    assert back["a"].tolist() == ["x\ry", "z"]


def test_one_column_tables_quote_the_empty_field_like_pandas() -> None:
    for frame in (
        pd.DataFrame({"a": ["", None, "x"]}),
        pd.DataFrame({"a": pd.array([None, 1], dtype="Int64")}),
        pd.DataFrame({"": [1, 2]}),
        pd.DataFrame({"a": pd.Categorical(["x", None])}),
    ):
        assert csv_text(frame) == _pandas(frame)
    assert csv_text(pd.DataFrame({"a": ["", "x"]})) == 'a\n""\nx\n'


def test_floats_keep_their_sign_and_width() -> None:
    frame = pd.DataFrame(
        {
            "zero": [0.0, -0.0, -0.0, 0.0],  # equal values, different texts
            "wide": [1e16, 1e-05, 123456789012345678.0, 0.1 + 0.2],
            "narrow": np.array([0.1, 2.0, np.nan, -0.0], dtype=np.float32),
            "nullable": pd.array([0.5, None, -0.0, 3.0], dtype="Float64"),
        }
    )
    text = csv_text(frame)
    assert text == _pandas(frame)
    assert text.splitlines()[1:3] == ["0.0,1e+16,0.1,0.5", "-0.0,1e-05,2.0,"]


def test_equal_values_of_different_types_keep_their_texts() -> None:
    frame = pd.DataFrame({"mixed": pd.Series([1, 1.0, True, "1", None], dtype=object)})
    assert csv_text(frame) == _pandas(frame) == 'mixed\n1\n1.0\nTrue\n1\n""\n'


def test_integer_and_boolean_kinds_match_pandas() -> None:
    frame = pd.DataFrame(
        {
            "narrow": np.array([2025, 2021, 2025, 2023], dtype=np.int64),
            "wide": np.array([-(2**62), 5, 2**62, 5], dtype=np.int64),
            "small": np.array([3, 0, 255, 7], dtype=np.uint8),
            "flag": pd.array([True, None, False, True], dtype="boolean"),
            "objects": pd.Series([10**30, 1, None, 2], dtype=object),  # beyond 64 bits
        }
    )
    assert csv_text(frame) == _pandas(frame)


def _large_frame(rows: int) -> pd.DataFrame:
    """Ids and names (mostly distinct, plain or not), repeated texts and numbers: every way
    of writing a column, across many chunks."""
    rng = np.random.default_rng(7)
    ids = np.array([f"A-{i:06d}" for i in range(rows)], dtype=object)
    names = np.array([f"Partner {i} åäö" for i in range(rows)], dtype=object)
    names[::97] = None
    quoted = names.copy()
    quoted[5::211] = 'Org "X", Ltd'  # mostly distinct text that needs quotes
    quoted[7::307] = "=HYPERLINK()"
    marks = np.array([f"m{i}" for i in range(rows)], dtype=object)
    marks[3::101] = "holds \x1f and \x1e"  # the separators the scans use themselves
    basis = np.array(
        ["Democracy: ok (2023, V-Dem)", "Rule of law, weak", "-3 days", "≥ 0,5", "a\x1eb", "c,\x1f"]
    )
    return pd.DataFrame(
        {
            "activity_id": pd.array(ids, dtype="string"),
            "year": pd.array(rng.choice([2021, 2025, None], rows), dtype="Int64"),
            "partner_name": pd.array(names, dtype="string"),
            "verdict": pd.Categorical(rng.choice(["met", "not_met", "unknown"], rows)),
            "basis": basis[rng.integers(0, len(basis), rows)].astype(object),
            "level": rng.integers(0, 4, rows),
            "share": np.where(rng.random(rows) < 0.1, np.nan, rng.random(rows)),
            "quoted": quoted,
            "flag": rng.random(rows) < 0.5,
            "marks": marks,
            "row": rng.permutation(rows) * 3,
        }
    )


def test_large_table_matches_pandas() -> None:
    frame = _large_frame(20_000)
    parts = list(csv_bytes(frame))
    assert len(parts) > 10  # written in chunks
    assert b"".join(parts).decode("utf-8") == csv_text(frame) == _pandas(frame)


def test_column_order_and_kinds_do_not_change_the_text() -> None:
    frame = _large_frame(3_000)
    for order in (frame.columns[::-1], ["quoted", "marks", "activity_id"], ["share", "year"]):
        assert csv_text(frame[list(order)]) == _pandas(frame[list(order)])


def test_repeated_text_objects_and_equal_copies_are_one_value() -> None:
    shared = "Democracy: 1 (2023)"
    copies = ["".join(["Democracy: 1 ", "(2023)"]) for _ in range(500)]  # equal, not identical
    values = np.array([shared] * 500 + copies + ["=1"] * 10 + [None], dtype=object)
    frame = pd.DataFrame({"basis": values, "n": np.arange(len(values))})
    codes, uniques = csv_text_module._factorised(frame["basis"].to_numpy(dtype=object))
    assert sorted(uniques.tolist()) == ["=1", shared]
    assert codes[-1] == -1
    assert csv_text(frame) == _pandas(frame)
