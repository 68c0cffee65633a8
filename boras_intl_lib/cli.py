"""The ``boras-intl`` command line: parses arguments and delegates to the library.

Imports of pandas, papermill and the rest happen inside the command functions, so
``boras-intl --help`` answers at once. User mistakes (:class:`BorasIntlError`) become one
line on stderr and an exit status; they never show a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_REJECTED, EXIT_UNREADABLE = 0, 1, 2
log = logging.getLogger("boras_intl")


class _Formatter(logging.Formatter):
    """Progress as plain lines; warnings and errors say what they are."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return text if record.levelno < logging.WARNING else f"{record.levelname.lower()}: {text}"


def _progress_only(record: logging.LogRecord) -> bool:
    """Warnings and errors, and the runner's progress lines (not the library's details)."""
    where = record.pathname.replace("\\", "/")
    return record.levelno >= logging.WARNING or "/runner/" in where


def _years(text: str) -> list[int]:
    """Parse ``2025`` or ``2021-2025`` into a list of years."""
    try:
        if "-" in text:
            first, last = (int(p) for p in text.split("-", 1))
            if last < first:
                raise ValueError
            return list(range(first, last + 1))
        return [int(text)]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year or range of years: {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the docs)."""
    parser = argparse.ArgumentParser(
        prog="boras-intl",
        description="Evaluate Borås Stad's international work against its international policy.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="read and check a register, summarise problems")
    p.add_argument("register", type=Path, help="an .xlsx workbook or a folder of CSV files")
    p.add_argument("--params", type=Path, help="parameters file (default: latest year's)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")

    p = sub.add_parser("score", help="score activities and screen partners, write CSV files")
    p.add_argument("register", type=Path, help="an .xlsx workbook or a folder of CSV files")
    p.add_argument("--params", type=Path, help="parameters file (default: latest year's)")
    p.add_argument("--out", type=Path, required=True, help="folder for the CSV files")

    p = sub.add_parser("report", help="write the yearly HTML report (and its Excel data)")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--year", type=_years, dest="years", metavar="YEAR", help="e.g. 2025")
    when.add_argument(
        "--years",
        type=_years,
        dest="years",
        metavar="FIRST-LAST",
        help="several years, e.g. 2021-2025",
    )
    p.add_argument("--register", type=Path, help="register (default: bundled example)")
    p.add_argument("--params", type=Path, help="parameters file (default: parameters/<year>.yaml)")
    p.add_argument("--lang", choices=("sv", "en"), default="sv", help="report language")
    p.add_argument("--out", type=Path, default=Path("reports"), help="output folder")
    p.add_argument(
        "--per-administration",
        action="store_true",
        help="also one report per administration, with an index page",
    )
    p.add_argument("--jobs", type=int, default=None, help="parallel processes (default: cores)")
    p.add_argument("--timeout", type=int, default=600, help="per-cell timeout in seconds")

    p = sub.add_parser("template", help="write an empty register workbook to fill in")
    p.add_argument("file", type=Path, help="the .xlsx file to write")

    p = sub.add_parser("init", help="create a working folder: parameters, register, README")
    p.add_argument("folder", type=Path, help="the folder to create (or complete)")
    p.add_argument("--year", type=int, help="the first report year (default: the current year)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``boras-intl``; returns the exit status."""
    args = build_parser().parse_args(argv)
    # Other libraries (papermill …) speak only when something is wrong. The toolkit's own
    # logger says more with -v, and `report`, which runs for a while, shows its progress.
    handler = logging.StreamHandler()
    handler.setFormatter(_Formatter())
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    if args.verbose or args.command == "report":
        log.setLevel(logging.INFO)
    if args.command == "report" and not args.verbose:  # progress lines only, not details
        handler.addFilter(_progress_only)
    from .errors import BorasIntlError, RegisterUnreadableError

    try:
        return _COMMANDS[args.command](args)
    except RegisterUnreadableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except BorasIntlError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except OSError as exc:  # a file or folder the user named cannot be used
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _cmd_validate(args: argparse.Namespace) -> int:
    from .commands import validate

    return validate(args.register, args.params, as_json=args.json)


def _cmd_score(args: argparse.Namespace) -> int:
    from .commands import score

    return score(args.register, args.params, args.out)


def _cmd_report(args: argparse.Namespace) -> int:
    from .commands import report

    return report(
        years=args.years,
        register=args.register,
        params=args.params,
        lang=args.lang,
        out=args.out,
        per_administration=args.per_administration,
        jobs=args.jobs,
        timeout=args.timeout,
    )


def _cmd_template(args: argparse.Namespace) -> int:
    from .commands import template

    return template(args.file)


def _cmd_init(args: argparse.Namespace) -> int:
    from .commands import init

    return init(args.folder, args.year)


_COMMANDS = {
    "validate": _cmd_validate,
    "score": _cmd_score,
    "report": _cmd_report,
    "template": _cmd_template,
    "init": _cmd_init,
}

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
