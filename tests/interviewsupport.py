"""Interview scripts by field name, so that a new question shifts no test's lines.

The interview asks `schema.ASKED` in order, one prompt (or a few) per field. A
test says what it types for the fields it cares about, by name; every other
asked field gets the line a person would type to skip it. The summary's
numbers, the "(2 of 14)" of the prompts and the count of questions come from
the fields' places, as the interview shows them. So a new optional field
needs no test of the interview changed: it is asked, skipped, and shown as
"(skipped)".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from worksheets import schema
from worksheets.schema import Answers, Field, Kind

# The line that skips a question of each kind: Enter alone, but for the scores,
# where Enter skips one and "skip all" the rest (prompts.read_scores).
SKIP_ALL_SCORES = "skip all"


def skip(f: Field) -> list[str]:
    """What a person types to leave `f` unanswered."""
    return [SKIP_ALL_SCORES] if f.kind is Kind.SCORES else [""]


Typed = Mapping[str, Sequence[str]]


def script(typed: Typed | None = None, *, fields: Sequence[Field] = schema.ASKED) -> list[str]:
    """The lines typed for `fields`, in the interview's order: `typed[name]` for a
    field named there, else the line that skips it."""
    typed = typed or {}
    _check_names(typed, fields)
    return [line for f in fields for line in typed.get(f.name, skip(f))]


def lines_before(
    name: str, typed: Typed | None = None, *, fields: Sequence[Field] = schema.ASKED
) -> int:
    """How many lines of `script(typed)` come before the question of `name`."""
    typed = typed or {}
    _check_names({name: (), **typed}, fields)
    before = fields[: [f.name for f in fields].index(name)]
    return sum(len(typed.get(f.name, skip(f))) for f in before)


def number_of(name: str) -> int:
    """The field's number in the summary (what is typed there to change it)."""
    return [f.name for f in schema.ASKED].index(name) + 1


def progress(name: str, fields: Sequence[Field] = schema.ASKED) -> str:
    """`(3 of 14)`, as the interview says it before the question of `name`."""
    names = [f.name for f in fields]
    return f"({names.index(name) + 1} of {len(names)})"


def summary_line(name: str, shown: str) -> str:
    """One line of the summary: the field's number, then `shown` ("Name: Maria Lopez")."""
    width = len(str(len(schema.ASKED)))
    return f"  {number_of(name):>{width}}. {shown}"


def summary_lines(**shown: str) -> list[str]:
    """The whole summary: `shown[name]` for each field named, "Label: (skipped)" for the others."""
    _check_names(shown, schema.ASKED)
    lines: list[str] = []
    for f in schema.ASKED:
        lines += summary_line(f.name, shown.get(f.name, f"{f.label}: (skipped)")).splitlines()
    return lines


def unanswered(answers: Answers) -> tuple[Field, ...]:
    """The asked fields `answers` leaves empty: what an interview starting from them asks."""
    return tuple(f for f in schema.ASKED if not _holds(answers, f))


def _holds(answers: Answers, f: Field) -> bool:
    value: Any = getattr(answers, f.name)
    if f.kind is Kind.RANKED:
        value = answers.ranked_priorities()
    return bool(value) if isinstance(value, tuple | Mapping) else value is not None


# A plain answer for each kind, as a CSV cell holds it; a choice takes its first value.
_SAMPLE_CELLS = {
    Kind.TEXT: "Yes",
    Kind.DATE: "2026-12-03",
    Kind.SCORES: "3",
    Kind.LINES: "One more question?",
    Kind.MEDICINES: "letrozole",
}


def with_every_answer(data: dict[str, Any]) -> dict[str, Any]:
    """An answers file's layout with every asked field it leaves empty answered."""
    for f in unanswered(schema.validate(data)):
        for column in f.columns:
            schema.put_column(data, column, _SAMPLE_CELLS.get(f.kind) or next(iter(f.choices)))
    return data


def _check_names(names: Iterable[str], fields: Sequence[Field]) -> None:
    # A misspelt name would otherwise skip its question without a word.
    unknown = set(names) - {f.name for f in fields}
    assert not unknown, f"not asked here: {sorted(unknown)}"
