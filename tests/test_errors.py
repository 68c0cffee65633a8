"""Errors cross process boundaries whole: a report worker's error reaches the command with
every field (issue 21: ``ReportError.section`` was lost when pickled and copied back by hand)."""

from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path

import pytest

from boras_intl_lib.errors import (
    IndicatorDataError,
    IndicatorSettingsError,
    ParametersError,
    Problem,
    RegisterUnreadableError,
    ReportError,
)

CASES = [
    ReportError("cell 4 failed", section="Metod och källor"),
    ReportError("no section known"),
    RegisterUnreadableError(Path("reg.xlsx"), "not a workbook", "inte en arbetsbok"),
    ParametersError(Path("2025.yaml"), ["year: missing", "city: not text"]),
    ParametersError(  # problems as parts, worded by the CLI in the run's language
        Path("2025.yaml"),
        [Problem("params.missing", {"where": Problem("params.at.key", {"name": "year"})})],
    ),
    IndicatorDataError(Path("fh.xlsx"), "no sheet with ratings", "inget blad med betyg"),
    IndicatorSettingsError("no file provides fh_cl_ratings", "ingen fil ger fh_cl_ratings"),
]


def _fields(exc: BaseException) -> dict:
    return {"type": type(exc), "str": str(exc), **vars(exc)}


@pytest.mark.parametrize("exc", CASES, ids=lambda e: type(e).__name__)
def test_every_error_pickles_whole(exc: BaseException) -> None:
    copy = pickle.loads(pickle.dumps(exc))
    assert _fields(copy) == _fields(exc)


def _raise_in_worker(_: int) -> None:
    raise ReportError("the workbook step failed", section="Arbetsbok")


def test_a_report_error_from_a_worker_process_keeps_its_section() -> None:
    with multiprocessing.get_context("spawn").Pool(1) as pool, pytest.raises(ReportError) as caught:
        pool.map(_raise_in_worker, [1])
    assert caught.value.section == "Arbetsbok"
    assert str(caught.value) == "the workbook step failed"
