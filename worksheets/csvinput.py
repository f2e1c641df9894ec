"""Reading the batch CSV: one row per person, the answers file flattened.

A social worker's spreadsheet becomes, row by row, the answers file's layout,
which then goes through the very validation an answers file gets: a value
means the same wherever it comes from. Messages name the place as the
spreadsheet shows it (`people.csv, row 5, column priorities`), counting rows
as records, not lines, since a cell may hold several own questions, one per
line.

Problems of the whole file (not UTF-8, too large, an unknown column) raise
`InputProblems` and stop the batch before anything is written; problems of
one row are kept with that row, so that the other rows are still written.
"""

from __future__ import annotations

import csv
import io
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import schema
from .answers import FORMAT_VERSION, Answers, validate_answers
from .errors import InputProblems
from .i18n import _
from .safetext import hidden_character_problem
from .swallowed_rows import row_like_line
from .words import closest, normalize
from .yamlsource import Path_, read_text

MAX_CSV_BYTES = 50_000_000
MAX_ROWS = 10_000
# The longest cell a valid row needs: 20 own questions of 500 characters, one
# per line. Longer is a mistake, most often a quotation mark without its pair.
MAX_CELL_CHARS = 12_000
# File systems allow 255 bytes; leave room for ".pdf" and the temporary name.
MAX_FILE_NAME_BYTES = 200

LIST_SEPARATOR = schema.LIST_SEPARATOR

OUTPUT_COLUMN = "output"
COLUMNS: tuple[str, ...] = (OUTPUT_COLUMN, *schema.csv_columns())
# Not allowed in file names on Windows, where clinics may copy the files.
_NOT_IN_FILE_NAMES = frozenset(':*?"<>|')


@dataclass(frozen=True)
class CsvRow:
    """One person's row: their answers, or every problem found in the row."""

    number: int  # as a spreadsheet shows it: the header is row 1
    place: str  # "people.csv, row 5", for messages
    output: str | None  # the file name asked for in the output column
    answers: Answers | None
    problems: tuple[str, ...] = ()


def read_batch_csv(path: Path) -> list[CsvRow]:
    """The rows of a batch CSV file; raise `InputProblems` if the file as a whole is wrong."""
    text = read_text(path, MAX_CSV_BYTES, _("a batch CSV"))
    return parse_batch_csv(text, path.name)


def parse_batch_csv(text: str, name: str) -> list[CsvRow]:
    """The rows of a batch CSV's text (already decoded, without a byte-order mark)."""
    header, records = _records(text, name)
    if header is None:
        raise InputProblems(
            [
                _(
                    "{name}: the first row should name the columns; "
                    'run "worksheets batch --template" for an example'
                ).format(name=name)
            ]
        )
    columns = _header(header, name)
    if not records:
        raise InputProblems(
            [
                _("{name}: no people in the file; add one row per person below the header").format(
                    name=name
                )
            ]
        )
    return [_row(record, columns, number, name) for number, record in records]


# Fictional people, as someone of each language would fill the rows in: the
# column names and the values of lists of choices are the contract's; the words
# a person types (names, who comes along, own questions) are theirs.
_EXAMPLE_PEOPLE: dict[str, list[dict[str, Any]]] = {
    "en": [
        {
            "output": "family-12",
            "name": "Maria Lopez",
            "appointment": "2026-12-03",
            "care_team": "Dr. Okafor",
            "helper": "my daughter Ana",
            "cancer_type": "pancreatic",
            "spread_to": "liver",
            "stage_of_care": "starting",
            "treatments": "chemotherapy",
            "priorities": "work;eat_comfortably;travel",
            "information": "details",
            "tiredness": 7,
            "nausea": 5,
            "skip_topics": "planning_ahead",
            "own_questions": "Can I still go to my son's wedding in June?\n"
            "Will I be able to keep working on my treatment days?",
        },
        {
            "name": "James Carter",
            "appointment": "2026-12-10",
            "care_team": "Dr. Nguyen",
            "cancer_type": "lung",
            "spread_to": "bones;brain",
            "stage_of_care": "changing",
            "treatments": "immunotherapy;radiation",
            "priorities": "family_time;comfort;clear_mind",
            "information": "big_picture",
            "pain": 6,
            "breathlessness": 4,
            "anxiety": 3,
            "sleep": 5,
            "own_questions": "Is it safe for me to drive?",
        },
    ],
    "es": [
        {
            "output": "familia-12",
            "language": "es",
            "name": "Rosa Hernández",
            "appointment": "2026-12-03",
            "care_team": "Dra. Morales",
            "helper": "mi hijo Daniel",
            "cancer_type": "breast",
            "spread_to": "bones;liver",
            "medicines": "letrozol;Ibrance",
            "stage_of_care": "on_treatment",
            "treatments": "hormone;targeted",
            "priorities": "family_time;comfort;faith",
            "information": "big_picture",
            "pain": 6,
            "tiredness": 7,
            "sleep": 5,
            "own_questions": "¿Puedo viajar a Puerto Rico en febrero para la boda de mi nieta?\n"
            "¿Qué hago si el dolor de los huesos no me deja dormir?",
        },
        {
            "language": "es",
            "name": "José Ramírez",
            "appointment": "2026-12-10",
            "care_team": "Dr. Castillo",
            "helper": "mi esposa Carmen",
            "cancer_type": "lung",
            "spread_to": "bones;brain",
            "stage_of_care": "changing",
            "treatments": "immunotherapy;radiation",
            "priorities": "at_home;family_time;clear_mind",
            "information": "details",
            "pain": 5,
            "breathlessness": 4,
            "anxiety": 3,
            "own_questions": "¿Puedo seguir manejando?",
        },
    ],
}


def example_csv(language: str | None = None) -> str:
    """The header and two filled rows (fictional people), for `batch --template`,
    in `language` (default: the current one; English if it has no example)."""
    from .i18n import SOURCE_LANGUAGE, current_language

    people = _EXAMPLE_PEOPLE.get(language or current_language(), [])
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(people or _EXAMPLE_PEOPLE[SOURCE_LANGUAGE])
    return buffer.getvalue()


# --- The file as a whole ----------------------------------------------------------


def _records(text: str, name: str) -> tuple[list[str] | None, list[tuple[int, list[str]]]]:
    """The header, and each row that is not empty with its number (the header is row 1)."""
    header: list[str] | None = None
    records: list[tuple[int, list[str]]] = []
    number = 0
    lines = text.splitlines()
    first_line = 1  # of the record being read
    # The limit is the csv module's, shared by the process: set it only while reading.
    previous_limit = csv.field_size_limit(MAX_CELL_CHARS)
    # Strict: text after a closing quotation mark, or a file that ends inside
    # quotes, is an error rather than a cell that swallows the rows below it.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for number, record in enumerate(reader, start=1):
            record_lines = (first_line, reader.line_num)
            first_line = reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue  # an empty row, as spreadsheets leave at the end
            if number == 1:
                header = record
            elif len(records) == MAX_ROWS:
                raise InputProblems(
                    [
                        _(
                            "{name}: more than {limit} rows of people; at most {limit} fit in "
                            "one batch. Split the file into smaller ones"
                        ).format(name=name, limit=f"{MAX_ROWS:,}")
                    ]
                )
            else:
                if record_lines[1] > record_lines[0] and header is not None:
                    _refuse_swallowed_rows(record, header, number, name)
                records.append((number, record))
    except csv.Error as error:
        row = number + 1
        if "field larger than field limit" in str(error):
            message = _(
                "{name}, row {n}: a cell is longer than {limit} characters; "
                'is a quotation mark (") missing its pair?'
            ).format(name=name, n=row, limit=f"{MAX_CELL_CHARS:,}")
        elif "expected after" in str(error) or "unexpected end of data" in str(error):
            message = _unclosed_quote(name, row, header, lines, first_line)
        else:
            message = _("{name}, row {n}: this is not a CSV file this program can read ({reason})")
            message = message.format(name=name, n=row, reason=error)
        raise InputProblems([message]) from None
    finally:
        csv.field_size_limit(previous_limit)
    return header, records


def _unclosed_quote(
    name: str, row: int, header: list[str] | None, lines: list[str], line: int
) -> str:
    """The message for a quotation mark without its pair, opened in `row` on file line `line`."""
    column = _open_quote_column(lines[line - 1] if line <= len(lines) else "")
    place = _("{name}, row {n}").format(name=name, n=row)
    if column is not None:
        label = header[column].strip() if header and column < len(header) else ""
        place += ", " + _("column {column}").format(column=label or column_letter(column))
    return (
        place
        + ": "
        + _(
            'a quotation mark (") opens a cell here and is not closed where the cell ends, '
            "so the cell would take in the rows below it. Add the closing quotation mark, "
            "or remove the opening one. Nothing was written"
        )
    )


def _open_quote_column(line: str) -> int | None:
    """The column whose quotation mark is still open at the end of `line`, if any."""
    column, quoted, at_start, opened = 0, False, True, None
    index = 0
    while index < len(line):
        character = line[index]
        if quoted:
            if character == '"':
                if line[index + 1 : index + 2] == '"':
                    index += 1  # a doubled quotation mark: one in the text
                else:
                    quoted = False
        elif character == '"' and at_start:
            quoted, opened = True, column
        elif character == ",":
            column += 1
            at_start = True
            index += 1
            continue
        at_start = False
        index += 1
    return opened if quoted else None


def _refuse_swallowed_rows(record: list[str], header: list[str], number: int, name: str) -> None:
    """Stop when a cell of several lines holds what looks like further rows.

    A cell may hold several own questions, one per line, with commas; a line
    that reads as a row of this file, value by value (`swallowed_rows`), is
    what a missing closing quotation mark leaves.
    """
    for index in range(len(record)):
        if row_like_line(record, header, index) is not None:
            label = header[index].strip() if index < len(header) else ""
            raise InputProblems(
                [
                    _("{name}, row {n}, column {column}").format(
                        name=name, n=number, column=label or column_letter(index)
                    )
                    + ": "
                    + _(
                        "this cell holds what looks like the rows below it: is its closing "
                        'quotation mark (") missing? Nothing was written'
                    )
                ]
            )


def _header(record: list[str], name: str) -> list[str | None]:
    """The column of each cell, or None for a cell under an unnamed column."""
    if len(record) == 1:
        for separator, what in ((";", _("semicolons")), ("\t", _("tabs"))):
            if separator in record[0]:
                raise InputProblems(
                    [
                        _(
                            "{name}, row 1: the columns are separated by {what}; save the file "
                            'as CSV with commas (in a spreadsheet: "CSV UTF-8 (comma delimited)")'
                        ).format(name=name, what=what)
                    ]
                )
    columns: list[str | None] = []
    seen: dict[str, str] = {}
    problems: list[str] = []
    for index, cell in enumerate(record):
        label = cell.strip()
        where = _("{name}, row 1, column {letter}").format(name=name, letter=column_letter(index))
        if not label:
            columns.append(None)
            continue
        column = normalize(label)
        if column not in COLUMNS:
            message = _('"{label}" is not a column this program knows').format(label=label)
            match = closest(column, COLUMNS)
            if match:
                message += ". " + _('Did you mean "{match}"?').format(match=match)
            else:
                message += ". " + _("The columns are: {columns}").format(columns=", ".join(COLUMNS))
            problems.append(f"{where}: {message}")
        elif column in seen:
            problems.append(
                f"{where}: "
                + _('"{label}" is given twice (also column {other})').format(
                    label=label, other=seen[column]
                )
            )
        else:
            seen[column] = column_letter(index)
        columns.append(column)
    if problems:
        raise InputProblems(problems)
    return columns


def column_letter(index: int) -> str:
    """The spreadsheet's name of a column: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = string.ascii_uppercase[remainder] + letters
    return letters


# --- One row ------------------------------------------------------------------------


def _row(record: list[str], columns: list[str | None], number: int, name: str) -> CsvRow:
    place = _("{name}, row {n}").format(name=name, n=number)
    problems: list[str] = []
    data: dict[str, Any] = {"version": FORMAT_VERSION}
    output: str | None = None
    for index, cell in enumerate(record):
        value = cell.strip()
        if not value:
            continue  # an empty cell: not given
        column = columns[index] if index < len(columns) else None
        if column is None:
            problems.append(
                _(
                    "{place}, column {letter}: this cell has no column name in row 1; "
                    "name the column or empty the cell"
                ).format(place=place, letter=column_letter(index))
            )
        elif column == OUTPUT_COLUMN:
            problem = file_name_problem(value)
            if problem:
                problems.append(f"{at_column(place, column)}: {problem}")
            else:
                output = value
        else:
            _put(data, column, value)

    def where(path: Path_, field_name: str) -> str:
        column = _column_for(path)
        return at_column(place, column) if column else place

    answers: Answers | None = None
    try:
        answers = validate_answers(data, where)
    except InputProblems as error:
        problems.extend(error.problems)
    if problems:
        return CsvRow(number, place, None, None, tuple(problems))
    return CsvRow(number, place, output, answers)


def at_column(place: str, column: str) -> str:
    """`people.csv, row 5, column priorities`."""
    return _("{place}, column {column}").format(place=place, column=column)


def _put(data: dict[str, Any], column: str, value: str) -> None:
    schema.put_column(data, column, value)


def _column_for(path: Path_) -> str | None:
    return schema.column_for(path)


def file_name_problem(value: str) -> str | None:
    """Why `value` cannot name a file in the output folder, or None if it can."""
    if "/" in value or "\\" in value or value in (".", ".."):
        return _('"{value}" should be a plain file name, without folders').format(value=value)
    for character in value:
        if ord(character) < 32 or ord(character) == 127:
            return _("a file name cannot hold a line break or a control character")
        if character in _NOT_IN_FILE_NAMES:
            return _('a file name cannot hold the character "{character}"').format(
                character=character
            )
    hidden = hidden_character_problem(value)
    if hidden:
        return hidden
    if value.startswith("."):
        return _('"{value}" would be a hidden file; start the name with a letter').format(
            value=value
        )
    if len(value.encode("utf-8")) > MAX_FILE_NAME_BYTES:
        return _("the file name is too long; shorten it")
    if value.split(".")[0].strip().upper() in _WINDOWS_RESERVED:
        # The same spreadsheet may be run on a Windows computer one day.
        return _('"{value}" is a name Windows keeps for itself; choose another').format(value=value)
    return None


_WINDOWS_RESERVED = frozenset(
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        *(f"COM{n}" for n in range(1, 10)),
        *(f"LPT{n}" for n in range(1, 10)),
    }
)
