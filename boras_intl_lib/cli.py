"""The ``boras-intl`` command line: parses arguments and delegates to the library.

Imports of pandas, papermill and the rest happen inside the command functions, so
``boras-intl --help`` answers at once. User mistakes (:class:`BorasIntlError`) become one
line on stderr and an exit status; they never show a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import re
import sys
from collections.abc import Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from .i18n.labels import Lang

EXIT_OK, EXIT_REJECTED, EXIT_UNREADABLE = 0, 1, 2
REGISTER_HELP = "an .xlsx workbook, a folder of CSV files, or a folder of .xlsx workbooks"
log = logging.getLogger("boras_intl")
#: The language of a mistake on the command line itself, found before it is parsed.
_ARGV_LANG: ContextVar[Lang] = ContextVar("argv_lang", default="sv")


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
        raise argparse.ArgumentTypeError(_said("cli.args.not_years", value=repr(text))) from None


def _at_least_one(text: str) -> int:
    """A whole number of 1 or more (``--jobs``, ``--timeout``): 0 or -1 is a mistake."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_said("cli.args.not_whole", value=repr(text))) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_said("cli.args.at_least_one", value=text))
    return value


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake on the command line is one line (and exit 2), like every
    other mistake: the usage is one ``--help`` away."""

    def error(self, message: str) -> NoReturn:
        lang, said = _ARGV_LANG.get(), _argparse_words(message)
        if said is None:  # a message of argparse's that the labels table does not know
            lang, said = "en", message
        self.exit(2, _said("cli.args.line", lang, prog=self.prog, message=said) + "\n")


def _said(key: str, lang: Lang | None = None, **values: object) -> str:
    from .i18n.labels import label

    return label(key, lang or _ARGV_LANG.get(), **values)


#: argparse's own messages (Python 3.11–3.13) and the labels that say them.
_ARGPARSE = (
    (r"the following arguments are required: (?P<names>.+)", "cli.args.required"),
    (r"one of the arguments (?P<names>.+) is required", "cli.args.one_of"),
    (r"unrecognized arguments: (?P<names>.+)", "cli.args.unrecognized"),
    (
        r"argument (?P<arg>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)",
        "cli.args.choice",
    ),
    (r"argument (?P<arg>\S+): expected one argument", "cli.args.expected_one"),
    (r"argument (?P<arg>\S+): not allowed with argument (?P<other>\S+)", "cli.args.not_with"),
    (r"argument (?P<arg>\S+): invalid int value: (?P<value>.+)", "cli.args.not_whole_arg"),
    (r"argument (?P<arg>\S+): (?P<detail>(?:inte|not|must|ska) .+)", "cli.args.argument"),
)


def _argparse_words(message: str) -> str | None:
    """argparse's English ``message`` in the run's language, or None if it is not known."""
    for pattern, key in _ARGPARSE:
        found = re.fullmatch(pattern, message)
        if found:
            return _said(key, _ARGV_LANG.get(), **found.groupdict())
    return None


def _asked_language(argv: Sequence[str]) -> Lang:
    """``--lang en`` anywhere on a command line not yet parsed: its mistakes in English."""
    words = list(argv)
    pairs = zip(words, [*words[1:], ""], strict=True)
    return "en" if "--lang=en" in words or ("--lang", "en") in pairs else "sv"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the docs)."""
    from .indicator_formats import format_names  # light: the names table, no readers

    parser = _Parser(
        prog="boras-intl",
        description="Evaluate Borås Stad's international work against its international policy.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="read and check a register, summarise problems")
    p.add_argument(
        "register",
        type=Path,
        help=REGISTER_HELP,
    )
    p.add_argument("--params", type=Path, help="parameters file (default: latest year's)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument(
        "--lang",
        choices=("sv", "en"),
        default=None,
        help="language of the answer (default: the register's, Swedish headers → Swedish)",
    )
    p.add_argument(
        "--fix-list",
        type=Path,
        metavar="FILE.xlsx",
        help="also write a correction list, one sheet per administration",
    )

    p = sub.add_parser("score", help="score activities and screen partners, write CSV files")
    p.add_argument(
        "register",
        type=Path,
        help=REGISTER_HELP,
    )
    p.add_argument("--params", type=Path, help="parameters file (default: latest year's)")
    p.add_argument("--out", type=Path, required=True, help="folder for the CSV files")
    p.add_argument(
        "--explain",
        action="store_true",
        help="also write explanations.csv: why each score is what it is, in Swedish and English",
    )
    p.add_argument(
        "--lang",
        choices=("sv", "en"),
        default=None,
        help="language of the reasons in rejected.csv and warnings.csv "
        "(default: the register's, Swedish headers → Swedish)",
    )

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
    p.add_argument(
        "--jobs", type=_at_least_one, default=None, help="parallel processes (default: cores)"
    )
    p.add_argument("--timeout", type=_at_least_one, default=600, help="per-cell timeout in seconds")
    p.add_argument(
        "--pdf",
        action="store_true",
        help="also write report-<year>-<lang>.pdf (A4, page numbers) with headless Chromium",
    )

    p = sub.add_parser("template", help="write an empty register workbook to fill in")
    p.add_argument("file", type=Path, help="the .xlsx file to write")
    p.add_argument(
        "--params",
        type=Path,
        help="parameters file whose administrations and committees fill the drop-downs "
        "(default: latest year's)",
    )

    p.add_argument(
        "--force",
        action="store_true",
        help="replace an existing file, if it is an empty template (never a filled register)",
    )

    p = sub.add_parser("indicators", help="indicator sources: list, check a file, show a country")
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=("sv", "en"), default="sv", help="output language")
    common.add_argument("--params", type=Path, help="parameters file (default: latest year's)")
    what = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    what.add_parser(
        "list", parents=[common], help="the configured sources: publisher, edition, years, licence"
    )
    q = what.add_parser(
        "check", parents=[common], help="load a publisher file: rows, countries, years, left out"
    )
    q.add_argument("file", type=Path, help="the publisher's file")
    q.add_argument(
        "--format",
        required=True,
        dest="fmt",
        metavar="F",
        help=f"one of {format_names()} (see docs/indicators.md)",
    )
    q.add_argument("--indicator", help="name for an OWID column not recognised by its title")
    q.add_argument("--source", help="source name to give the values (e.g. vdem)")
    q.add_argument("--edition", help="edition to give the values (e.g. 'V-Dem v16')")
    q = what.add_parser("show", parents=[common], help="one country's values, data year and checks")
    q.add_argument("country", help="a country name (Swedish or English) or ISO code")
    q.add_argument("--year", type=int, help="the year screened (default: the parameters' year)")
    q = what.add_parser(
        "compare", parents=[common], help="the countries where the configured sources disagree"
    )
    q.add_argument("--year", type=int, help="the year screened (default: the parameters' year)")

    p = sub.add_parser("init", help="create a working folder: parameters, register, README")
    p.add_argument("folder", type=Path, help="the folder to create (or complete)")
    p.add_argument("--year", type=int, help="the first report year (default: the current year)")
    p.add_argument(
        "--force",
        action="store_true",
        help="write register.xlsx anew if it is an empty template (never a filled register)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``boras-intl``; returns the exit status."""
    _ARGV_LANG.set(_asked_language(sys.argv[1:] if argv is None else argv))
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
    from .errors import BorasIntlError
    from .i18n.labels import label, set_log_language

    set_log_language(None)  # each run its own: nothing from an earlier main() in this process
    try:
        return _COMMANDS[args.command](args)
    except BorasIntlError as exc:
        print(_error_line(exc, _language(args)), file=sys.stderr)
        return EXIT_UNREADABLE
    except OSError as exc:  # a file or folder the user named cannot be used
        print(_os_error_line(exc, _language(args)), file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        print(label("cli.interrupted", _language(args)), file=sys.stderr, flush=True)
        if argv is None:  # the process itself (not a caller of main): exit 130, not SIGINT
            _exit_interrupted()
        return 130


def _language(args: argparse.Namespace) -> Lang:
    """The language of the run's error lines: its ``--lang``, else the run's language.

    ``validate`` and ``score`` answer in the register's language when ``--lang`` is not
    given (they set it as the log language once the register is read); a mistake found
    before that (the parameters file, a missing register) cannot know it, and ``template``
    and ``init`` have no ``--lang``: such a line is in Swedish, the toolkit's language.
    """
    from .i18n.labels import log_language

    return getattr(args, "lang", None) or log_language("sv")


def _error_line(exc: Exception, lang: Lang) -> str:
    """A user mistake as its one line: "fel: …" / "error: …" and the error in ``lang``.

    Errors that carry their words in both languages (``message(lang)``) are said in the
    run's language; one that carries only English words (an error from a library caller)
    keeps the English prefix, so that no line mixes the two languages.
    """
    from .i18n.labels import label

    said = getattr(exc, "message", None)
    if callable(said):
        return f"{label('cli.error', lang)}: {said(lang)}"
    return f"{label('cli.error', 'en')}: {exc}"


def _os_error_line(exc: OSError, lang: Lang) -> str:
    """A file or folder the system refused, in ``lang`` (its own text is English only)."""
    from .errors import os_reason
    from .i18n.labels import label

    reason = os_reason(exc).words(lang)
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{label('cli.error', lang)}: {where}{reason[:1].upper()}{reason[1:]}"


def _exit_interrupted() -> NoReturn:
    """End the process with status 130 after its exit handlers ran.

    CPython remembers a Ctrl-C that passed through code it ran for an extension module
    while importing, and at exit kills itself with SIGINT even though the interrupt was
    caught here: the status was then -2 instead of 130 now and then. Running the exit
    handlers (multiprocessing's clean-up among them) and leaving with ``os._exit`` keeps
    the status the one documented.
    """
    import atexit
    import os

    with contextlib.suppress(BaseException):
        atexit._run_exitfuncs()
    with contextlib.suppress(BaseException):
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(130)


def _cmd_validate(args: argparse.Namespace) -> int:
    from .commands import validate

    return validate(
        args.register, args.params, as_json=args.json, lang=args.lang, fix_list=args.fix_list
    )


def _cmd_score(args: argparse.Namespace) -> int:
    from .commands import score

    return score(args.register, args.params, args.out, explain=args.explain, lang=args.lang)


def _cmd_report(args: argparse.Namespace) -> int:
    from .commands import report
    from .runner.jobs import ReportRequest

    return report(
        ReportRequest(
            years=tuple(args.years),
            register=args.register,
            params=args.params,
            lang=args.lang,
            out=args.out,
            per_administration=args.per_administration,
            jobs=args.jobs,
            timeout=args.timeout,
            pdf=args.pdf,
        )
    )


def _cmd_template(args: argparse.Namespace) -> int:
    from .commands import template

    return template(args.file, args.params, force=args.force)


def _cmd_indicators(args: argparse.Namespace) -> int:
    from .commands import resolve_settings
    from .indicators import commands as ind

    if args.action == "check":
        return ind.check_file(
            args.file,
            args.fmt,
            args.lang,
            indicator=args.indicator,
            source=args.source,
            edition=args.edition,
        )
    settings = resolve_settings(args.params, getattr(args, "year", None))
    if args.action == "list":
        return ind.list_sources(
            settings, str(args.params or f"parameters/{settings.year}.yaml"), args.lang
        )
    if args.action == "compare":
        return ind.compare_sources(settings, args.year, args.lang)
    return ind.show_country(settings, args.country, args.year, args.lang)


def _cmd_init(args: argparse.Namespace) -> int:
    from .commands import init

    return init(args.folder, args.year, force=args.force)


_COMMANDS = {
    "validate": _cmd_validate,
    "score": _cmd_score,
    "report": _cmd_report,
    "template": _cmd_template,
    "indicators": _cmd_indicators,
    "init": _cmd_init,
}

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
