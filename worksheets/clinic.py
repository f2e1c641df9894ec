"""A clinic's details (`--clinic FILE`): who to call, printed on every worksheet,
and the clinic's own extra questions, validated like the bank's.

    version: 1
    name: Riverside Cancer Center
    phone: 555-0100             # daytime
    after_hours: 555-0199       # nights, weekends and holidays
    ask_for: the oncology nurse on call
    questions:                  # optional; the bank's question format
      - id: clinic-parking
        section: visit
        text: Where can my family park, and is it free?
        why: Parking is free for patients and one companion.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .answers import closest
from .bank import LANGUAGE_CODE, Bank, Question, read_question_file
from .errors import InputProblems
from .i18n import _, available_languages, describe
from .safetext import control_problem
from .yamlsource import YamlDocument, parse_yaml, read_text

MAX_FILE_BYTES = 1_000_000
MAX_FIELD_CHARS = 100
FIELDS = ("version", "name", "phone", "after_hours", "ask_for", "questions")


@dataclass(frozen=True)
class Clinic:
    name: str
    phone: str | None = None
    after_hours: str | None = None
    ask_for: str | None = None
    questions: tuple[Question, ...] = ()


def load_clinic(path: Path, bank: Bank) -> Clinic:
    document = parse_yaml(read_text(path, MAX_FILE_BYTES, _("a clinic file")), path.name)
    return clinic_from_document(document, bank)


# Read as typed: `phone: 02071234567` stays as it is (see yamlsource).
TEXT_FIELDS: tuple[tuple[str | int, ...], ...] = (
    ("name",),
    ("name", "*"),
    ("phone",),
    ("after_hours",),
    ("ask_for",),
    ("ask_for", "*"),
)
# Words that can be given in several languages, `{en: .., es: ..}`, as a
# question's text can; phone numbers need no translation.
IN_LANGUAGES = ("name", "ask_for")


def clinic_from_document(doc: YamlDocument, bank: Bank) -> Clinic:
    doc = doc.as_typed(TEXT_FIELDS)  # its questions: read_question_file
    problems: list[str] = []

    def problem(path: tuple[Any, ...], name: str, message: str) -> None:
        problems.append(f"{doc.where(path, name)}: {message}")

    data = doc.data
    if not isinstance(data, dict):
        raise InputProblems(
            [f"{doc.where(())}: " + _('a clinic file starts with "version: 1" and "name: ..."')]
        )
    for key in data:
        if key not in FIELDS:
            message = _('"{key}" is not a field this program knows').format(key=key)
            match = closest(str(key), FIELDS)
            if match:
                message += ". " + _('Did you mean "{match}"?').format(match=match)
            problem((key,), str(key), message)
    version = data.get("version")
    if isinstance(version, bool) or version != 1:
        problem(("version",), "version", _('write "version: 1"'))

    def text(key: str, required: bool = False) -> str | None:
        value = data.get(key)
        if isinstance(value, dict) and key in IN_LANGUAGES:
            return in_language(key, value)
        return one_text(key, value, required)

    def in_language(key: str, value: dict[Any, Any]) -> str | None:
        """`{en: .., es: ..}`: the worksheet's language where given, else the bank's own."""
        source = bank.source_language
        if value.get(source) is None or value.get(source) == "":
            problem(
                (key,),
                key,
                _('has no text in "{language}", the bank\'s language').format(language=source),
            )
            return None
        chosen: str | None = None
        for code, words in value.items():
            if not isinstance(code, str) or not LANGUAGE_CODE.fullmatch(code):
                problem(
                    (key,), key, _('"{key}" is not a language code such as "es"').format(key=code)
                )
                continue
            if code not in available_languages():
                problem(
                    (key, code),
                    f"{key}.{code}",
                    _(
                        '"{code}" is not a language this program speaks. Choose from: {codes}'
                    ).format(
                        code=code, codes=", ".join(describe(c) for c in available_languages())
                    ),
                )
                continue
            checked = one_text(f"{key}.{code}", words, path=(key, code))
            if code == bank.language or (code == source and chosen is None):
                chosen = checked if checked is not None else chosen
        return chosen

    def one_text(
        key: str, value: Any, required: bool = False, path: tuple[Any, ...] | None = None
    ) -> str | None:
        path = path or (key,)
        if value is None or value == "":
            if required:
                problem((), key, _("missing; the clinic's name is printed on every worksheet"))
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            problem(path, key, _("should be a short piece of text"))
            return None
        value = " ".join(str(value).split())
        if refused := control_problem(value):
            problem(path, key, refused)
            return None
        if len(value) > MAX_FIELD_CHARS:
            problem(
                path,
                key,
                _("is {n} characters long; at most {limit} fit").format(
                    n=len(value), limit=MAX_FIELD_CHARS
                ),
            )
            return None
        return value

    name = text("name", required=True)
    phone, after_hours, ask_for = text("phone"), text("after_hours"), text("ask_for")

    questions: list[Question] = []
    raw_questions = data.get("questions")
    if raw_questions is not None:
        if not isinstance(raw_questions, list):
            problem(("questions",), "questions", _("should be a list of questions"))
        else:
            # A clinic's own questions are for every patient unless it says otherwise.
            for raw in raw_questions:
                if isinstance(raw, dict):
                    raw.setdefault("core", True)
            sections = {s.id: s for s in bank.sections}
            questions = read_question_file(
                dataclasses.replace(doc, data={"questions": raw_questions}),
                sections,
                bank.source_language,
                problems,
                bank.medicines,
            )
            if bank.language != bank.source_language:
                # Its own texts in the worksheet's language where it wrote them
                # (`text: {en: .., es: ..}`); else as written.
                from .bank_languages import translate_question

                questions = [translate_question(q, bank.language) for q in questions]
            taken = {q.id for q in bank.questions}
            first_seen: dict[str, str] = {}
            for q in questions:
                if q.id in first_seen:
                    problems.append(
                        f"{q.origin}, id: "
                        + _('"{id}" is used twice (first at {first})').format(
                            id=q.id, first=first_seen[q.id]
                        )
                    )
                first_seen.setdefault(q.id, q.origin)
                if q.id in taken:
                    problems.append(
                        f"{q.origin}, id: "
                        + _('"{id}" is already a question of the bank; choose another id').format(
                            id=q.id
                        )
                    )
    if problems:
        raise InputProblems(problems)
    assert name is not None
    own = tuple(dataclasses.replace(q, from_clinic=True) for q in questions)
    return Clinic(name, phone, after_hours, ask_for, own)


def with_clinic_questions(bank: Bank, clinic: Clinic | None) -> Bank:
    """The bank with the clinic's questions in their sections."""
    if clinic is None or not clinic.questions:
        return bank
    order = {s.id: i for i, s in enumerate(bank.sections)}
    questions = sorted((*bank.questions, *clinic.questions), key=lambda q: order[q.section])
    return dataclasses.replace(bank, questions=tuple(questions))
