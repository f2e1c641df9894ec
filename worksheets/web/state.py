"""A form post <-> the person's answers, through the batch CSV's own path.

The form's fields are named like the batch CSV's columns. A list is either
repeated fields (tick boxes, priorities in order) or one `;`-separated value,
and own questions are repeated fields or one per line; both become the CSV's
cell text, which then goes through `schema.layout_from_columns` and the
answers' validation, exactly as a spreadsheet row does. So a form post and a
CSV row are one thing, and every problem comes back with its column: the
field it is shown next to.

Nothing is kept between requests: every screen carries the answers so far as
hidden fields, so no session store, file or database ever holds them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .. import schema
from ..answers import Answers, validate_answers
from ..errors import InputProblems
from ..i18n import _
from ..schema import Kind, OwnPriority
from .form import PAPER_SIZES

# Fields that are not answers: how the worksheet is printed, and the form's own.
PRINT_FIELDS = ("paper", "large_print", "all_questions")
CONTROL_FIELDS = ("csrf_token", "screen", "go", "wording", "deliver", "priorities_before")
# What matters most in the person's own words: a text box, and beside it the
# listed priority closest to it, which chooses the questions. Each pair becomes
# one `priorities` item, spelt as a CSV cell spells it ("own: Gardening, like: activities").
OWN_WORDS, OWN_LIKE = "priorities_own", "priorities_own_like"
MAX_OWN_PRIORITIES = 5
ANSWER_COLUMNS = schema.csv_columns()
_KIND_OF = {column: f.kind for f in schema.FIELDS for column in f.columns}
_LIST_KINDS = (Kind.CHOICES, Kind.RANKED, Kind.MEDICINES)
_GENERAL = ""  # problems that belong to no one field


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
        return {
            column: ("\n" if _KIND_OF[column] is Kind.LINES else schema.LIST_SEPARATOR).join(items)
            for column, items in self.values.items()
            if items
        }

    def problem(self, column: str, message: str) -> None:
        self.problems.setdefault(column, []).append(message)

    def own_priorities(self) -> list[OwnPriority]:
        """The priorities given in the person's own words, in their order."""
        return [own for item in self.items("priorities") if (own := own_priority(item))]

    def label(self, column: str, item: str, options: Mapping[str, str]) -> str:
        """How an answer is shown: a choice's label, or the person's own words."""
        own = own_priority(item) if column == "priorities" else None
        return own.words if own else options.get(item, item)


def own_priority(item: str) -> OwnPriority | None:
    """`own: Gardening, like: activities` as the person's words and the closest choice."""
    parsed = schema.own_item(item)
    if isinstance(parsed, str):
        return None
    return OwnPriority(parsed[schema.OWN_KEY], parsed.get(schema.LIKE_KEY) or None)


def _split(column: str, raw: str) -> list[str]:
    if _KIND_OF.get(column) is Kind.LINES:
        return [line.strip() for line in raw.splitlines() if line.strip()]
    if _KIND_OF.get(column) in _LIST_KINDS:
        return [part.strip() for part in raw.split(schema.LIST_SEPARATOR) if part.strip()]
    return [raw.strip()] if raw.strip() else []


def state_from_form(form: Mapping[str, list[str]]) -> FormState:
    """A post's fields, each with all its values in order (a `MultiDict.lists()`)."""
    state = FormState()
    for name, raw_values in form.items():
        if name in CONTROL_FIELDS or name in (OWN_WORDS, OWN_LIKE) or name.startswith("move"):
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
    _add_own_priorities(state, form.get(OWN_WORDS) or [], form.get(OWN_LIKE) or [])
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


def _add_own_priorities(state: FormState, words: list[str], likes: list[str]) -> None:
    """The own-words boxes, each with the choice beside it, as `priorities` items."""
    for index, typed in enumerate(words[:MAX_OWN_PRIORITIES]):
        text = " ".join(typed.split())
        if not text:
            continue
        if schema.LIST_SEPARATOR in text:
            # ";" separates the items of a list, as in a CSV cell.
            state.problem(
                "priorities",
                _('Please use a comma instead of ";" in "{words}".').format(words=typed),
            )
            continue
        like = likes[index].strip() if index < len(likes) else ""
        item = schema.own_cell_item(OwnPriority(text, like or None))
        if item not in state.items("priorities"):
            state.values.setdefault("priorities", []).append(item)


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
    data = schema.layout_from_columns(state.cells())
    try:
        # Each problem's place is its column: the form field it is shown next to.
        return validate_answers(data, lambda path, _name: schema.column_for(path) or _GENERAL)
    except InputProblems as error:
        for problem in error.items:
            state.problem(problem.place, problem.message)
        return None


def state_from_answers(answers: Answers, *, helper: bool = False) -> FormState:
    """The form values that give back `answers` (from a saved answers file)."""
    values: dict[str, list[str]] = {}
    for f in schema.FIELDS:
        value = getattr(answers, f.name)
        if not f.columns or value in (None, "", (), {}):
            continue
        if f.kind is Kind.SCORES:
            for key, score in value.items():
                values[key] = [str(score)]
        elif f.kind is Kind.RANKED:
            values[f.name] = [schema.own_cell_item(item) for item in answers.ranked_priorities()]
        elif isinstance(value, tuple):
            values[f.name] = [str(item) for item in value]
        elif isinstance(value, dt.date):
            values[f.name] = [value.isoformat()]
        else:
            values[f.name] = [str(value)]
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
