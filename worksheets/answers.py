"""The person's answers: the model, strict validation and the answers file.

The same validation serves the answers file, the batch CSV and the interview,
so a value means the same thing wherever it comes from. Every problem is
collected and reported at once, each with where it is and what to write instead.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import vocabulary as v
from .errors import InputProblems
from .i18n import _
from .yamlsource import Path_, YamlDocument, parse_yaml, read_text

FORMAT_VERSION = 1
MAX_FILE_BYTES = 1_000_000
MAX_NAME_CHARS = 100
MAX_OWN_QUESTIONS = 20
MAX_QUESTION_CHARS = 500
MAX_MEDICINES = 20


@dataclass(frozen=True)
class Answers:
    """Everything the person told us; empty means "not asked" or "rather not say"."""

    name: str | None = None
    appointment: dt.date | None = None
    care_team: str | None = None
    helper: str | None = None
    cancer_type: str | None = None
    spread_to: tuple[str, ...] = ()
    stage_of_care: str | None = None
    treatments: tuple[str, ...] = ()
    # Names as the person gave them ("Ibrance"); the bank's medicine list
    # resolves them, so an unknown name is kept, never an error.
    medicines: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    information: str | None = None
    symptoms: Mapping[str, int] = field(default_factory=dict)
    skip_topics: tuple[str, ...] = ()
    own_questions: tuple[str, ...] = ()
    already_have: tuple[str, ...] = ()  # care they get now: palliative_care, hospice

    def to_dict(self) -> dict[str, Any]:
        """The answers file's layout (format version 1), leaving out what is empty."""
        person = {
            "name": self.name,
            "appointment": self.appointment,
            "care_team": self.care_team,
            "helper": self.helper,
        }
        cancer = {
            "type": self.cancer_type,
            "spread_to": list(self.spread_to),
            "stage_of_care": self.stage_of_care,
        }
        data: dict[str, Any] = {
            "version": FORMAT_VERSION,
            "person": _without_empty(person),
            "cancer": _without_empty(cancer),
            "treatments": list(self.treatments),
            "medicines": list(self.medicines),
            "priorities": list(self.priorities),
            "information": self.information,
            "symptoms": dict(self.symptoms),
            "skip_topics": list(self.skip_topics),
            "own_questions": list(self.own_questions),
            "already_have": list(self.already_have),
        }
        return _without_empty(data)


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


# --- Reading ---------------------------------------------------------------------


def load_answers(path: Path) -> Answers:
    """Read and validate an answers file; raise `InputProblems` listing every problem."""
    text = read_text(path, MAX_FILE_BYTES, _("an answers file"))
    document = parse_yaml(text, path.name)
    return answers_from_document(document)


def answers_from_document(document: YamlDocument) -> Answers:
    if document.data is None:
        raise InputProblems(
            [
                _('{name}: the file is empty; an answers file starts with "version: 1"').format(
                    name=document.name
                )
            ]
        )
    return validate_answers(document.data, document.where)


Where = Callable[[Path_, str], str]


def validate_answers(data: Any, where: Where) -> Answers:
    """Build `Answers` from the answers-file layout, or raise with every problem.

    `where(path, field)` names a place for messages: a file and line, or a CSV
    row and column.
    """
    checker = _Checker(where)
    result = checker.answers(data)
    if checker.problems:
        raise InputProblems(checker.problems)
    return result


_TOP_FIELDS = (
    "version",
    "person",
    "cancer",
    "treatments",
    "medicines",
    "priorities",
    "information",
    "symptoms",
    "skip_topics",
    "own_questions",
    "already_have",
)
_PERSON_FIELDS = ("name", "appointment", "care_team", "helper")
_CANCER_FIELDS = ("type", "spread_to", "stage_of_care")

# How each kind of value is named in a message: '"wrk" is not a priority'.
_KIND = {
    "cancer.type": (v.CANCER_TYPES, "a kind of cancer this program knows"),
    "cancer.spread_to": (v.SITES, "a place the cancer can spread to"),
    "cancer.stage_of_care": (v.STAGES_OF_CARE, "a stage of care"),
    "treatments": (v.TREATMENTS, "a treatment"),
    "priorities": (v.PRIORITIES, "a priority"),
    "information": (v.INFORMATION, "an information choice"),
    "skip_topics": (v.SKIP_TOPICS, "a topic that can be skipped"),
    "already_have": (v.ALREADY_HAVE, "care this program knows (palliative_care or hospice)"),
}


def closest(value: str, allowed: Any) -> str | None:
    """The allowed value the person most likely meant ("chemo" -> "chemotherapy")."""
    options = [str(option) for option in allowed]
    if len(value) >= 3:
        starting = [option for option in options if option.startswith(value)]
        if len(starting) == 1:
            return starting[0]
    matches = difflib.get_close_matches(value, options, n=1, cutoff=0.7)
    return matches[0] if matches else None


def normalize_choice(value: str) -> str:
    """Accept `Eat comfortably` or `eat-comfortably` for `eat_comfortably`."""
    return "_".join(value.strip().lower().replace("-", " ").split())


class _Checker:
    def __init__(self, where: Where) -> None:
        self.where = where
        self.problems: list[str] = []

    def problem(self, path: Path_, field_name: str, message: str) -> None:
        self.problems.append(f"{self.where(path, field_name)}: {message}")

    def answers(self, data: Any) -> Answers:
        if not isinstance(data, dict):
            self.problem(
                (), "", _('this is not an answers file (it should start with "version: 1")')
            )
            return Answers()
        self.unknown_fields(data, (), "", _TOP_FIELDS)
        self.version(data)
        person = self.section(data, "person", _PERSON_FIELDS)
        cancer = self.section(data, "cancer", _CANCER_FIELDS)
        return Answers(
            name=self.text(person, ("person", "name"), "person.name"),
            appointment=self.date(person, ("person", "appointment"), "person.appointment"),
            care_team=self.text(person, ("person", "care_team"), "person.care_team"),
            helper=self.text(person, ("person", "helper"), "person.helper"),
            cancer_type=self.choice(cancer, ("cancer", "type"), "cancer.type"),
            spread_to=self.choices(cancer, ("cancer", "spread_to"), "cancer.spread_to"),
            stage_of_care=self.choice(cancer, ("cancer", "stage_of_care"), "cancer.stage_of_care"),
            treatments=self.choices(data, ("treatments",), "treatments"),
            medicines=self.medicines(data),
            priorities=self.choices(data, ("priorities",), "priorities"),
            information=self.choice(data, ("information",), "information"),
            symptoms=self.symptoms(data),
            skip_topics=self.choices(data, ("skip_topics",), "skip_topics"),
            own_questions=self.own_questions(data),
            already_have=self.choices(data, ("already_have",), "already_have"),
        )

    def unknown_fields(
        self, data: dict[Any, Any], path: Path_, prefix: str, known: tuple[str, ...]
    ) -> None:
        for key in data:
            if key in known:
                continue
            name = f"{prefix}{key}"
            message = _('"{key}" is not a field this program knows').format(key=key)
            match = closest(str(key), known)
            if match:
                message += ". " + _('Did you mean "{match}"?').format(match=match)
            self.problem((*path, key), name, message)

    def version(self, data: dict[Any, Any]) -> None:
        value = data.get("version")
        if value is None:
            self.problem((), "version", _('missing; add the line "version: 1" at the top'))
        elif isinstance(value, bool) or not isinstance(value, int):
            self.problem(
                ("version",),
                "version",
                _('"{value}" is not a format version; write "version: 1"').format(value=value),
            )
        elif value > FORMAT_VERSION:
            self.problem(
                ("version",),
                "version",
                _(
                    "this file is format version {value}, newer than this program reads ({ours}); "
                    "update worksheets"
                ).format(value=value, ours=FORMAT_VERSION),
            )
        elif value != FORMAT_VERSION:
            self.problem(
                ("version",),
                "version",
                _('"{value}" is not a format version; write "version: 1"').format(value=value),
            )

    def section(self, data: dict[Any, Any], key: str, known: tuple[str, ...]) -> dict[Any, Any]:
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            fields = ", ".join(known)
            self.problem(
                (key,),
                key,
                _("should hold the fields {fields}, each on its own line").format(fields=fields),
            )
            return {}
        self.unknown_fields(value, (key,), f"{key}.", known)
        return value

    def text(self, data: dict[Any, Any], path: Path_, name: str) -> str | None:
        value = data.get(path[-1])
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(path, name, _("should be a short piece of text"))
            return None
        text = " ".join(str(value).split())
        if len(text) > MAX_NAME_CHARS:
            self.problem(
                path,
                name,
                _("is {n} characters long; at most {limit} fit").format(
                    n=len(text), limit=MAX_NAME_CHARS
                ),
            )
            return None
        return text or None

    def date(self, data: dict[Any, Any], path: Path_, name: str) -> dt.date | None:
        value = data.get(path[-1])
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            # 2026-12-03, and 2026-12-3 as the interview accepts: year first, never ambiguous.
            found = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value.strip())
            if found:
                try:
                    return dt.date(*(int(part) for part in found.groups()))
                except ValueError:
                    pass
        self.problem(
            path,
            name,
            _('"{value}" is not a date; write it as year-month-day, for example 2026-12-03').format(
                value=value
            ),
        )
        return None

    def _one_choice(self, value: Any, path: Path_, name: str) -> str | None:
        allowed, kind = _KIND[name]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(
                path, name, _("should be one of: {values}").format(values=", ".join(allowed))
            )
            return None
        normalized = normalize_choice(str(value))
        if normalized in allowed:
            return normalized
        message = _('"{value}" is not {kind}').format(value=value, kind=_(kind))
        match = closest(normalized, allowed)
        if match:
            message += ". " + _('Did you mean "{match}"?').format(match=match)
        else:
            message += ". " + _("Choose from: {values}").format(values=", ".join(allowed))
        self.problem(path, name, message)
        return None

    def choice(self, data: dict[Any, Any], path: Path_, name: str) -> str | None:
        value = data.get(path[-1])
        if value is None or value == "":
            return None
        if isinstance(value, list):
            self.problem(path, name, _("takes one answer, not a list"))
            return None
        return self._one_choice(value, path, name)

    def choices(self, data: dict[Any, Any], path: Path_, name: str) -> tuple[str, ...]:
        value = data.get(path[-1])
        if value is None or value == "":
            return ()
        items = value if isinstance(value, list) else [value]
        paths = [(*path, i) for i in range(len(items))] if isinstance(value, list) else [path]
        chosen: list[str] = []
        for item, item_path in zip(items, paths, strict=True):
            if item is None or item == "":
                continue
            picked = self._one_choice(item, item_path, name)
            if picked is not None and picked not in chosen:
                chosen.append(picked)
        return tuple(chosen)

    def symptoms(self, data: dict[Any, Any]) -> dict[str, int]:
        value = data.get("symptoms")
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(
                ("symptoms",),
                "symptoms",
                _('should list symptoms with a score from 0 to 10, e.g. "pain: 4"'),
            )
            return {}
        scores: dict[str, int] = {}
        for key, score in value.items():
            path = ("symptoms", key)
            normalized = normalize_choice(str(key))
            if normalized not in v.SYMPTOMS:
                message = _('"{key}" is not a symptom on this list').format(key=key)
                match = closest(normalized, v.SYMPTOMS)
                if match:
                    message += ". " + _('Did you mean "{match}"?').format(match=match)
                else:
                    message += ". " + _("Choose from: {values}").format(
                        values=", ".join(v.SYMPTOMS)
                    )
                self.problem(path, "symptoms", message)
                continue
            if normalized in scores:
                self.problem(path, "symptoms", _('"{key}" is given twice').format(key=normalized))
                continue
            if score is None or score == "":
                continue
            if (
                isinstance(score, bool)
                or not isinstance(score, int)
                or not v.SYMPTOM_MIN <= score <= v.SYMPTOM_MAX
            ):
                self.problem(
                    path,
                    f"symptoms.{normalized}",
                    _(
                        '"{score}" is not a score; use a whole number '
                        "from 0 (not at all) to 10 (worst)"
                    ).format(score=score),
                )
                continue
            scores[normalized] = score
        return scores

    def medicines(self, data: dict[Any, Any]) -> tuple[str, ...]:
        """Medicine names, kept as typed (spaces tidied); checked against the
        medicine list only when the worksheet is made, and then as a warning."""
        value = data.get("medicines")
        if value is None or value == "":
            return ()
        items = value if isinstance(value, list) else [value]
        paths = (
            [("medicines", i) for i in range(len(items))]
            if isinstance(value, list)
            else [("medicines",)]
        )
        names: list[str] = []
        for item, path in zip(items, paths, strict=True):
            if item is None or item == "":
                continue
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.problem(path, "medicines", _("each medicine should be a name, e.g. Ibrance"))
                continue
            name = " ".join(str(item).split())
            if len(name) > MAX_NAME_CHARS:
                self.problem(
                    path,
                    "medicines",
                    _("is {n} characters long; at most {limit} fit").format(
                        n=len(name), limit=MAX_NAME_CHARS
                    ),
                )
                continue
            if name and name.casefold() not in (n.casefold() for n in names):
                names.append(name)
        if len(names) > MAX_MEDICINES:
            self.problem(
                ("medicines",),
                "medicines",
                _("{n} medicines given; at most {limit} fit on the worksheet").format(
                    n=len(names), limit=MAX_MEDICINES
                ),
            )
        return tuple(names[:MAX_MEDICINES])

    def own_questions(self, data: dict[Any, Any]) -> tuple[str, ...]:
        value = data.get("own_questions")
        if value is None or value == "":
            return ()
        items = value if isinstance(value, list) else [value]
        paths = (
            [("own_questions", i) for i in range(len(items))]
            if isinstance(value, list)
            else [("own_questions",)]
        )
        questions: list[str] = []
        for item, path in zip(items, paths, strict=True):
            if item is None:
                continue
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.problem(path, "own_questions", _("each question should be a line of text"))
                continue
            text = " ".join(str(item).split())
            if len(text) > MAX_QUESTION_CHARS:
                self.problem(
                    path,
                    "own_questions",
                    _("a question is {n} characters long; at most {limit} fit").format(
                        n=len(text), limit=MAX_QUESTION_CHARS
                    ),
                )
                continue
            if text:
                questions.append(text)
        if len(questions) > MAX_OWN_QUESTIONS:
            self.problem(
                ("own_questions",),
                "own_questions",
                _("{n} questions given; at most {limit} fit on the worksheet").format(
                    n=len(questions), limit=MAX_OWN_QUESTIONS
                ),
            )
        return tuple(questions[:MAX_OWN_QUESTIONS])
