"""Text as typed (issue 22 item 6): Excel's escapes decoded, invisible controls flagged.

Excel stores a control character as ``_x000B_`` and text typed as ``_x000B_`` as
``_x005F_x000B_`` (the underscore escaped); a character beyond U+FFFF may be stored as two
escaped surrogates. Each workbook is read with both readers (``workbook_engine``): calamine
decodes the escapes itself (not surrogate pairs), openpyxl leaves them all as text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from register_helpers import workbook_engine  # noqa: F401  (fixture)
from xlsx_by_hand import HEADER_ROW, sheet, write_xlsx

from boras_intl_lib.register import load_register
from boras_intl_lib.register.reading import read_register


def _cell(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def _activity(n: int, title: str, extra: bytes = b"") -> bytes:
    return (
        f'<row r="{n}">'.encode()
        + _cell(f"A{n}", f"A{n}")
        + f'<c r="B{n}"><v>2024</v></c>'.encode()
        + _cell(f"C{n}", title)
        + _cell(f"D{n}", "Kulturförvaltningen")
        + _cell(f"E{n}", "projekt")
        + extra
        + b"</row>"
    )


def _titles(path: Path) -> tuple[list[str], set[int]]:
    raw = read_register(path).tables["activities"]
    flagged = {row for row, column, *_ in raw.notes if column == "title"}
    return raw.cells["title"].tolist(), flagged


@pytest.mark.usefixtures("workbook_engine")
def test_excels_escapes_are_read_as_typed(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "escapes.xlsx",
        sheet(
            HEADER_ROW,
            _activity(2, "kod _x005F_x000B_ som skrivet"),  # typed: kod _x000B_ som skrivet
            _activity(3, "glad _xD83D__xDE00_"),  # 😀 as two escaped surrogates
            _activity(4, "rad ett_x000B_rad två"),  # a soft line break
            _activity(5, "halv _xD83D_ surrogat"),  # half a pair: kept as written
        ),
    )
    titles, flagged = _titles(path)
    assert titles == [
        "kod _x000B_ som skrivet",
        "glad \U0001f600",
        "rad ett rad två",
        "halv _xD83D_ surrogat",
    ]
    assert flagged == {4}  # only the control character is a change to the text


@pytest.mark.usefixtures("workbook_engine")
def test_bidi_overrides_and_invisible_characters_are_removed_and_flagged(tmp_path: Path) -> None:
    invisible = {
        "\u202e": "right-to-left override",
        "\u202d": "left-to-right override",
        "\u2067": "right-to-left isolate",
        "\u200f": "right-to-left mark",
        "\u200b": "zero-width space",
        "\u2060": "word joiner",
        "\ufeff": "byte-order mark",
        "\x85": "next line (C1)",
    }
    rows = [_activity(n, f"ab{char}cd") for n, char in enumerate(invisible, start=2)]
    kept = "familj \U0001f468\u200d\U0001f469\u200d\U0001f467"  # zero-width joiners: an emoji
    rows.append(_activity(len(rows) + 2, kept))
    path = write_xlsx(tmp_path / "osynliga.xlsx", sheet(HEADER_ROW, *rows))
    titles, flagged = _titles(path)
    assert titles == ["abcd"] * len(invisible) + [kept]
    assert flagged == set(range(2, 2 + len(invisible)))
    register = load_register(path)
    reasons = register.issues.loc[register.issues["column"] == "titel", "reason_sv"]
    assert len(reasons) == len(invisible) and reasons.str.startswith("Osynliga").all()


@pytest.mark.usefixtures("workbook_engine")
def test_a_sheet_with_na_next_to_a_control_character_is_read(tmp_path: Path) -> None:
    header = HEADER_ROW.replace(
        b"</row>", b'<c r="F1" t="inlineStr"><is><t>deltagare</t></is></c></row>'
    )
    na = b'<c r="F2" t="e"><v>#N/A</v></c>'
    path = write_xlsx(
        tmp_path / "na.xlsx",
        sheet(header, _activity(2, "rad\x0bett", na), _activity(3, "vanlig")),
    )
    register = load_register(path)
    assert register.activities["title"].tolist() == ["rad ett", "vanlig"]
    keys = set(zip(register.issues["row"], register.issues["column"], strict=True))
    assert (2, "titel") in keys  # the control character, flagged
    assert (2, "deltagare") in keys  # #N/A: not a number, flagged and kept empty


def test_invisible_characters_in_a_utf8_csv_file_are_removed_and_flagged(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    lines = [
        "aktivitets_id;år;titel;förvaltning;typ",
        "A1;2024;Vanlig – titel med\u00a0hårt mellanslag;Kulturförvaltningen;projekt",
        "A2;2024;\u202eomvänd\u202c;Kulturförvaltningen;projekt",
        "A3;2024;noll\u200bbredd;Kulturförvaltningen;projekt",
    ]
    (folder / "aktiviteter.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "partner.csv").write_text("aktivitets_id;partner;land\n", encoding="utf-8")
    raw = read_register(folder).tables["activities"]
    assert raw.cells["title"].tolist() == [
        "Vanlig – titel med\u00a0hårt mellanslag",
        "omvänd",
        "nollbredd",
    ]
    assert {row for row, column, *_ in raw.notes if column == "title"} == {3, 4}
