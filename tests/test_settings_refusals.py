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


def _validate(
    tmp_path: Path, text: str, capsys: pytest.CaptureFixture, lang: str | None = None
) -> list[str]:
    """``validate`` of the example register with ``text`` as parameters: exit 2, stderr lines."""
    path = tmp_path / "2025.yaml"
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    args = ["validate", str(example_register_path()), "--params", str(path)]
    status = main(args + (["--lang", lang] if lang else []))
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2, err
    return err


_THRESHOLD_SV = "Nyckeln 'threshold' i post 1 av 'screening.conditions.democracy.rules'"
_THRESHOLD_EN = "The key 'threshold' in item 1 of 'screening.conditions.democracy.rules'"


@pytest.mark.parametrize(
    ("text", "swedish", "english"),
    [
        (
            "document:\n  datum: 2025-02-30\n",
            "Nyckeln 'document.datum' ska vara ett datum (ÅÅÅÅ-MM-DD), inte '2025-02-30'",
            "The key 'document.datum' must be a date (YYYY-MM-DD), not '2025-02-30'",
        ),
        (
            'document:\n  diarienummer: "KS\\v2025"\n',
            "Nyckeln 'document.diarienummer' innehåller ett osynligt styrtecken (U+000B) på "
            "plats 3; ta bort det",
            "The key 'document.diarienummer' contains an invisible control character (U+000B) "
            "at position 3; remove it",
        ),
        (
            'document:\n  handläggare: "Anna\\u0000"\n',
            "Nyckeln 'document.handläggare' innehåller ett osynligt styrtecken (U+0000) på "
            "plats 5; ta bort det",
            "The key 'document.handläggare' contains an invisible control character (U+0000) "
            "at position 5; remove it",
        ),
        (
            "scoring:\n  clear_level: true\n",
            "Nyckeln 'scoring.clear_level' ska vara ett heltal, inte true",
            "The key 'scoring.clear_level' must be a whole number, not true",
        ),
        (
            "scoring:\n  strong_external_share: .nan\n",
            "Nyckeln 'scoring.strong_external_share' ska vara ett tal (med punkt som "
            "decimaltecken, t.ex. 0.5), inte .nan",
            "The key 'scoring.strong_external_share' must be a number (e.g. 0.5), not .nan",
        ),
        (
            "targets:\n  trend_tolerance: .inf\n",
            "Nyckeln 'targets.trend_tolerance' ska vara ett tal (med punkt som decimaltecken, "
            "t.ex. 0.5), inte .inf",
            "The key 'targets.trend_tolerance' must be a number (e.g. 0.5), not .inf",
        ),
        (
            "targets:\n  coverage: true\n",
            "Nyckeln 'targets.coverage' ska vara ett tal (med punkt som decimaltecken, t.ex. "
            "0.5), inte true",
            "The key 'targets.coverage' must be a number (e.g. 0.5), not true",
        ),
        (
            "screening:\n  max_data_age_years: 100000000000000000000000000000\n",
            "Nyckeln 'screening.max_data_age_years' får vara högst 100, inte "
            "100000000000000000000000000000",
            "The key 'screening.max_data_age_years' must be at most 100, not "
            "100000000000000000000000000000",
        ),
        (
            "weights:\n  profiling: 0\n",
            "Nyckeln 'weights.profiling' ska vara större än 0, inte 0",
            "The key 'weights.profiling' must be more than 0, not 0",
        ),
        (
            "weights:\n  profiling: -1\n",
            "Nyckeln 'weights.profiling' ska vara större än 0, inte -1",
            "The key 'weights.profiling' must be more than 0, not -1",
        ),
        (
            "screening:\n  domestic_country: XXX\n",
            "Nyckeln 'screening.domestic_country' ska vara en landskod på tre bokstäver enligt "
            "ISO 3166 (t.ex. SWE, FIN), inte 'XXX'",
            "The key 'screening.domestic_country' must be a three-letter ISO 3166 country code "
            "(e.g. SWE, FIN), not 'XXX'",
        ),
        (
            "twin_cities:\n  - {city: Mikkeli, country: QQQ}\n",
            "Nyckeln 'country' i post 1 av 'twin_cities' ska vara en landskod på tre bokstäver "
            "enligt ISO 3166 (t.ex. SWE, FIN), inte 'QQQ'",
            "The key 'country' in item 1 of 'twin_cities' must be a three-letter ISO 3166 "
            "country code (e.g. SWE, FIN), not 'QQQ'",
        ),
        (
            _CONDITIONS.format(democracy=".nan"),
            _THRESHOLD_SV + " ska vara ett tal (med punkt som decimaltecken, t.ex. 0.5), inte .nan",
            _THRESHOLD_EN + " must be a number (e.g. 0.5), not .nan",
        ),
        (
            _CONDITIONS.format(democracy="true"),
            _THRESHOLD_SV + " ska vara ett tal (med punkt som decimaltecken, t.ex. 0.5), inte true",
            _THRESHOLD_EN + " must be a number (e.g. 0.5), not true",
        ),
    ],
)
def test_an_impossible_setting_is_one_line_naming_its_key(
    tmp_path: Path, capsys: pytest.CaptureFixture, text: str, swedish: str, english: str
) -> None:
    """The line names the key as the file writes it and says what it should be, in the
    run's language (Swedish by default) — never pydantic's own English."""
    path = tmp_path / "2025.yaml"
    [line] = _validate(tmp_path, MINIMAL + text, capsys)
    assert line == f"fel: {path}: {swedish}"
    [line] = _validate(tmp_path, MINIMAL + text, capsys, "en")
    assert line == f"error: {path}: {english}"


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
            "'city' i post 1 av 'twin_cities'",  # not 'twin_cities.0.city': no index is said
            (5, 7),
        ),
    ],
)
def test_a_key_given_twice_names_the_key_and_both_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture, text: str, key: str, lines: tuple[int, int]
) -> None:
    [line] = _validate(tmp_path, MINIMAL + text, capsys)
    assert f"Nyckeln {key}" in line, line
    assert f"står två gånger (rad {lines[0]} och {lines[1]}); behåll en av dem" in line, line
    [line] = _validate(tmp_path, MINIMAL + text, capsys, "en")
    assert line.startswith("error: ") and f"(lines {lines[0]} and {lines[1]}); keep one" in line


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
