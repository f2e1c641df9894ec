"""Telling the rows a missing quotation mark swallowed from a cell of several questions.

A cell may hold several own questions, one per line, and a question may hold
commas. When a quotation mark opens a cell and its pair is missing, the csv
module reads on into the rows below, up to the next quotation mark that ends
a cell, and those rows become lines of the cell: one person's worksheet would
print the next people's rows as their questions.

A line of a cell is taken for a row of the file when, cut at its commas, it
gives one value for each column of the header, and each value could stand in
its column, as the file's own header names them: a score from 0 to 10 under
`pain`, a listed choice under `priorities`, a date under `appointment`, a name
without a question mark under `name`. A sentence seldom does: "What about
work, money, and my kids?" under `name, own_questions, pain` gives "and my
kids?" as a pain score. Comma counts alone cannot tell, since a question may
hold as many commas as a row.

When the values are all free text (`name, own_questions`), their meaning
cannot tell either; then the commas' typing does. A spreadsheet writes a row
as `Bo,Will it hurt?`, while a person writing a sentence puts a space after a
comma: `Can I travel, and when?`.

Three places of the cell are looked at, since the cell is what the csv module
read from the opening quotation mark to the closing one:

- its first line: the rest of the row the quotation mark opened in, from the
  cell's column to the last (`Can I travel?,3`);
- each line after it: a whole row (`Bo,Will it hurt?,4`);
- its last line: a whole row, or the start of the row whose quotation mark
  closed the cell, the rest of that row being the record's cells after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum

from . import schema
from .safetext import whole_number
from .schema import Field, Kind
from .words import closest, normalize

_OUTPUT_COLUMN = "output"
_NAME_COLUMN = "name"
_FIELDS: dict[str, Field] = {column: f for f in schema.FIELDS for column in f.columns}
_LOWEST_SCORE, _HIGHEST_SCORE = 0, 10
# A date as the answers file writes it, or as a spreadsheet shows it (12/3/2026).
_DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
# A name, a file name, a medicine or a listed choice never holds these; a question does.
_SENTENCE_MARKS = frozenset("?¿!¡")


class _Fit(Enum):
    """How a value stands in a column."""

    WRONG = "wrong"  # it cannot be this column's value: not a row
    POSSIBLE = "possible"  # free text, an empty cell, a near miss: it may be
    TELLING = "telling"  # only this column's values look like it (a score, a listed choice)


def row_like_line(record: Sequence[str], header: Sequence[str], index: int) -> str | None:
    """The first line of `record[index]` that looks like a row of the file, or None.

    `header` is the file's first row as written; `record` is one record as
    the csv module read it.
    """
    lines = record[index].splitlines()
    if len(lines) < 2:
        return None
    columns = [normalize(label) for label in header]
    width = len(columns)
    after = width - 1 - index  # the columns right of the cell
    if after > 0:
        parts = lines[0].rsplit(",", after)
        if len(parts) == after + 1 and _looks_like_row(columns[index:], parts):
            return lines[0]
    rest = len(record) - index - 1  # the record's cells right of this one
    for number, line in enumerate(lines[1:], start=2):
        parts = line.split(",")
        if len(parts) == width and _looks_like_row(columns, parts):
            return line
        if (
            # A row short of its last cell, as some programs write it: only
            # when a value says so, since a line of one comma less is common.
            width >= 3
            and len(parts) == width - 1
            and _looks_like_row(columns[: width - 1], parts, telling_only=True)
        ):
            return line
        if (
            number == len(lines)
            and 0 < width - rest < width
            and len(parts) == width - rest
            # Only when a value says so: the last line of a well-quoted cell
            # ("Can I travel,and when?") cut at its commas reads as free text too.
            and _looks_like_row(columns[: width - rest], parts, telling_only=True)
        ):
            return line  # the start of the row whose quotation mark closed the cell
    return None


def _looks_like_row(
    columns: Sequence[str], parts: Sequence[str], telling_only: bool = False
) -> bool:
    """Whether `parts`, the values of one line cut at its commas, read as a row's
    values for `columns`."""
    fits = [_fit(column, part) for column, part in zip(columns, parts, strict=True)]
    if _Fit.WRONG in fits:
        return False
    if _Fit.TELLING in fits:
        return True
    if telling_only:
        return False
    # Free text only: a row as a spreadsheet writes it, not a sentence.
    if any(part[:1].isspace() for part in parts[1:]):
        return False
    return sum(1 for part in parts if part.strip()) >= 2


def _fit(column: str, value: str) -> _Fit:
    """How `value` stands in `column`, by what the column holds."""
    value = value.strip()
    if not value:
        return _Fit.POSSIBLE  # any cell may be empty
    if column == _OUTPUT_COLUMN:
        return _Fit.WRONG if _SENTENCE_MARKS & set(value) or "/" in value else _Fit.POSSIBLE
    f = _FIELDS.get(column)
    if f is None:
        return _Fit.POSSIBLE  # a column the header's check refuses
    if f.kind is Kind.SCORES:
        number = whole_number(value)
        in_range = number is not None and _LOWEST_SCORE <= number <= _HIGHEST_SCORE
        return _Fit.TELLING if in_range else _Fit.WRONG
    if f.kind is Kind.DATE:
        return _Fit.TELLING if _DATE_LIKE.fullmatch(value) else _Fit.WRONG
    if f.kind in (Kind.CHOICE, Kind.CHOICES, Kind.RANKED):
        return _choices_fit(f, value)
    if f.kind is Kind.LINES:
        return _Fit.POSSIBLE  # questions: anything
    if column == _NAME_COLUMN and value.isdecimal() and len(value) <= 3:
        return _Fit.WRONG  # "1,Is it safe?" is a numbered question, not a person "1"
    # A name, the care team, the helper, medicines: short, and not a sentence.
    items = value.split(schema.LIST_SEPARATOR) if f.kind is Kind.MEDICINES else [value]
    if any(len(item.strip()) > f.max_chars for item in items) or _SENTENCE_MARKS & set(value):
        return _Fit.WRONG
    return _Fit.POSSIBLE


def _choices_fit(f: Field, value: str) -> _Fit:
    """Listed values tell; a near miss (`wrk`) may be a row's typo; anything else is not."""
    fits = []
    for item in (part.strip() for part in value.split(schema.LIST_SEPARATOR)):
        if not item:
            continue
        if normalize(item) in f.choices:
            fits.append(_Fit.TELLING)
        elif f.kind is Kind.RANKED and not isinstance(schema.own_item(item), str):
            fits.append(_Fit.TELLING)  # `own: Gardening`, as only a CSV cell writes it
        elif not _SENTENCE_MARKS & set(item) and closest(normalize(item), f.choices):
            fits.append(_Fit.POSSIBLE)
        else:
            return _Fit.WRONG
    return _Fit.TELLING if fits and all(fit is _Fit.TELLING for fit in fits) else _Fit.POSSIBLE
