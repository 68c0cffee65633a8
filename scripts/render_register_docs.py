"""Write docs/register-format.md from boras_intl_lib/register/format.py (via coordinator/docs.py).

The page is generated so it cannot drift from the format the code reads; a test compares the
committed file with the generated text. Usage: ``python scripts/render_register_docs.py
[--check]`` (``--check`` only reports whether the file is up to date, exit status 1 if not).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from boras_intl_lib.coordinator.docs import markdown  # noqa: E402

DOC = ROOT / "docs" / "register-format.md"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args()
    text = markdown()
    current = DOC.read_text(encoding="utf-8") if DOC.exists() else None
    if args.check:
        if current != text:
            print(f"{DOC.relative_to(ROOT)} is out of date: run {Path(__file__).name}")
            return 1
        return 0
    if current != text:
        DOC.write_text(text, encoding="utf-8")
        print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
