"""One table of publisher formats (issue 21 item 5): settings validation, the CLI help and
docs/indicators.md take their names from ``indicator_formats.py``; the helpers indicator
modules share are public names of ``indicators/base.py``."""

from __future__ import annotations

import ast
import html
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

from boras_intl_lib.cli import build_parser
from boras_intl_lib.errors import ParametersError
from boras_intl_lib.i18n.labels import LABELS, label
from boras_intl_lib.indicator_formats import FORMATS, closest_format
from boras_intl_lib.settings import IndicatorFile, load_settings

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "boras_intl_lib"


def _private_imports(path: Path) -> list[str]:
    """``from x import _name`` lines of one module (relative or absolute, within the package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(ROOT)}:{node.lineno}: {alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and (node.level > 0 or (node.module or "").startswith("boras_intl_lib"))
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]


def test_indicator_modules_import_no_underscore_names() -> None:
    found = [
        hit
        for path in sorted((PACKAGE / "indicators").glob("*.py"))
        for hit in _private_imports(path)
    ]
    assert found == []


# --- the one table of publisher formats ---------------------------------------------------------

DOC = ROOT / "docs" / "indicators.md"
_MINIMAL = "year: 2025\nadministrations:\n  - name: Kulturförvaltningen\n"


@pytest.mark.parametrize("name", list(FORMATS))
def test_each_format_has_a_reader_taking_the_listed_arguments_and_words(name: str) -> None:
    fmt = FORMATS[name]
    parameters = inspect.signature(fmt.reader).parameters
    assert "edition" in parameters  # always passed
    # the table's per-format arguments are exactly the optional keys the reader accepts
    assert {p for p in ("indicator", "source") if p in parameters} == set(fmt.arguments)
    assert fmt.label_key in LABELS
    assert label(fmt.label_key, "sv") != label(fmt.label_key, "en")


def _parameters(tmp_path: Path, fmt: str) -> Path:
    data = tmp_path / "own_index.csv"
    data.write_text("iso3,year,indicator,value,source\nSWE,2024,x,1,own\n", encoding="utf-8")
    path = tmp_path / "2025.yaml"
    path.write_text(
        _MINIMAL
        + f"screening:\n  indicator_files:\n    - path: own_index.csv\n      format: {fmt}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("name", list(FORMATS))
def test_settings_take_every_format_of_the_table(tmp_path: Path, name: str) -> None:
    settings = load_settings(_parameters(tmp_path, name))
    assert settings.screening.indicator_files[0].format == name


@pytest.mark.parametrize(
    ("written", "suggested"),
    [("owdi", "owid"), ("Freedom-House", "freedom_house"), ("wgi_legacyy", "wgi_legacy")],
)
def test_a_misspelt_format_is_refused_naming_the_closest_and_all(
    tmp_path: Path, written: str, suggested: str
) -> None:
    with pytest.raises(ParametersError) as info:
        load_settings(_parameters(tmp_path, written))
    text = str(info.value)
    assert "The key 'format' in item 1 of 'screening.indicator_files'" in text
    assert f"unknown format {written!r}" in text
    assert f"did you mean {suggested!r}?" in text
    assert ", ".join(FORMATS) in text


def test_a_format_far_from_every_name_gets_no_suggestion(tmp_path: Path) -> None:
    assert closest_format("spreadsheet") is None
    with pytest.raises(ParametersError) as info:
        load_settings(_parameters(tmp_path, "spreadsheet"))
    assert "did you mean" not in str(info.value)
    with pytest.raises(ValueError, match="unknown format"):
        IndicatorFile(path=Path("x.csv"), format="csv")


def test_the_cli_check_refusal_suggests_in_swedish(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("iso3,year\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "boras_intl_lib",
            "indicators",
            "check",
            str(path),
            "--format",
            "vdme",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "okänt format 'vdme'" in done.stderr
    assert "menade du 'vdem'?" in done.stderr


def test_the_cli_help_lists_the_table() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices["indicators"]  # type: ignore[union-attr]
    check = next(a for a in sub._actions if a.dest == "action").choices["check"]  # type: ignore[union-attr]
    (option,) = [a for a in check._actions if "--format" in a.option_strings]
    assert option.help is not None
    assert ", ".join(FORMATS) in option.help


def test_docs_list_the_table_in_order_with_its_words_and_arguments() -> None:
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("| format | layout | reader takes |") :].split("\n\n")[0]
    rows = re.findall(r"^\| `(\w+)` \| (.+?) \| (.+?) \|$", table, re.M)
    assert [name for name, _, _ in rows] == list(FORMATS)
    for name, words, arguments in rows:
        fmt = FORMATS[name]
        assert html.unescape(words) == label(fmt.label_key, "en")
        taken = re.findall(r"`(\w+)`", arguments)
        assert taken == list(fmt.arguments)


def test_the_table_loads_neither_pandas_nor_a_reader_nor_the_labels() -> None:
    # settings.py and the CLI's help import the table: it must stay light
    code = (
        "import sys; import boras_intl_lib.indicator_formats as f; f.format_names();"
        " heavy = [m for m in ('pandas', 'boras_intl_lib.i18n.labels',"
        " 'boras_intl_lib.indicators.owid') if m in sys.modules]; print(heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
