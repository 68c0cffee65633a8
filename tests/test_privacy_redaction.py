"""Personal data typed into free text is removed when a register is loaded (privacy.py)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boras_intl_lib.cli import main
from boras_intl_lib.register import load_register
from boras_intl_lib.register.privacy import MARK, redact
from tests.register_helpers import activity, partner, write_workbook

ROOT = Path(__file__).resolve().parent.parent
PARAMS = ROOT / "parameters" / "2025.yaml"
SECRETS = ("per.olsson@boras.se", "lisa@eu.example", "kalle@x.dk", "Greta Garbo")


def _register(tmp_path: Path) -> Path:
    path = tmp_path / "register.xlsx"
    write_workbook(
        path,
        {
            "activities": [
                activity(
                    "A1",
                    title="Studiebesök (kontakt: per.olsson@boras.se)",
                    funding_source="Erasmus+ kontakt lisa@eu.example",
                    description="Ring greta garbo om detaljer",
                    contact_person="Greta Garbo, greta.garbo@boras.se",
                ),
                activity("A2", budget_sek="-1", title="Fel: mejla kalle@x.dk"),
            ],
            "partners": [partner("A1", partner_name="Kalle kalle@x.dk")],
        },
    )
    return path


def test_free_text_loses_emails_and_contact_names(tmp_path: Path) -> None:
    register = load_register(_register(tmp_path))
    shown = pd.concat(
        [
            register.activities.drop(columns="contact_person").astype(str).stack(),
            register.partners.astype(str).stack(),
            register.issues.astype(str).stack(),
        ]
    )
    for secret in SECRETS:
        assert not shown.str.contains(secret, case=False, regex=False).any(), secret
    assert register.activities.loc[0, "title"] == f"Studiebesök (kontakt: {MARK})"
    assert register.partners.loc[0, "partner_name"] == f"Kalle {MARK}"
    # the contact column itself is kept for the analyst, never shown in outputs
    assert register.activities.loc[0, "contact_person"].startswith("Greta Garbo")


def test_score_files_carry_no_personal_data(tmp_path: Path) -> None:
    out = tmp_path / "out"
    main(["score", str(_register(tmp_path)), "--params", str(PARAMS), "--out", str(out)])
    text = "\n".join(p.read_text(encoding="utf-8-sig") for p in out.glob("*.csv"))
    assert "A1" in text  # the files were written
    for secret in SECRETS:
        assert secret.lower() not in text.lower(), secret


def test_redact_keeps_ordinary_text_and_missing_values() -> None:
    texts = pd.Series(["Textilt utbyte @ Prato", None, "a@b.se"], dtype="string")
    assert redact(texts).tolist() == ["Textilt utbyte @ Prato", pd.NA, MARK]


def test_only_person_like_names_are_taken_from_contact_cells() -> None:
    from boras_intl_lib.register.privacy import _contact_names

    cells = pd.DataFrame(
        {
            "contact_person": [
                "Anna Lind, anna.lind@boras.se",
                "<script>alert(1)</script>",  # fragments such as "script>" are no name
                "W" * 50,
                "Per-Olof Ek / per-olof.ek@boras.se",
                "Kalle",  # one word: too likely to be an ordinary word elsewhere
            ]
        }
    )
    assert _contact_names(cells) == ["Per-Olof Ek", "Anna Lind"]


def test_each_hit_is_redacted_in_its_own_value_among_many() -> None:
    """The one-scan prefilter places every hit in the right value, line breaks included."""
    texts = [f"rad {i}\nrad två" for i in range(500)]
    texts[7] = "ring\nAnna Lind\nimorgon"
    texts[250] = "skriv till a.b@example.se"
    texts[499] = "anna lind"  # the last value, case-insensitive
    out = redact(pd.Series([*texts, None], dtype="string"), ["Anna Lind"])
    changed = [i for i, (a, b) in enumerate(zip(texts, out, strict=False)) if a != b]
    assert changed == [7, 250, 499]
    assert out[7] == f"ring\n{MARK}\nimorgon"
    assert out[250] == f"skriv till {MARK}"
    assert out[499] == MARK
    assert out.isna().tolist()[-1]


def _full_path(texts: pd.Series, names: list[str]) -> list[object]:
    """What the regular expression alone makes of each value's NFKC form (the value as it
    was where nothing is found)."""
    import unicodedata

    from boras_intl_lib.register.privacy import _pattern

    pattern = _pattern([unicodedata.normalize("NFKC", n) for n in names])
    out: list[object] = []
    for v in texts:
        if pd.isna(v):
            out.append(v)
            continue
        normal = unicodedata.normalize("NFKC", v)
        fixed = pattern.sub(MARK, normal)
        out.append(v if fixed == normal else fixed)
    return out


def test_a_column_with_nothing_to_find_is_returned_as_it_is() -> None:
    texts = pd.Series(["Textilt utbyte", None, "Prato"], dtype="string")
    assert redact(texts, ["Anna Lind"]) is texts  # no copy, no per-value work


@pytest.mark.parametrize(
    "text",
    [
        "ANNA LIND ringer",
        "anna lind",
        "Anna Lınd",  # dotless ı: neither the pattern nor folding takes it as i
        "ÅSA ÖBERG kommer",
        "åſa öberg",  # long s: the pattern and folding both take it as s
        "\u212bsa \u00d6berg",  # the ångström sign: Å to both
        "Jörg Straße",
        "JÖRG STRASSE",
        "JÖRG STRAẞE",
        "ΣΟΦΙΑ",
    ],
)
def test_case_variants_are_found_as_the_pattern_finds_them(text: str) -> None:
    names = ["Anna Lind", "Åsa Öberg", "Jörg Straße", "Sofia Σοφια", "σοφια"]
    texts = pd.Series(["rad utan namn", text, None], dtype="string")
    assert redact(texts, names).tolist() == _full_path(texts, names)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="aAnNsSſßẞkKKåÅÅıIİi σςΣ@.", max_size=12), max_size=6),
    st.lists(st.text(alphabet="aAnNsSſßkKåÅıIİσΣ", min_size=2, max_size=5), max_size=2),
)
def test_the_clean_column_shortcut_never_misses_a_match(
    values: list[str], names: list[str]
) -> None:
    texts = pd.Series([*values, None], dtype="string")
    assert redact(texts, names).tolist() == _full_path(texts, names)


def test_folding_takes_as_one_every_pair_the_case_insensitive_pattern_does() -> None:
    """Against ``re`` itself: for every cased letter (and every letter of the equal groups),
    each letter the pattern matches it with folds alike — so the clean-column check cannot
    miss a name the pattern would find."""
    import re

    from boras_intl_lib.register.privacy import _SAME_LETTERS, _fold

    letters = {
        chr(c)
        for c in range(0x110000)
        if not 0xD800 <= c < 0xE000 and (chr(c).lower() != chr(c) or chr(c).upper() != chr(c))
    }
    letters |= {ch for group in _SAME_LETTERS for ch in group}
    letters |= {c.lower() for c in list(letters) if len(c.lower()) == 1}
    every = "".join(sorted(letters))
    wrong = []
    for letter in sorted(letters):
        for found in re.finditer(re.escape(letter), every, re.IGNORECASE):
            if _fold(found.group()) != _fold(letter):
                wrong.append((letter, found.group()))
    assert not wrong
    assert len(every) > 2_500  # the cased letters of Unicode were all looked at
    assert _fold("ΟΔΟΣ ΣΟΦΙΑ") == _fold("οδοσ σοφια")  # a final sigma folds as any other
    assert _fold("İsmail Yılmaz") == "ismail yilmaz"
