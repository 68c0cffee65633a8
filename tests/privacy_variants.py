"""A register seeded with personal data in every variant, in every free-text and id column,
and a scan that finds any of it in any text a command writes.

Contact persons: "Anna Lind, anna.lind@boras.se" and "Lind, Bertil" (written surname first).
Each variant below is put into every free-text and identifier column of every table
(``activity_id``, ``title``, ``administration``, ``committee``, ``funding_source``,
``description``; a partner's ``activity_id``, ``partner_name``, ``city``, ``country``; an
exception's ``decision_id``, ``partner_name``, ``country``, ``activity_id``). The scan reads
each output in its compatibility form (NFKC), case-folded, with whitespace as single spaces,
so every variant is looked for in its plainest form.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
import zipfile
from pathlib import Path

CONTACTS = ("Anna Lind, anna.lind@boras.se", "Lind, Bertil")
VARIANTS = (
    "Anna Lind",
    "Lind, Anna",
    "Lind Anna",
    "Anna\u00a0Lind",  # no-break space
    "Anna  Lind",  # two spaces
    "ANNA\tLIND",
    "\uff21\uff4e\uff4e\uff41 \uff2c\uff49\uff4e\uff44",  # full-width "Anna Lind"
    "anna.lind@boras.se",
    "anna.lind\uff20boras.se",  # full-width "@"
    "\uff41\uff4e\uff4e\uff41.lind\uff20boras\uff0ese",  # full-width letters and dot
    "ANNA.LIND@BORAS.SE",
    "Bertil Lind",
    "Lind,\u00a0Bertil",
)
# What must never be found (after :func:`plain`): names in both orders and the addresses.
FORBIDDEN = ("anna lind", "lind, anna", "lind anna", "bertil lind", "lind, bertil", "@boras.se")
YEAR = 2025
ADMINISTRATION = "Kulturförvaltningen"


def plain(text: str) -> str:
    """``text`` as the scan compares it: NFKC, case-folded, whitespace as one space."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def found(texts: dict[str, str]) -> list[str]:
    """``where: what`` for every piece of personal data in ``texts``."""
    hits = []
    for where, text in texts.items():
        seen = plain(text)
        hits += [f"{where}: {item}" for item in FORBIDDEN if item in seen]
    return hits


def readable_text(path: Path) -> str:
    """A file's text as a reader or a tool sees it: zips unpacked, escapes resolved."""
    if path.suffix == ".pdf":  # the text a PDF reader extracts (the bytes are compressed)
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(path).pages)
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            text = "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    else:
        text = path.read_bytes().decode("utf-8-sig", "replace")
    if path.suffix == ".ipynb":  # JSON may escape non-ASCII letters
        text += json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


def outputs(*folders: Path) -> dict[str, str]:
    """The readable text of every file under ``folders``."""
    files = sorted(p for folder in folders for p in folder.rglob("*") if p.is_file())
    return {str(p): readable_text(p) for p in files}


def _id(prefix: str, i: int, variant: str) -> str:
    return f"{prefix}{i} {variant}"


def tables() -> dict[str, list[dict[str, object]]]:
    """Activities, partners and exceptions: one of each per variant, every text column
    carrying it, plus a clean activity holding the contact persons."""
    activities: list[dict[str, object]] = [
        {
            "activity_id": f"K{i}",
            "year": YEAR,
            "title": "Kontaktrad",
            "administration": ADMINISTRATION,
            "activity_type": "studiebesök",
            "contact_person": contact,
        }
        for i, contact in enumerate(CONTACTS)
    ]
    partners: list[dict[str, object]] = []
    exceptions: list[dict[str, object]] = []
    for i, v in enumerate(VARIANTS):
        activities.append(
            {
                "activity_id": _id("A", i, v),
                "year": YEAR,
                "title": f"Titel {v}",
                "administration": f"Förvaltning {v}" if i % 2 else ADMINISTRATION,
                "committee": f"Nämnd {v}",
                "activity_type": "projekt",
                "funding_source": f"Källa {v}",
                "description": f"Beskrivning {v} slut",
                "contact_person": CONTACTS[i % 2],
            }
        )
        partners.append(
            {
                "activity_id": _id("A", i, v),
                "partner_name": f"Partner {v}",
                "city": f"Stad {v}",
                "country": "Serbien" if i % 3 == 0 else f"Land {v}",
            }
        )
        exceptions.append(
            {
                "decision_id": _id("KS ", i, v),
                "decision_date": "2025-01-15",
                "country": "Serbien",
                "partner_name": f"Partner {v}",
                "activity_id": _id("A", i, v),
            }
        )
    return {"activities": activities, "partners": partners, "exceptions": exceptions}


def shifted_line(contact: str) -> str:
    """An activities CSV line with one field too many (a comma in an unquoted title): every
    later field, the contact person's included, is shifted one column to the right."""
    fields = ["Z1", str(YEAR), "Resa, Oslo", ADMINISTRATION, "", "projekt"]
    fields += [""] * 13 + [contact, ""]
    return ",".join(fields)


def names_in_ids_join(scores_csv: str, partners_csv: str) -> bool:
    """Whether every seeded activity is scored and every seeded partner joined to one."""
    activity_rows = [line for line in scores_csv.splitlines()[1:] if line.strip()]
    partner_rows = [line for line in partners_csv.splitlines()[1:] if line.strip()]
    return len(activity_rows) >= len(VARIANTS) and len(partner_rows) == len(VARIANTS)


MARK_RE = re.compile(r"\[personuppgift(?: \d+)?\]")
