"""The question bank in another language: the texts of a translation folder.

A bank is written in one language (`language: en` in bank.yaml) and may list
the languages it is translated into (`translations: [es]`). Each translation
is a folder named by its code, beside the question files, holding YAML files
keyed by question id, so that a translator never touches the questions'
conditions and a clinic can add a language without editing a question file:

    # es/goals.yaml
    questions:
      goals-best-hope:
        text: ¿Qué es lo mejor que podemos esperar de este tratamiento?
        why: Oír el mejor caso, junto al más común, ...
    # es/bank.yaml (or any file of the folder)
    sections:
      goals: Las metas de mi tratamiento

A question may also carry its translation inline (`text: {en: .., es: ..}`);
the folder's text wins where both exist. A question with no text in the
language is printed as written, in the bank's own language, and
`questions --check` names it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .answers import closest
from .bank import MAX_TEXT_CHARS, MAX_WHY_CHARS, Bank, Question, Section, check_text
from .errors import InputProblems
from .i18n import _, language_name
from .medicines import MedicineList
from .yamlsource import Path_, YamlDocument, parse_yaml, read_text

MAX_FILE_BYTES = 2_000_000
FILE_FIELDS = ("language", "sections", "questions", "medicines")
MAX_DESCRIPTION_CHARS = 400
TEXT_FIELDS = {"text": MAX_TEXT_CHARS, "why": MAX_WHY_CHARS}


@dataclasses.dataclass(frozen=True)
class Translation:
    """What one language folder holds: texts by question id, titles by section id."""

    questions: Mapping[str, Mapping[str, str]]
    sections: Mapping[str, str]
    # The medicine list's plain descriptions, by the medicine's name.
    medicines: Mapping[str, str] = dataclasses.field(default_factory=dict)


def translated_bank(bank: Bank, language: str) -> Bank:
    """`bank` with its texts in `language` wherever it has them."""
    folder = bank.folder / language if bank.folder is not None else None
    key = (id(bank), language, _fingerprint(folder) if folder is not None else ())
    cached = _cache.get(key)
    # The loaded bank is itself cached, so the same edition is the same object.
    if cached is not None and cached[0] is bank:
        return cached[1]
    result = _translate(bank, folder, language)
    if len(_cache) >= 8:
        _cache.pop(next(iter(_cache)))
    _cache[key] = (bank, result)
    return result


_cache: dict[tuple[int, str, object], tuple[Bank, Bank]] = {}


def _translate(bank: Bank, folder: Path | None, language: str) -> Bank:
    translation = read_translation(folder, bank, language) if folder is not None else None
    if translation is None:
        translation = Translation({}, {})
    sections = tuple(
        dataclasses.replace(s, title=translation.sections[s.id])
        if s.id in translation.sections
        else s
        for s in bank.sections
    )
    questions = []
    untranslated: dict[str, tuple[str, ...]] = {}
    for question in bank.questions:
        translated = translate_question(question, language, translation.questions.get(question.id))
        missing = tuple(
            name for name in TEXT_FIELDS if not _has(question, translation, language, name)
        )
        if missing:
            untranslated[question.id] = missing
        questions.append(translated)
    return dataclasses.replace(
        bank,
        language=language,
        sections=sections,
        questions=tuple(questions),
        untranslated=untranslated,
        medicines=_translated_medicines(bank.medicines, translation.medicines),
    )


def _translated_medicines(medicines: MedicineList, descriptions: Mapping[str, str]) -> MedicineList:
    if not descriptions:
        return medicines
    new = {
        m.name: dataclasses.replace(m, description=descriptions.get(m.name, m.description))
        for m in medicines.medicines
    }
    return dataclasses.replace(
        medicines,
        medicines=tuple(new[m.name] for m in medicines.medicines),
        by_key={key: new[m.name] for key, m in medicines.by_key.items()},
    )


def _has(question: Question, translation: Translation, language: str, name: str) -> bool:
    return name in translation.questions.get(question.id, {}) or name in (
        question.inline_texts.get(language, {})
    )


def translate_question(
    question: Question, language: str, texts: Mapping[str, str] | None = None
) -> Question:
    """The question with its text and why in `language`: from `texts` (a
    translation folder), else from its inline texts, else as written."""
    found = {**question.inline_texts.get(language, {}), **(texts or {})}
    if not found:
        return question
    complete = all(name in found for name in TEXT_FIELDS)
    return dataclasses.replace(
        question,
        text=found.get("text", question.text),
        why=found.get("why", question.why),
        language=language if complete else question.language,
    )


def untranslated_sections(bank: Bank, translated: Bank) -> list[Section]:
    return [
        s
        for s, t in zip(bank.sections, translated.sections, strict=True)
        if s.title == t.title and bank.language != translated.language
    ]


def _fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    try:
        return tuple(
            (f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in _translation_files(folder)
        )
    except OSError:
        return ()


def _translation_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def read_translation(folder: Path, bank: Bank, language: str) -> Translation | None:
    """Read and check every file of a translation folder; None if there is none.

    Raises `InputProblems` with every problem: an id the bank does not have
    (with the close match), an unknown field, a text too long."""
    files = _translation_files(folder)
    if not files:
        return None
    problems: list[str] = []
    questions: dict[str, dict[str, str]] = {}
    sections: dict[str, str] = {}
    medicines: dict[str, str] = {}
    seen: dict[str, str] = {}
    ids = [q.id for q in bank.questions]
    known_ids = set(ids)
    section_ids = [s.id for s in bank.sections]
    for path in files:
        name = f"{folder.name}/{path.name}"
        try:
            doc = parse_yaml(read_text(path, MAX_FILE_BYTES, _("a bank file")), name)
        except InputProblems as error:
            problems.extend(error.problems)
            continue
        _read_file(doc, language, ids, known_ids, section_ids, questions, sections, seen, problems)
        _read_medicines(doc, bank, medicines, problems)
    if problems:
        raise InputProblems(problems)
    return Translation(questions, sections, medicines)


def _read_medicines(
    doc: YamlDocument, bank: Bank, medicines: dict[str, str], problems: list[str]
) -> None:
    """`medicines:` the descriptions by generic name (or regimen name)."""
    data = doc.data
    if not isinstance(data, dict) or data.get("medicines") is None:
        return
    raw = data["medicines"]
    if not isinstance(raw, dict):
        problems.append(
            f"{doc.where(('medicines',), 'medicines')}: "
            + _("should give each medicine's description by its name")
        )
        return
    names = [m.name for m in bank.medicines.medicines]
    for name, description in raw.items():
        path = ("medicines", name)

        def problem(where: Path_, field: str, message: str) -> None:
            problems.append(f"{doc.where(where, field)}: {message}")

        if name not in names:
            _unknown_id(problem, path, "medicines", name, names, _("a medicine of medicines.yaml"))
            continue
        checked = check_text(description, path, f"medicines.{name}", MAX_DESCRIPTION_CHARS, problem)
        if checked is not None:
            medicines[str(name)] = checked


def _read_file(
    doc: YamlDocument,
    language: str,
    ids: list[str],
    known_ids: set[str],
    section_ids: list[str],
    questions: dict[str, dict[str, str]],
    sections: dict[str, str],
    seen: dict[str, str],
    problems: list[str],
) -> None:
    def problem(path: Path_, name: str, message: str) -> None:
        problems.append(f"{doc.where(path, name)}: {message}")

    data = doc.data
    if data is None:
        return
    if not isinstance(data, dict):
        problem(
            (), "", _('a translation file holds "questions:" (texts by question id) or "sections:"')
        )
        return
    for key in data:
        if key not in FILE_FIELDS:
            _unknown(problem, (key,), str(key), FILE_FIELDS)
    if "language" in data and data["language"] != language:
        problem(
            ("language",),
            "language",
            _('says "{value}", but the folder is "{language}"').format(
                value=data["language"], language=language
            ),
        )
    raw_sections = data.get("sections")
    if raw_sections is not None:
        if not isinstance(raw_sections, dict):
            problem(("sections",), "sections", _("should give each section's title by its id"))
        else:
            for section_id, title in raw_sections.items():
                path = ("sections", section_id)
                if section_id not in section_ids:
                    _unknown_id(problem, path, "sections", section_id, section_ids, _("a section"))
                    continue
                checked = check_text(
                    title, path, f"sections.{section_id}", MAX_TEXT_CHARS, _bad(problem)
                )
                if checked is not None:
                    sections[str(section_id)] = checked
    raw_questions = data.get("questions")
    if raw_questions is None:
        return
    if not isinstance(raw_questions, dict):
        problem(
            ("questions",),
            "questions",
            _("should give each question's text and why by its id"),
        )
        return
    for qid, entry in raw_questions.items():
        path = ("questions", qid)
        if qid not in known_ids:
            _unknown_id(problem, path, "questions", qid, ids, _("a question of the bank"))
            continue
        if qid in seen:
            problem(
                path,
                str(qid),
                _('"{id}" is translated twice (first at {first})').format(id=qid, first=seen[qid]),
            )
            continue
        seen[str(qid)] = doc.where(path)
        if not isinstance(entry, dict):
            problem(path, str(qid), _("should hold a text and a why"))
            continue
        texts: dict[str, str] = {}
        for key, value in entry.items():
            if key not in TEXT_FIELDS:
                _unknown(problem, (*path, key), f"{qid}.{key}", tuple(TEXT_FIELDS))
                continue
            checked = check_text(
                value, (*path, key), f"{qid}.{key}", TEXT_FIELDS[key], _bad(problem)
            )
            if checked is not None:
                texts[key] = checked
        questions[str(qid)] = texts


def _bad(problem: Any) -> Any:
    return problem


def _unknown(problem: Any, path: Path_, name: str, known: tuple[str, ...]) -> None:
    message = _('"{key}" is not a field this program knows').format(key=path[-1])
    match = closest(str(path[-1]), known)
    if match:
        message += ". " + _('Did you mean "{match}"?').format(match=match)
    problem(path, name, message)


def _unknown_id(
    problem: Any, path: Path_, name: str, value: Any, known: list[str], kind: str
) -> None:
    message = _('"{value}" is not {kind}').format(value=value, kind=kind)
    match = closest(str(value), known)
    if match:
        message += ". " + _('Did you mean "{match}"?').format(match=match)
    problem(path, name, message)


def translation_warnings(bank: Bank) -> list[str]:
    """For `questions --check`: each question and section with no text in a
    language the bank lists under `translations`."""
    warnings = []
    for language in bank.translations:
        translated = translated_bank(bank, language)
        name = language_name(language)
        for question in bank.questions:
            missing = translated.untranslated.get(question.id)
            if not missing:
                continue
            file = question.origin.split(",")[0]
            warnings.append(
                f"{question.origin}: "
                + _(
                    '"{id}" has no {language} {fields}; it prints as written. Add it to '
                    "{folder}/{file}"
                ).format(
                    id=question.id,
                    language=name,
                    fields=_(" and ").join(missing),
                    folder=language,
                    file=file,
                )
            )
        described = {m.name: m.description for m in translated.medicines.medicines}
        for medicine in bank.medicines.medicines:
            if medicine.description and described.get(medicine.name) == medicine.description:
                warnings.append(
                    "medicines.yaml: "
                    + _(
                        'the medicine "{name}" has no {language} description; add it under '
                        '"medicines:" in {folder}/medicines.yaml'
                    ).format(name=medicine.name, language=name, folder=language)
                )
        for section in untranslated_sections(bank, translated):
            warnings.append(
                "bank.yaml: "
                + _(
                    'the section "{id}" has no {language} title; add it under "sections:" in '
                    "{folder}/bank.yaml"
                ).format(id=section.id, language=name, folder=language)
            )
    return warnings


def language_warning(bank: Bank) -> str | None:
    """On a worksheet in a language the bank does not (fully) have, say so."""
    if bank.language == bank.source_language:
        return None
    name = language_name(bank.language)
    if len(bank.untranslated) == len(bank.questions):
        return _(
            "this question bank has no {language} texts; its questions print as written"
        ).format(language=name)
    if bank.untranslated:
        return _(
            "{n} questions of this bank have no {language} text yet; they print as written"
        ).format(n=len(bank.untranslated), language=name)
    return None
