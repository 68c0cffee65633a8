"""Personal data typed into free text is removed when a register is loaded (privacy.py)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

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
