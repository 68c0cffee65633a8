"""Re-execute the pytest-notebook regression fixture and save it with its new outputs.

``tests/test_notebook_regression.py`` re-executes the executed fixture notebook
``tests/fixtures/notebooks/regression_scores.executed.json`` and fails when any output
differs from the outputs committed in it. When the library changes a score, a verdict or a
wording ON PURPOSE, refresh the fixture and review the change::

    .venv/bin/python scripts/refresh_regression_notebook.py
    git diff tests/fixtures/notebooks/  # every changed value intended?

The notebook runs on the ``python3`` kernel (the interpreter running this script) in its own
folder, so its relative paths reach the CSV register beside it. Timing metadata is not recorded,
so an unchanged library gives an unchanged file. (``pytest tests/test_notebook_regression.py
--nb-force-regen`` does the same through pytest-notebook.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "tests" / "fixtures" / "notebooks" / "regression_scores.executed.json"
KERNEL_NAME = "python3"  # always pinned


def refresh(path: Path = NOTEBOOK, timeout: int = 120) -> Path:
    """Execute ``path`` top to bottom on a fresh kernel and write it back with its outputs."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=KERNEL_NAME,
        timeout=timeout,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError (and writes nothing) when a cell fails
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", nargs="?", type=Path, default=NOTEBOOK)
    args = parser.parse_args(argv)
    print(f"refreshed {refresh(args.notebook)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
