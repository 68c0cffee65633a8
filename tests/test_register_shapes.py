"""Every command works on every register shape, with the same accounting (issue 19 item 1).

The same register is written as one workbook, a CSV folder and a folder of workbooks (one per
administration), each clean, with warnings (a bad optional value: kept, flagged) and with
rejected rows (an unknown activity type). ``validate``, ``score`` and the Python API must
agree on every combination: rows in = accepted + rejected, every flagged row counted — in a
folder of workbooks the same row number in two files is two rows. The report (city and
per administration, which failed on a folder of workbooks with a warning) and the explore
notebook run once per shape with both kinds of problem, in the notebook tier.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml
from register_helpers import activity, partner, write_csv_folder, write_workbook

from boras_intl_lib.cli import main
from boras_intl_lib.coordinator.summary import exit_status, summarise
from boras_intl_lib.register import load_register
from boras_intl_lib.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
PARAMS = ROOT / "parameters" / "2025.yaml"
ADMINS = ("Kulturförvaltningen", "Miljöförvaltningen")
SHAPES = ("workbook", "csv", "workbooks")
VARIANTS = ("clean", "warnings", "rejected")
PER_ADMIN = 3  # activities per administration, before the variant's extra rows


def _tables(admin_index: int, variant: str) -> dict[str, list[dict[str, object]]]:
    """One administration's rows: three good activities (two with a partner), and per variant
    one activity with a bad optional value (warnings) or an unknown type (rejected)."""
    admin = ADMINS[admin_index]
    acts = [
        activity(f"{admin[:3]}-{n}", year="2025", administration=admin, budget_sek="1000")
        for n in range(1, PER_ADMIN + 1)
    ]
    if variant in ("warnings", "both"):
        acts.append(activity(f"{admin[:3]}-W", year="2025", administration=admin, budget_sek="x"))
    if variant in ("rejected", "both"):
        acts.append(
            activity(f"{admin[:3]}-R", year="2025", administration=admin, activity_type="okänd")
        )
    parts = [partner(f"{admin[:3]}-{n}", country="Norge") for n in (1, 2)]
    return {"activities": acts, "partners": parts}


def expected(variant: str) -> dict[str, int]:
    """Counts of the activities table for the whole register (both administrations)."""
    warned = 1 if variant in ("warnings", "both") else 0
    rejected = 1 if variant in ("rejected", "both") else 0
    n = len(ADMINS)
    return {
        "input": n * (PER_ADMIN + warned + rejected),
        "accepted": n * (PER_ADMIN + warned),
        "rejected": n * rejected,
        "flagged": n * warned,
    }


def write_register(folder: Path, shape: str, variant: str) -> Path:
    parts = [_tables(i, variant) for i in range(len(ADMINS))]
    if shape == "workbooks":
        out = folder / "arbetsbocker"
        for admin, tables in zip(ADMINS, parts, strict=True):
            write_workbook(out / f"{admin}.xlsx", tables)
        return out
    both = {name: [row for p in parts for row in p[name]] for name in ("activities", "partners")}
    if shape == "csv":
        return write_csv_folder(folder / "csv", both, sep=";")
    return write_workbook(folder / "register.xlsx", both)


SUMMARY_LINE = re.compile(  # "1 rad läst, 1 godkänd, …" agrees in number with its count
    r"aktiviteter: (\d+) rad(?:er)? lästa?, (\d+) godkända?, (\d+) avvisade?, (\d+) flaggade?"
)


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("shape", SHAPES)
def test_validate_score_and_the_api_account_for_every_row(
    shape: str, variant: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_register(tmp_path, shape, variant)
    want = expected(variant)
    status = 1 if want["rejected"] else 0

    # the Python API
    register = load_register(path, load_settings(PARAMS))
    counts = summarise(register)["tables"]["activities"]
    assert counts == want
    assert counts["input"] == counts["accepted"] + counts["rejected"]
    assert exit_status(register) == status

    # validate: the same figures in the summary, and its exit status
    assert main(["validate", str(path), "--params", str(PARAMS)]) == status
    line = SUMMARY_LINE.search(capsys.readouterr().out)
    assert line is not None
    assert tuple(map(int, line.groups())) == tuple(want.values())

    # score: one scores.csv row per accepted activity, one rejected.csv line per rejected row
    out = tmp_path / "resultat"
    assert main(["score", str(path), "--params", str(PARAMS), "--out", str(out)]) == status
    capsys.readouterr()
    scores = _csv_rows(out / "scores.csv")
    assert len(scores) == want["accepted"]
    rejected = _csv_rows(out / "rejected.csv")
    assert len({(r["table"], r["row"]) for r in rejected}) == want["rejected"]
    warnings = [r for r in _csv_rows(out / "warnings.csv") if r["column"] == "budget_kr"]
    assert len({(r["table"], r["row"]) for r in warnings}) == want["flagged"]
    if shape == "workbooks":  # each line names its own workbook
        assert {r["table"].split(",")[0] for r in rejected + warnings} <= {
            f"{admin}.xlsx" for admin in ADMINS
        }


def _two_administrations(folder: Path) -> Path:
    """The 2025 parameters with only the two administrations of the register: the report
    writes one report per administration of the parameters, and each costs a kernel."""
    settings = yaml.safe_load(PARAMS.read_text(encoding="utf-8"))
    settings["administrations"] = [a for a in settings["administrations"] if a["name"] in ADMINS]
    path = folder / "parameters" / "2025.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.notebook
@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_report_per_administration_on_every_shape(shape: str, tmp_path: Path) -> None:
    path = write_register(tmp_path, shape, "both")
    out = tmp_path / "rapporter"
    params = _two_administrations(tmp_path)
    args = ["report", "--year", "2025", "--register", str(path), "--params", str(params)]
    assert main([*args, "--per-administration", "--jobs", "1", "--out", str(out)]) == 0
    year = out / "2025"
    assert (year / "report-2025-sv.html").is_file()
    folders = [p for p in year.iterdir() if p.is_dir()]
    written = [p for p in folders if (p / "report-2025-sv.html").is_file()]
    assert len(written) == len(folders) == len(ADMINS), "a per-administration report failed"
    assert not list(year.rglob("*.failed.ipynb"))
    index = next(year.glob("index-*.html")).read_text(encoding="utf-8")
    for admin in ADMINS:
        assert admin in index
    # the city report's data-quality section lists the rejected row of each workbook
    city = (year / "report-2025-sv.html").read_text(encoding="utf-8")
    assert city.count("okänd") >= len(ADMINS)


@pytest.mark.notebook
@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_the_explore_notebook_accounts_for_every_row_on_every_shape(
    shape: str, tmp_path: Path
) -> None:
    import papermill

    from boras_intl_lib.i18n.labels import label

    path = write_register(tmp_path, shape, "both")
    params = _two_administrations(tmp_path)
    register = load_register(path, load_settings(params))
    counts = summarise(register)["tables"]["activities"]
    assert counts["rejected"] > 0 and counts["flagged"] > 0
    notebook = papermill.execute_notebook(
        str(ROOT / "notebooks" / "explore.ipynb"),
        str(tmp_path / "explore.ipynb"),
        parameters={
            "year": 2025,
            "lang": "sv",
            "register_path": str(path),
            "params_path": str(params),
            "administration": ADMINS[0],
        },
        kernel_name="python3",
        cwd=str(ROOT / "notebooks"),
        progress_bar=False,
        execution_timeout=180,
    )
    text = "".join(
        o.get("text", "") if isinstance(o.get("text", ""), str) else "".join(o["text"])
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
    )
    assert label("explore.rejected", "sv", n=counts["rejected"]) in text
    accepted = label(
        "explore.accepted",
        "sv",
        activities=counts["accepted"],
        partners=len(register.partners),
        exceptions=len(register.exceptions),
    )
    assert accepted in text
