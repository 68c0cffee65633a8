"""The command line's error lines are in one language: the run's (``--lang``), Swedish by
default — never an English reason behind a Swedish ``fel:``, never pydantic's or PyYAML's
own English. Each kind of mistake is run through the real command line and its Swedish and
English lines are compared whole; a last test runs them all in Swedish and looks for the
English words of the old messages."""

from __future__ import annotations

import errno
import io
import pickle
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from fixtures import report_runs as runs

from boras_intl_lib.cli import main
from boras_intl_lib.errors import ParametersError, Problem, os_reason, reason_of
from boras_intl_lib.register import example_register_path

MINIMAL = "year: 2025\nadministrations:\n  - name: Kulturförvaltningen\n"

#: (name, parameters file text or None for no file, Swedish reason, English reason).
#: ``None`` as the text: no file at that path; ``"<folder>"``: a folder there.
CASES = [
    ("not_found", None, "Filen finns inte", "The file does not exist"),
    (
        "folder",
        "<folder>",
        "Det är en mapp, inte en parameterfil",
        "It is a folder, not a parameters file",
    ),
    (
        "not_utf8",
        MINIMAL.encode("utf-8") + "city: Borås\n".encode("cp1252"),
        "Filen är inte UTF-8-text (rad 4; sparad som Windows-1252?); spara den som UTF-8",
        "The file is not UTF-8 text (line 4; saved as Windows-1252?); save it as UTF-8",
    ),
    (
        "yaml_indent",
        MINIMAL + "  city: Borås\n",
        "Filen är inte giltig YAML på rad 4, kolumn 3: indraget stämmer inte med raderna ovanför",
        "The file is not valid YAML at line 4, column 3: the indentation does not match the "
        "lines above",
    ),
    (
        "yaml_colon",
        MINIMAL + "city: Borås: Sjuhärad\n",
        "Filen är inte giltig YAML på rad 4, kolumn 12: ett kolon står där inget får stå "
        "(saknas ett mellanslag efter ett kolon, eller är indraget fel?)",
        "The file is not valid YAML at line 4, column 12: a colon where none may stand (a "
        "missing space after a colon, or wrong indentation?)",
    ),
    (
        "yaml_tab",
        MINIMAL + "scoring:\n\tclear_level: 2\n",
        "Filen är inte giltig YAML på rad 5, kolumn 1: ett tabbtecken; dra in raderna med "
        "mellanslag",
        "The file is not valid YAML at line 5, column 1: a tab character; indent the lines "
        "with spaces",
    ),
    (
        "not_mapping",
        "- 2025\n",
        "Filen ska ha nycklar som 'year:' och 'administrations:' på översta nivån",
        "The file should hold keys such as 'year:' and 'administrations:' at the top level",
    ),
    (
        "empty_section",
        MINIMAL + "scoring:\n#  clear_level: 2\n",
        "Nyckeln 'scoring' är tom: ange dess nycklar eller ta bort raden",
        "The key 'scoring' is empty: give its keys or remove the line",
    ),
    (
        "duplicate_key",
        MINIMAL + "year: 2026\n",
        "Nyckeln 'year' står två gånger (rad 1 och 4); behåll en av dem",
        "The key 'year' is given twice (lines 1 and 4); keep one of them",
    ),
    (
        "unknown_key",
        MINIMAL + "screening:\n  domestik_country: SWE\n",
        "Okänd nyckel 'screening.domestik_country' — menade du 'screening.domestic_country'?",
        "Unknown key 'screening.domestik_country' — did you mean 'screening.domestic_country'?",
    ),
    (
        "unknown_key_in_item",
        MINIMAL + "twin_cities:\n  - {city: Mikkeli, country: FIN, contry: FIN}\n",
        "Okänd nyckel 'contry' i post 1 av 'twin_cities' — menade du 'country'?",
        "Unknown key 'contry' in item 1 of 'twin_cities' — did you mean 'country'?",
    ),
    (
        "unknown_key_english_name_of_an_alias",
        MINIMAL + "document:\n  refrence: KS 2025/1\n",
        "Okänd nyckel 'document.refrence' — menade du 'document.reference'?",
        "Unknown key 'document.refrence' — did you mean 'document.reference'?",
    ),
    (
        "unknown_key_under_a_mapping",
        MINIMAL
        + "screening:\n  conditions:\n"
        + "    democracy: {rules: [{indicator: regime_row_owid, threshold: 2}], combin: all}\n"
        + "    human_rights: {rules: [{indicator: v2x_civlib, threshold: 0.7}]}\n"
        + "    rule_of_law: {rules: [{indicator: v2x_rule, threshold: 0.5}]}\n",
        "Okänd nyckel 'screening.conditions.democracy.combin' — menade du "
        "'screening.conditions.democracy.combine'?",
        "Unknown key 'screening.conditions.democracy.combin' — did you mean "
        "'screening.conditions.democracy.combine'?",
    ),
    (
        "unknown_key_far_from_all",
        MINIMAL + "favourite_colour: blå\n",
        "Okänd nyckel 'favourite_colour'",
        "Unknown key 'favourite_colour'",
    ),
    (
        "unknown_mapping_key",
        MINIMAL + "weights:\n  profilering: 2\n",
        "Okänd nyckel 'weights.profilering'; välj en av 'operational_development', "
        "'project_collaboration', 'knowledge_exchange', 'profiling', 'societal_impact', "
        "'democratic_values' eller 'twin_cities'",
        "Unknown key 'weights.profilering'; choose one of 'operational_development', "
        "'project_collaboration', 'knowledge_exchange', 'profiling', 'societal_impact', "
        "'democratic_values' or 'twin_cities'",
    ),
    (
        "missing",
        "year: 2025\n",
        "Nyckeln 'administrations' saknas och måste anges",
        "The key 'administrations' is missing and is required",
    ),
    (
        "missing_in_item",
        MINIMAL + "twin_cities:\n  - {country: FIN}\n",
        "Nyckeln 'city' i post 1 av 'twin_cities' saknas och måste anges",
        "The key 'city' in item 1 of 'twin_cities' is missing and is required",
    ),
    (
        "wrong_type",
        MINIMAL + "scoring:\n  min_partners: två\n",
        "Nyckeln 'scoring.min_partners' ska vara ett heltal, inte 'två'",
        "The key 'scoring.min_partners' must be a whole number, not 'två'",
    ),
    (
        "decimal_comma",
        MINIMAL + "targets:\n  coverage: 0,8\n",
        "Nyckeln 'targets.coverage' ska vara ett tal (med punkt som decimaltecken, t.ex. 0.5), "
        "inte '0,8'",
        "The key 'targets.coverage' must be a number (e.g. 0.5), not '0,8'",
    ),
    (
        "empty_value",
        MINIMAL.replace("2025", ""),
        "Nyckeln 'year' är tom; ange ett heltal",
        "The key 'year' is empty; give a whole number",
    ),
    (
        "not_true_or_false",
        MINIMAL + "screening:\n  use_bundled_data: kanske\n",
        "Nyckeln 'screening.use_bundled_data' ska vara true eller false, inte 'kanske'",
        "The key 'screening.use_bundled_data' must be true or false, not 'kanske'",
    ),
    (
        "not_allowed",
        MINIMAL + "screening:\n  missing_data: ignore\n",
        "Nyckeln 'screening.missing_data' ska vara 'unknown' eller 'fail', inte 'ignore'",
        "The key 'screening.missing_data' must be 'unknown' or 'fail', not 'ignore'",
    ),
    (
        "out_of_range",
        MINIMAL + "scoring:\n  clear_level: 7\n",
        "Nyckeln 'scoring.clear_level' får vara högst 3, inte 7",
        "The key 'scoring.clear_level' must be at most 3, not 7",
    ),
    (
        "below_range",
        MINIMAL.replace("2025", "1999"),
        "Nyckeln 'year' ska vara minst 2000, inte 1999",
        "The key 'year' must be at least 2000, not 1999",
    ),
    (
        "too_few",
        "year: 2025\nadministrations: []\n",
        "Nyckeln 'administrations' ska ha minst 1 post (har 0)",
        "The key 'administrations' must have at least 1 item (has 0)",
    ),
    (
        "too_many",
        MINIMAL + "scoring:\n  profiling_targets_for_level: [1, 2, 4, 6]\n",
        "Nyckeln 'scoring.profiling_targets_for_level' får ha högst 3 poster (har 4)",
        "The key 'scoring.profiling_targets_for_level' may have at most 3 items (has 4)",
    ),
    (
        "not_a_list",
        "year: 2025\nadministrations: Kulturförvaltningen\n",
        "Nyckeln 'administrations' ska vara en lista (rader som börjar med -), inte "
        "'Kulturförvaltningen'",
        "The key 'administrations' must be a list (lines starting with -), not "
        "'Kulturförvaltningen'",
    ),
    (
        "not_keys",
        MINIMAL + "scoring: 2\n",
        "Nyckeln 'scoring' ska vara en grupp nycklar (på egna, indragna rader), inte 2",
        "The key 'scoring' must be a group of keys (on indented lines of their own), not 2",
    ),
    (
        "empty_text",
        MINIMAL + 'document:\n  diarienummer: ""\n',
        "Nyckeln 'document.diarienummer' får inte vara tom",
        "The key 'document.diarienummer' must not be empty",
    ),
    (
        "listed_twice",
        MINIMAL + "  - name: kulturförvaltningen\n",
        "Nyckeln 'administrations' nämner förvaltningen 'kulturförvaltningen' två gånger",
        "The key 'administrations' lists the administration 'kulturförvaltningen' twice",
    ),
    (
        "missing_conditions",
        MINIMAL
        + "screening:\n  conditions:\n"
        + "    democracy: {rules: [{indicator: regime_row_owid, threshold: 2}]}\n",
        "Nyckeln 'screening.conditions' saknar villkoren 'human_rights' och 'rule_of_law'",
        "The key 'screening.conditions' lacks the conditions 'human_rights' and 'rule_of_law'",
    ),
    (
        "activity_type",
        MINIMAL + "scoring:\n  exchange_types: [study_visit, studiebesök]\n",
        "Nyckeln 'scoring.exchange_types' har en okänd aktivitetstyp: 'studiebesök'",
        "The key 'scoring.exchange_types' has an unknown activity type: 'studiebesök'",
    ),
    (
        "increasing",
        MINIMAL + "scoring:\n  profiling_targets_for_level: [4, 2, 1]\n",
        "Nyckeln 'scoring.profiling_targets_for_level' ska vara tre tal i stigande ordning "
        "mellan 1 och 6, inte [4, 2, 1]",
        "The key 'scoring.profiling_targets_for_level' must be three increasing numbers "
        "between 1 and 6, not [4, 2, 1]",
    ),
    (
        "time_zone",
        MINIMAL + "time_zone: Europe/Borås\n",
        "Nyckeln 'time_zone' är ingen känd tidszon: 'Europe/Borås' (ange ett IANA-namn som "
        "Europe/Stockholm)",
        "The key 'time_zone' is not a known time zone: 'Europe/Borås' (give an IANA name such "
        "as Europe/Stockholm)",
    ),
    (
        "format",
        MINIMAL + "screening:\n  indicator_files:\n    - {path: x.csv, format: owd}\n",
        "Nyckeln 'format' i post 1 av 'screening.indicator_files': okänt format 'owd'; välj "
        "ett av: owid, vdem, freedom_house, wgi, long, wide, wjp, wgi_legacy — menade du "
        "'owid'?",
        "The key 'format' in item 1 of 'screening.indicator_files': unknown format 'owd'; "
        "choose one of: owid, vdem, freedom_house, wgi, long, wide, wjp, wgi_legacy — did you "
        "mean 'owid'?",
    ),
    (
        "two_problems",
        "year: tjugo\nadministrations: []\n",
        "Nyckeln 'year' ska vara ett heltal, inte 'tjugo'; nyckeln 'administrations' ska ha "
        "minst 1 post (har 0)",
        "The key 'year' must be a whole number, not 'tjugo'; the key 'administrations' must "
        "have at least 1 item (has 0)",
    ),
]


def _parameters(tmp_path: Path, text: str | bytes | None) -> Path:
    path = tmp_path / "2025.yaml"
    if text == "<folder>":
        path.mkdir()
    elif isinstance(text, bytes):
        path.write_bytes(text)
    elif text is not None:
        path.write_text(text, encoding="utf-8")
    return path


def _error_line(args: list[str], capsys: pytest.CaptureFixture) -> str:
    """``main(args)``: exit status 2 and exactly one line on stderr, which is returned."""
    capsys.readouterr()
    status = main(args)
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert status == 2 and len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def _both_lines(args: list[str], capsys: pytest.CaptureFixture) -> tuple[str, str]:
    """The one error line of ``args`` as run (Swedish unless asked) and with ``--lang en``."""
    return _error_line(args, capsys), _error_line([*args, "--lang", "en"], capsys)


@pytest.mark.parametrize(("name", "text", "swedish", "english"), CASES, ids=[c[0] for c in CASES])
def test_a_parameters_mistake_is_said_in_the_runs_language(
    tmp_path: Path,
    capsys: pytest.CaptureFixture,
    name: str,
    text: str | bytes | None,
    swedish: str,
    english: str,
) -> None:
    path = _parameters(tmp_path, text)
    register = str(example_register_path())
    validate = ["validate", register, "--params", str(path)]
    assert _both_lines(validate, capsys) == (
        f"fel: {path}: {swedish}",  # Swedish by default
        f"error: {path}: {english}",
    )
    out = str(tmp_path / "out")
    report = ["report", "--year", "2025", "--params", str(path), "--out", out]
    assert _both_lines(report, capsys) == (
        f"fel: {path}: {swedish}",
        f"error: {path}: {english}",
    )
    assert not (tmp_path / "out").exists()


def test_parameters_of_another_year(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = _parameters(tmp_path, MINIMAL.replace("2025", "2024"))
    args = ["report", "--years", "2025-2026", "--params", str(path), "--out", str(tmp_path)]
    assert _both_lines(args, capsys) == (
        (
            f"fel: {path}: Filen gäller 2024, men rapporten gäller 2025, 2026; ange det årets "
            "parameterfil eller utelämna --params"
        ),
        (
            f"error: {path}: The file is for 2024 but the report is for 2025, 2026; give that "
            "year's parameters file or leave --params out"
        ),
    )


def test_no_parameters_file_at_all(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An installed package always ships parameters; a broken install has none to find."""
    import boras_intl_lib.commands as commands

    monkeypatch.setattr(commands, "latest_parameters_path", lambda: None)
    args = ["indicators", "list"]
    assert _both_lines(args, capsys) == (
        "fel: parameters: Det finns ingen parameterfil; ange en med --params FIL",
        "error: parameters: There is no parameters file; give one with --params FILE",
    )


def test_a_missing_register_of_a_report_is_said_in_the_reports_language(tmp_path: Path) -> None:
    """Was 'fel: …: No such file or folder': a Swedish prefix on an English reason."""
    missing = tmp_path / "nonexist.xlsx"
    out = str(tmp_path / "out")
    swedish = runs.cli("report", "--year", "2025", "--register", str(missing), "--out", out)
    assert (swedish.returncode, swedish.stderr) == (
        2,
        f"fel: {missing}: Filen eller mappen finns inte\n",
    )
    english = runs.cli(
        "report", "--year", "2025", "--register", str(missing), "--out", out, "--lang", "en"
    )
    assert (english.returncode, english.stderr) == (
        2,
        f"error: {missing}: No such file or folder\n",
    )
    assert not (tmp_path / "out").exists()


def test_a_typo_in_the_parameters_file_through_the_real_command_line(tmp_path: Path) -> None:
    """The issue's own example, as a user runs it: Swedish by default, English when asked."""
    path = _parameters(tmp_path, MINIMAL + "screening:\n  domestik_country: SWE\n")
    register = str(example_register_path())
    swedish = runs.cli("validate", register, "--params", str(path))
    assert (swedish.returncode, swedish.stderr) == (
        2,
        f"fel: {path}: Okänd nyckel 'screening.domestik_country' — menade du "
        "'screening.domestic_country'?\n",
    )
    english = runs.cli(
        "score", register, "--params", str(path), "--out", str(tmp_path / "o"), "--lang", "en"
    )
    assert (english.returncode, english.stderr) == (
        2,
        f"error: {path}: Unknown key 'screening.domestik_country' — did you mean "
        "'screening.domestic_country'?\n",
    )


def test_a_folder_that_cannot_be_made_is_said_in_swedish(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """The system's own reason ('Not a directory') is English whatever the run's language:
    the line gives the labels table's words for it."""
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    line = _error_line(["init", str(blocker / "sub")], capsys)
    assert line == f"fel: {blocker / 'sub' / 'parameters'}: En del av sökvägen är inte en mapp"


def test_init_on_a_file_says_so_in_swedish(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """`init` has no --lang: its lines are Swedish, this one too."""
    blocker = tmp_path / "arbetsmapp"
    blocker.write_text("", encoding="utf-8")
    line = _error_line(["init", str(blocker)], capsys)
    assert line == (
        f"fel: {blocker}: Finns redan och är ingen mapp; ange en ny eller befintlig mapp"
    )


@pytest.mark.parametrize(
    ("code", "swedish", "english"),
    [
        (errno.ENOENT, "filen eller mappen finns inte", "no such file or folder"),
        (errno.EACCES, "åtkomst nekas", "permission denied"),
        (errno.EISDIR, "det är en mapp", "it is a folder"),
        (errno.ENOSPC, "disken är full", "the disk is full"),
        (errno.EIO, "systemfel EIO", "system error EIO"),
    ],
)
def test_the_systems_reasons_come_from_the_labels_table(
    code: int, swedish: str, english: str
) -> None:
    reason = os_reason(OSError(code, "the system's English"))
    assert (reason.words("sv"), reason.words("en")) == (swedish, english)


def test_an_unreadable_parameters_file_gives_the_reason_in_words() -> None:
    error = ParametersError(
        "2025.yaml",
        [Problem("params.cannot_read", {"reason": os_reason(PermissionError(errno.EACCES, "x"))})],
    )
    assert error.message("sv") == "2025.yaml: Filen går inte att läsa: åtkomst nekas"
    assert error.message("en") == "2025.yaml: The file cannot be read: permission denied"


def test_an_error_of_parts_pickles_whole_and_says_the_same_afterwards() -> None:
    error = ParametersError(
        Path("2025.yaml"),
        [
            Problem(
                "params.unknown_key",
                {"where": Problem("params.bare.key", {"name": "x.y"})},
                "x.z",
            ),
            "a text given as it is",
        ],
    )
    copy = pickle.loads(pickle.dumps(error))
    assert copy.problems == error.problems and str(copy) == str(error)
    assert (
        copy.message("sv")
        == "2025.yaml: Okänd nyckel 'x.y' — menade du 'x.z'?; a text given as it is"
    )


#: Words of the old English messages (and of pydantic's and PyYAML's) that a Swedish line
#: must not hold outside what the user wrote (the path, the quoted keys and values).
_ENGLISH = re.compile(
    r"\b(unknown|key|file|not|found|folder|cannot|read|valid|expected|mapping|error|input|"
    r"should|must|missing|required|the|is|of|item|such|no|given|twice|line|column|empty|"
    r"integer|number|string|list|greater|less|than|equal|allowed|field|extra|permitted|"
    r"value|did|you|mean|report|give|pass)\b",
    re.IGNORECASE,
)


def test_no_swedish_error_line_holds_english_words(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    register = str(example_register_path())
    lines = []
    for i, (_, text, _, _) in enumerate(CASES):
        (tmp_path / str(i)).mkdir()
        path = _parameters(tmp_path / str(i), text)
        lines.append(_error_line(["validate", register, "--params", str(path)], capsys))
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    lines.append(_error_line(["init", str(blocker / "sub")], capsys))
    out = str(blocker / "out")
    lines.append(_error_line(["score", register, "--out", out], capsys))
    lines.append(_error_line(["template", str(tmp_path / "mall.xls")], capsys))
    check = ["indicators", "check", str(blocker / "x.csv"), "--format", "owid"]
    lines.append(_error_line(check, capsys))
    lines.append(
        _error_line(["report", "--year", "2025", "--register", str(tmp_path / "no.xlsx")], capsys)
    )
    for args, _, _ in ARGUMENTS:  # the command line's own mistakes: "boras-intl report: fel: …"
        with pytest.raises(SystemExit):
            main(args)
        lines.append(capsys.readouterr().err.strip().split(": ", 1)[1])
    for line in lines:
        prefix, said = line.split(": ", 1)
        assert prefix == "fel", line
        # leave out what the user wrote (quoted), options, paths and the program's name
        own = re.sub(r"'[^']*'|\[[^]]*\]|(?<!\w)--?[a-z-]+|\S*/\S*|boras-intl[a-z ]*", "", said)
        assert _ENGLISH.findall(own) == [], line


def test_an_out_folder_that_cannot_be_made(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Was 'error: cannot write to …: Not a directory' in a Swedish run."""
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    out = blocker / "out"
    args = ["score", str(example_register_path()), "--out", str(out)]
    assert _both_lines(args, capsys) == (
        f"fel: {out}: Går inte att skriva i mappen: en del av sökvägen är inte en mapp",
        f"error: {out}: Cannot write into the folder: part of the path is not a folder",
    )


def test_a_template_not_named_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """``template`` has no --lang: its line is in Swedish, the toolkit's language."""
    target = tmp_path / "mall.xls"
    assert _error_line(["template", str(target)], capsys) == (
        f"fel: {target}: Mallen är en Excel-arbetsbok; ge filen ändelsen .xlsx"
    )


def test_an_indicator_file_the_system_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """Was '(…: [Errno 20] Not a directory …)' inside a Swedish sentence."""
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    path = blocker / "owid.csv"
    args = ["indicators", "check", str(path), "--format", "owid"]
    assert _both_lines(args, capsys) == (
        (
            f"fel: {path}: kan inte läsas som CSV från Our World in Data "
            "(en del av sökvägen är inte en mapp)"
        ),
        f"error: {path}: cannot be read as OWID grapher CSV (part of the path is not a folder)",
    )


def test_a_register_file_the_system_refuses(tmp_path: Path) -> None:
    """A file of a CSV register that the system will not read: its reason in words."""
    from boras_intl_lib.errors import RegisterUnreadableError
    from boras_intl_lib.register.raw import file_bytes

    folder = tmp_path / "register"
    (folder / "aktiviteter.csv").mkdir(parents=True)
    with pytest.raises(RegisterUnreadableError) as info:
        file_bytes(folder / "aktiviteter.csv", register=folder)
    assert (
        info.value.message("sv") == f"{folder}: Går inte att läsa: aktiviteter.csv: det är en mapp"
    )
    assert info.value.message("en") == f"{folder}: Cannot be read: aktiviteter.csv: it is a folder"


#: Mistakes on the command line itself: (arguments, Swedish message, English message).
ARGUMENTS = [
    (
        ["report", "--year", "x"],
        "argumentet --year: inte ett år eller en följd av år: 'x'",
        "argument --year: not a year or range of years: 'x'",
    ),
    (
        ["report", "--year", "2025", "--jobs", "0"],
        "argumentet --jobs: ska vara 1 eller mer, inte 0",
        "argument --jobs: must be 1 or more, not 0",
    ),
    (
        ["report", "--timeout", "x", "--year", "2025"],
        "argumentet --timeout: inte ett heltal: 'x'",
        "argument --timeout: not a whole number: 'x'",
    ),
    (["report"], "ett av argumenten --year --years måste anges", None),
    (
        ["report", "--year", "2025", "--years", "2024"],
        "argumentet --years kan inte ges tillsammans med --year",
        "argument --years: not allowed with argument --year",
    ),
    (["validate"], "de här argumenten måste anges: register", None),
    (
        ["validate", "r.xlsx", "--lang", "de"],
        "argumentet --lang: 'de' finns inte att välja (välj ett av 'sv', 'en')",
        None,
    ),
    (
        ["report", "--year", "2025", "--out"],
        "argumentet --out behöver ett värde",
        "argument --out: expected one argument",
    ),
    (
        ["indicators", "show", "Sverige", "--year", "x"],
        "argumentet --year: inte ett heltal: 'x'",
        "argument --year: not a whole number: 'x'",
    ),
]


def _argument_line(args: list[str], capsys: pytest.CaptureFixture) -> str:
    capsys.readouterr()
    with pytest.raises(SystemExit) as stop:
        main(args)
    err = capsys.readouterr().err.strip().splitlines()
    assert stop.value.code == 2 and len(err) == 1, err
    return err[0]


@pytest.mark.parametrize(("args", "swedish", "english"), ARGUMENTS, ids=lambda a: str(a))
def test_a_command_line_mistake_is_said_in_the_asked_language(
    capsys: pytest.CaptureFixture, args: list[str], swedish: str, english: str | None
) -> None:
    """The language is found on the command line before it is parsed (``--lang en``)."""
    line = _argument_line(args, capsys)
    prog = line.split(": ", 1)[0]
    assert line == f"{prog}: fel: {swedish} (se {prog} --help)"
    if english is not None:  # each of these commands takes --lang
        line = _argument_line([*args, "--lang", "en"], capsys)
        assert line == f"{prog}: error: {english} (see {prog} --help)"


def test_an_unknown_command_line_message_stays_whole_in_english(
    capsys: pytest.CaptureFixture,
) -> None:
    """A message of argparse's that the table does not know is not half translated."""
    from boras_intl_lib.cli import build_parser

    parser = build_parser()
    with pytest.raises(SystemExit):
        parser.error("something argparse says one day")
    assert capsys.readouterr().err == (
        "boras-intl: error: something argparse says one day (see boras-intl --help)\n"
    )


def test_after_reading_an_english_register_score_answers_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """Without --lang, score speaks the register's language once it has read it: a folder
    it cannot write after reading an English register is said in English."""
    from register_helpers import activity, headers, partner, write_workbook

    tables = ("activities", "partners")
    register = write_workbook(
        tmp_path / "register.xlsx",
        {"activities": [activity("A1")], "partners": [partner("A1")]},
        names={t: t for t in tables},
        header_rows={t: headers(t, "en") for t in tables},
    )
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    out = blocker / "out"
    assert _error_line(["score", str(register), "--out", str(out)], capsys) == (
        f"error: {out}: Cannot write into the folder: part of the path is not a folder"
    )


def test_a_system_error_without_a_code_keeps_its_text_as_a_detail() -> None:
    reason = os_reason(OSError("disk full"))
    assert (reason.words("sv"), reason.words("en")) == (
        "oväntat fel (disk full)",
        "unexpected error (disk full)",
    )


def _raised(read: Callable[[], object]) -> BaseException:
    try:
        read()
    except Exception as exc:  # the library's own exception, whatever its type
        return exc
    raise AssertionError("expected the library to refuse the file")


@pytest.mark.parametrize(
    ("read", "swedish", "english"),
    [
        (
            lambda: pd.read_csv(io.StringIO('a,b\n1,2\n"x\n')),
            "ett citattecken som öppnas på rad 3 stängs aldrig",
            "a quotation mark opened on row 3 never closes",
        ),
        (
            lambda: pd.read_csv(io.StringIO("a,b\n1,2\n3,4,5,6\n"), index_col=False),
            "rad 3 har 4 fält men rubrikraden 2",
            "line 3 has 4 fields but the header 2",
        ),
        (
            lambda: zipfile.ZipFile(io.BytesIO(b"PK\x03\x04junk")),
            "filen är ingen giltig .xlsx-arbetsbok",
            "the file is not a valid .xlsx workbook",
        ),
        (
            lambda: pd.read_csv(io.StringIO("")),
            "filen har inga kolumner",
            "the file has no columns",
        ),
        (lambda: b"\xff".decode("utf-8"), "texten är inte UTF-8", "the text is not UTF-8"),
    ],
)
def test_a_readers_complaint_is_said_in_words(
    read: Callable[[], object], swedish: str, english: str
) -> None:
    """pandas' and zipfile's own English (really raised here) becomes the table's words."""
    reason = reason_of(_raised(read))
    assert (reason.words("sv"), reason.words("en")) == (swedish, english)


def test_an_indicator_file_that_does_not_split_is_said_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """Was '(Error tokenizing data. C error: EOF inside string starting at row 2)'."""
    path = tmp_path / "owid.csv"
    path.write_text('Entity,Code,Year\nSweden,SWE,2020\n"Norway\n', encoding="utf-8")
    args = ["indicators", "check", str(path), "--format", "owid"]
    assert _both_lines(args, capsys) == (
        (
            f"fel: {path}: går inte att läsa som CSV från Our World in Data (ett citattecken som "
            "öppnas på rad 3 stängs aldrig)"
        ),
        (
            f"error: {path}: not a readable OWID grapher CSV (a quotation mark opened on row 3 "
            "never closes)"
        ),
    )


def test_lang_written_with_an_equals_sign_is_found_before_parsing(
    capsys: pytest.CaptureFixture,
) -> None:
    line = _argument_line(["report", "--lang=en", "--year", "x"], capsys)
    assert line == (
        "boras-intl report: error: argument --year: not a year or range of years: 'x' "
        "(see boras-intl report --help)"
    )


def test_a_register_folder_that_cannot_be_listed(tmp_path: Path) -> None:
    from boras_intl_lib.errors import RegisterUnreadableError
    from boras_intl_lib.register.folder_files import entries

    not_a_folder = tmp_path / "register"
    not_a_folder.write_text("", encoding="utf-8")
    with pytest.raises(RegisterUnreadableError) as info:
        entries(not_a_folder)
    assert info.value.message("sv") == (
        f"{not_a_folder}: Går inte att läsa: register: en del av sökvägen är inte en mapp"
    )
    assert info.value.message("en") == (
        f"{not_a_folder}: Cannot be read: register: part of the path is not a folder"
    )
