"""Personal data out of everything a register can show: done once, when it is loaded.

The register's ``contact_person`` column is personal data; no report, workbook or CSV selects
it. People also type e-mail addresses and names into free text ("kontakt: anna.lind@…") and,
now and then, into identifiers ("anna.lind@boras.se-2024"), administration names and decision
ids. :func:`redact_register` removes, by rule rather than by pattern luck, e-mail addresses (in
any width: "＠" is an "@" once the text is read in its compatibility form, NFKC) and the
register's own contact persons' names (in their usual variants: "Anna Lind", "Lind, Anna",
"Lind Anna", any whitespace between the words, any case, NFKC forms) from every text column
a reader can see, and from the issue list:

- in free text (:data:`FREE_TEXT`) each finding becomes :data:`MARK`;
- in identifiers (:data:`IDENTITY`) a value holding personal data becomes, as a whole,
  "[personuppgift N]", numbered by distinct value across the register, so the same id is
  the same mark in every table (partners still join their activities, a decision its
  activity) and two ids never become one;
- an issue whose value is a whole CSV line (more or fewer fields than the header, an
  unreadable line) shows no value at all: its row number says where it is, and the line
  holds every field, the contact person's too; so does an issue about a contact cell.

The names are taken from every contact cell as read, those of rejected rows included.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .format import TABLES, normalise_token
from .model import Register
from .raw import RawRegister

MARK = "[personuppgift]"
NUMBERED_MARK = "[personuppgift {n}]"
# An address: a local part, "@", a domain, with or without a dot ("anna@boras" too).
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*"
# Free text a person types: findings are replaced where they stand.
FREE_TEXT = frozenset({"title", "description", "funding_source", "partner_name", "city", "country"})
# Identifiers and names that must keep matching across tables: replaced whole, consistently.
IDENTITY = frozenset({"activity_id", "decision_id", "administration", "committee"})
# The issue columns a reader sees that can hold register text (sheet and file names too;
# the Swedish reasons where the English ones held something: see _redact_issues).
ISSUE_TEXT = ("value", "source", "reason", "reason_sv")
# Issues whose value is a whole CSV line: it is not shown (see the module's docstring).
WHOLE_LINE = frozenset(
    {
        "reason.too_many_fields",
        "reason.bad_encoding",
        "reason.unterminated_quote",
        "warning.fewer_fields",
    }
)
# A contact person's name as it can be recognised elsewhere: two or more words of letters
# ("Anna Lind", "Per-Olof Ek"); fragments of other text in the cell are not names.
_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+)+$")
_MIN_NAME = 5  # shorter "names" (initials, "Anna") would remove ordinary words
_WORD = re.compile(r"^[^\W\d_]+(?:['\-][^\W\d_]+)*$")


class Marks:
    """The numbered marks of one register: each distinct identifier value its own number."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}

    def marked(self, values: pd.Series) -> pd.Series:
        """``values`` with each value already marked replaced by its mark."""
        if not self._numbers:
            return values
        hit = values.isin(list(self._numbers)).to_numpy(dtype=bool)
        if not hit.any():
            return values
        out = values.copy()
        out[hit] = [self.mark(v) for v in values[hit]]
        return out

    def mark(self, value: str) -> str:
        """The mark of ``value``: the same for the same value, different for different ones."""
        number = self._numbers.setdefault(value, len(self._numbers) + 1)
        return NUMBERED_MARK.format(n=number)


def redact_register(register: Register, raw: RawRegister | None = None) -> Register:
    """The register with personal data in every shown text column replaced (see module).

    With ``raw`` (the register as read), the contact persons of every row are looked for,
    those of rejected activities too; else those of the accepted activities.
    """
    contacts = register.activities
    if raw is not None and "activities" in raw.tables:
        cells = raw.tables["activities"].cells
        if "contact_person" in cells:
            contacts = cells[["contact_person"]]  # blank cells hold no name
    names = _contact_names(contacts)
    marks = Marks()
    activities = _redact_frame(register.activities, names, marks)
    return dataclasses.replace(
        register,
        activities=activities,
        partners=_redact_partners(register.partners, names, marks),
        exceptions=_redact_frame(register.exceptions, names, marks),
        issues=_redact_issues(register.issues, names, marks),
        unread=_redact_unread(register.unread, names),
    )


def _redact_unread(
    unread: tuple[tuple[str, int | None, str, str], ...], names: list[str]
) -> tuple[tuple[str, int | None, str, str], ...]:
    """What was not read as rows (a note line below a table, a sheet's or column's name) is
    shown by ``validate`` too: its texts are redacted like every other shown text."""
    if not unread:
        return unread
    sources = redact(pd.Series([u[0] for u in unread], dtype=object), names)
    values = redact(pd.Series([u[2] for u in unread], dtype=object), names)
    return tuple(
        (str(source), row, str(value), key)
        for source, value, (_, row, _, key) in zip(sources, values, unread, strict=True)
    )


def redact(texts: pd.Series, names: Sequence[str] = (), marks: Marks | None = None) -> pd.Series:
    """``texts`` with e-mail addresses and the given ``names`` replaced by :data:`MARK`
    (with ``marks``: each value holding one replaced whole by its numbered mark).

    Values are searched in their compatibility form (NFKC: full-width letters and "＠" as
    plain ones); a value where something is found is returned in that form, others as they
    were. A column in which nothing could match (the usual case) costs one look at its
    joined text. Otherwise each distinct value is looked at once, and only values that could
    match (an ``@``, or a word of a name as a plain substring) go through the regular
    expression, which is the costly part.
    """
    names = [unicodedata.normalize("NFKC", " ".join(n.split())) for n in names if n.split()]
    if _nothing_to_find(texts, names):
        return texts
    codes, uniques = pd.factorize(texts.to_numpy(dtype=object), use_na_sentinel=True)
    values = list(map(str, uniques))
    normal = [_nfkc(v) for v in values]
    maybe = _could_match(normal, _prefilter(tuple(names)))
    if not maybe.any():
        return texts
    pattern = _pattern(list(names))
    fixed = np.array(uniques, dtype=object)  # a value with nothing found stays as it was
    for i in np.flatnonzero(maybe):
        if marks is not None:
            if pattern.search(normal[i]):
                fixed[i] = marks.mark(values[i])
        else:
            new = pattern.sub(MARK, normal[i])
            if new != normal[i]:
                fixed[i] = new
    out = fixed[codes]
    out[codes < 0] = None
    return pd.Series(out, index=texts.index, name=texts.name).astype(texts.dtype)


def _nothing_to_find(texts: pd.Series, names: Sequence[str]) -> bool:
    """Whether no value of ``texts`` holds an ``@`` or, in any case, a word of ``names``.

    Exact as a first pass: where the case-insensitive pattern would find a name (any of its
    variants) in the NFKC form of a value, the :func:`_fold` of the joined values' NFKC form
    holds each folded word of the name.
    """
    values = texts.to_numpy(dtype=object)
    try:
        joined = "\n".join(values)
    except TypeError:  # missing values (or a value that is not text)
        try:
            joined = "\n".join(values[~pd.isna(values)])
        except TypeError:  # a value that is not text: look at it value by value
            return False
    joined = _nfkc(joined)  # "\n" joins: the same as normalised value by value
    if "@" in joined:
        return False
    if not names:
        return True
    folded = _fold(joined)
    return not any(_fold(_key_word(name)) in folded for name in names)


# The characters of Latin-1 that NFKC changes (a test holds this to ``unicodedata``), the
# no-break space first: Latin-1 text without them, Swedish text as it usually is, is its own
# NFKC form, and with only the no-break space it is the text with spaces for it.
_LATIN1_COMPAT = "\xa0\xa8\xaa\xaf\xb2\xb3\xb4\xb5\xb8\xb9\xba\xbc\xbd\xbe"


def _nfkc(text: str) -> str:
    """``text`` in its compatibility form (NFKC), found without a look at every character
    where the text is Latin-1 (a copy of its bytes) and none of its few changing letters."""
    if text.isascii():
        return text
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return unicodedata.normalize("NFKC", text)
    if any(c in text for c in _LATIN1_COMPAT[1:]):
        return unicodedata.normalize("NFKC", text)
    return text.replace("\xa0", " ")  # the no-break space alone: NFKC makes it a space


def _key_word(name: str) -> str:
    """The longest word of ``name``: every variant of the name holds it."""
    return max(name.split(), key=len)


# Characters that Python's case-insensitive matching takes as one beyond their lower case
# (``re._casefix``, written out here since that module is private): each maps to the first
# of its group. A test holds this to ``re`` itself, over every cased letter of Unicode.
# Escaped: some are canonically equivalent and would not survive an editor's NFC.
_SAME_LETTERS = (
    "\u0069\u0131", "\u0073\u017f", "\u00b5\u03bc", "\u0345\u03b9\u1fbe", "\u0390\u1fd3",
    "\u03b0\u1fe3", "\u03b2\u03d0", "\u03b5\u03f5", "\u03b8\u03d1", "\u03ba\u03f0",
    "\u03c0\u03d6", "\u03c1\u03f1", "\u03c2\u03c3", "\u03c6\u03d5", "\u0432\u1c80",
    "\u0434\u1c81", "\u043e\u1c82", "\u0441\u1c83", "\u0442\u1c84\u1c85", "\u044a\u1c86",
    "\u0463\u1c87", "\u1c88\ua64b", "\u1e61\u1e9b", "\ufb05\ufb06",
)  # fmt: skip


def _fold(text: str) -> str:
    """``text`` in lower case, each group of :data:`_SAME_LETTERS` as its first letter.

    Character by character, as the pattern compares: "İ" becomes "i" (its lower case is
    "i" and a combining dot, the pattern's is "i"), a final "ς" becomes "σ". A replacement is
    only made where the letter occurs, and a letter beyond the text's range is not searched.
    """
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    text = text.lower()
    for group in _SAME_LETTERS:
        for other in group[1:]:
            if other in text:
                text = text.replace(other, group[0])
    return text


def _could_match(values: list[str], prefilter: re.Pattern[str]) -> np.ndarray:
    """Which values the prefilter finds something in: one scan of the joined values, each
    hit placed in its value by offset (a prefilter match is an ``@`` or a name: it holds no
    line break, so it never spans two values)."""
    maybe = np.zeros(len(values), dtype=bool)
    joined = "\n".join(values)
    starts = [m.start() for m in prefilter.finditer(joined)]
    if starts:
        ends = np.cumsum(np.fromiter(map(len, values), np.int64, len(values)) + 1)
        maybe[np.searchsorted(ends, starts, side="right")] = True
    return maybe


def _contact_names(activities: pd.DataFrame) -> list[str]:
    """The names in ``contact_person`` cells, in their compatibility form and with single
    spaces ("Anna Lind, anna.lind@…" → "Anna Lind"; "Lind, Anna" → "Anna Lind")."""
    if "contact_person" not in activities:
        return []
    found: dict[str, str] = {}  # by case-folded name: the pattern ignores case
    for cell in activities["contact_person"].dropna().unique():
        text = unicodedata.normalize("NFKC", str(cell))
        names = [
            n for part in re.split(r"[;/\n]", re.sub(EMAIL, "", text)) for n in _names_in(part)
        ]
        for name in [*names, *_names_in_addresses(re.findall(EMAIL, text))]:
            found.setdefault(name.casefold(), name)
    return sorted(found.values(), key=len, reverse=True)


def _names_in_addresses(addresses: list[str]) -> list[str]:
    """The names an address spells ("anna.lind@…", "per-olof_ek@…" → "anna lind",
    "per-olof ek"): a cell that holds only the address still names its person."""
    names = []
    for address in addresses:
        words = re.split(r"[._]", address.split("@", 1)[0])
        if len(words) >= 2 and all(len(w) >= 2 and _WORD.match(w) for w in words):
            names.append(" ".join(words))
    return [n for n in names if len(n) >= _MIN_NAME and _NAME.match(n)]


def _names_in(part: str) -> list[str]:
    """Names in one part of a contact cell: "Lind, Anna" (two single words around a comma)
    is one name written surname first; otherwise each comma separates names."""
    pieces = [" ".join(p.split()) for p in part.split(",")]
    pieces = [p for p in pieces if p]
    if len(pieces) == 2 and all(_WORD.match(p) for p in pieces):
        pieces = [f"{pieces[1]} {pieces[0]}"]
    return [p for p in pieces if len(p) >= _MIN_NAME and _NAME.match(p)]


@functools.cache
def _prefilter(names: tuple[str, ...]) -> re.Pattern[str]:
    """A cheap first pass: an ``@`` or the longest word of a name anywhere (no backtracking;
    every variant of a name holds that word, and a word never spans two values)."""
    words = sorted({_key_word(n) for n in names}, key=len, reverse=True)
    return re.compile("|".join(["@", *map(re.escape, words)]), re.IGNORECASE)


def _name_pattern(name: str) -> str:
    """``name`` in its usual variants: "Anna Maria Lind", "Lind, Anna Maria", "Lind Anna
    Maria", with any whitespace (the no-break space too) between the words."""
    words = [re.escape(w) for w in name.split()]
    given, surname = r"\s+".join(words[:-1]), words[-1]
    forms = [r"\s+".join(words), rf"{surname}(?:\s*,\s*|\s+){given}"]
    return rf"(?<!\w)(?:{'|'.join(forms)})(?!\w)"


@functools.cache
def _pattern_cached(names: tuple[str, ...]) -> re.Pattern[str]:
    parts = [EMAIL, *map(_name_pattern, names)]
    return re.compile("|".join(parts), re.IGNORECASE)


def _pattern(names: list[str]) -> re.Pattern[str]:
    return _pattern_cached(tuple(names))


def _redact_frame(frame: pd.DataFrame, names: list[str], marks: Marks) -> pd.DataFrame:
    """Redact the register's free-text and identity columns (codes and vocabularies cannot
    hold names)."""
    out = frame.copy()
    for column in out.columns:
        if column in FREE_TEXT | IDENTITY:
            out[column] = redact(out[column], names, marks if column in IDENTITY else None)
    return out


def _contact_column(issues: pd.DataFrame) -> np.ndarray:
    """Which issues are about a ``contact_person`` cell (a control character removed …):
    their value is the contact person, shown by row and column only."""
    activities = (issues["table"] == "activities").to_numpy(dtype=bool)
    if not activities.any():
        return activities
    spellings = {
        normalise_token(s) for s in TABLES["activities"].column("contact_person").spellings
    }
    columns = issues["column"].to_numpy(dtype=object)[activities]
    headers = pd.unique(columns)  # the few headers of the activities' issues
    contact = [h for h in headers if isinstance(h, str) and normalise_token(h) in spellings]
    found = np.zeros(len(issues), dtype=bool)
    for header in contact:  # as the register writes it: "Kontaktperson"
        found[np.flatnonzero(activities)[columns == header]] = True
    return found


def _redact_partners(partners: pd.DataFrame, names: list[str], marks: Marks) -> pd.DataFrame:
    """Accepted partners belong to accepted activities (validation rejects the others), so
    their ``activity_id`` takes the marks the activities' ids were given, without a search
    of its own (250,000 ids in a large register)."""
    if "activity_id" not in partners:
        return _redact_frame(partners, names, marks)
    ids = marks.marked(partners["activity_id"])
    out = _redact_frame(partners.drop(columns="activity_id"), names, marks)
    out.insert(partners.columns.get_loc("activity_id"), "activity_id", ids)
    return out


def _redact_issues(issues: pd.DataFrame, names: list[str], marks: Marks) -> pd.DataFrame:
    """The issue list as a reader may see it: no whole CSV line, nothing personal in any
    shown text, and the administration as its activities show it."""
    if issues.empty:
        return issues
    out = issues.copy()
    hidden = out["reason_key"].isin(list(WHOLE_LINE)).to_numpy(dtype=bool) | _contact_column(out)
    if hidden.any():
        out.loc[hidden, "value"] = ""
    for column in ISSUE_TEXT[:2]:  # value, source
        out[column] = redact(out[column], names)
    # The reasons' words are the labels table's; what they carry of the register (a value, a
    # sheet or file name) is the same in both languages, so the Swedish reasons are searched
    # where the English ones held something (the costly column of a large register's issues;
    # ``redact`` returns the very column it was given when it found nothing).
    reasons = out["reason"]
    redacted = redact(reasons, names)
    if redacted is not reasons:
        out["reason"] = redacted
        changed = (redacted != reasons).fillna(False).to_numpy(dtype=bool)
        if changed.any():
            out.loc[changed, "reason_sv"] = redact(out.loc[changed, "reason_sv"], names)
    out["administration"] = redact(out["administration"], names, marks)
    return out
