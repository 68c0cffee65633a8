"""Error types of the toolkit.

Errors carry data (file, sheet, key, …) so the edge — the command line or the report — can
say in plain words what went wrong. Each pickles whole (``__reduce__``): an error raised in a
report worker process reaches the command with all its fields. The library never prints; the
CLI turns these into one line on stderr and an exit status.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from .i18n.labels import Lang


class BorasIntlError(Exception):
    """Base class of every error the toolkit raises on purpose (a user mistake, not a bug)."""


class FileError(BorasIntlError):
    """A file that cannot be used, with the reason in English and Swedish."""

    def __init__(self, path: Path | str, reason: str, reason_sv: str | None = None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.reason_sv = reason_sv or reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type, tuple[Path, str, str]]:
        return (type(self), (self.path, self.reason, self.reason_sv))

    def message(self, lang: Lang = "en") -> str:
        """The error in Swedish (``"sv"``) or English: the path, then the reason."""
        return f"{self.path}: {self.reason_sv if lang == 'sv' else self.reason}"


class RegisterUnreadableError(FileError):
    """The register cannot be read at all (exit status 2)."""


class Problem(NamedTuple):
    """One thing wrong in a parameters file, as parts: a key of the labels table and the
    values that fill it. The edge (the command line, in the run's language) words it with
    :meth:`words`; settings loading never needs to know the language.

    A value may itself be a :class:`Problem` (a phrase worded in the same language, such as
    where in the file), a tuple of texts (joined "a, b eller c" / "a, b or c") or a list
    of texts (joined "a, b och c" / "a, b and c").
    ``suggestion`` adds "menade du …?" / "did you mean …?".
    """

    label: str
    values: Mapping[str, object] | None = None
    suggestion: str | None = None

    def words(self, lang: Lang = "en") -> str:
        """The problem in Swedish (``"sv"``) or English."""
        from .i18n.labels import label

        values = {name: _worded(v, lang) for name, v in (self.values or {}).items()}
        text = label(self.label, lang, **values)
        if self.suggestion is not None:
            text += " — " + label("note.did_you_mean", lang, suggestion=f"'{self.suggestion}'")
        return text


def _worded(value: object, lang: Lang) -> object:
    if isinstance(value, Problem):
        return value.words(lang)
    if isinstance(value, tuple | list):  # a tuple: "a, b or c"; a list: "a, b and c"
        from .i18n.labels import label

        items = [str(_worded(v, lang)) for v in value]
        if len(items) < 2:
            return "".join(items)
        key = "params.or_list" if isinstance(value, tuple) else "params.and_list"
        return label(key, lang, items=", ".join(items[:-1]), last=items[-1])
    return value


#: The operating system's reasons a file cannot be used, by errno name (labels ``os.…``).
_OS_REASONS = ("ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS", "EEXIST")


def os_reason(exc: OSError) -> Problem:
    """Why the system refused a file, in words of the labels table (the system's own text is
    English whatever the run's language): "åtkomst nekas" / "permission denied" …"""
    import errno

    if exc.errno is None:  # raised by a library with a text of its own: kept, as a detail
        return Problem("os.no_code", {"detail": str(exc)})
    name = errno.errorcode.get(exc.errno, "")
    if name in _OS_REASONS:
        return Problem(f"os.{name}")
    return Problem("os.other", {"code": name or str(exc.errno)})


#: What the readers' libraries (pandas, zipfile) say when a file is not what it should be,
#: and the labels that say it (``detail.…``); group names fill the label's placeholders.
_LIBRARY_REASONS = (
    (r"EOF inside string starting at (?:row|line) (?P<row>\d+)", "detail.unclosed_quote"),
    (
        r"Expected (?P<expected>\d+) fields in line (?P<line>\d+), saw (?P<found>\d+)",
        "detail.fields",
    ),
    (r"not a zip file", "detail.not_zip"),
    (r"No columns to parse from file", "detail.no_columns"),
)


def reason_of(exc: BaseException) -> Problem:
    """Why a library could not read a file, in words of the labels table: the system's
    reason (:func:`os_reason`), a CSV line that does not split, a workbook that is no zip
    file …; any other keeps the library's own text as a detail ("oväntat fel (…)")."""
    import re

    if isinstance(exc, OSError) and exc.errno is not None:
        return os_reason(exc)
    if isinstance(exc, UnicodeDecodeError):
        return Problem("detail.encoding")
    text = str(exc)
    for pattern, key in _LIBRARY_REASONS:
        found = re.search(pattern, text, re.IGNORECASE)
        if found:
            values: dict[str, object] = dict(found.groupdict())
            if "row" in values:  # pandas counts the file's lines from 0 here, people from 1
                values["row"] = int(str(values["row"])) + 1
            return Problem(key, values)
    return Problem("os.no_code", {"detail": text.strip()})


class ParametersError(BorasIntlError):
    """The parameters file is missing, unreadable or invalid.

    ``problems`` are :class:`Problem` parts (a plain text is shown as it is); ``str()`` is
    the English wording, :meth:`message` the wording in either language.
    """

    def __init__(self, path: Path | str, problems: Sequence[Problem | str]) -> None:
        self.path = Path(path)
        self.problems = list(problems)
        super().__init__(self.message("en"))

    def __reduce__(self) -> tuple[type, tuple[Path, list[Problem | str]]]:
        return (type(self), (self.path, self.problems))

    def message(self, lang: Lang = "en") -> str:
        """The error in Swedish (``"sv"``) or English: the file, then each problem."""
        said = "; ".join(p if isinstance(p, str) else p.words(lang) for p in self.problems)
        return f"{self.path}: {said[:1].upper()}{said[1:]}"


class WriteError(BorasIntlError):
    """A file or folder a command was asked to write cannot be written (exit 2): the path
    and why, as a :class:`Problem` worded in the run's language at the edge."""

    def __init__(self, path: Path | str, problem: Problem) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(self.message("en"))

    def __reduce__(self) -> tuple[type, tuple[Path, Problem]]:
        return (type(self), (self.path, self.problem))

    def message(self, lang: Lang = "en") -> str:
        """The error in Swedish (``"sv"``) or English: the path, then why."""
        said = self.problem.words(lang)
        return f"{self.path}: {said[:1].upper()}{said[1:]}"


class IndicatorDataError(FileError):
    """An indicator file cannot be read or has an unexpected layout."""


class IndicatorSettingsError(BorasIntlError):
    """A screening rule that the configured indicator files cannot answer (a source or
    indicator no file provides, a threshold outside the indicator's scale), or an
    ``indicators`` argument that names nothing (a format, a country): exit 2, in the run's
    language."""

    def __init__(self, reason: str, reason_sv: str) -> None:
        self.reason = reason
        self.reason_sv = reason_sv
        super().__init__(reason)

    def message(self, lang: Lang = "en") -> str:
        """The error in Swedish (``"sv"``) or English."""
        return self.reason_sv if lang == "sv" else self.reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return (type(self), (self.reason, self.reason_sv))


class ReportError(BorasIntlError):
    """Producing a report failed; ``section`` names where, when known.

    ``problem`` is a :class:`Problem` worded in the run's language at the edge (a plain text,
    such as a Python error from the notebook, is shown as it is); ``str()`` is English.
    """

    def __init__(self, problem: Problem | str, section: str | None = None) -> None:
        self.problem = problem
        self.section = section
        super().__init__(self.message("en"))

    def __reduce__(self) -> tuple[type, tuple[Problem | str, str | None]]:
        return (type(self), (self.problem, self.section))

    def message(self, lang: Lang = "en") -> str:
        """The error in Swedish (``"sv"``) or English."""
        return self.problem if isinstance(self.problem, str) else self.problem.words(lang)
