"""The analyst's path (issue 19 item 7): the exploration notebook, run in Swedish with a
what-if that changes a threshold, shows *that* change in its tables and chart — equal to
:func:`what_if` run here — with labels, never internal keys, and no English label text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import papermill
import pytest

from boras_intl_lib.i18n.labels import LABELS, label
from boras_intl_lib.register import example_register_path, load_register
from boras_intl_lib.scenarios import what_if
from boras_intl_lib.settings import load_settings
from boras_intl_lib.vocabulary import ACTIVITY_TYPES, VERDICTS
from tests.conftest import KERNEL_NAME

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
YEAR = 2025
PARAMS = ROOT / "parameters" / f"{YEAR}.yaml"
KEY = "screening.conditions.human_rights.rules.0.threshold"
CHANGE = {KEY: 0.8}  # civil liberties at least 0.80 instead of 0.70

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    out = tmp_path_factory.mktemp("explore-whatif") / "explore.ipynb"
    return papermill.execute_notebook(
        str(NOTEBOOKS / "explore.ipynb"),
        str(out),
        parameters={
            "year": YEAR,
            "lang": "sv",
            "register_path": str(example_register_path()),
            "params_path": str(PARAMS),
            "what_if_changes": json.dumps(CHANGE),  # text, as `papermill -p` passes it
        },
        kernel_name=KERNEL_NAME,
        cwd=str(NOTEBOOKS),
        progress_bar=False,
        execution_timeout=180,
    )


@pytest.fixture(scope="module")
def expected():
    settings = load_settings(PARAMS)
    return what_if(load_register(example_register_path(), settings), settings, CHANGE, YEAR)


def _text(nb: nbformat.NotebookNode, cell_id: str | None = None) -> str:
    parts = []
    for cell in nb.cells:
        if cell.cell_type != "code" or (cell_id and cell.get("id") != cell_id):
            continue
        for output in cell.outputs:
            if output.output_type == "stream":
                parts.append(output.text)
            elif "data" in output:
                parts.append(output.data.get("text/plain", ""))
                parts.append(output.data.get("text/html", ""))
                parts.append(output.get("metadata", {}).get("image/png", {}).get("alt", ""))
    return "\n".join(parts)


def test_the_change_asked_for_is_said_in_words(run) -> None:
    change = label(
        "whatif.change.rule",
        condition=label("condition.human_rights"),
        new="minst 0,80",
        old="minst 0,70",
    )
    assert label("explore.change", change=change) in _text(run, "whatif-rule")
    assert KEY not in _text(run)  # the internal key is never shown


def test_its_tables_show_the_partners_and_verdicts_that_change(run, expected) -> None:
    assert len(expected.partners) > 0  # the change changes something
    partners = _text(run, "whatif-partners")
    assert label("explore.partners_changed", n=len(expected.partners)) in partners
    for activity_id, name in expected.partners[["activity_id", "partner_name"]].itertuples(
        index=False
    ):
        assert activity_id in partners and name in partners
    clear = _text(run, "whatif-clear")
    for row in expected.verdicts.itertuples(index=False):
        pattern = rf"{re.escape(label(f'verdict.{row.verdict}'))}\s+{row.before}\s+{row.after}\s"
        assert re.search(pattern, clear), row
    assert (expected.verdicts["change"] != 0).any()


def test_its_chart_shows_the_change_asked_for(run, expected) -> None:
    (cell,) = [c for c in run.cells if c.get("id") == "whatif-chart"]
    (image,) = [o for o in cell.outputs if "image/png" in o.get("data", {})]
    alt = image.metadata["image/png"]["alt"]
    assert "minst 0,80 i stället för minst 0,70" in alt
    for row in expected.verdicts.itertuples(index=False):
        words = label(
            "whatif.alt_verdict",
            verdict=label(f"verdict.{row.verdict}"),
            before=row.before,
            after=row.after,
        )
        assert words in alt
    assert "nivå 3 i stället för nivå 2" not in alt  # not the clear_level+1 of before


def test_a_swedish_run_shows_labels_not_keys_and_no_english(run) -> None:
    text = _text(run)
    keys = [*ACTIVITY_TYPES, *VERDICTS, "cannot_assess", "not_met", "ongoing", "completed"]
    shown = [k for k in keys if re.search(rf"(?<![\w.-]){re.escape(k)}(?![\w.-])", text)]
    assert shown == []
    admin = _text(run, "admin")
    assert label("col.activity_status") in admin and label("col.status") not in admin
    register = load_register(example_register_path(), load_settings(PARAMS))
    written = " ".join(  # the register's own text may hold English words ("University")
        register.activities["title"].dropna().tolist()
        + register.partners["partner_name"].dropna().tolist()
    )
    english = {
        en
        for sv, en in LABELS.values()
        if en != sv and len(en) >= 8 and "{" not in en and en not in sv and en not in written
    }
    found = sorted(e for e in english if e in text)
    assert found == []
