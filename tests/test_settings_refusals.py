"""One line for every mistake (issue 22 item 4, issue 19 item 6): a parameters file or a
command-line value that cannot be right is refused when it is loaded, naming the key, with
exit status 2 and one line on stderr — never a traceback, never a silently absurd run."""

from __future__ import annotations

from pathlib import Path

import pytest

from boras_intl_lib.cli import main
from boras_intl_lib.errors import ParametersError
from boras_intl_lib.register import example_register_path
from boras_intl_lib.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = "year: 2025\nadministrations:\n  - name: Kulturförvaltningen\n"
_CONDITIONS = """screening:
  conditions:
    democracy:
      rules: [{{indicator: regime_row_owid, threshold: {democracy}}}]
    human_rights:
      rules: [{{indicator: v2x_civlib, threshold: 0.7}}]
    rule_of_law:
      rules: [{{indicator: v2x_rule, threshold: 0.5}}]
"""


def _validate(tmp_path: Path, text: str, capsys: pytest.CaptureFixture) -> list[str]:
    """``validate`` of the example register with ``text`` as parameters: exit 2, stderr lines."""
    path = tmp_path / "2025.yaml"
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    status = main(["validate", str(example_register_path()), "--params", str(path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2, err
    return err


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ("document:\n  datum: 2025-02-30\n", "document.datum", "date"),
        ('document:\n  diarienummer: "KS\\v2025"\n', "document.diarienummer", "U+000B"),
        ('document:\n  handläggare: "Anna\\u0000"\n', "document.handläggare", "U+0000"),
        ("scoring:\n  clear_level: true\n", "scoring.clear_level", "integer"),
        ("scoring:\n  strong_external_share: .nan\n", "scoring.strong_external_share", "finite"),
        ("targets:\n  trend_tolerance: .inf\n", "targets.trend_tolerance", "finite"),
        ("targets:\n  coverage: true\n", "targets.coverage", "number"),
        (
            "screening:\n  max_data_age_years: 100000000000000000000000000000\n",
            "screening.max_data_age_years",
            "less than or equal to 100",
        ),
        ("weights:\n  profiling: 0\n", "weights.profiling", "greater than 0"),
        ("weights:\n  profiling: -1\n", "weights.profiling", "greater than 0"),
        ("screening:\n  domestic_country: XXX\n", "screening.domestic_country", "'XXX'"),
        (
            "twin_cities:\n  - {city: Mikkeli, country: QQQ}\n",
            "twin_cities.0.country",
            "'QQQ'",
        ),
        (_CONDITIONS.format(democracy=".nan"), "democracy.rules.0.threshold", "finite"),
        (_CONDITIONS.format(democracy="true"), "democracy.rules.0.threshold", "number"),
    ],
)
def test_an_impossible_setting_is_one_line_naming_its_key(
    tmp_path: Path, capsys: pytest.CaptureFixture, text: str, key: str, words: str
) -> None:
    [line] = _validate(tmp_path, MINIMAL + text, capsys)
    assert line.startswith("error: ") and f"{key}'" in line and words in line, line


def test_sensible_values_still_load(tmp_path: Path) -> None:
    """The refusals are not blanket ones: the usual values of each key load as before."""
    path = tmp_path / "2025.yaml"
    path.write_text(
        MINIMAL
        + "document:\n  diarienummer: KS 2025/117\n  handläggare: Anna Lind\n"
        + "  datum: 2025-02-28\n"
        + "twin_cities:\n  - {city: Pristina, country: XKX}\n"
        + "weights:\n  profiling: 0.5\n"
        + "screening:\n  domestic_country: NOR\n  max_data_age_years: 100\n",
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.document is not None and str(settings.document.date) == "2025-02-28"
    assert settings.weights["profiling"] == 0.5
    assert settings.screening.domestic_country == "NOR"


@pytest.mark.parametrize(
    ("text", "key", "lines"),
    [
        ("city: Borås\ncity: Boras\n", "'city'", (4, 5)),
        (
            "scoring:\n  clear_level: 2\n  min_partners: 2\n  clear_level: 3\n",
            "'scoring.clear_level'",
            (5, 7),
        ),
        (
            "scoring:\n  clear_level: 2\nweights:\n  profiling: 1\nscoring:\n  min_partners: 3\n",
            "'scoring'",
            (4, 8),
        ),
        (
            _CONDITIONS.format(democracy=2)
            + "    democracy:\n      rules: [{indicator: regime_row_owid, threshold: 3}]\n",
            "'screening.conditions.democracy'",
            (6, 12),
        ),
        (
            "twin_cities:\n  - city: Molde\n    country: NOR\n    city: Vejle\n",
            "'twin_cities.0.city'",
            (5, 7),
        ),
    ],
)
def test_a_key_given_twice_names_the_key_and_both_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture, text: str, key: str, lines: tuple[int, int]
) -> None:
    [line] = _validate(tmp_path, MINIMAL + text, capsys)
    assert key in line and f"lines {lines[0]} and {lines[1]}" in line, line


def test_a_merge_key_may_override_what_it_merges(tmp_path: Path) -> None:
    """YAML's ``<<: *anchor`` is meant to be overridden: that is not a key given twice."""
    path = tmp_path / "2025.yaml"
    path.write_text(
        MINIMAL
        + "twin_cities:\n  - &mikkeli {city: Mikkeli, country: FIN}\n"
        + "  - <<: *mikkeli\n    city: Savonlinna\n",
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert [t.city for t in settings.twin_cities] == ["Mikkeli", "Savonlinna"]


def test_duplicate_key_error_is_a_parameters_error(tmp_path: Path) -> None:
    path = tmp_path / "2025.yaml"
    path.write_text(MINIMAL + "year: 2026\n", encoding="utf-8")
    with pytest.raises(ParametersError, match=r"key 'year' is given twice \(lines 1 and 4\)"):
        load_settings(path)


@pytest.mark.parametrize(
    ("option", "value"), [("--jobs", "0"), ("--jobs", "-1"), ("--timeout", "-5"), ("--jobs", "x")]
)
def test_report_options_out_of_range_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture, option: str, value: str
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["report", "--year", "2025", "--out", str(tmp_path), option, value])
    assert stop.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and option in err[0] and value in err[0], err
