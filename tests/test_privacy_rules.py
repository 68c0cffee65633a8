"""Personal data by rule (issue 22 item 3): every variant, every column, every fast output.

A register seeded with contact persons' names and e-mail addresses in every variant
(tests/privacy_variants.py) in every free-text and id column goes through ``validate``
(with the correction list and ``--json``) and ``score``; no file and nothing printed holds
any of it, and identifiers that held it still join (partners to their activities). The report
run of the same register is in tests/test_privacy.py (notebook tier).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from boras_intl_lib.cli import main
from boras_intl_lib.register import load_register
from boras_intl_lib.register.privacy import MARK, _contact_names, redact
from tests import privacy_variants as pv
from tests.register_helpers import write_csv_folder, write_workbook

ROOT = Path(__file__).resolve().parent.parent
PARAMS = ROOT / "parameters" / "2025.yaml"


def _workbook(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "register.xlsx", pv.tables())


def _csv_folder(tmp_path: Path) -> Path:
    folder = write_csv_folder(tmp_path / "register", pv.tables())
    with (folder / "aktiviteter.csv").open("a", encoding="utf-8") as f:
        f.write(pv.shifted_line(pv.CONTACTS[0]) + "\r\n")
    return folder


def _terminal(capsys: pytest.CaptureFixture[str], name: str) -> dict[str, str]:
    captured = capsys.readouterr()
    return {f"stdout of {name}": captured.out, f"stderr of {name}": captured.err}


@pytest.mark.parametrize("shape", ["workbook", "csv"])
def test_validate_score_and_fix_list_show_no_personal_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shape: str
) -> None:
    register = _workbook(tmp_path) if shape == "workbook" else _csv_folder(tmp_path)
    out = tmp_path / "out"
    texts: dict[str, str] = {}
    main(["-v", "validate", str(register), "--params", str(PARAMS), "--fix-list",
          str(out / "rättelser.xlsx")])  # fmt: skip
    texts.update(_terminal(capsys, "validate"))
    main(["-v", "validate", str(register), "--params", str(PARAMS), "--json"])
    texts.update(_terminal(capsys, "validate --json"))
    main(["-v", "score", str(register), "--params", str(PARAMS), "--out", str(out / "score")])
    texts.update(_terminal(capsys, "score"))
    files = pv.outputs(out)
    assert {Path(n).name for n in files} >= {
        "rättelser.xlsx", "scores.csv", "partners.csv", "countries.csv", "rejected.csv"
    }  # fmt: skip
    texts.update(files)
    assert not pv.found(texts)
    # the marks are there instead: the data was in these outputs, and was replaced
    assert pv.MARK_RE.search(files[str(out / "score" / "scores.csv")])
    assert pv.MARK_RE.search(files[str(out / "rättelser.xlsx")])


def test_the_scan_finds_every_variant() -> None:
    """The scan is not blind: each seeded variant, as written, is found by it."""
    for variant in pv.VARIANTS:
        assert pv.found({"cell": f"x {variant} y"}), variant


@pytest.mark.parametrize("shape", ["workbook", "csv"])
def test_ids_holding_personal_data_still_join(tmp_path: Path, shape: str) -> None:
    path = _workbook(tmp_path) if shape == "workbook" else _csv_folder(tmp_path)
    register = load_register(path)
    ids = register.activities["activity_id"]
    assert ids.is_unique and len(ids) == len(pv.VARIANTS) + len(pv.CONTACTS)
    assert len(register.partners) == len(pv.VARIANTS)  # none lost as "unknown activity"
    assert set(register.partners["activity_id"]) <= set(ids)
    assert set(register.exceptions["activity_id"]) <= set(ids)
    assert register.exceptions["decision_id"].is_unique
    # every seeded id was replaced whole by its numbered mark
    seeded = ids[~ids.str.startswith("K")]
    assert seeded.str.fullmatch(r"\[personuppgift \d+\]").all(), seeded.tolist()
    # the same mark for the same administration wherever it is shown
    unknown = register.activities["administration"] != pv.ADMINISTRATION
    shown = set(register.activities.loc[unknown, "administration"])
    assert shown and all(pv.MARK_RE.fullmatch(a) for a in shown)
    assert set(register.issues["administration"].dropna()) - {pv.ADMINISTRATION} <= shown


def test_a_line_with_more_fields_than_the_header_is_rejected_without_its_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the whole line was the issue's value, the shifted contact person with it."""
    folder = _csv_folder(tmp_path)
    register = load_register(folder)
    line = register.issues[register.issues["reason_key"] == "reason.too_many_fields"]
    assert len(line) == 1
    assert int(line["row"].iloc[0]) == len(pv.tables()["activities"]) + 2
    assert line["value"].fillna("").iloc[0] == ""
    out = tmp_path / "score"
    main(["score", str(folder), "--out", str(out)])
    rejected = (out / "rejected.csv").read_text(encoding="utf-8-sig")
    assert str(int(line["row"].iloc[0])) in rejected
    assert "Resa" not in rejected and "Oslo" not in rejected
    assert not pv.found({"rejected.csv": rejected, **_terminal(capsys, "score")})


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("Anna Lind, anna.lind@boras.se", ["Anna Lind"]),
        ("Lind, Anna", ["Anna Lind"]),
        ("Lind,\u00a0Anna", ["Anna Lind"]),
        ("Anna\u00a0\u00a0Lind", ["Anna Lind"]),
        ("\uff21\uff4e\uff4e\uff41 \uff2c\uff49\uff4e\uff44", ["Anna Lind"]),
        ("Anna Lind, Per-Olof Ek", ["Per-Olof Ek", "Anna Lind"]),
        ("Lind, Anna; Ek, Per", ["Anna Lind", "Per Ek"]),
        ("Lind, Anna, anna.lind@boras.se", ["Anna Lind"]),
        ("anna.lind@boras.se", ["anna lind"]),  # the address alone still names her
        ("per-olof_ek@boras.se; info@boras.se", ["per-olof ek"]),
        ("kultur.a1@boras.se", []),  # a digit: no name
    ],
)
def test_contact_names_are_read_in_their_usual_forms(cell: str, names: list[str]) -> None:
    frame = pd.DataFrame({"contact_person": [cell]})
    assert sorted(_contact_names(frame)) == sorted(names)


@pytest.mark.parametrize("variant", (*pv.VARIANTS[:7], "lind ,  anna", "LIND ANNA"))
def test_every_variant_of_a_name_is_redacted(variant: str) -> None:
    texts = pd.Series([f"Ring {variant} i morgon", "Lindgren Annas väg"], dtype="string")
    out = redact(texts, ["Anna Lind"]).tolist()
    assert out == [f"Ring {MARK} i morgon", "Lindgren Annas väg"]


@pytest.mark.parametrize(
    "address", ["anna.lind\uff20boras.se", "\uff41\uff4e\uff4e\uff41\uff20x\uff0ese", "a@b.se"]
)
def test_addresses_in_any_width_are_redacted(address: str) -> None:
    out = redact(pd.Series([f"skriv till {address}."], dtype="string"))
    assert out.tolist() == [f"skriv till {MARK}."]


def test_the_latin1_shortcut_knows_every_letter_nfkc_changes() -> None:
    """``_nfkc`` skips the normalisation of Latin-1 text without these (no-break space first)."""
    import unicodedata

    from boras_intl_lib.register.privacy import _LATIN1_COMPAT, _nfkc

    changed = "".join(chr(c) for c in range(256) if unicodedata.normalize("NFKC", chr(c)) != chr(c))
    assert changed == _LATIN1_COMPAT and changed[0] == "\xa0"
    every = "".join(map(chr, range(1, 256))) + "\uff21\uff20"
    for text in (every, every[:159], every[:160], "Anna\xa0Lind 1\xa0000", "Åsa Öberg"):
        assert _nfkc(text) == unicodedata.normalize("NFKC", text), repr(text[-20:])


def test_a_name_in_a_sheet_or_file_name_and_its_reasons_is_redacted() -> None:
    """The issue list's shown texts: source, value and both reasons."""
    from boras_intl_lib.register.model import Register, empty_issues
    from boras_intl_lib.register.privacy import redact_register

    issues = pd.concat(
        [
            empty_issues(),
            pd.DataFrame(
                {
                    "table": ["activities"],
                    "source": ["Anna Lind.csv"],
                    "row": [3],
                    "column": ["titel"],
                    "value": ["x"],
                    "severity": ["error"],
                    "reason_key": ["reason.duplicate_id_elsewhere"],
                    "reason": ["Activity id already used in anna.lind@boras.se.csv, row 2"],
                    "reason_sv": ["Aktivitets-id:t finns redan i anna.lind@boras.se.csv, rad 2"],
                    "suggestion": [None],
                    "administration": ["Kulturförvaltningen"],
                }
            ),
        ]
    ).astype(empty_issues().dtypes.to_dict())
    contacts = pd.DataFrame({"activity_id": ["A1"], "contact_person": ["Anna Lind"]})
    register = Register(contacts, pd.DataFrame(), pd.DataFrame(), issues)
    shown = redact_register(register).issues.iloc[0]
    assert not pv.found({"issues": "\n".join(map(str, shown.tolist()))})
    assert (
        shown["reason_sv"] == f"Aktivitets-id:t finns redan i {MARK}, rad 2"
    )  # ".csv" reads as the domain


def test_contact_persons_of_rejected_rows_are_found_and_contact_cells_not_shown(
    tmp_path: Path,
) -> None:
    """A rejected activity's contact person is still a name to look for elsewhere; an issue
    about a contact cell itself (here a control character) shows no value."""
    path = write_csv_folder(
        tmp_path / "register",
        {
            "activities": [
                pv_activity("R1", year="", contact_person="Cecilia Holm"),  # rejected: no year
                pv_activity("A1", title="Möte med Cecilia Holm", contact_person="Per\x0bEk"),
            ],
            "partners": [],
        },
    )
    register = load_register(path)
    assert register.activities["title"].tolist() == [f"Möte med {MARK}"]
    contact = register.issues[register.issues["column"] == "kontaktperson"]
    assert len(contact) == 1 and contact["value"].iloc[0] == ""
    shown = "\n".join(map(str, register.issues.to_numpy().ravel()))
    assert "Cecilia" not in shown and "Per" not in shown.replace("personuppgift", "")


def pv_activity(activity_id: str, **values: object) -> dict[str, object]:
    from tests.register_helpers import activity

    return activity(activity_id, **values)


def test_an_address_without_a_dot_in_its_domain_is_redacted() -> None:
    texts = pd.Series(["mejla anna@boras eller ring", "Textilt utbyte @ Prato"], dtype="string")
    assert redact(texts).tolist() == [f"mejla {MARK} eller ring", "Textilt utbyte @ Prato"]


def test_a_name_spelt_by_the_contact_address_alone_is_redacted(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "register.xlsx",
        {
            "activities": [
                pv_activity("A1", title="Möte med Anna Lind", contact_person="anna.lind@boras.se")
            ],
            "partners": [],
        },
    )
    assert load_register(path).activities["title"].tolist() == [f"Möte med {MARK}"]
