"""The answers file: reading it with strict validation, and writing it back.

The same validation serves the answers file, the batch CSV, the web form and
the interview, so a value means the same thing wherever it comes from. It
walks `schema.FIELDS` and checks each field by its kind; every problem is
collected and reported at once, each a `Problem` with its field, its line and
what to write instead.

Why not pydantic: every message here must be our own plain sentence with the
file's line and a close match, a single value must count as a list of one, and
"Eat comfortably" must read `eat_comfortably`. With pydantic each kind would
need these same checks as custom validators, plus a layer translating its
error types back into our words; the checks alone, by kind, are shorter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import schema
from .dates import parse_iso
from .errors import InputProblems, Problem
from .i18n import _
from .safetext import control_problem, whole_number
from .schema import (
    FORMAT_VERSION,
    LIKE_KEY,
    MAX_FILE_BYTES,
    MAX_NAME_CHARS,
    MAX_OWN_QUESTIONS,
    MAX_QUESTION_CHARS,
    OWN_KEY,
    Answers,
    Field,
    Kind,
    OwnPriority,
    priorities_of,
)
from .vocabulary import SYMPTOM_MAX, SYMPTOM_MIN
from .words import closest, normalize, with_suggestion
from .yamlsource import Path_, YamlDocument, parse_yaml, read_bytes, read_text, text_of

__all__ = [
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "MAX_NAME_CHARS",
    "MAX_OWN_QUESTIONS",
    "MAX_QUESTION_CHARS",
    "Answers",
    "closest",
    "load_answers",
    "normalize_choice",
    "stated_language",
    "to_layout",
    "validate_answers",
]

normalize_choice = normalize  # the older name, used by clinics' scripts' imports

Where = Callable[[Path_, str], str]
Line = Callable[[Path_], "int | None"]


# --- Reading ---------------------------------------------------------------------


def load_answers(path: Path) -> Answers:
    """Read and validate an answers file; raise `InputProblems` listing every problem."""
    text = read_text(path, MAX_FILE_BYTES, _("an answers file"))
    document = parse_yaml(text, path.name)
    return answers_from_document(document)


def stated_language(path: Path) -> str | None:
    """The language an answers file says it is written in, for the messages
    about it: its `language`, also when the file is too large, not UTF-8 or not
    valid YAML (then from a top-level `language: es` line of its text). None if
    it cannot be read at all, says none, or says two different ones: the
    caller's language then stands."""
    from .errors import UserError

    try:
        raw = read_bytes(path, MAX_FILE_BYTES)
    except UserError:
        return None
    try:
        data = parse_yaml(text_of(raw, MAX_FILE_BYTES, path.name, ""), path.name).data
    except UserError:
        return _language_line(raw)
    return _language_code(data.get("language") if isinstance(data, dict) else None)


# `language: es` alone on a line, at the top level (not indented), as the
# interview saves it; quoted or followed by a comment too.
_LANGUAGE_LINE = re.compile(
    r"""^language[ \t]*:[ \t]*(["']?)([A-Za-z_-]{2,12})\1[ \t]*(?:#.*)?\r?$""", re.MULTILINE
)


def _language_line(raw: bytes) -> str | None:
    """The language of the file's `language:` lines when they agree; read
    leniently, since the file as a whole could not be read."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as some editors save
        text = raw.decode("utf-16", errors="replace")
    else:
        text = raw.decode("utf-8", errors="replace")
    codes = {_language_code(match[2]) for match in _LANGUAGE_LINE.finditer(text)}
    return codes.pop() if len(codes) == 1 else None  # None among them: one not spoken


def _language_code(value: object) -> str | None:
    from .i18n import UnknownLanguage, check_language

    try:
        return check_language(value)
    except UnknownLanguage:
        return None


def answers_from_document(document: YamlDocument) -> Answers:
    if document.data is None:
        raise InputProblems(
            [
                _('{name}: the file is empty; an answers file starts with "version: 1"').format(
                    name=document.name
                )
            ]
        )
    document = document.as_typed(*typed_paths())
    return validate_answers(document.data, document.where, document.line)


def typed_paths() -> tuple[list[Path_], list[Path_]]:
    """Where the answers file holds text, read as typed (never as YAML's
    numbers, dates or true/false; see yamlsource), and where whole numbers."""
    texts: list[Path_] = [("priorities", "*", OWN_KEY)]
    numbers: list[Path_] = []
    for f in schema.FIELDS:
        if f.kind in (Kind.TEXT, Kind.LINES, Kind.MEDICINES):
            texts += [f.path, (*f.path, "*")]
        elif f.kind is Kind.SCORES:
            numbers.append((*f.path, "*"))
    return texts, numbers


def validate_answers(data: Any, where: Where | None = None, line: Line | None = None) -> Answers:
    """Build `Answers` from the answers-file layout, or raise with every problem.

    `where(path, field)` names a place for messages (a file and line, or a CSV
    row and column); `line(path)` is the line of a place, for a form or an
    editor. Without them, messages name the field alone.
    """
    checker = _Checker(where or _field_only, line or (lambda path: None))
    result = checker.answers(data)
    if checker.problems:
        raise InputProblems(checker.problems)
    return result


def _field_only(path: Path_, field_name: str) -> str:
    return field_name


# --- Writing ---------------------------------------------------------------------


def to_layout(answers: Answers) -> dict[str, Any]:
    """The answers file's layout (format version 1), leaving out what is empty."""
    data: dict[str, Any] = {"version": FORMAT_VERSION}
    for f in schema.FIELDS:
        value = _saved_value(f, answers)
        if value in (None, "", [], {}):
            continue
        target = data
        for key in f.path[:-1]:
            target = target.setdefault(key, {})
        target[f.path[-1]] = value
    return data


def _saved_value(f: Field, answers: Answers) -> Any:
    value = getattr(answers, f.name)
    if f.kind is Kind.RANKED and answers.priority_words and f.name == "priorities":
        return [
            item
            if isinstance(item, str)
            else {OWN_KEY: item.words, **({LIKE_KEY: item.like} if item.like else {})}
            for item in answers.priority_words
        ]
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


# --- The checks, by kind ------------------------------------------------------------


class _Checker:
    def __init__(self, where: Where, line: Line) -> None:
        self.where = where
        self.line = line
        self.problems: list[Problem] = []

    def problem(self, path: Path_, field_name: str, message: str) -> None:
        self.problems.append(
            Problem(message, field_name, self.line(path), self.where(path, field_name))
        )

    def answers(self, data: Any) -> Answers:
        if not isinstance(data, dict):
            self.problem(
                (), "", _('this is not an answers file (it should start with "version: 1")')
            )
            return Answers()
        self.unknown_fields(data, (), "", schema.top_keys())
        self.version(data)
        sections = {
            key: self.section(data, key, schema.section_fields(key))
            for key in dict.fromkeys(f.path[0] for f in schema.FIELDS if len(f.path) == 2)
        }
        values: dict[str, Any] = {}
        for f in schema.FIELDS:
            holder = sections[f.path[0]] if len(f.path) == 2 else data
            raw = holder.get(f.path[-1])
            checked = _CHECKS[f.kind](self, f, raw)
            if f.kind is Kind.RANKED:
                items = checked
                values[f.name] = priorities_of(items)
                if any(isinstance(item, OwnPriority) for item in items):
                    values["priority_words"] = items
            else:
                values[f.name] = checked
        return Answers(**values)

    def unknown_fields(
        self, data: dict[Any, Any], path: Path_, prefix: str, known: tuple[str, ...]
    ) -> None:
        for key in data:
            if key in known:
                continue
            message = with_suggestion(
                _('"{key}" is not a field this program knows').format(key=key), str(key), known
            )
            self.problem((*path, key), f"{prefix}{key}", message)

    def version(self, data: dict[Any, Any]) -> None:
        value = data.get("version")
        if value is None:
            self.problem((), "version", _('missing; add the line "version: 1" at the top'))
        elif isinstance(value, int) and not isinstance(value, bool) and value > FORMAT_VERSION:
            self.problem(
                ("version",),
                "version",
                _(
                    "this file is format version {value}, newer than this program reads ({ours}); "
                    "update worksheets"
                ).format(value=value, ours=FORMAT_VERSION),
            )
        elif isinstance(value, bool) or value != FORMAT_VERSION:
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
            self.problem(
                (key,),
                key,
                _("should hold the fields {fields}, each on its own line").format(
                    fields=", ".join(known)
                ),
            )
            return {}
        self.unknown_fields(value, (key,), f"{key}.", known)
        return value

    # Each check takes the field and the raw value (None when absent).

    def text(self, f: Field, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(f.path, f.dotted, _("should be a short piece of text"))
            return None
        text = " ".join(str(value).split())
        if refused := control_problem(text):
            self.problem(f.path, f.dotted, refused)
            return None
        if len(text) > f.max_chars:
            self.problem(
                f.path,
                f.dotted,
                _("is {n} characters long; at most {limit} fit").format(
                    n=len(text), limit=f.max_chars
                ),
            )
            return None
        return text or None

    def date(self, f: Field, value: Any) -> dt.date | None:
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            day = parse_iso(value)
            if day is not None:
                return day
        self.problem(
            f.path,
            f.dotted,
            _('"{value}" is not a date; write it as year-month-day, for example 2026-12-03').format(
                value=value
            ),
        )
        return None

    def _one_choice(self, f: Field, value: Any, path: Path_, own_hint: bool = False) -> str | None:
        allowed = f.choices
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(
                path, f.dotted, _("should be one of: {values}").format(values=", ".join(allowed))
            )
            return None
        normalized = normalize(str(value))
        if normalized in allowed:
            return normalized
        otherwise = _("Choose from: {values}").format(values=", ".join(allowed))
        if own_hint:
            # Words of the person's own are kept when they say so, in a file,
            # a CSV cell or a form alike: `own: Gardening`.
            otherwise += ". " + _(
                'Or, to keep these words as they are, write "own: {value}".'
            ).format(value=value)
        message = with_suggestion(
            _('"{value}" is not {kind}').format(value=value, kind=_(f.noun)),
            normalized,
            allowed,
            otherwise=otherwise,
        )
        self.problem(path, f.dotted, message)
        return None

    def choice(self, f: Field, value: Any) -> str | None:
        if value is None or value == "":
            return None
        if isinstance(value, list):
            self.problem(f.path, f.dotted, _("takes one answer, not a list"))
            return None
        return self._one_choice(f, value, f.path)

    def _items(self, f: Field, value: Any) -> list[tuple[Any, Path_]]:
        """A list's items with their places; a single value counts as a list of one."""
        if value is None or value == "":
            return []
        if isinstance(value, list):
            return [(item, (*f.path, i)) for i, item in enumerate(value)]
        return [(value, f.path)]

    def choices(self, f: Field, value: Any) -> tuple[str, ...]:
        chosen: list[str] = []
        for item, path in self._items(f, value):
            if item is None or item == "":
                continue
            picked = self._one_choice(f, item, path)
            if picked is not None and picked not in chosen:
                chosen.append(picked)
        return tuple(chosen)

    def ranked(self, f: Field, value: Any) -> tuple[str | OwnPriority, ...]:
        """Like `choices`, and an item may be the person's own words:
        `{own: Gardening, like: activities}` (`like` may be left out)."""
        ranked: list[str | OwnPriority] = []
        for item, path in self._items(f, value):
            if item is None or item == "":
                continue
            if isinstance(item, str):
                item = schema.own_item(item)  # "own: Gardening", as a CSV cell writes it
            if isinstance(item, dict) and OWN_KEY in item:
                own = self.own_priority(f, item, path)
                if own is not None:
                    ranked.append(own)
                continue
            picked = self._one_choice(f, item, path, own_hint=True)
            if picked is not None and picked not in ranked:
                ranked.append(picked)
        return tuple(ranked)

    def own_priority(self, f: Field, item: dict[Any, Any], path: Path_) -> OwnPriority | None:
        for key in item:
            if key not in (OWN_KEY, LIKE_KEY):
                self.problem(
                    (*path, key),
                    f.dotted,
                    with_suggestion(
                        _('"{key}" is not a field this program knows').format(key=key),
                        str(key),
                        (OWN_KEY, LIKE_KEY),
                    ),
                )
        words = item.get(OWN_KEY)
        if isinstance(words, bool) or not isinstance(words, str | int | float) or not str(words):
            self.problem((*path, OWN_KEY), f.dotted, _("should be a short piece of text"))
            return None
        text = " ".join(str(words).split())
        if refused := control_problem(text):
            self.problem((*path, OWN_KEY), f.dotted, refused)
            return None
        if len(text) > MAX_NAME_CHARS:
            self.problem(
                (*path, OWN_KEY),
                f.dotted,
                _("is {n} characters long; at most {limit} fit").format(
                    n=len(text), limit=MAX_NAME_CHARS
                ),
            )
            return None
        like = item.get(LIKE_KEY)
        if like is None or like == "":
            return OwnPriority(text)
        picked = self._one_choice(f, like, (*path, LIKE_KEY))
        return OwnPriority(text, picked)

    def scores(self, f: Field, value: Any) -> dict[str, int]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(
                f.path,
                f.dotted,
                _('should list symptoms with a score from 0 to 10, e.g. "pain: 4"'),
            )
            return {}
        scores: dict[str, int] = {}
        for key, score in value.items():
            path = (*f.path, key)
            normalized = normalize(str(key))
            if normalized not in f.choices:
                message = with_suggestion(
                    _('"{key}" is not {kind}').format(key=key, kind=_(f.noun)),
                    normalized,
                    f.choices,
                    otherwise=_("Choose from: {values}").format(values=", ".join(f.choices)),
                )
                self.problem(path, f.dotted, message)
                continue
            if normalized in scores:
                self.problem(path, f.dotted, _('"{key}" is given twice').format(key=normalized))
                continue
            if score is None or score == "":
                continue
            if isinstance(score, dict | list):
                self.problem(
                    path,
                    f"{f.dotted}.{normalized}",
                    _("should be one score, a whole number from 0 (not at all) to 10 (worst)"),
                )
                continue
            if isinstance(score, str) and (number := whole_number(score)) is not None:
                # `pain: "7"`, or `pain: 08`, which YAML leaves as text (not octal):
                # the digits a person typed, read in decimal as a CSV cell is.
                score = number
            if (
                isinstance(score, bool)
                or not isinstance(score, int)
                or not SYMPTOM_MIN <= score <= SYMPTOM_MAX
            ):
                self.problem(
                    path,
                    f"{f.dotted}.{normalized}",
                    _(
                        '"{score}" is not a score; use a whole number '
                        "from 0 (not at all) to 10 (worst)"
                    ).format(score=score),
                )
                continue
            scores[normalized] = score
        return scores

    def medicines(self, f: Field, value: Any) -> tuple[str, ...]:
        """Medicine names, kept as typed (spaces tidied), each once. Whether a
        name is on the bank's medicine list is known only when the worksheet is
        made, and an unknown name is a warning then, never a problem here."""
        names: list[str] = []
        for item, path in self._items(f, value):
            if item is None or item == "":
                continue
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.problem(path, f.dotted, _("each medicine should be a name, e.g. Ibrance"))
                continue
            name = " ".join(str(item).split())
            if refused := control_problem(name):
                self.problem(path, f.dotted, refused)
                continue
            if len(name) > f.max_chars:
                self.problem(
                    path,
                    f.dotted,
                    _("is {n} characters long; at most {limit} fit").format(
                        n=len(name), limit=f.max_chars
                    ),
                )
                continue
            if name and name.casefold() not in (n.casefold() for n in names):
                names.append(name)
        if f.max_items and len(names) > f.max_items:
            self.problem(
                f.path,
                f.dotted,
                _("{n} medicines given; at most {limit} fit on the worksheet").format(
                    n=len(names), limit=f.max_items
                ),
            )
        return tuple(names[: f.max_items] if f.max_items else names)

    def lines(self, f: Field, value: Any) -> tuple[str, ...]:
        questions: list[str] = []
        for item, path in self._items(f, value):
            if item is None:
                continue
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.problem(path, f.dotted, _("each question should be a line of text"))
                continue
            text = " ".join(str(item).split())
            if refused := control_problem(text):
                self.problem(path, f.dotted, refused)
                continue
            if len(text) > f.max_chars:
                self.problem(
                    path,
                    f.dotted,
                    _("a question is {n} characters long; at most {limit} fit").format(
                        n=len(text), limit=f.max_chars
                    ),
                )
                continue
            if text:
                questions.append(text)
        if f.max_items and len(questions) > f.max_items:
            self.problem(
                f.path,
                f.dotted,
                _("{n} questions given; at most {limit} fit on the worksheet").format(
                    n=len(questions), limit=f.max_items
                ),
            )
        return tuple(questions[: f.max_items] if f.max_items else questions)


_CHECKS: dict[Kind, Callable[[_Checker, Field, Any], Any]] = {
    Kind.TEXT: _Checker.text,
    Kind.DATE: _Checker.date,
    Kind.CHOICE: _Checker.choice,
    Kind.CHOICES: _Checker.choices,
    Kind.RANKED: _Checker.ranked,
    Kind.SCORES: _Checker.scores,
    Kind.LINES: _Checker.lines,
    Kind.MEDICINES: _Checker.medicines,
}
