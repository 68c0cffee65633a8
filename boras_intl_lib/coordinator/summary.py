"""What ``boras-intl validate`` tells a coordinator: rows accepted, rejected and flagged.

:func:`summarise` turns a :class:`~boras_intl_lib.model.Register` into plain data (also
printed as JSON by ``--json``); :func:`format_summary` words it for the terminal, one line per
problem that says where to look in the register (sheet or file, row, column) and why.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..i18n.labels import Lang, label
from ..register.format import TABLES
from ..register.model import Register, issue_rows
from ..register.raw import UNREAD_LANGS

EXIT_ALL_ACCEPTED, EXIT_SOME_REJECTED = 0, 1


def summarise(register: Register) -> dict[str, Any]:
    """Counts per table (rows read, accepted, rejected, flagged) and every issue, as plain data."""
    issues = register.issues
    tables: dict[str, dict[str, int]] = {}
    for name in TABLES:
        mine = issues[issues["table"] == name]
        rejected = issue_rows(mine[mine["severity"] == "error"])
        warned = issue_rows(mine[mine["severity"] == "warning"])
        accepted = len(getattr(register, name))
        tables[name] = {
            "input": int(register.input_rows.get(name, accepted + len(rejected))),
            "accepted": accepted,
            "rejected": len(rejected),
            "flagged": len(warned - rejected),
        }
    return {
        "path": str(register.path) if register.path is not None else None,
        "language": register.language,
        "sha256": register.sha256,
        "is_example": register.is_example,
        "tables": tables,
        "issues": _records(issues),
        "unread": [_unread_record(*unread) for unread in register.unread],
        "empty": register.activities.empty and not len(register.rejected),
    }


def _unread_record(source: str, row: int | None, value: str, key: str) -> dict[str, Any]:
    """One thing not read, as data: where, the value, the reason's key, and the sentence the
    summary prints, in Swedish and English (``reason_sv``, ``reason``), as issues have."""
    record: dict[str, Any] = {"source": source, "row": row, "value": value, "reason_key": key}
    record["reason_sv"] = format_unread(record, "sv")
    record["reason"] = format_unread(record, "en")
    return record


def _records(issues: pd.DataFrame) -> list[dict[str, Any]]:
    """Issue lines as JSON-ready dicts (row as int, missing text as None)."""
    records = []
    for record in issues.astype(object).to_dict("records"):
        clean = {k: (None if v is pd.NA else v) for k, v in record.items()}
        if clean["row"] is not None:
            clean["row"] = int(clean["row"])
        records.append(clean)
    return records


def _where(source: str, lang: Lang) -> str:
    book, _, sheet = source.partition(", ")
    if sheet and book.lower().endswith(".xlsx"):  # one of several workbooks in a folder
        return label("summary.book_sheet", lang, book=book, source=sheet)
    key = "summary.file" if source.lower().endswith(".csv") else "summary.sheet"
    return label(key, lang, source=source)


def format_issue(issue: dict[str, Any], lang: Lang = "sv") -> str:
    """One problem in words: ``sheet aktiviteter, row 7, column budget_kr, value "-5": …``."""
    reason = issue["reason"] if lang == "en" else issue["reason_sv"]
    value = issue.get("value") or ""
    key = "summary.issue" if value else "summary.issue_blank"
    if not issue.get("column"):  # a whole line, e.g. a CSV line that could not be split
        key = "summary.issue_line" if value else "summary.issue_row"  # row: line not shown
    return label(
        key,
        lang,
        where=_where(str(issue["source"]), lang),
        row=issue["row"],
        column=issue["column"],
        value=value,
        reason=reason,
    )


def format_unread(unread: dict[str, Any], lang: Lang = "sv") -> str:
    """One thing not read as rows, in words: a sheet, a file or folder of a register folder,
    a note line or a column, and why."""
    value = str(unread.get("value") or "")
    if UNREAD_LANGS in value:  # a reason given in both languages
        swedish, _, english = value.partition(UNREAD_LANGS)
        value = swedish if lang == "sv" else english
    key = str(unread["reason_key"])
    source = str(unread["source"])
    if key.startswith(_FILE_KEY):  # a file of a register folder, whatever its name
        where = label("summary.file", lang, source=source)
    elif key == _FOLDER_KEY:
        where = label("summary.folder", lang, source=source)
    else:
        where = _where(source, lang)
    return label(key, lang, where=where, row=unread.get("row"), value=value)


_FILE_KEY = "unread.file"  # unread.file_csv, unread.file_lock …: an entry of the folder
_FOLDER_KEY = "unread.folder"


def format_summary(summary: dict[str, Any], lang: Lang | None = None) -> str:
    """The summary as text for the terminal: counts per table, then each problem on a line.

    ``lang`` defaults to the register's own language (Swedish headers → Swedish).
    """
    lang = lang or summary.get("language") or "sv"
    head = label("summary.register", lang, path=summary.get("path") or "")
    if summary.get("is_example"):
        head += " " + label("summary.example", lang)
    lines = [head]
    for name, counts in summary["tables"].items():
        table = TABLES[name].swedish if lang == "sv" else name
        lines.append(label("summary.table", lang, table=table, **counts))
    errors, warnings = _by_row_fate(summary["issues"])
    unread = summary.get("unread") or []
    if unread:
        lines.append(label("summary.unread_heading", lang))
        lines += ["  " + format_unread(u, lang) for u in unread]
    lines.append("")
    if errors:
        lines.append(label("summary.rejected_heading", lang))
        lines += ["  " + format_issue(i, lang) for i in errors]
    elif summary.get("empty"):
        lines.append(label("summary.empty_register", lang))
    else:
        lines.append(label("summary.all_accepted", lang))
    if warnings:
        lines.append(label("summary.warnings_heading", lang))
        lines += ["  " + format_issue(i, lang) for i in warnings]
    return "\n".join(lines)


def _by_row_fate(issues: list[dict[str, Any]]) -> tuple[list[dict], list[dict]]:
    """The lines of rejected rows (errors, and flags on those rows: the coordinator fixes the
    row as a whole), and the flags of rows that are used, each in the issues' order."""
    rejected = {(i["table"], i["source"], i["row"]) for i in issues if i["severity"] == "error"}
    of_rejected, flagged = [], []
    for issue in issues:
        row = (issue["table"], issue["source"], issue["row"])
        if issue["severity"] == "error" or row in rejected:
            of_rejected.append(issue)
        elif issue["severity"] == "warning":
            flagged.append(issue)
    return of_rejected, flagged


def exit_status(register: Register) -> int:
    """0 when every row was accepted, 1 when some row was rejected (the contract's statuses)
    or when there are no activities at all: an empty register is nothing to report on."""
    if len(register.rejected) or register.activities.empty:
        return EXIT_SOME_REJECTED
    return EXIT_ALL_ACCEPTED
