"""The correction list and the template are written one way (``coordinator/xlsx.py``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook
from register_helpers import activity, write_workbook

from boras_intl_lib.coordinator.fixlist import write_fix_list
from boras_intl_lib.coordinator.template import write_template
from boras_intl_lib.errors import WriteError
from boras_intl_lib.register import load_register


def _fix_list(tmp_path: Path) -> Callable[[Path], None]:
    register_path = tmp_path / "register.xlsx"
    write_workbook(register_path, {"activities": [activity(year="tjugo")], "partners": []})
    register = load_register(register_path)
    assert len(register.issues), "the correction list must have something to list"
    return lambda path: write_fix_list(path, register)


WRITERS = {
    "fix list": (_fix_list, ("Rättelselistan", "The correction list")),
    "template": (lambda _tmp: write_template, ("Mallen", "The template")),
}


@pytest.mark.parametrize("name", WRITERS)
def test_a_name_without_xlsx_is_refused_and_nothing_is_written(tmp_path: Path, name: str) -> None:
    make, what = WRITERS[name]
    write = make(tmp_path)
    target = tmp_path / "out" / "lista.xls"
    with pytest.raises(WriteError) as info:
        write(target)
    assert (
        info.value.message("sv")
        == f"{target}: {what[0]} är en Excel-arbetsbok; ge filen ändelsen .xlsx"
    )
    assert info.value.message("en") == f"{target}: {what[1]} is an Excel workbook; name it *.xlsx"
    assert not target.parent.exists()


@pytest.mark.parametrize("name", WRITERS)
def test_the_folder_is_made_and_the_file_replaced_whole(tmp_path: Path, name: str) -> None:
    write = WRITERS[name][0](tmp_path)
    target = tmp_path / "ny" / "mapp" / "lista.XLSX"
    write(target)
    assert openpyxl.load_workbook(target).sheetnames
    assert os.listdir(target.parent) == ["lista.XLSX"]


@pytest.mark.parametrize("name", WRITERS)
def test_a_failed_write_is_one_error_and_keeps_the_old_file(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    write = WRITERS[name][0](tmp_path)
    target = tmp_path / "lista.xlsx"
    target.write_bytes(b"old")
    before = sorted(os.listdir(tmp_path))

    def broken_save(self: Workbook, handle: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", broken_save)
    with pytest.raises(WriteError) as info:
        write(target)
    # the system's reason in the labels table's words, not its English "No space left"
    assert info.value.message("sv") == f"{target}: Går inte att skriva: disken är full"
    assert info.value.message("en") == f"{target}: Cannot be written: the disk is full"
    assert target.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == before  # no temporary file left behind
