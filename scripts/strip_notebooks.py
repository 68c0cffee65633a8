"""Remove outputs and execution counts from the notebooks given (a pre-commit hook).

Committed notebooks carry no outputs: reports are generated, never stored in the notebook.
Exits 1 when it changed a file, so the commit is retried with the stripped version.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat


def strip(path: Path) -> bool:
    """Strip one notebook in place; True when it changed."""
    nb = nbformat.read(path, as_version=4)
    changed = False
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if cell.outputs or cell.execution_count is not None:
            cell.outputs, cell.execution_count = [], None
            changed = True
    if changed:
        nbformat.write(nb, path)
    return changed


def main(paths: list[str]) -> int:
    changed = [p for p in paths if strip(Path(p))]
    for path in changed:
        print(f"stripped outputs from {path}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
