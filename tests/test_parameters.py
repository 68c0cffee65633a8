"""parameters/<year>.yaml: every file loads, and mistakes name the key and the file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from boras_intl_lib.errors import ParametersError
from boras_intl_lib.settings import check_parameters_year, load_settings

ROOT = Path(__file__).resolve().parent.parent
PARAMETER_FILES = sorted((ROOT / "parameters").glob("*.yaml"))
TWIN_CITIES = {("Mikkeli", "FIN"), ("Molde", "NOR"), ("Vejle", "DNK")}


def _bad_copy(tmp_path: Path, change: dict) -> Path:
    """The 2025 parameters with ``change`` merged in (one level deep), written to tmp_path."""
    data = yaml.safe_load((ROOT / "parameters" / "2025.yaml").read_text(encoding="utf-8"))
    for key, value in change.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    path = tmp_path / "2025.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_one_file_per_report_year() -> None:
    assert [p.name for p in PARAMETER_FILES] == [f"{y}.yaml" for y in range(2021, 2026)]


@pytest.mark.parametrize("path", PARAMETER_FILES, ids=lambda p: p.name)
def test_parameters_load(path: Path) -> None:
    settings = load_settings(path)
    assert settings.year == int(path.stem)
    assert settings.city == "Borås"
    assert {(t.city, t.country) for t in settings.twin_cities} == TWIN_CITIES


@pytest.mark.parametrize("path", PARAMETER_FILES, ids=lambda p: p.name)
def test_administrations_are_plausible(path: Path) -> None:
    settings = load_settings(path)
    names = settings.administration_names
    assert 12 <= len(names) <= 18
    assert len(set(names)) == len(names)
    committees = {a.name: a.committee for a in settings.administrations}
    assert committees["Stadsledningskansliet"] == "Kommunstyrelsen"
    for name, committee in committees.items():
        assert name.endswith(("förvaltningen", "kansliet", "kontoret")), name
        assert committee and committee.endswith(("nämnden", "styrelsen")), committee


@pytest.mark.parametrize("path", PARAMETER_FILES, ids=lambda p: p.name)
def test_parameters_are_commented(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert sum(line.lstrip().startswith("#") for line in lines) >= 10


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"favourite_colour": "blå"}, "favourite_colour"),
        ({"scoring": {"min_partnerz": 2}}, "scoring.min_partnerz"),
    ],
)
def test_unknown_key_names_key_and_file(tmp_path: Path, change: dict, key: str) -> None:
    path = _bad_copy(tmp_path, change)
    with pytest.raises(ParametersError) as info:
        load_settings(path)
    assert info.value.path == path
    assert key in str(info.value)
    assert str(path) in str(info.value)
    assert f"Unknown key '{key}'" in str(info.value)
    assert f"Okänd nyckel '{key}'" in info.value.message("sv")


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"year": "tjugofemte"}, "year"),
        ({"scoring": {"min_partners": "två"}}, "scoring.min_partners"),
        ({"twin_cities": [{"city": "Mikkeli", "country": "Finland"}]}, "country"),
        ({"administrations": "Kulturförvaltningen"}, "administrations"),
    ],
)
def test_wrong_type_names_key_and_file(tmp_path: Path, change: dict, key: str) -> None:
    path = _bad_copy(tmp_path, change)
    with pytest.raises(ParametersError) as info:
        load_settings(path)
    assert info.value.path == path
    assert f"'{key}'" in str(info.value)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "2030.yaml"
    with pytest.raises(ParametersError) as info:
        load_settings(path)
    assert info.value.path == path
    assert str(path) in str(info.value)
    assert info.value.message("en") == f"{path}: The file does not exist"
    assert info.value.message("sv") == f"{path}: Filen finns inte"


# --- everyday mistakes in a parameters file: one line, exit status 2 ----------------------

_MINIMAL = "year: 2025\nadministrations:\n  - name: Kulturförvaltningen\n"


@pytest.mark.parametrize(
    ("text", "encoding", "words"),
    [
        (
            _MINIMAL + "screening:\n#  max_data_age_years: 5\n",
            "utf-8",
            "Nyckeln 'screening' är tom: ange dess nycklar eller ta bort raden",
        ),
        (
            _MINIMAL + "screening:\n  indicator_files:\n    - path: null\n      format: owid\n",
            "utf-8",
            "Nyckeln 'path' i post 1 av 'screening.indicator_files' är tom; ange en sökväg",
        ),
        (_MINIMAL + "city: Borås\n", "cp1252", "Filen är inte UTF-8-text (rad 3;"),
        (
            _MINIMAL + "  - name: kulturförvaltningen\n",
            "utf-8",
            "Nyckeln 'administrations' nämner förvaltningen 'kulturförvaltningen' två gånger",
        ),
    ],
)
def test_parameters_mistakes_are_one_line_and_exit_2(
    tmp_path: Path, text: str, encoding: str, words: str
) -> None:
    import subprocess
    import sys

    path = tmp_path / "2025.yaml"
    path.write_bytes(text.encode(encoding))
    with pytest.raises(ParametersError) as info:
        load_settings(path)
    assert words in info.value.message("sv")  # the English words are str(): tested elsewhere
    register = Path(__file__).resolve().parent.parent / "boras_intl_lib/data/example_register.xlsx"
    result = subprocess.run(
        [sys.executable, "-m", "boras_intl_lib", "validate", str(register), "--params", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and words in result.stderr


def test_parameters_of_another_year_than_the_report_is_an_error(tmp_path: Path) -> None:
    from boras_intl_lib.cli import main

    path = tmp_path / "p.yaml"
    path.write_text(_MINIMAL.replace("2025", "2024"), encoding="utf-8")
    check_parameters_year(path, [2024])  # the same year is fine
    with pytest.raises(ParametersError, match="is for 2024 but the report is for 2025"):
        check_parameters_year(path, [2025])
    args = ["report", "--year", "2025", "--params", str(path), "--out", str(tmp_path / "o")]
    assert main(args) == 2
    assert not (tmp_path / "o").exists()
