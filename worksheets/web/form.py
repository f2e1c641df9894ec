"""The form's questions and screens, derived from the one schema of the answers.

`schema.FIELDS` describes each answer once: its prompt, in the person's or a
helper's words, its "why we ask" line, its choices and limits; the terminal
interview asks from the same table. The form takes all of that from there, so
the two can never drift apart; this module only adds how each kind of answer
is shown in HTML and which questions share a screen. A field the schema gains
later and no screen names still appears, on the screen before the last.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .. import schema
from .. import vocabulary as v
from ..i18n import N_, _
from ..schema import Kind

# How each kind of answer is entered on the page.
_KINDS = {
    Kind.TEXT: "text",
    Kind.DATE: "date",
    Kind.CHOICE: "choice",
    Kind.CHOICES: "choices",
    Kind.RANKED: "choices",  # ticked, then put in order on a screen of their own
    Kind.SCORES: "scores",
    Kind.LINES: "lines",
    Kind.MEDICINES: "text",  # names separated by ";"
}


@dataclass(frozen=True)
class FormQuestion:
    """One question of the interview as the form shows it."""

    field: str  # the answers' field, e.g. "symptoms"
    kind: str  # text, date, choice, choices, scores, lines
    label: str  # short, as in the interview's summary
    prompt: str
    why: str
    options: Mapping[str, str]  # value -> label; empty for text
    columns: tuple[str, ...]  # the form fields (= batch CSV columns) that carry it
    max_chars: int | None = None
    max_lines: int | None = None
    ranked: bool = False


def form_questions(*, helper: bool) -> tuple[FormQuestion, ...]:
    """The interview's questions, in its order, worded for the patient or a helper."""
    return tuple(
        FormQuestion(
            field=f.name,
            kind=_KINDS.get(f.kind, "text"),
            label=_(f.label),
            prompt=_(f.words(f.prompt, helper)),
            why=_(f.words(f.why, helper)),
            options={key: _(label) for key, label in f.choices.items()},
            columns=f.columns,
            max_chars=f.max_chars,
            max_lines=f.max_items or None,
            ranked=f.kind is Kind.RANKED,
        )
        for f in schema.ASKED
        if f.columns
    )


# --- Screens ------------------------------------------------------------------------


@dataclass(frozen=True)
class Screen:
    id: str
    title: str
    fields: tuple[str, ...]  # answers' fields asked here


START = "start"
ORDER = "order"  # putting the priorities in order
FINISH = "finish"
MORE = "more"

# A short page per topic, as a tired reader takes them in.
_LAYOUT: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("visit", N_("Your visit"), ("name", "appointment", "care_team", "helper")),
    ("cancer", N_("The cancer"), ("cancer_type", "spread_to", "stage_of_care")),
    ("treatments", N_("Treatment"), ("treatments", "medicines")),
    ("priorities", N_("What matters most"), ("priorities",)),
    (ORDER, N_("Put them in order"), ()),
    ("information", N_("What to talk about"), ("information", "skip_topics")),
    ("symptoms", N_("How you have been feeling"), ("symptoms",)),
    ("own", N_("Your own questions"), ("own_questions",)),
)


def screens(questions: tuple[FormQuestion, ...]) -> tuple[Screen, ...]:
    """Every screen in order, from the first to the last, each question on one."""
    known = {q.field for q in questions}
    placed: set[str] = set()
    result = [Screen(START, _("Welcome"), ())]
    for screen_id, title, fields in _LAYOUT:
        present = tuple(f for f in fields if f in known)
        placed.update(present)
        if present or screen_id == ORDER:
            result.append(Screen(screen_id, _(title), present))
    rest = tuple(q.field for q in questions if q.field not in placed)
    if rest:
        result.append(Screen(MORE, _("A few more questions"), rest))
    result.append(Screen(FINISH, _("Make your worksheet"), ()))
    return tuple(result)


# The choices of the last screen: how the worksheet is printed, not answers.
PAPER_SIZES = {
    "letter": N_("Letter (United States and Canada)"),
    "a4": N_("A4 (most other countries)"),
}
SCORE_RANGE = range(v.SYMPTOM_MIN, v.SYMPTOM_MAX + 1)
