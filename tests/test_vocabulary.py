"""The shared vocabulary: one order per key type, one identity rule for texts."""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from boras_intl_lib.vocabulary import (
    VERDICTS,
    VerdictCode,
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
