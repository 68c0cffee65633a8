"""pytest-notebook regression test: scores, partner verdicts and area summary stay as committed.

``tests/fixtures/notebooks/regression_scores.executed.json`` is a notebook committed
EXECUTED: its outputs are the expected values (the ``.json`` name keeps it apart from the
``.ipynb`` files, which are always committed without outputs). It prints, as plain text,
the scores of the four activities of a tiny CSV register (``regression_register/`` beside
it), every partner's verdict, the screened countries, the area summary, the precondition
summary and the score explanations.
``nb_regression.check`` re-executes it on the ``python3`` kernel and fails on any difference in
those outputs. Only what may differ between machines is ignored (interpreter version, execution
counts, timings) and absolute paths and timestamps are masked.

After an intended change of the library: ``.venv/bin/python scripts/refresh_regression_notebook.py``
and review the diff of the fixture.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from pytest_notebook.nb_regression import NBRegressionFixture

KERNEL_NAME = "python3"  # pytest-notebook runs the kernel the notebook names: pinned below
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "notebooks"
NOTEBOOK = FIXTURES / "regression_scores.executed.json"
DIFF_IGNORE = (
    "/metadata/language_info",  # interpreter version of whoever refreshed the fixture
    "/cells/*/execution_count",
    "/cells/*/outputs/*/execution_count",
    "/cells/*/metadata/execution",  # timings, if a refresh recorded them
    "/cells/*/outputs/*/data/image/png",  # no images by design; PNG bytes are not portable
)
DIFF_REPLACE = (
    ("/cells/*/outputs", re.escape(str(FIXTURES)), "<FIXTURES>"),
    ("/cells/*/outputs", r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?", "<TIME>"),
)
pytestmark = pytest.mark.notebook


@pytest.fixture
def regression(nb_regression: NBRegressionFixture) -> NBRegressionFixture:
    nb_regression.diff_ignore = DIFF_IGNORE
    nb_regression.diff_replace = DIFF_REPLACE
    nb_regression.exec_cwd = str(FIXTURES)  # the notebook's relative paths start here
    nb_regression.exec_timeout = 120
    nb_regression.diff_use_color = False
    return nb_regression


def test_fixture_is_committed_executed_on_the_pinned_kernel() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == KERNEL_NAME
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    printed = {c.id: "".join(o.get("text", "") for o in c.outputs) for c in code}
    assert "R-2025-04" in printed["scores"] and "needs_exception" in printed["partners"]
    assert all(printed[c] for c in ("register", "scores", "partners", "areas", "precondition"))


def test_scores_verdicts_and_summaries_are_unchanged(regression: NBRegressionFixture) -> None:
    regression.check(str(NOTEBOOK))


def test_a_changed_score_fails_the_regression(
    regression: NBRegressionFixture, tmp_path: Path
) -> None:
    """The check is not vacuous: one level changed in the stored output is reported."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    (scores,) = [c for c in nb.cells if c.get("id") == "scores"]
    text = scores.outputs[0]["text"]
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("R-2025-03"))
    changed = line.replace(" 3 ", " 2 ", 1)
    assert changed != line
    scores.outputs[0]["text"] = text.replace(line, changed)
    copy = tmp_path / NOTEBOOK.name
    nbformat.write(nb, copy)

    result = regression.check(str(copy), raise_errors=False)
    assert result.diff_filtered, "a changed score was not detected"
    assert changed.strip() in result.diff_string and line.strip() in result.diff_string
    # and nothing else differs: one patch, to the cells, to the scores cell only
    (entry,) = result.diff_filtered
    assert entry["key"] == "cells"
    assert [d["key"] for d in entry["diff"]] == [nb.cells.index(scores)]
