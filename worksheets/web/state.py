"""A form post <-> the person's answers, through the batch CSV's own path.

The form's fields are named like the batch CSV's columns. A list is either
repeated fields (tick boxes, priorities in order) or one `;`-separated value,
and own questions are repeated fields or one per line; both become the CSV's
cell text, which then goes through `csvinput.answers_from_cells`, exactly as a
spreadsheet row does. So a form post and a CSV row are one thing, and every
problem comes back with its column: the field it is shown next to.

Nothing is kept between requests: every screen carries the answers so far as
hidden fields, so no session store, file or database ever holds them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .. import csvinput
from ..answers import Answers
from ..errors import InputProblems
from ..i18n import _
from .form import PAPER_SIZES

# Fields that are not answers: how the worksheet is printed, and the form's own.
PRINT_FIELDS = ("paper", "large_print", "all_questions")
CONTROL_FIELDS = ("csrf_token", "screen", "go", "wording", "deliver", "priorities_before")
ANSWER_COLUMNS = tuple(c for c in csvinput.COLUMNS if c != csvinput.OUTPUT_COLUMN)
_LINE_COLUMNS = frozenset({"own_questions"})
_GENERAL = ""  # problems that belong to no one field

_MARK = "\x00"


@dataclass
class FormState:
    """What the person has answered so far, as form values, and where it is wrong."""

    values: dict[str, list[str]] = field(default_factory=dict)  # column -> items, in order
    paper: str = "letter"
    large_print: bool = False
    all_questions: bool = False
    helper: bool = False
    problems: dict[str, list[str]] = field(default_factory=dict)  # column -> messages

    def items(self, column: str) -> list[str]:
        return self.values.get(column, [])

    def value(self, column: str) -> str:
        return "; ".join(self.items(column))

    def cells(self) -> dict[str, str]:
        """The CSV row these answers make: column -> cell text."""
        joiner = {c: "\n" for c in _LINE_COLUMNS}
        return {
            column: joiner.get(column, csvinput.LIST_SEPARATOR).join(items)
            for column, items in self.values.items()
            if items
        }

    def problem(self, column: str, message: str) -> None:
        self.problems.setdefault(column, []).append(message)


def _split(column: str, raw: str) -> list[str]:
    if column in _LINE_COLUMNS:
        return [line.strip() for line in raw.splitlines() if line.strip()]
    if column in csvinput.LIST_COLUMNS:
        return [part.strip() for part in raw.split(csvinput.LIST_SEPARATOR) if part.strip()]
    return [raw.strip()] if raw.strip() else []


def state_from_form(form: Mapping[str, list[str]]) -> FormState:
    """A post's fields, each with all its values in order (a `MultiDict.lists()`)."""
    state = FormState()
    for name, raw_values in form.items():
        if name in CONTROL_FIELDS or name.startswith("move"):
            continue
        if name in PRINT_FIELDS:
            _print_choice(state, name, raw_values[-1].strip() if raw_values else "")
        elif name in ANSWER_COLUMNS:
            items: list[str] = []
            for raw in raw_values:
                items.extend(_split(name, raw))
            if items:
                state.values[name] = items
        else:
            state.problem(
                _GENERAL,
                _('"{name}" is not a field this form knows').format(name=name),
            )
    before = form.get("priorities_before")
    if before is not None:
        # The tick boxes come in the list's order; keep the order the person gave.
        earlier = _split("priorities", ";".join(before))
        state.values["priorities"] = merge_order(state.items("priorities"), earlier)
        if not state.values["priorities"]:
            del state.values["priorities"]
    wording = form.get("wording") or []
    state.helper = bool(wording) and wording[-1] == "helper"
    return state


def _print_choice(state: FormState, name: str, value: str) -> None:
    if name == "paper":
        if value.lower() in PAPER_SIZES:
            state.paper = value.lower()
        elif value:
            state.problem(
                "paper",
                _('"{value}" is not a paper size; choose letter or A4').format(value=value),
            )
    elif value.lower() in ("1", "on", "yes", "true"):
        setattr(state, name, True)
    elif value.lower() not in ("", "0", "off", "no", "false"):
        state.problem(name, _('"{value}" should be yes or no').format(value=value))


def answers_of(state: FormState) -> Answers | None:
    """Check the answers as a CSV row is checked; problems go to their fields."""
    try:
        return csvinput.answers_from_cells(
            state.cells(), lambda column: f"{_MARK}{column or _GENERAL}{_MARK}"
        )
    except InputProblems as error:
        for message in error.problems:
            column, text = _placed(message)
            state.problem(column, text)
        return None


def _placed(message: str) -> tuple[str, str]:
    if message.startswith(_MARK):
        column, _sep, rest = message[1:].partition(_MARK)
        return column, rest.removeprefix(": ")
    return _GENERAL, message


def state_from_answers(answers: Answers, *, helper: bool = False) -> FormState:
    """The form values that give back `answers` (from a saved answers file)."""

    def text(value: str | None) -> list[str]:
        return [value] if value else []

    def date(value: dt.date | None) -> list[str]:
        return [value.isoformat()] if value else []

    values: dict[str, list[str]] = {
        "name": text(answers.name),
        "appointment": date(answers.appointment),
        "care_team": text(answers.care_team),
        "helper": text(answers.helper),
        "cancer_type": text(answers.cancer_type),
        "spread_to": list(answers.spread_to),
        "stage_of_care": text(answers.stage_of_care),
        "treatments": list(answers.treatments),
        "priorities": list(answers.priorities),
        "information": text(answers.information),
        **{key: [str(score)] for key, score in answers.symptoms.items()},
        "skip_topics": list(answers.skip_topics),
        "own_questions": list(answers.own_questions),
    }
    for name in ("medicines", "language"):
        extra = getattr(answers, name, None)
        if extra:
            values[name] = [extra] if isinstance(extra, str) else [str(x) for x in extra]
    return FormState(values={k: v for k, v in values.items() if v}, helper=helper)


def merge_order(chosen: Iterable[str], before: Iterable[str]) -> list[str]:
    """The priorities chosen, keeping the order they had; new ones at the end."""
    chosen = list(chosen)
    kept = [item for item in before if item in chosen]
    return kept + [item for item in chosen if item not in kept]


def moved(order: list[str], item: str, step: int) -> list[str]:
    """`order` with `item` moved one place up (-1) or down (+1)."""
    if item not in order:
        return order
    index = order.index(item)
    target = index + step
    if not 0 <= target < len(order):
        return order
    result = list(order)
    result[index], result[target] = result[target], result[index]
    return result
