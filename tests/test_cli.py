"""The command line as users meet it: exit statuses, messages, output files (CONTRACT.md)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from boras_intl_lib.cli import main
from boras_intl_lib.i18n.labels import label
from boras_intl_lib.register import example_register_path
from boras_intl_lib.register.format import TABLES
from tests.register_helpers import activity, partner, write_workbook

ROOT = Path(__file__).resolve().parent.parent
PARAMS = ROOT / "parameters" / "2025.yaml"
HEAVY = ("pandas", "numpy", "papermill", "nbconvert", "matplotlib", "openpyxl", "pandera")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "boras_intl_lib", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


@pytest.fixture
def messy_register(tmp_path: Path) -> Path:
    """Two good activities, one impossible year, one repeated id, one orphan partner."""
    path = tmp_path / "messy.xlsx"
    write_workbook(
        path,
        {
            "activities": [
                activity("A1"),
                activity("A2"),
                activity("A3", year=1999),
                activity("A1", title="Kopia"),
            ],
            "partners": [partner("A1"), partner("A2"), partner("NOPE")],
        },
    )
    return path


def test_help_imports_nothing_heavy() -> None:
    code = (
        "import sys; from boras_intl_lib.cli import build_parser; build_parser().format_help(); "
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_help_lists_every_command() -> None:
    result = _run("--help")
    assert result.returncode == 0
    for command in ("validate", "score", "report", "template"):
        assert command in result.stdout


def test_validate_bundled_register_accepts_every_row(capsys: pytest.CaptureFixture) -> None:
    assert main(["validate", str(example_register_path()), "--params", str(PARAMS)]) == 0
    assert "Alla rader godkändes" in capsys.readouterr().out  # Swedish headers: Swedish answer
    args = ["validate", str(example_register_path()), "--params", str(PARAMS), "--lang", "en"]
    assert main(args) == 0
    assert "All rows were accepted" in capsys.readouterr().out


def test_validate_lists_each_problem_and_exits_1(
    messy_register: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["validate", str(messy_register), "--params", str(PARAMS)]) == 1
    out = capsys.readouterr().out
    assert 'rad 4, kolumn år, värde "1999": Värdet är mindre än 2000' in out
    assert "rad 5" in out and "rad 2" in out  # the repeated id names the row it repeats
    assert '"NOPE"' in out
    assert "row " not in out and "Rejected" not in out  # nothing in English


def test_validate_writes_a_correction_list_per_administration(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    import openpyxl

    path = tmp_path / "reg.xlsx"
    write_workbook(
        path,
        {
            "activities": [
                activity("K1", administration="Kulturförvaltning", budget_sek="50 000 kr"),
                activity("K2", administration="Kulturförvaltningen", year="20x4"),
                activity("M1", administration="Miljöförvaltningen", participants="många"),
            ],
            "partners": [partner("K1", country="Tyskand"), partner("K2")],
        },
    )
    fix = tmp_path / "rättelser.xlsx"
    assert main(["validate", str(path), "--params", str(PARAMS), "--fix-list", str(fix)]) == 1
    out = capsys.readouterr().out
    assert "menade du Kulturförvaltningen?" in out and "menade du Tyskland?" in out
    book = openpyxl.load_workbook(fix)
    # a misspelt administration's rows go to the one suggested; the value is not corrected
    assert book.sheetnames == ["Kulturförvaltningen", "Miljöförvaltningen"]
    kultur = [[c.value for c in row] for row in book["Kulturförvaltningen"].iter_rows(min_row=4)]
    assert kultur[0] == ["Status", "Blad/fil", "Rad", "Kolumn", "Värde", "Orsak", "Förslag"]
    body = {(r[0], r[1], r[2], r[3], r[4], r[6]) for r in kultur[1:]}
    assert ("Avvisad", "aktiviteter", 3, "år", "20x4", None) in body
    assert ("Avvisad", "partner", 3, "aktivitets_id", "K2", None) in body
    assert ("Flaggad", "partner", 2, "land", "Tyskand", "Tyskland") in body
    assert (
        "Flaggad", "aktiviteter", 2, "förvaltning", "Kulturförvaltning", "Kulturförvaltningen"
    ) in body  # fmt: skip
    assert all(r[5] for r in kultur[1:])  # every line has a reason
    miljo = [[c.value for c in row] for row in book["Miljöförvaltningen"].iter_rows(min_row=5)]
    assert [(r[0], r[2], r[3], r[4]) for r in miljo] == [("Flaggad", 4, "deltagare", "många")]


def test_validate_json_is_machine_readable(
    messy_register: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["validate", str(messy_register), "--params", str(PARAMS), "--json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["path"] == str(messy_register) and summary["language"] == "sv"
    assert summary["tables"]["activities"] == {
        "input": 4,
        "accepted": 2,
        "rejected": 2,
        "flagged": 0,
    }
    assert summary["tables"]["partners"] == {"input": 3, "accepted": 2, "rejected": 1, "flagged": 0}
    rejected = {
        (i["table"], i["row"], i["column"], i["value"], i["reason_key"])
        for i in summary["issues"]
        if i["severity"] == "error"
    }
    assert rejected == {
        ("activities", 4, "år", "1999", "reason.below_minimum"),
        ("activities", 5, "aktivitets_id", "A1", "reason.duplicate_id"),
        ("partners", 4, "aktivitets_id", "NOPE", "reason.unknown_activity"),
    }
    assert all(i["reason_sv"] and i["reason"] for i in summary["issues"])


@pytest.mark.parametrize("content", [b"", b"not a workbook at all", b"PK\x03\x04 broken zip"])
def test_unreadable_register_gives_one_line_and_exit_2(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(content)
    result = _run("validate", str(path), "--params", str(PARAMS))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "register.xlsx" in result.stderr
    assert result.stderr.startswith("fel: ")  # validate answers in Swedish


def test_score_of_an_unreadable_register_answers_in_swedish_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(b"not a workbook at all")
    out = str(tmp_path / "out")
    swedish = _run("score", str(path), "--params", str(PARAMS), "--out", out)
    assert swedish.returncode == 2 and swedish.stderr.startswith("fel: ")
    english = _run("score", str(path), "--params", str(PARAMS), "--out", out, "--lang", "en")
    assert english.returncode == 2 and english.stderr.startswith("error: ")
    assert len(swedish.stderr.strip().splitlines()) == len(english.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()  # nothing written for a register never read


def test_missing_register_gives_exit_2(tmp_path: Path) -> None:
    result = _run("validate", str(tmp_path / "nothing.xlsx"), "--params", str(PARAMS))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_score_writes_the_contract_files(messy_register: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["score", str(messy_register), "--params", str(PARAMS), "--out", str(out)]) == 1
    with (out / "scores.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[:11] == [
        "activity_id", "year", "administration", "operational_development",
        "project_collaboration", "knowledge_exchange", "profiling", "societal_impact",
        "democratic_values", "twin_cities", "precondition",
    ]  # fmt: skip
    assert sorted(r["activity_id"] for r in rows) == ["A1", "A2"]
    assert all(0 <= int(r["profiling"]) <= 3 for r in rows)
    with (out / "partners.csv").open(encoding="utf-8-sig") as f:
        header = next(csv.reader(f))
    assert header[:9] == [
        "activity_id", "partner_name", "country_iso3", "democracy", "human_rights",
        "rule_of_law", "verdict", "decision_id", "basis",
    ]  # fmt: skip
    with (out / "rejected.csv").open(encoding="utf-8-sig") as f:
        rejected = list(csv.DictReader(f))
    assert list(rejected[0])[:5] == ["table", "row", "column", "value", "reason"]
    assert {(r["table"], r["row"]) for r in rejected} == {
        ("aktiviteter", "4"),
        ("aktiviteter", "5"),
        ("partner", "4"),
    }


def _rejected(out: Path, name: str = "rejected.csv") -> list[dict[str, str]]:
    with (out / name).open(encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def test_rejected_rows_read_as_a_coordinator_sees_them(
    messy_register: Path, tmp_path: Path
) -> None:
    """Sheet, Excel row, header and value as in the register; the reason in Swedish for a
    Swedish register, in English when asked."""
    out = tmp_path / "sv"
    main(["score", str(messy_register), "--params", str(PARAMS), "--out", str(out)])
    by_row = {(r["table"], r["row"]): r for r in _rejected(out)}
    repeated = by_row[("aktiviteter", "5")]
    assert repeated["column"] == "aktivitets_id" and repeated["value"] == "A1"
    assert repeated["reason"] == label("reason.duplicate_id", "sv", first_row=2)
    too_early = label("reason.below_minimum", "sv", minimum=2000)
    assert by_row[("aktiviteter", "4")]["reason"] == too_early
    en = tmp_path / "en"
    args = ["score", str(messy_register), "--params", str(PARAMS), "--out", str(en)]
    main([*args, "--lang", "en"])
    english = {(r["table"], r["row"]): r["reason"] for r in _rejected(en)}
    assert english.keys() == by_row.keys()
    assert english[("aktiviteter", "5")] == label("reason.duplicate_id", "en", first_row=2)


def test_rejected_reasons_follow_an_english_register(tmp_path: Path) -> None:
    """An English register (English sheet names and headers) gets English reasons."""
    tables = {"activities": [activity("A1", year=1999)], "partners": []}
    english = {name: [c.name for c in TABLES[name].columns] for name in tables}
    names = {"activities": "Activities", "partners": "Partners"}
    path = write_workbook(tmp_path / "r.xlsx", tables, names=names, header_rows=english)
    out = tmp_path / "out"
    assert main(["score", str(path), "--params", str(PARAMS), "--out", str(out)]) == 1
    [row] = _rejected(out)
    assert (row["table"], row["row"], row["column"]) == ("Activities", "2", "year")
    assert row["reason"] == label("reason.below_minimum", "en", minimum=2000)


def test_template_reads_back_empty(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "mall.xlsx"
    assert main(["template", str(path)]) == 0
    assert path.exists()
    # read without a problem, and empty: a warning and exit 1, never "all rows accepted"
    assert main(["validate", str(path), "--params", str(PARAMS)]) == 1
    out = capsys.readouterr().out
    assert "0 avvisade" in out and "Registret har inga aktiviteter" in out


def test_report_with_missing_parameters_says_so(tmp_path: Path) -> None:
    result = _run("report", "--year", "2025", "--params", str(tmp_path / "no.yaml"),
                  "--out", str(tmp_path))  # fmt: skip
    assert result.returncode == 2
    assert "no.yaml" in result.stderr and "Traceback" not in result.stderr


def test_report_needs_a_year() -> None:
    result = _run("report")
    assert result.returncode == 2 and "--year" in result.stderr


def test_score_into_a_file_gives_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = _run("score", str(example_register_path()), "--params", str(PARAMS),
                  "--out", str(blocker))  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "a-file" in result.stderr


@pytest.mark.parametrize("name", ["a-folder", "mall.csv"])
def test_template_refuses_what_it_cannot_write(tmp_path: Path, name: str) -> None:
    (tmp_path / "a-folder").mkdir()
    result = _run("template", str(tmp_path / name))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_template_is_readable_by_colleagues(tmp_path: Path) -> None:
    path = tmp_path / "mall.xlsx"
    assert main(["template", str(path)]) == 0
    assert path.stat().st_mode & 0o044 == 0o044  # group and others may read it


def test_a_csv_line_with_too_many_fields_is_one_rejected_row(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "register"
    folder.mkdir()
    (folder / "activities.csv").write_text(
        "activity_id,year,title,administration,activity_type\n"
        "A1,2025,Projekt fas 1,Kulturförvaltningen,projekt\n"
        "A2,2025,Projekt, fas 2,Kulturförvaltningen,projekt\n"
        "A3,2025,Projekt 3,Kulturförvaltningen,projekt\n",
        encoding="utf-8",
    )
    (folder / "partners.csv").write_text(
        "activity_id,partner_name,country\nA1,Mikkeli,Finland\nA3,Vejle,Danmark\n",
        encoding="utf-8",
    )
    assert main(["validate", str(folder), "--params", str(PARAMS)]) == 1
    out = capsys.readouterr().out
    assert "3 rows read, 2 accepted, 1 rejected" in out
    # the row number, not the line: it holds every field, a contact person's too (issue 22)
    assert "row 3: The line has more fields than the header (5)" in out
    assert "fas 2" not in out


def test_score_that_fails_while_writing_keeps_the_previous_set(
    messy_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """A full disk while the third file is written: the previous files stay, all of them."""
    import errno

    from boras_intl_lib import outputs

    out = tmp_path / "scores"
    assert main(["score", str(messy_register), "--params", str(PARAMS), "--out", str(out)]) == 1
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert {"scores.csv", "partners.csv", "rejected.csv"} <= set(before)
    changed = tmp_path / "changed.xlsx"
    write_workbook(changed, {"activities": [activity("B1")], "partners": [partner("B1")]})
    real_write, calls = outputs._write_file, []

    def disk_full_on_the_third(path: Path, parts: Iterable[bytes]) -> None:
        calls.append(path)
        if len(calls) == 3:
            text = b"".join(parts)
            real_write(path, [text[: len(text) // 2]])  # half of it made it to disk
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real_write(path, parts)

    monkeypatch.setattr(outputs, "_write_file", disk_full_on_the_third)
    capsys.readouterr()
    status = main(["score", str(changed), "--params", str(PARAMS), "--out", str(out)])
    assert status == 2
    err = capsys.readouterr().err.strip().splitlines()
    # the system's reason in the run's words (Swedish: no --lang), not its English
    assert err == [f"fel: {out}: Går inte att skriva i mappen: disken är full"]
    assert len(calls) == 3
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before  # same files, same bytes, no temporary file left beside them


def test_init_makes_a_working_folder_and_keeps_what_exists(tmp_path: Path, capsys) -> None:
    import yaml

    from boras_intl_lib.register.load import load_register
    from boras_intl_lib.settings import load_settings

    folder = tmp_path / "arbete"
    assert main(["init", str(folder), "--year", "2031"]) == 0
    written = capsys.readouterr().out.split()
    assert sorted(Path(p).name for p in written) == ["2031.yaml", "README.md", "register.xlsx"]
    params = folder / "parameters" / "2031.yaml"
    settings = load_settings(params)
    assert settings.year == 2031
    packaged = yaml.safe_load((ROOT / "parameters" / "2025.yaml").read_text(encoding="utf-8"))
    assert [a.name for a in settings.administrations] == [
        a["name"] for a in packaged["administrations"]
    ]
    register = load_register(folder / "register.xlsx", settings)
    assert register.activities.empty and register.issues.empty
    import openpyxl  # the register's drop-down lists hold the year's administrations

    book = openpyxl.load_workbook(folder / "register.xlsx")
    lists = book["listor"]
    values = {c.value for col in lists.iter_cols() for c in col if c.value}
    assert {a.name for a in settings.administrations} <= values
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "## Varje år" in readme and "parameters/2032.yaml" in readme
    assert "boras-intl report --year 2031" in readme

    params.write_text(params.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert main(["init", str(folder), "--year", "2031"]) == 0
    assert capsys.readouterr().out.split() == []  # nothing rewritten
    assert params.read_text(encoding="utf-8").endswith("# edited\n")


def test_init_refuses_a_file(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert main(["init", str(blocker)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"fel: {blocker}: Finns redan och är ingen mapp; ange en ny eller befintlig mapp"
    )
