"""Compute once: the settings and the register loaded once per run, each year evaluated once.

The parent process does the work every report of a run shares — reading the register,
validating and redacting it, loading indicators, screening partners, scoring — and hands
each kernel the result as a private file (:class:`~boras_intl_lib.report.contract.ReportInputs`).
The kernel only filters (one administration) and presents. Per-administration reports of a
year filter the same evaluation.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..evaluation import Evaluation
from ..register.model import Register
from ..report.contract import ReportInputs
from ..settings import RegisterLimits, Settings

if TYPE_CHECKING:
    from ..register.reading import RawRegister

PRIVATE_COLUMNS = ("contact_person",)  # never leave the parent process


def evaluate_years(
    register_path: Path | None,
    settings_by_year: dict[int, Settings],
    params_by_year: dict[int, Path],
    on_year: Callable[[int, ReportInputs], None] | None = None,
) -> dict[int, ReportInputs]:
    """Read the register once, then validate, load indicators and evaluate each year once.

    Validation depends on the parameters only through the administrations, the indicators
    only through the screening settings: each is done once per distinct value. ``on_year``
    receives each year's inputs as soon as they are ready. Raises
    :class:`~boras_intl_lib.errors.RegisterUnreadableError` before any kernel starts.
    """
    from ..evaluation import evaluate
    from ..indicators.loaders import load_indicators
    from ..register.load import example_register_path, register_from_raw
    from ..register.reading import read_register

    path = Path(register_path) if register_path else example_register_path()
    is_example = path.resolve() == example_register_path().resolve()
    limits = _widest_limits(settings_by_year.values())
    raw = read_register(path, limits)
    _refuse_large_years(path, raw, settings_by_year, limits)
    registers: dict[str, Register] = {}
    indicators: dict[str, object] = {}
    inputs: dict[int, ReportInputs] = {}
    for year, settings in settings_by_year.items():
        admins = repr(settings.administrations)
        if admins not in registers:
            registers[admins] = register_from_raw(raw, path, settings, is_example=is_example)
        screening = settings.screening.model_dump_json()
        if screening not in indicators:
            indicators[screening] = load_indicators(settings)
        register = registers[admins]
        evaluation: Evaluation = evaluate(register, settings, indicators[screening], year)
        sha = hashlib.sha256(Path(params_by_year[year]).read_bytes()).hexdigest()
        inputs[year] = ReportInputs(settings, without_private(register), evaluation, sha)
        if on_year is not None:  # hand each year on as soon as it is ready
            on_year(year, inputs[year])
    return inputs


def _refuse_large_years(
    path: Path, raw: RawRegister, settings_by_year: dict[int, Settings], limits: RegisterLimits
) -> None:
    """Refuse, before anything is evaluated, a year with more activities than one report can
    show in reasonable time (counted from the year as written; ``report_activities``)."""
    table = raw.tables.get("activities")
    if table is None or "year" not in table.cells:
        return
    from ..errors import RegisterUnreadableError
    from ..i18n.formatting import fmt_integer
    from ..i18n.labels import label

    years = table.cells["year"].to_numpy(dtype=object)
    for year in settings_by_year:
        n = int((years == str(year)).sum())
        if n > limits.report_activities:
            words = {
                lang: label(
                    "limit.report_activities",
                    lang,
                    n=fmt_integer(n, lang),
                    year=year,
                    limit=fmt_integer(limits.report_activities, lang),
                )
                for lang in ("sv", "en")
            }
            raise RegisterUnreadableError(path, words["en"], reason_sv=words["sv"])


def _widest_limits(settings: Iterable[Settings]) -> RegisterLimits:
    """The register is read once for all years: each limit as the most generous year sets it."""
    chosen = [s.register_limits for s in settings]
    if not chosen:
        return RegisterLimits()
    fields = RegisterLimits.model_fields
    return RegisterLimits(**{k: max(getattr(c, k) for c in chosen) for k in fields})


def without_private(register: Register) -> Register:
    """The register without its personal-data columns (what a kernel may receive)."""
    return dataclasses.replace(
        register,
        activities=register.activities.drop(columns=list(PRIVATE_COLUMNS), errors="ignore"),
    )


def write_inputs(inputs: ReportInputs, path: Path) -> Path:
    """Pickle ``inputs`` to ``path`` (readable by this user only)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        pickle.dump(inputs, f, protocol=pickle.HIGHEST_PROTOCOL)
    return path
