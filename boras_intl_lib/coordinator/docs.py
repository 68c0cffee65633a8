"""``docs/register-format.md``, generated from :mod:`register_format` so it cannot drift.

``scripts/render_register_docs.py`` writes the page; a test compares the committed file with
:func:`markdown`. The tables come from the format's data; the reading rules are prose here.
"""

from __future__ import annotations

from ..register.format import TABLES, Column, Table, range_text

# The prose part of the page: how cells are read. Kept beside the code that renders the tables
# so that a change of rule and a change of its documentation are one commit.
RULES_MARKDOWN = """\
## How cells are read

- **Where.** An `.xlsx` workbook with the sheets above, a folder of CSV files named after the
  tables (`activities.csv` or `aktiviteter.csv`, …), or a folder of `.xlsx` workbooks (one per
  administration, as they arrive) read as one register:
  every issue then names the workbook and the sheet (`kultur.xlsx, aktiviteter`), rows keep the
  numbers each file shows, and an `activity_id` already used in another file is rejected naming
  that file and row. Sheet and file names, like headers, ignore
  case, surrounding spaces, and treat `-`, `_` and space alike; English and Swedish are equally
  valid. `exceptions` is optional. A name that two sheets or files both claim is an error.
- **Continued tables.** A sheet named like a table with more words after it (Excel's copy
  `aktiviteter (2)`, `aktiviteter forts`) continues that table. So does a CSV file named that
  way (`aktiviteter (2).csv`, `aktiviteter - kopia.csv`) or whose first line holds a table's
  headers (`kultur 2025.csv`). Its rows are read after the table's own, each reported with its
  own sheet or file and row; an `activity_id` used in an earlier sheet or file is rejected,
  naming that sheet or file and row.
  The headers of each sheet or file are matched on their own, so their order and spelling may
  differ from the table's, and a column it lacks is empty in its rows. If its headers do not
  fit the table, it is not read and the summary says why. A CSV file continuing a table the
  folder has no file for (`undantag 2024.csv` without `undantag.csv`) is not read: the summary
  asks for it to be renamed.
- **Everything else is named.** Every other sheet (an instructions sheet, say) and every other
  entry of a register folder (a CSV file of something else, a text file, an `.xlsx` file in a
  folder of CSV files or a `.csv` file in a folder of workbooks, Excel's `~$` lock file, a
  hidden file, a folder) is named in the summary of `boras-intl validate` (and its `--json`) as
  not read, and why. Of a CSV file whose name is no table's only the first line is looked at.
  A hidden file (a name beginning with a dot, such as the `._kultur.xlsx` macOS leaves beside
  a copied workbook) is never read, whatever it ends in.
- **Headers.** The first non-empty row of a sheet or line of a CSV file holds the
  headers. The English name, the Swedish header and the template's display header (`Budget (kr)`,
  `Typ av aktivitet`; brackets are ignored like case and spacing) are all accepted. Columns
  with other headers are not read (the summary names them). Optional columns
  may be left out entirely; a missing required column makes the register unreadable.
- **Row numbers.** Every row is reported with the number Excel shows for it: the header is
  row 1 and the first data row is row 2 (in a workbook the real sheet row, so a blank row above
  the header shifts nothing). A CSV file's row numbers count records, as Excel would show them
  when it opens the file.
- **Blank rows.** A row whose every cell is blank (including columns that are otherwise
  ignored) is skipped: it holds nothing to lose. Every other row is either accepted or rejected.
- **Whitespace.** Surrounding whitespace (spaces, tabs, no-break spaces) is stripped from every
  cell before anything else.
- **Unicode.** Every cell and header is normalised to NFC before any matching, so a decomposed
  `ö` (macOS, copy-paste) matches the composed one. Control characters (a soft line break that
  Excel stores as `_x000B_`, …) and invisible characters that change how text reads (bidi
  overrides such as U+202E, direction marks, zero-width spaces, a byte-order mark inside text)
  are removed — a soft line break becomes a space — and the cell is flagged; zero-width joiners
  (emoji, several scripts) stay. Text is read as typed: Excel's escapes are decoded (text typed
  as `_x000B_`, stored `_x005F_x000B_`, reads back as `_x000B_`; `_xD83D__xDE00_` is 😀).
- **CSV files.** UTF-16 (Excel's "Unicode text"; with a byte-order mark, or without one,
  recognised by a NUL in every other byte) is read as a whole;
  otherwise a file that is UTF-8 (with or without a byte-order mark) is read as UTF-8, and any
  other file is decoded line by line: UTF-8 where the line is UTF-8, else Windows-1252. A line
  that fits neither, or that mixes the two (UTF-8 letters and Windows-1252 bytes), is rejected
  as a row with the line as its value — never read as garbled text; if that line is the header,
  the file is unreadable. The separator is `;`, `,` or a tab, whichever occurs most in the
  header line (`;` wins a tie). Every cell is read as text, so nothing is converted before the
  rules below. A line with more fields than the header (a separator inside a text without
  quotes) is rejected as a whole row, with the line as its value; a line with fewer fields is
  kept (the missing cells are empty) and flagged. A quotation mark that never closes costs only
  the line it opens on (rejected, with the line as its value); the rest of the file is read.
- **Excel error cells** (`#N/A`, `#DIV/0!` …) are read as their error text, so a number column
  rejects them as "not a number" instead of reading them as blank.
- **Excel cells.** Text cells are read as typed. A number cell holding a whole number is read as
  that number without decimals (`1234.0` → `1234`); other numbers keep all their digits with a
  decimal point. Date cells become ISO dates (`2024-03-01`). Formulas count with their last
  calculated value; a formula saved without a value (files written by scripts) is read as empty
  and flagged ("open and save the file in Excel"). A cell under merged cells (only the first
  cell of a merge holds the value) is flagged naming the merged range. `TRUE`/`FALSE` cells are
  booleans.
- **Awkward workbooks.** Only the register's sheets are ever decompressed or read (a huge
  instructions sheet costs nothing). A value far from the data (one stray cell at XFD1048576)
  does not make the workbook expensive: rows are streamed, blank rows dropped, and cells right
  of the header row's last header (after a gap of more than 100 blank header cells) are not
  columns; a row holding something only there is kept as a row with its register cells empty.
- **Numbers.** Decimal comma or decimal point (`1234,5`, `1234.5`); spaces, no-break spaces
  (U+00A0) and narrow no-break spaces (U+202F) as thousands separators (`1 234 567,50`); a leading
  `-` or `−` for negative values. A comma is always a decimal comma, so `1,234` is 1.234 and a
  value with both `,` and `.` (`1.234,50`) is rejected rather than guessed.
- **Amounts** (`budget_kr`, `extern_finansiering_kr`) may end in `kr`, `kronor`, `SEK` or `:-`
  (dropped), `tkr`/`tusen kr` (× 1000) or `mnkr`/`mkr`/`miljoner kronor` (× 1,000,000), any case:
  `50 000 kr` is 50000, `25 tkr` is 25000, `1,5 mnkr` is 1500000.
- **Approximate numbers.** `ca`, `ca.`, `c:a`, `cirka`, `circa`, `ungefär`, `omkring`, `runt`,
  `drygt`, `knappt`, `~` or `≈` before a number is dropped and the value flagged as approximate;
  counts may end in `st`, `personer` or `deltagare` (`ca 12 personer` is 12).
- **Whole numbers** follow the number rules and must have no fraction: `3`, `3,0` and `3.0` are
  3; `2,5` is rejected.
- **Booleans.** True: `ja`, `j`, `yes`, `y`, `true`, `sant`, `1`, `x`. False: `nej`, `n`, `no`,
  `false`, `falskt`, `0`, or an empty cell (a missing column counts as empty). Any case.
- **Dates.** ISO `YYYY-MM-DD`, optionally followed by a time (`2024-03-01 00:00:00`, ignored),
  or an Excel date cell. Other forms (`1/3/2024`) are rejected: they are ambiguous.
- **Enumerations** (`typ`, `status`, `partnertyp`): the English key or the Swedish word, any
  case, with `-`, `_` and space alike (`EU-projekt`, `eu projekt`, `eu_project`). Empty status
  means `ongoing`. Status also accepts what people write: `pågår`, `påbörjad`, `startad`, `aktiv`
  (ongoing); `klar`, `klart`, `genomförd`, `avslutat`, `slutförd`, `färdig` (completed);
  `avbruten`, `avbrutet`, `inställt`, `ställdes in`, `stoppad` (cancelled); `planeras`,
  `planerat`, `ej påbörjad`, `kommande` (planned); and the English `in progress`, `done`.
- **Lists** (`profilering`, `hållbarhet`, `globala_mål`): items separated by `;` or `,`; empty
  items are skipped; repeated items count once. Each item follows the enumeration rules;
  `globala_mål` holds whole numbers 1–17. An item that is not allowed is left out and flagged,
  the others are kept (`6;18` keeps 6); a cell with no allowed item is read as empty.
- **Suggestions**: an unknown value of an enumerated column or list gets the closest allowed
  one ("Studiebesok": "menade du studiebesök?"); it is never applied.
- **Administrations** and **committees** are matched to the parameters file ignoring case,
  spacing and Unicode form, and written as the parameters file spells them. An unknown one is
  kept as written and flagged, with the closest known name as a suggestion ("menade du
  Kulturförvaltningen?"); the value is never changed. Unknown countries get a suggestion from the
  Swedish and English country names and the common short names (`USSA`: "menade du USA?"),
  only when it is close.
- **Countries**: Swedish or English names and common variants, ISO 3166 alpha-2 or alpha-3
  codes, and World Bank codes; nothing is guessed.

## Rejected or flagged

A **rejected** row is not used anywhere; each reason is listed with the sheet or file, the row,
the column (as its header is written), the value and a reason in words. Only required columns
and identity (id, year, administration, a partner's activity) reject a row. A row is rejected
when:

- a required value is missing, cannot be read by the rules above, is outside its range (a year
  outside 2000–2100) or is not one of the allowed values (`typ`);
- its `activity_id` repeats an earlier row's (the first row is kept; each later one names the
  row it repeats);
- it is a partner whose `activity_id` is not among the accepted activities (either the activity
  was itself rejected, or it does not exist);
- it is an exception decision with neither a country nor a partner;
- it is a CSV line that cannot be split into cells (more fields than the header, a quotation
  mark that never closes, an encoding that fits no line). Such a line is named by its row
  number only: its text holds every field, a contact person's too.

A **flagged** row is kept and used, with a warning:

- a bad value in an optional column (a negative budget, `många` participants, goal 18, status
  `pågår?`): the value is read as empty (a yes/no column as no, a status as ongoing) and the
  reason says so;
- an approximate number (`ca 12`), a removed control character, a formula without a saved
  value, a cell under merged cells, a CSV line with fewer fields than the header;
- an administration or committee not in the parameters file, a country that is not recognised
  (the partner cannot be screened), each with a suggestion where one is close;
- external funding above the budget; an EU funding source (as the parameters list them) with no
  external funding; an exception whose `valid_to` is before its `valid_from`; an activity year
  for which there is no parameters file beside the one used (`validate` and `score`);
- an exception decision limited to an activity id that is not among the accepted activities.

`boras-intl validate` answers in the register's language (Swedish headers → Swedish; `--lang`
overrides). `--fix-list rättelser.xlsx` also writes a correction list: one sheet per
administration (a partner row belongs to its activity's administration; a misspelt
administration close to a known one goes to that one's sheet) with every rejected row
and flagged value — status, sheet or file, row, column, value, reason, suggestion — ready to be
e-mailed.

## What the rest of the toolkit receives

`load_register` returns a `Register` (`boras_intl_lib/model.py`): per table, the accepted rows
with the English column names above plus `row` (the Excel row, `int64`); partners and
exceptions also get `country_iso3` (ISO 3166 alpha-3, `<NA>` when not recognised). Types: text
and enumerations `string` (enumerations as their English keys), whole numbers `Int64`, numbers
`float64`, yes/no `boolean` (never missing: blank is no), dates `datetime64[ns]`, lists tuples
(of keys; of ints for `sdgs`; `()` when blank). Missing values are `<NA>` / `NaN` / `NaT`.
`issues` has one line per problem: `table, source, row, column, value, severity, reason_key,
reason, reason_sv, suggestion, administration` (`suggestion`: the closest known name, or empty;
`administration`: whose row it is, for correction lists); `input_rows` counts the non-blank rows
read per table; `language` is the register's own language (`sv` or `en`).

## Why pandera, and what it checks

Parsing text into typed values is done by `parsing.py` (vectorised; each distinct value is
examined once). The rules of the typed values (required values present, numbers within their
ranges, enumerations among their keys) are stated once per table, from the tables above, as a
pandera `DataFrameSchema` (`validation.schema`): every accepted table satisfies it. The rows
that break a rule are found by the same checks run directly on each column
(`validation.column_failures`), which name every failing row and rule at once, as pandera's
lazy validation would; the test suite holds the two equal on generated tables, with pandera
as the oracle. Asking pandera itself at run time gave the same answer for about 0.2 s more
(importing it and registering its backends), on every register with a mistake in it.
Pandera was chosen over pydantic because it describes whole columns instead of building one
object per row. Rules that span columns or tables (duplicate ids, partners pointing at
activities, at least one of country/partner, date order) are plain pandas in `validation.py`:
pandera's wide checks report every column of a failing row, which would name columns the
coordinator did not get wrong. The items of a list (`globala_mål` 1–17) are checked while the
list is parsed, each distinct cell once.
"""

_KIND_EN: dict[str, str] = {
    "text": "text",
    "integer": "whole number",
    "number": "number",
    "boolean": "yes/no",
    "date": "date",
    "enum": "one of",
    "list": "list of",
    "int_list": "list of whole numbers",
    "country": "country",
}


def _type_cell(column: Column) -> str:
    text = _KIND_EN[column.kind]
    if column.enum is not None:
        pairs = ", ".join(f"`{k}` ({sv})" for k, sv in column.enum.values.items())
        text = f"{text}: {pairs}"
    rng = range_text(column)
    return f"{text}, {rng}" if rng else text


def _required_cell(table: Table, column: Column) -> str:
    if column.required:
        return "yes"
    for group in table.one_of:
        if column.name in group:
            return "one of " + " / ".join(f"`{c}`" for c in group)
    return "no"


def _table_markdown(table: Table) -> list[str]:
    title = f"## {table.name} (sheet or file `{table.name}` or `{table.swedish}`)"
    lines = [title, ""]
    if table.optional:
        lines += ["Optional: no sheet or file means no rows.", ""]
    lines += [
        "| column | Swedish header | template header | type | required | description |",
        "|---|---|---|---|---|---|",
    ]
    for col in table.columns:
        cells = (
            f"`{col.name}`",
            f"`{col.swedish}`",
            f"`{col.display}`",
            _type_cell(col),
            _required_cell(table, col),
            col.description,
        )
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def markdown() -> str:
    """``docs/register-format.md``: the tables above and the reading rules, as Markdown."""
    lines = [
        "# The register format",
        "",
        "<!-- Generated from boras_intl_lib/register/format.py (coordinator/docs.py) by "
        "scripts/render_register_docs.py; do not edit by hand (a test compares). -->",
        "",
        "The register of international activities: what the toolkit reads and how. "
        "`boras-intl template FILE.xlsx [--params FILE]` writes an empty workbook in this "
        "format: Swedish display headers, drop-down lists (administration and committee from "
        "the parameters file, country from the Swedish country names), a help text per column "
        "in the cell prompt, and an instructions sheet in Swedish that needs no command line.",
        "",
    ]
    for table in TABLES.values():
        lines += _table_markdown(table)
    lines.append(RULES_MARKDOWN)
    return "\n".join(lines)
