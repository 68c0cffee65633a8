"""Issue 10's "done when", end to end: a template filled in with the mistakes coordinators make.

The workbook is the real template (drop-downs from parameters/2025.yaml) filled in the way the
issue describes: "50 000 kr" in the budget, "Pågår" as status, "ca 12" participants, a
misspelt administration, external funding above the budget, a soft line break in a title and
a decomposed "ö". No activity may be lost, `validate` must answer in Swedish and suggest
"Kulturförvaltningen", and the report must be written (real papermill and nbconvert).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl
import pytest

from boras_intl_lib.cli import main
from boras_intl_lib.coordinator.template import write_template
from boras_intl_lib.register import load_register
from boras_intl_lib.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
PARAMS = ROOT / "parameters" / "2025.yaml"
NFD = unicodedata.normalize("NFD", "Kulturförvaltningen")
ACTIVITIES = [
    # id, year, title, administration, committee, type, status, budget, external, source, n
    ["KF-1", 2025, "Textilbiennal", "Kulturförvaltningen", "Kulturnämnden", "vänortsutbyte",
     "Pågår", "50 000 kr", None, None, "ca 12"],
    ["KF-2", 2025, "Studieresa Åbo", NFD, None, "studiebesök", "klar", "10 000", "25 000",
     "Interreg", "8"],
    ["KF-3", 2025, "Konferens_x000B_Göteborg", "Kulturförvaltning", None, "konferens",
     "genomförd", "25 tkr", None, None, None],
    ["KF-4", 2025, "Nätverksmöte", "Kulturförvaltningen", None, "nätverk", "avbruten",
     "1,5 mnkr", None, None, "många"],
    ["KF-5", 2025, "EU-ansökan", "Kulturförvaltningen", None, "EU-projekt", "planeras",
     None, None, "Kreativa Europa", None],
    ["KF-6", 2025, "Vänortsbesök", "Kulturförvaltningen", None, "vänortsutbyte", None,
     "cirka 40 000", None, None, "20"],
]  # fmt: skip


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("coordinator") / "kultur.xlsx"
    write_template(path, load_settings(PARAMS))
    book = openpyxl.load_workbook(path)
    for row in ACTIVITIES:
        book["aktiviteter"].append(row)
    for activity_id, country in (("KF-1", "Danmark"), ("KF-2", "Finland"), ("KF-6", "Tyskand")):
        book["partner"].append([activity_id, "Partner " + activity_id, "kommun", None, country])
    book.save(path)
    return path


def test_no_activity_is_lost_and_the_answer_is_swedish(
    workbook: Path, capsys: pytest.CaptureFixture
) -> None:
    register = load_register(workbook, load_settings(PARAMS))
    assert register.activities["activity_id"].tolist() == [f"KF-{n}" for n in range(1, 7)]
    assert len(register.partners) == 3 and register.rejected.empty
    acts = register.activities.set_index("activity_id")
    assert acts.loc["KF-1", "budget_sek"] == 50_000 and acts.loc["KF-1", "participants"] == 12
    assert acts.loc["KF-3", "budget_sek"] == 25_000 and acts.loc["KF-4", "budget_sek"] == 1.5e6
    assert acts["status"].tolist() == [
        "ongoing", "completed", "completed", "cancelled", "planned", "ongoing"
    ]  # fmt: skip
    assert acts.loc["KF-2", "administration"] == "Kulturförvaltningen"  # NFD matched
    assert main(["validate", str(workbook), "--params", str(PARAMS)]) == 0
    out = capsys.readouterr().out
    assert "aktiviteter: 6 rader lästa, 6 godkända, 0 avvisade" in out
    assert "menade du Kulturförvaltningen?" in out and "menade du Tyskland?" in out
    assert "Extern finansiering är större än budgeten (10 000 kr)" in out
    assert "Ungefärligt värde" in out and "Osynliga styrtecken" in out
    for english in ("Not a number", "Rejected rows", "Flagged values", "row "):
        assert english not in out


def test_the_report_is_written(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    args = ["report", "--year", "2025", "--register", str(workbook), "--out", str(out)]
    assert main(args) == 0
    html = (out / "2025" / "report-2025-sv.html").read_text(encoding="utf-8")
    assert "menade du Kulturförvaltningen?" in html  # the data-quality section
    assert "Konferens Göteborg" in html
    assert (out / "2025" / "report-2025-sv.xlsx").exists()
