"""One language per run (issue 19 item 5): what ``score`` and ``validate`` write for people.

A Swedish run (a register with Swedish headers, no ``--lang``) writes Swedish everywhere a
person reads: the summary, the CSV reasons, ``partners.csv``'s ``basis`` and the ``-v`` log
lines. The test scans everything such a run writes and prints for the English text of every
label (each literal part of ten characters or more that Swedish does not share); ``--lang en``
gives the English texts instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from boras_intl_lib.cli import main
from boras_intl_lib.i18n.labels import LABELS
from tests.register_helpers import activity, partner, write_workbook

ROOT = Path(__file__).resolve().parent.parent
PARAMS = ROOT / "parameters" / "2025.yaml"
_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _fragments(lang_index: int) -> dict[str, str]:
    """Literal parts of every label in one language that the other language lacks."""
    found: dict[str, str] = {}
    for key, texts in LABELS.items():
        mine, other = texts[lang_index], texts[1 - lang_index]
        for part in _PLACEHOLDER.split(mine):
            part = part.strip(" ;:,.()")
            if len(part) >= 10 and " " in part and part not in other:
                found.setdefault(part, key)
    return found


def _register(tmp_path: Path) -> Path:
    """A Swedish register with something in every kind of message: a rejected row, a kept
    row with a flagged value, a list cell with an item left out, an unknown country."""
    return write_workbook(
        tmp_path / "register.xlsx",
        {
            "activities": [
                activity("A1", year=2024, sdgs="6;18", activity_type="Studiebesok"),
                activity("A2", year=2024, status="pågånde", budget_sek="ca 5 tkr"),
                activity("A3", year=2024, administration="Kulturförvaltning"),
            ],
            "partners": [
                partner("A2"),
                partner("A2", partner_name="Belgrad", country="Serbien"),
                partner("A3", country="USSA"),
                partner("A9"),
            ],
        },
    )


def _run(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    *lang: str,
) -> dict[str, str]:
    """Everything validate and score write and print (the log lines too), by where it was."""
    register, out = _register(tmp_path), tmp_path / "out"
    texts: dict[str, str] = {}
    for name, argv in {
        "validate": ["-v", "validate", str(register), "--params", str(PARAMS), *lang],
        "score": ["-v", "score", str(register), "--params", str(PARAMS), "--out", str(out),
                  *lang],
    }.items():  # fmt: skip
        caplog.clear()
        main(argv)
        captured = capsys.readouterr()
        texts[f"{name} stdout"], texts[f"{name} stderr"] = captured.out, captured.err
        texts[f"{name} log"] = "\n".join(r.getMessage() for r in caplog.records)
    for path in sorted(out.glob("*.csv")):
        texts[path.name] = path.read_text(encoding="utf-8-sig")
    return texts


def _found(texts: dict[str, str], fragments: dict[str, str]) -> list[str]:
    return [
        f"{where}: {part!r} ({key})"
        for where, text in texts.items()
        for part, key in fragments.items()
        if part in text
    ]


def test_a_swedish_run_writes_no_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    texts = _run(tmp_path, capsys, caplog)
    assert not _found(texts, _fragments(1))
    # the texts that were English before, now Swedish
    assert "Demokrati: " in texts["partners.csv"]
    assert ",Serbien," in texts["countries.csv"]
    assert "Registret är läst: aktiviteter 3" in texts["score log"]
    assert "Partner granskade: 3" in texts["score log"]
    assert "menade du studiebesök?" in texts["rejected.csv"]


def test_an_english_run_writes_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    texts = _run(tmp_path, capsys, caplog, "--lang", "en")
    assert not _found(texts, _fragments(0))
    assert "Democracy: " in texts["partners.csv"]
    assert ",Serbia," in texts["countries.csv"] and "Serbien" not in texts["countries.csv"]
    assert "Register read: activities 3" in texts["score log"]
    assert "Partners screened: 3" in texts["score log"]
    assert "did you mean studiebesök?" in texts["rejected.csv"]


def test_the_scan_knows_the_texts_it_looks_for() -> None:
    english = _fragments(1)
    assert "Precondition met" in english and "Register read" in english
    assert len(english) > 200
