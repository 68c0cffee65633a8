"""The empty register workbook coordinators fill in (``boras-intl template FILE.xlsx``).

Built from :mod:`register_format`: an instructions sheet (first) that explains, in Swedish and
without any command line, how to fill in and send the register and every column; then one
sheet per table with Swedish display headers (``Budget (kr)``, which the reader accepts), bold
and frozen, and Excel data validation on every column — drop-down lists for type, status,
partner type and yes/no; for administration and committee from the year's parameters file and
for country (every country the reader knows, by its Swedish name, on a hidden sheet); 0–3 for
the levels — each with the column's help text as the cell's prompt, whole (Excel shows 32
characters of a prompt's title and 255 of its message). Numbers have no Excel rule, only a hint:
the reader takes "50 tkr", "ca 12" and "1 234,50", which a number rule would refuse. Names
outside the administration, committee and country lists and other levels are allowed after a
warning (a new administration must still be registrable); other lists refuse what they do not
hold. Reading the template back gives a register with no rows and no issues.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..i18n.labels import label
from ..register.format import TABLES, Column, Table, allowed_values, range_text
from ..safety import neutralised
from .xlsx import write_xlsx

if TYPE_CHECKING:
    from ..settings import Settings

MAX_ROW = 5000  # rows 2..MAX_ROW carry the validation rules
MAX_INLINE_LIST = 255  # Excel's limit for a list typed into the validation formula
MAX_PROMPT_TITLE = 32  # Excel's limits for a cell's input prompt: its title …
MAX_PROMPT = 255  # … and its message
MAX_LEVEL_LIST = 11  # a whole-number column with at most this many values gets a drop-down
LISTS_SHEET = "listor"
INSTRUCTIONS_SHEET = "instruktioner"
BOOLEAN_WORDS = ("ja", "nej")
HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
TEXT_FORMAT = "@"
DATE_FORMAT = "yyyy-mm-dd"


def write_template(path: Path | str, settings: Settings | None = None) -> None:
    """Write the empty register workbook to ``path`` (replaced atomically if it exists).

    With ``settings``, administration and committee get drop-down lists of its names.
    """
    write_xlsx(path, lambda: build_template(settings), "template")


def build_template(settings: Settings | None = None) -> Workbook:
    """The template as an openpyxl workbook (not yet saved)."""
    book = Workbook()
    instructions = book.active
    instructions.title = INSTRUCTIONS_SHEET
    _write_instructions(instructions)
    names = _name_lists(settings)
    for table in TABLES.values():
        _write_table_sheet(book, table, names)
    if LISTS_SHEET in book.sheetnames:  # the hidden lists go last, after the register sheets
        lists = book[LISTS_SHEET]
        book.move_sheet(lists, offset=len(book.sheetnames) - 1 - book.index(lists))
    book.properties.title = label("template.title", "sv")
    return book


def _name_lists(settings: Settings | None) -> dict[str, list[str]]:
    """Drop-down values of the free-text columns that have known names."""
    from ..register.suggest import country_names

    swedish = sorted(set(country_names(lang="sv")), key=str.casefold)
    lists = {"country": swedish}
    if settings is not None:
        lists["administration"] = list(settings.administration_names)
        committees = {a.committee for a in settings.administrations if a.committee}
        if committees:
            lists["committee"] = sorted(committees, key=str.casefold)
    return lists


# --- the instructions sheet ----------------------------------------------------------------


def _write_instructions(sheet: Worksheet) -> None:
    sheet["A1"] = label("template.title", "sv")
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = label("template.intro", "sv")
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells("A2:F2")
    sheet.row_dimensions[2].height = 150
    keys = ("sheet", "column", "type", "required", "allowed", "description")
    for col, key in enumerate(keys, start=1):
        cell = sheet.cell(row=4, column=col, value=label(f"template.{key}", "sv"))
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    row = 5
    for table in TABLES.values():
        for column in table.columns:
            values = (
                table.swedish,
                column.display or column.swedish,
                _kind_text(column),
                _required_text(table, column),
                _allowed_text(column),
                column.description_sv,
            )
            for col, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=col, value=value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            row += 1
    for letter, width in zip("ABCDEF", (14, 24, 22, 16, 40, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A5"


def _kind_text(column: Column) -> str:
    text = label(f"kind.{column.kind}", "sv")
    rng = range_text(column)
    return f"{text}, {rng}" if rng and column.kind != "int_list" else text


def _required_text(table: Table, column: Column) -> str:
    if column.required:
        return label("template.yes", "sv")
    for group in table.one_of:
        if column.name in group:
            names = " / ".join(table.column(c).swedish for c in group)
            return label("template.one_of", "sv", columns=names)
    return label("template.no", "sv")


def _allowed_text(column: Column) -> str:
    if column.enum is not None:
        return ", ".join(allowed_values(column, "sv"))
    if column.kind == "boolean":
        return ", ".join(BOOLEAN_WORDS)
    if column.kind in ("integer", "number", "int_list"):
        return range_text(column)
    return ""


# --- the table sheets ------------------------------------------------------------------------


def _write_table_sheet(book: Workbook, table: Table, names: dict[str, list[str]]) -> None:
    sheet = book.create_sheet(table.swedish)
    for pos, column in enumerate(table.columns, start=1):
        header = column.display or column.swedish
        cell = sheet.cell(row=1, column=pos, value=header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        letter = get_column_letter(pos)
        sheet.column_dimensions[letter].width = max(len(header) + 4, _width(column))
        _format_column(sheet, letter, column)
        rule = _validation(book, column, names.get(column.name))
        _add_help(rule, table, column)
        sheet.add_data_validation(rule)
        rule.add(f"{letter}2:{letter}{MAX_ROW}")
    sheet.freeze_panes = "A2"


def _add_help(rule: DataValidation, table: Table, column: Column) -> None:
    """The column's help text in Swedish, shown when a cell of the column is selected.

    Excel cuts a prompt's title after 32 characters and its message after 255: a title
    that would not fit with "(obligatorisk)" says it in the message instead, and a message
    too long for Excel is an error here, never cut.
    """
    title = column.display or column.swedish
    text = column.description_sv
    extra = _allowed_text(column) if column.kind in ("list", "int_list") else ""
    if rule.prompt:  # list and number columns already explain how to write their values
        extra = rule.prompt
    if extra:
        text = f"{text} {extra}"
    if column.required:
        mark = label("template.required_mark", "sv")
        if len(f"{title} {mark}") <= MAX_PROMPT_TITLE:
            title = f"{title} {mark}"
        else:
            text = f"{label('template.required_note', 'sv')} {text}"
    rule.showInputMessage = True
    rule.promptTitle = _fitting(title, MAX_PROMPT_TITLE, column)
    rule.prompt = _fitting(text, MAX_PROMPT, column)


def _fitting(text: str, limit: int, column: Column) -> str:
    """``text`` if Excel shows it whole (``limit`` characters), else a developer's error."""
    if len(text) > limit:
        raise ValueError(f"{column.name}: help text longer than Excel's {limit}: {text!r}")
    return text


def _width(column: Column) -> int:
    return {"text": 24, "date": 12, "list": 28, "int_list": 14, "country": 16}.get(column.kind, 14)


def _format_column(sheet: Worksheet, letter: str, column: Column) -> None:
    """Text format where Excel would otherwise turn entries into numbers or dates."""
    if column.kind in ("text", "list", "int_list", "country"):
        sheet.column_dimensions[letter].number_format = TEXT_FORMAT
    elif column.kind == "date":
        sheet.column_dimensions[letter].number_format = DATE_FORMAT


def _validation(book: Workbook, column: Column, names: list[str] | None = None) -> DataValidation:
    """The data validation rule of a column (a prompt-only rule for free text)."""
    title = label("template.invalid_title", "sv")
    if names:  # administration, committee, country: a list, other names allowed with a warning
        rule = DataValidation(
            type="list", formula1=_list_range(book, column.name, names), allow_blank=True
        )
        rule.error = label("template.unlisted_name", "sv")
        rule.errorTitle = label("template.unlisted_title", "sv")
        rule.showErrorMessage = True
        rule.errorStyle = "warning"
        return rule
    if column.kind == "enum":
        rule = _list_rule(book, column.name, allowed_values(column, "sv"))
        rule.error = label("template.invalid_list", "sv")
    elif column.kind == "boolean":
        rule = _list_rule(book, column.name, list(BOOLEAN_WORDS))
        rule.error = label("template.invalid_list", "sv")
    elif column.kind in ("integer", "number"):
        return _number_hint(book, column)
    elif column.kind == "date":
        rule = DataValidation(
            type="date",
            operator="between",
            formula1="DATE(2000,1,1)",
            formula2="DATE(2100,12,31)",
            allow_blank=True,
        )
        rule.error = label("template.invalid_date", "sv")
    elif column.kind in ("list", "int_list"):
        return _prompt_rule(column)
    else:
        return DataValidation(type=None, allow_blank=True)
    rule.errorTitle = title
    rule.showErrorMessage = True
    rule.errorStyle = "stop"
    return rule


def _list_rule(book: Workbook, name: str, values: list[str]) -> DataValidation:
    """A drop-down list: typed into the rule if short, else a range on the hidden lists sheet."""
    inline = ",".join(values)
    if len(inline) + 2 <= MAX_INLINE_LIST:
        formula = f'"{inline}"'
    else:
        formula = _list_range(book, name, values)
    return DataValidation(type="list", formula1=formula, allow_blank=True)


def _list_range(book: Workbook, name: str, values: list[str]) -> str:
    """Write ``values`` as a column of the hidden lists sheet; return an absolute reference."""
    if LISTS_SHEET in book.sheetnames:
        sheet = book[LISTS_SHEET]
    else:
        sheet = book.create_sheet(LISTS_SHEET)
        sheet.sheet_state = "hidden"
    col = sheet.max_column + 1 if sheet["A1"].value is not None else 1
    sheet.cell(row=1, column=col, value=name)
    for row, value in enumerate(values, start=2):
        sheet.cell(row=row, column=col, value=neutralised(value))  # names from the settings
    letter = get_column_letter(col)
    return f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(values) + 1}"


def _number_hint(book: Workbook, column: Column) -> DataValidation:
    """Numbers as coordinators write them ("50 tkr", "ca 12", "1 234,50"), which Excel's
    number rules would refuse although the reader takes them: a hint, no rule. A level
    (a whole number with a few values, 0–3) gets a drop-down that still lets other text in
    after a warning."""
    lo, hi = column.minimum, column.maximum
    rng = range_text(column)
    if column.kind == "integer" and lo is not None and hi is not None and hi - lo < MAX_LEVEL_LIST:
        rule = _list_rule(book, column.name, [_n(v) for v in range(int(lo), int(hi) + 1)])
        rule.error = label("template.invalid_range", "sv", range=rng)
        rule.errorTitle = label("template.invalid_title", "sv")
        rule.showErrorMessage = True
        rule.errorStyle = "warning"
        return rule
    if column.kind == "number":
        hint = label("template.amount_hint", "sv", range=rng)
    elif hi is None:
        hint = label("template.count_hint", "sv", range=rng)
    else:
        hint = label("template.whole_hint", "sv", range=rng)
    return DataValidation(type=None, allow_blank=True, showInputMessage=True, prompt=hint)


def _n(value: float | None) -> str:
    return str(int(value)) if value is not None and float(value).is_integer() else str(value)


def _prompt_rule(column: Column) -> DataValidation:
    """List columns take several values, which a drop-down cannot: show a hint instead."""
    values = ", ".join(allowed_values(column, "sv")) if column.enum else range_text(column)
    rule = DataValidation(type=None, allow_blank=True, showInputMessage=True)
    rule.prompt = label("template.list_prompt", "sv", values=values)
    return rule
