"""Error types of the toolkit.

Errors carry data (file, sheet, key, …) so the edge — the command line or the report — can
say in plain words what went wrong. Each pickles whole (``__reduce__``): an error raised in a
report worker process reaches the command with all its fields. The library never prints; the
CLI turns these into one line on stderr and an exit status.
"""

from __future__ import annotations

from pathlib import Path

from .i18n.labels import Lang


class BorasIntlError(Exception):
    """Base class of every error the toolkit raises on purpose (a user mistake, not a bug)."""


class RegisterUnreadableError(BorasIntlError):
    """The register cannot be read at all (exit status 2)."""

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


class ParametersError(BorasIntlError):
    """The parameters file is missing, unreadable or invalid."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = Path(path)
        self.problems = problems
        super().__init__(f"{self.path}: " + "; ".join(problems))

    def __reduce__(self) -> tuple[type, tuple[Path, list[str]]]:
        return (type(self), (self.path, self.problems))


class IndicatorDataError(BorasIntlError):
    """An indicator file cannot be read or has an unexpected layout."""

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
    """Producing a report failed; ``section`` names where, when known."""

    def __init__(self, message: str, section: str | None = None) -> None:
        self.section = section
        super().__init__(message)

    def __reduce__(self) -> tuple[type, tuple[str, str | None]]:
        return (type(self), (str(self), self.section))
