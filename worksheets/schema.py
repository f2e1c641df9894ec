"""The one description of the answers: every field, declared once.

Each `Field` says where it sits in the answers file, its CSV column (which is
also the web form's field name), its kind, its vocabulary and limits, how the
interview asks it (in the patient's and in a helper's words), why we ask, and
its label in the summary. The validator, the answers file writer, the CSV
mapping, the interview, the web form, the blank sheet's choices and the bank's
condition names all read this table, so adding a field means adding a row
here and an attribute to `Answers`.

Words are written in English and translated where they are shown (`_`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from . import vocabulary as v
from .safetext import whole_number

FORMAT_VERSION = 1
MAX_FILE_BYTES = 1_000_000
MAX_NAME_CHARS = 100
MAX_OWN_QUESTIONS = 20
MAX_QUESTION_CHARS = 500
MAX_MEDICINES = 20


class Kind(str, Enum):
    """What a field holds, and so how it is checked, asked, saved and shown."""

    TEXT = "text"  # a short line: a name
    DATE = "date"  # year-month-day in a file; as people write it in the interview
    CHOICE = "choice"  # one value of `choices`
    CHOICES = "choices"  # any number of values of `choices`
    RANKED = "ranked choices"  # values in order of importance, or the person's own words
    SCORES = "scores"  # a whole number from 0 to 10 for each value of `choices`
    LINES = "lines"  # lines of text, as many as `max_items`
    MEDICINES = "medicines"  # names from the bank's medicine list


# The same words for everyone, or (to the person, to someone helping them).
Words = str | tuple[str, str]


@dataclass(frozen=True)
class Field:
    name: str  # the attribute of `Answers`, the CSV column and the web form's name
    path: tuple[str, ...]  # where it sits in the answers file
    kind: Kind
    label: str  # in the interview's summary
    prompt: Words = ""  # the interview's question; empty: never asked
    why: Words = ""  # "Why we ask: ..."
    choices: Mapping[str, str] = field(default_factory=dict)  # value -> label
    noun: str = ""  # '"wrk" is not {noun}'
    synonyms: Mapping[str, str] = field(default_factory=dict)  # a plain word -> a value
    max_chars: int = MAX_NAME_CHARS
    max_items: int = 0  # for lines; 0: no limit
    column: bool = True  # has a CSV column (scores: one per choice)
    condition: bool = False  # a question's `when` or `unless` may name it

    @property
    def dotted(self) -> str:
        """`cancer.type`: how messages name the field."""
        return ".".join(self.path)

    @property
    def columns(self) -> tuple[str, ...]:
        if not self.column:
            return ()
        return tuple(self.choices) if self.kind is Kind.SCORES else (self.name,)

    def words(self, words: Words, helper_mode: bool) -> str:
        if isinstance(words, str):
            return words
        return words[1] if helper_mode else words[0]


FIELDS: tuple[Field, ...] = (
    Field(
        "language",
        ("language",),
        Kind.CHOICE,
        "Language",
        choices=v.LANGUAGES,
        noun="a language this program speaks",
        synonyms={
            "english": "en",
            "ingles": "en",
            "inglés": "en",
            "spanish": "es",
            "espanol": "es",
            "español": "es",
        },
    ),
    Field(
        "name",
        ("person", "name"),
        Kind.TEXT,
        "Name",
        prompt=(
            "What name should go at the top of your worksheet?",
            "What is the name of the person you are helping?",
        ),
        why="It is printed at the top of the worksheet, and nowhere else.",
    ),
    Field(
        "appointment",
        ("person", "appointment"),
        Kind.DATE,
        "Visit date",
        prompt=("When is your visit?", "When is the visit for the person you are helping?"),
        why="The date is printed on the worksheet and gives the file its name.",
    ),
    Field(
        "care_team",
        ("person", "care_team"),
        Kind.TEXT,
        "Visit with",
        prompt="Who is the visit with? For example: Dr. Okafor.",
        why="It is printed at the top, so the worksheet is ready to hand over.",
    ),
    Field(
        "helper",
        ("person", "helper"),
        Kind.TEXT,
        "Coming along",
        prompt=(
            "Will someone come with you, or help with your care? For example: my daughter Ana.",
            "Who will come along with the person you are helping, or help with their care? "
            "For example: her daughter Ana.",
        ),
        why="The name goes on the worksheet, so the care team knows who is there.",
    ),
    Field(
        "cancer_type",
        ("cancer", "type"),
        Kind.CHOICE,
        "Kind of cancer",
        prompt="What kind of cancer is it? (where it first started)",
        why="Some questions are only for one kind of cancer.",
        choices=v.CANCER_TYPES,
        noun="a kind of cancer this program knows",
        synonyms={
            "colon": "colorectal",
            "rectal": "colorectal",
            "bowel": "colorectal",
            "pancreas": "pancreatic",
            "ovary": "ovarian",
            "ovaries": "ovarian",
            "skin": "melanoma",
            "lungs": "lung",
            "kidneys": "kidney",
            "renal": "kidney",
        },
        condition=True,
    ),
    Field(
        "spread_to",
        ("cancer", "spread_to"),
        Kind.CHOICES,
        "Where it has spread",
        prompt="Where has it spread?",
        why="Some questions are about one place, like the bones or the liver.",
        choices=v.SITES,
        noun="a place the cancer can spread to",
        synonyms={
            "bone": "bones",
            "spine": "bones",
            "lung": "lungs",
            "nodes": "lymph_nodes",
            "glands": "lymph_nodes",
            "lymph": "lymph_nodes",
            "belly": "peritoneum",
            "abdomen": "peritoneum",
        },
        condition=True,
    ),
    Field(
        "medicines",
        ("medicines",),
        Kind.MEDICINES,
        "Cancer medicines",
        prompt=(
            "Which cancer medicines do you take now, or are about to start?",
            "Which cancer medicines does the person you are helping take now, "
            "or is about to start?",
        ),
        why="Type the names on the box, bottle or infusion bag, such as Ibrance or "
        "letrozole. Some questions are about one medicine.",
        noun="a medicine",
        max_items=MAX_MEDICINES,
    ),
    Field(
        "stage_of_care",
        ("cancer", "stage_of_care"),
        Kind.CHOICE,
        "Where things are now",
        prompt=(
            "Where are you now in your care?",
            "Where is the person you are helping now in their care?",
        ),
        why="The questions that matter most change along the way.",
        choices=v.STAGES_OF_CARE,
        noun="a stage of care",
        condition=True,
    ),
    Field(
        "treatments",
        ("treatments",),
        Kind.CHOICES,
        "Treatments",
        prompt=(
            "Which treatments are you having now, or talking about?",
            "Which treatments is the person you are helping having now, or talking about?",
        ),
        why="Each treatment brings its own questions, and its own signs to call about.",
        choices=v.TREATMENTS,
        noun="a treatment",
        synonyms={
            "chemo": "chemotherapy",
            "immuno": "immunotherapy",
            "immune therapy": "immunotherapy",
            "targeted therapy": "targeted",
            "hormones": "hormone",
            "hormonal": "hormone",
            "endocrine": "hormone",
            "radiotherapy": "radiation",
            "rays": "radiation",
            "operation": "surgery",
            "trial": "clinical_trial",
            "study": "clinical_trial",
            "nothing yet": "none_yet",
            "none": "none_yet",
        },
        condition=True,
    ),
    Field(
        "priorities",
        ("priorities",),
        Kind.RANKED,
        "What matters most",
        prompt=(
            "What matters most to you right now?",
            "What matters most to the person you are helping right now?",
        ),
        why=(
            "Your care team can plan treatment around what matters most to you.",
            "The care team can plan treatment around what matters most to them.",
        ),
        choices=v.PRIORITIES,
        noun="a priority",
        synonyms={
            "job": "work",
            "working": "work",
            "travelling": "travel",
            "traveling": "travel",
            "trips": "travel",
            "eating": "eat_comfortably",
            "food": "eat_comfortably",
            "family": "family_time",
            "friends": "family_time",
            "independent": "independence",
            "home": "at_home",
            "mind": "clear_mind",
            "pain": "comfort",
            "comfortable": "comfort",
            "longer": "more_time",
            "hospital": "avoid_hospital",
            "church": "faith",
            "god": "faith",
            "prayer": "faith",
            "bills": "money",
            "hobbies": "activities",
            "burden": "not_a_burden",
        },
        condition=True,
    ),
    Field(
        "information",
        ("information",),
        Kind.CHOICE,
        "How much to hear",
        prompt=(
            "How much do you want to hear about what lies ahead?",
            "How much does the person you are helping want to hear about what lies ahead?",
        ),
        why=(
            "Your care team can share as much or as little as you want.",
            "The care team can share as much or as little as they want.",
        ),
        choices=v.INFORMATION,
        noun="an information choice",
        synonyms={"details": "details", "numbers": "details", "big picture": "big_picture"},
        condition=True,
    ),
    Field(
        "symptoms",
        ("symptoms",),
        Kind.SCORES,
        "Symptoms this week",
        prompt=(
            "How much has each of these bothered you this week?",
            "How much has each of these bothered the person you are helping this week?",
        ),
        why=(
            "The worksheet asks first about what bothers you most.",
            "The worksheet asks first about what bothers them most.",
        ),
        choices=v.SYMPTOMS,
        noun="a symptom on this list",
        condition=True,
    ),
    Field(
        "skip_topics",
        ("skip_topics",),
        Kind.CHOICES,
        "Not ready to talk about",
        prompt=(
            "Is there a topic you are not ready to talk about today?",
            "Is there a topic the person you are helping is not ready to talk about today?",
        ),
        why=(
            "Its questions are left off the worksheet. You decide what to talk about.",
            "Its questions are left off the worksheet. They decide what to talk about.",
        ),
        choices=v.SKIP_TOPICS,
        noun="a topic that can be skipped",
        synonyms={"money": "costs", "cost": "costs", "trials": "clinical_trials"},
    ),
    Field(
        "own_questions",
        ("own_questions",),
        Kind.LINES,
        "Own questions",
        prompt=(
            "Do you have questions of your own?",
            "Does the person you are helping have questions of their own?",
        ),
        why=(
            "They are printed on your worksheet, in your own words.",
            "They are printed on the worksheet, in their own words.",
        ),
        max_chars=MAX_QUESTION_CHARS,
        max_items=MAX_OWN_QUESTIONS,
    ),
    Field(
        "already_have",
        ("already_have",),
        Kind.CHOICES,
        "Care they already have",
        choices=v.ALREADY_HAVE,
        noun="care this program knows (palliative_care or hospice)",
        condition=True,
    ),
    Field("saved", ("saved",), Kind.DATE, "Saved on", column=False),
)

BY_NAME: Mapping[str, Field] = {f.name: f for f in FIELDS}


def _interview_order() -> tuple[Field, ...]:
    """The asked fields in the file's order, but the medicines just before the
    treatments: names first, then the kinds of treatment, for those who do not
    know the names (the CSV keeps the contract's order)."""
    asked = [f for f in FIELDS if f.prompt and f.kind is not Kind.MEDICINES]
    at = next(i for i, f in enumerate(asked) if f.name == "treatments")
    return (*asked[:at], *(f for f in FIELDS if f.kind is Kind.MEDICINES), *asked[at:])


ASKED: tuple[Field, ...] = _interview_order()


@dataclass(frozen=True)
class OwnPriority:
    """What matters most in the person's own words ("Gardening"), and the listed
    priority closest to it (`activities`), which chooses the questions."""

    words: str
    like: str | None = None


@dataclass(frozen=True)
class Answers:
    """Everything the person told us; empty means "not asked" or "rather not say".

    One attribute per `Field`, of the same name. `priorities` are the listed
    values in order of importance, as the question bank knows them; when the
    person used words of their own, `priority_words` is their whole list in
    their order (a listed value alone, or their words and the closest value).
    """

    language: str | None = None  # the worksheet's: en, es; else the locale's
    name: str | None = None
    appointment: dt.date | None = None
    care_team: str | None = None
    helper: str | None = None
    cancer_type: str | None = None
    spread_to: tuple[str, ...] = ()
    # Names as the person gave them ("Ibrance"); the bank's medicine list
    # resolves them when the worksheet is made, so an unknown name is kept.
    medicines: tuple[str, ...] = ()
    stage_of_care: str | None = None
    treatments: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    information: str | None = None
    symptoms: Mapping[str, int] = field(default_factory=dict)
    skip_topics: tuple[str, ...] = ()
    own_questions: tuple[str, ...] = ()
    already_have: tuple[str, ...] = ()  # care they get now: palliative_care, hospice
    saved: dt.date | None = None
    priority_words: tuple[str | OwnPriority, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The answers file's layout (format version 1), leaving out what is empty."""
        from .answers import to_layout

        return to_layout(self)

    def ranked_priorities(self) -> tuple[str | OwnPriority, ...]:
        """What matters most, in the person's order: listed values and own words."""
        return self.priority_words or self.priorities


def priorities_of(items: tuple[str | OwnPriority, ...]) -> tuple[str, ...]:
    """The listed values a ranked list stands for, in order, each once."""
    keys = [item if isinstance(item, str) else item.like for item in items]
    return tuple(dict.fromkeys(key for key in keys if key))


def with_priorities(answers: Answers, items: tuple[str | OwnPriority, ...]) -> Answers:
    """`answers` with a new ranked list, `priorities` and `priority_words` in step."""
    from dataclasses import replace

    own = any(isinstance(item, OwnPriority) for item in items)
    return replace(answers, priorities=priorities_of(items), priority_words=items if own else ())


def condition_choices() -> dict[str, Mapping[str, str]]:
    """The answers a bank question's `when` or `unless` may name, with their values."""
    return {
        f.name: f.choices
        for f in FIELDS
        if f.condition and f.kind in (Kind.CHOICE, Kind.CHOICES, Kind.RANKED)
    }


def condition_fields() -> tuple[str, ...]:
    """Every answer a condition may name: those with choices, then the scores."""
    scores = tuple(f.name for f in FIELDS if f.condition and f.kind is Kind.SCORES)
    return (*condition_choices(), *scores)


def section_fields(section: str) -> tuple[str, ...]:
    """The keys of one section of the answers file: `person` -> name, appointment..."""
    return tuple(f.path[1] for f in FIELDS if len(f.path) == 2 and f.path[0] == section)


def top_keys() -> tuple[str, ...]:
    return tuple(dict.fromkeys(("version", *(f.path[0] for f in FIELDS))))


def csv_columns() -> tuple[str, ...]:
    return tuple(column for f in FIELDS for column in f.columns)


# --- Columns: the batch CSV and the web form -------------------------------------

LIST_SEPARATOR = ";"

# In a ranked list, the person's own words: `{own: Gardening, like: activities}`
# in an answers file, and `own: Gardening, like: activities` as one item of a
# CSV cell or a form field (`like`, the closest listed value, may be left out).
OWN_KEY, LIKE_KEY = "own", "like"
_OWN_ITEM = re.compile(r"\s*own\s*:(?P<own>.*?)(?:,\s*like\s*:(?P<like>[^,]*))?\s*", re.I | re.S)


def own_item(text: str) -> str | dict[str, str]:
    """One item of a ranked cell: a listed value as written, or the person's own
    words as the answers file holds them ("own: Gardening, like: activities")."""
    match = _OWN_ITEM.fullmatch(text)
    if match is None:
        return text
    item = {OWN_KEY: match["own"].strip()}
    if match["like"] is not None:
        item[LIKE_KEY] = match["like"].strip()
    return item


def own_cell_item(item: str | OwnPriority) -> str:
    """The inverse of `own_item`: how a CSV cell or a form field writes one item."""
    if isinstance(item, str):
        return item
    return f"{OWN_KEY}: {item.words}" + (f", {LIKE_KEY}: {item.like}" if item.like else "")


def _places() -> dict[str, tuple[str, ...]]:
    return {
        column: (*f.path, column) if f.kind is Kind.SCORES else f.path
        for f in FIELDS
        for column in f.columns
    }


def put_column(data: dict[str, Any], column: str, value: str) -> None:
    """Put one cell's text (a CSV cell, a web form's field) where the answers file holds it.

    Lists are separated by ";", lines of text by line breaks, scores are whole numbers.
    """
    f = next(f for f in FIELDS if column in f.columns)
    item: Any = value
    if f.kind in (Kind.CHOICES, Kind.RANKED, Kind.MEDICINES):
        item = _split(value)  # a ranked "own: Gardening" is read by the validator
    elif f.kind is Kind.CHOICE and LIST_SEPARATOR in value:
        item = _split(value)  # so that the message says "takes one answer, not a list"
    elif f.kind is Kind.SCORES and (number := whole_number(value)) is not None:
        item = number  # at most a few digits: anything else is refused in words
    elif f.kind is Kind.LINES:
        item = [line.strip() for line in value.splitlines() if line.strip()]
    *sections, key = _places()[column]
    target: dict[Any, Any] = data
    for section in sections:
        target = target.setdefault(section, {})
    target[key] = item


def layout_from_columns(cells: Mapping[str, str]) -> dict[str, Any]:
    """The answers file's layout from flat columns; empty cells are left out."""
    data: dict[str, Any] = {"version": FORMAT_VERSION}
    for column, value in cells.items():
        if value.strip():
            put_column(data, column, value.strip())
    return data


def column_for(path: tuple[str | int, ...]) -> str | None:
    """The column of a place in the answers layout: ("treatments", 2) -> treatments."""
    at = {place: column for column, place in _places().items()}
    for end in range(len(path), 0, -1):
        column = at.get(path[:end])  # type: ignore[arg-type]
        if column:
            return column
    return None


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def validate(data: Any) -> Answers:
    """Answers from the answers file's layout, or `InputProblems` naming each field.

    Each problem's `field` is the field's dotted path; `column_for` turns its
    path into a form's field name.
    """
    from .answers import validate_answers

    return validate_answers(data)
