"""The shared vocabulary: one order per key type, one identity rule for texts."""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from boras_intl_lib.vocabulary import (
    VERDICTS,
    VerdictCode,
    _key,
    count_distinct,
    text_key_codes,
    text_keys,
)


def test_verdict_codes_index_the_verdicts_best_to_worst():
    assert [VERDICTS[code] for code in VerdictCode] == [
        "met",
        "exception",
        "unknown",
        "needs_exception",
    ]


def test_text_keys_ignore_case_spacing_and_unicode_form():
    nfd = unicodedata.normalize("NFD", "Kulturförvaltningen")
    values = pd.Series(
        ["Kulturförvaltningen", nfd, "  KULTURFÖRVALTNINGEN ", "Kultur\u00a0förvaltningen"]
    )
    keys = text_keys(values)
    assert set(keys) == {"kulturförvaltningen", "kultur förvaltningen"}
    assert keys[0] == keys[1] == keys[2]


def test_blank_and_missing_texts_have_no_identity():
    keys = text_keys(pd.Series(["", "   ", None, np.nan, "A"], dtype=object))
    assert list(keys) == [None, None, None, None, "a"]
    assert list(text_key_codes(pd.Series(["", None, "a", "A "], dtype=object))) == [-1, -1, 0, 0]


def test_count_distinct_counts_identities_not_spellings():
    names = pd.Series(
        ["Tampere University", "tampere  university", "Ｔampere University", None, "Åbo"]
    )
    assert count_distinct(names) == 2
    assert count_distinct(pd.Series([], dtype=object)) == 0


# Characters that change under NFKC, case folding or space collapsing, and ones that combine.
_TRICKY = "aB ö\u0308ßΣﬁ\u00a0\u3000\t\n\r\x1c\x85İǅ\u1e9e\u0301x"


@given(st.lists(st.text(alphabet=_TRICKY, max_size=8), max_size=20))
@settings(max_examples=300, deadline=None)
def test_keys_in_one_pass_equal_keys_text_by_text(texts: list[str]) -> None:
    """The joined one-pass keying gives exactly each text's own key."""
    by_text = [_key(t) for t in texts]
    assert list(text_keys(np.array(texts, dtype=object))) == by_text


def test_a_text_holding_the_joining_character_is_keyed_on_its_own() -> None:
    texts = ["A\x00B", " a\x00b ", "C"]
    assert list(text_keys(np.array(texts, dtype=object))) == ["a\x00b", "a\x00b", "c"]
