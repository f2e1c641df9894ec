"""The form's questions and screens, derived from the interview's question table.

The terminal interview describes each question once (`interview.questions()`):
its prompt, in the person's or a helper's words, its "why we ask" line, its
choices and limits. The form takes all of that from there, so the two can
never drift apart; this module only adds how each kind of answer is shown in
HTML and which questions share a screen. A question the table gains later and
no screen names still appears, on the screen before the last.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .. import interview, prompts
from .. import vocabulary as v
from ..i18n import _

# How an answer is entered, by the interview's reading function.
_KINDS = {
    prompts.read_text: "text",
    prompts.read_date: "date",
    prompts.read_choice: "choice",
    prompts.read_choices: "choices",
    prompts.read_scores: "scores",
    prompts.read_lines: "lines",
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
    max_chars: int | None = None
    max_lines: int | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        """The form fields (= batch CSV columns) that carry this answer."""
        if self.kind == "scores":
            return tuple(self.options)
        return (self.field,)


def form_questions(*, helper: bool) -> tuple[FormQuestion, ...]:
    """The interview's questions, in its order, worded for the patient or a helper."""

    def words(value: interview.Words) -> str:
        if isinstance(value, str):
            return value
        return value[1] if helper else value[0]

    result = []
    for question in interview.questions():
        result.append(
            FormQuestion(
                field=question.field,
                kind=_KINDS.get(question.read, "text"),
                label=question.label,
                prompt=words(question.prompt),
                why=words(question.why),
                options={key: _(label) for key, label in (question.options or {}).items()},
                max_chars=question.limits.get("max_chars"),
                max_lines=question.limits.get("max_lines"),
            )
        )
    return tuple(result)


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
    ("visit", "Your visit", ("name", "appointment", "care_team", "helper")),
    ("cancer", "The cancer", ("cancer_type", "spread_to", "stage_of_care")),
    ("treatments", "Treatment", ("treatments", "medicines")),
    ("priorities", "What matters most", ("priorities",)),
    (ORDER, "Put them in order", ()),
    ("information", "What to talk about", ("information", "skip_topics")),
    ("symptoms", "How you have been feeling", ("symptoms",)),
    ("own", "Your own questions", ("own_questions",)),
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
PAPER_SIZES = {"letter": "Letter (United States and Canada)", "a4": "A4 (most other countries)"}
SCORE_RANGE = range(v.SYMPTOM_MIN, v.SYMPTOM_MAX + 1)
