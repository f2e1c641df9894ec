"""The question bank: loading and validating the YAML files in questions/.

The bank's format is public: clinics keep edited copies (`--bank DIR`), so every
problem is reported at once with file and line, in words a clinic's staff can
act on, and a bank written for an older format is either read or met with
exactly what to change.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schema
from . import vocabulary as v
from .errors import InputProblems
from .i18n import _
from .medicines import MEDICINES_FILE, MedicineList, load_medicines
from .paths import BANK_DIR
from .safetext import control_problem
from .words import closest
from .yamlsource import Path_, YamlDocument, parse_yaml, read_text

BANK_FORMAT = 1
MAX_FILE_BYTES = 2_000_000
MAX_TEXT_CHARS = 300
MAX_WHY_CHARS = 400
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")  # "es", as a bank file and a clinic file write it
MAX_TITLE_CHARS = 60  # a section title is printed as a heading on one line
MAX_VERSION_CHARS = 30  # printed in every page's footer
MAX_QUESTIONS = 5_000  # far more than any bank needs; more is a mistake
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# The answers a question's conditions can name, with the values each may take:
# the schema's fields marked `condition`.
CONDITION_CHOICES: dict[str, Mapping[str, str]] = schema.condition_choices()
CONDITION_FIELDS = schema.condition_fields()
# Named through the bank's medicine list (medicines.yaml): a drug family, or a
# medicine by any of its names, kept as its generic name.
MEDICINE_CONDITIONS = ("medicine_family", "medicine")
QUESTION_FIELDS = (
    "id",
    "section",
    "text",
    "why",
    "source",
    "when",
    "unless",
    "topic",
    "core",
    "urgent",
    "group",
    "high_stakes",
    "every_stage",
    "booklet_only",
)
REQUIRED_FIELDS = ("id", "section", "text", "why")


@dataclass(frozen=True)
class Conditions:
    """`when` or `unless`: every named answer must match; within one, any value."""

    choices: Mapping[str, frozenset[str]] = field(default_factory=dict)
    symptoms: Mapping[str, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.choices or self.symptoms)


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    text: str
    why: str
    sources: tuple[str, ...] = ()
    when: Conditions = field(default_factory=Conditions)
    unless: Conditions = field(default_factory=Conditions)
    # `unless` given as a list: the question is left out when any one matches
    # ("stopping treatment", or "already takes a CDK4/6 inhibitor").
    unless_also: tuple[Conditions, ...] = ()
    topic: str | None = None  # the question's own topic, else its section's
    section_topic: str | None = None
    core: bool = False
    urgent: bool = False  # a warning sign to know now: ranks higher
    # Questions that ask the same thing in different words share a group; a
    # worksheet prints only the best-fitting one of each group.
    group: str | None = None
    high_stakes: bool = False  # the question that matters most for a cancer, site or drug
    every_stage: bool = False  # a treatment question meant for every stage of care
    # Only in the longer list (--all-questions), never on the visit sheet: a question
    # that is right for some people the answers cannot tell apart (fertility, age).
    booklet_only: bool = False
    from_clinic: bool = False  # a clinic's own question (--clinic), on every visit sheet
    origin: str = ""  # "goals.yaml, line 12", for messages
    language: str = ""  # the language of `text` and `why`; empty: the bank's
    # Texts in other languages written in the question itself (`text: {en: .., es: ..}`):
    # language -> {"text": .., "why": ..}.
    inline_texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    topic: str | None = None


@dataclass(frozen=True)
class Bank:
    version: str
    language: str  # the language its texts are in now (see bank_languages.py)
    sections: tuple[Section, ...]
    questions: tuple[Question, ...]
    medicines: MedicineList = field(default_factory=MedicineList)
    # The language the bank is written in, and those it is translated into.
    source_language: str = "en"
    translations: tuple[str, ...] = ()
    folder: Path | None = None
    # In a translated bank: question ids -> what has no text in its language
    # ("text", "why"), printed in the source language instead.
    untranslated: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)


def load_bank(folder: Path | None = None, language: str | None = None) -> Bank:
    """Load and validate a bank folder (the built-in one by default), with its
    texts in `language` where it has them (default: the bank's own language)."""
    folder = (folder or BANK_DIR).resolve()
    bank = _load_bank_cached(folder, _fingerprint(folder))
    if language is None or language == bank.source_language:
        return bank
    from .bank_languages import translated_bank

    return translated_bank(bank, language)


def _fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    # A clinic may edit its copy while a long batch runs in another window;
    # re-read the bank when any file changed, otherwise parse it once.
    try:
        files = _question_files(folder)
        return tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    except OSError:
        return ()


@functools.lru_cache(maxsize=4)
def _load_bank_cached(folder: Path, _fingerprint: object) -> Bank:
    problems: list[str] = []
    if not folder.is_dir():
        raise InputProblems([_("{folder}: no such folder").format(folder=folder)])
    index = folder / "bank.yaml"
    if not index.is_file():
        raise InputProblems(
            [
                _(
                    "{folder}: no bank.yaml here; a question bank folder has a bank.yaml and "
                    "question files"
                ).format(folder=folder)
            ]
        )
    meta = _read_index(
        parse_yaml(read_text(index, MAX_FILE_BYTES, _("a bank file")), "bank.yaml"), problems
    )
    sections = {s.id: s for s in meta.sections}
    medicines = load_medicines(medicines_file(folder), problems)
    questions: list[Question] = []
    first_seen: dict[str, str] = {}
    count = 0
    for path in _question_files(folder):
        if path.name.lower() in ("bank.yaml", MEDICINES_FILE):
            continue
        try:
            document = parse_yaml(read_text(path, MAX_FILE_BYTES, _("a bank file")), path.name)
        except InputProblems as error:
            problems.extend(error.problems)
            continue
        taken = {q.id for q in questions}
        for question in read_question_file(document, sections, meta.language, problems, medicines):
            if question.id not in taken:
                taken.add(question.id)
                questions.append(question)
        # Ids are compared in every question, valid or not, so that a repeated
        # id is reported in the same run as every other problem.
        count += _repeated_ids(document, first_seen, problems)
    if count > MAX_QUESTIONS:
        problems.append(
            _(
                "{folder}: {n} questions; a bank holds at most {limit} (is a file there twice?)"
            ).format(folder=folder.name, n=f"{count:,}", limit=f"{MAX_QUESTIONS:,}")
        )
    if problems:
        raise InputProblems(problems)
    # Questions are kept in section order, then in file order within a section.
    order = {s.id: i for i, s in enumerate(meta.sections)}
    questions.sort(key=lambda q: order[q.section])
    return Bank(
        meta.version,
        meta.language,
        meta.sections,
        tuple(questions),
        source_language=meta.language,
        translations=meta.translations,
        folder=folder,
        medicines=medicines,
    )


def _repeated_ids(document: YamlDocument, first_seen: dict[str, str], problems: list[str]) -> int:
    """Report every id used before (in this file or another); the number of questions."""
    data = document.data
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        return 0
    for index, raw in enumerate(data["questions"]):
        qid = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(qid, str):
            continue
        origin = document.where(("questions", index))
        if qid in first_seen:
            problems.append(
                f"{origin}, id: "
                + _('"{id}" is used twice (first at {first})').format(id=qid, first=first_seen[qid])
            )
        else:
            first_seen[qid] = origin
    return len(data["questions"])


def medicines_file(folder: Path) -> Path:
    """The bank's medicine list; a clinic's copy written before the list came
    has none of its own and uses the built-in one."""
    own = folder / MEDICINES_FILE
    return own if own.is_file() else BANK_DIR / MEDICINES_FILE


def _question_files(folder: Path) -> list[Path]:
    """Every YAML file of the folder: `.yaml`, `.yml` or `.YAML`, as an editor may save it."""
    return sorted(
        p for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file()
    )


@dataclass
class _Index:
    version: str = "?"
    language: str = "en"
    translations: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()


# Read as typed (see yamlsource): `version: 2026.10` is not the number 2026.1.
INDEX_TEXTS: tuple[Path_, ...] = (("version",), ("sections", "*", "title"))
QUESTION_TEXTS: tuple[Path_, ...] = tuple(
    ("questions", "*", *path)
    for path in (
        ("id",),
        ("text",),
        ("text", "*"),
        ("why",),
        ("why", "*"),
        ("source",),
        ("source", "*"),
    )
)
QUESTION_NUMBERS: tuple[Path_, ...] = tuple(
    ("questions", "*", condition, "symptoms", "*") for condition in ("when", "unless")
)


def _read_index(doc: YamlDocument, problems: list[str]) -> _Index:
    data = doc.as_typed(INDEX_TEXTS).data
    index = _Index()

    def problem(path: Path_, name: str, message: str) -> None:
        problems.append(f"{doc.where(path, name)}: {message}")

    if not isinstance(data, dict):
        problem((), "", _('should start with "format: 1" and list the sections'))
        return index
    index_fields = ("format", "version", "language", "translations", "sections")
    for key in data:
        if key not in index_fields:
            _unknown(problem, (key,), str(key), index_fields)
    fmt = data.get("format")
    if fmt is None:
        problem((), "format", _('missing; add the line "format: 1"'))
    elif isinstance(fmt, bool) or not isinstance(fmt, int) or fmt < 1:
        problem(
            ("format",),
            "format",
            _('"{value}" is not a format number; write "format: 1"').format(value=fmt),
        )
    elif fmt > BANK_FORMAT:
        problem(
            ("format",),
            "format",
            _(
                "this bank is format {value}, newer than this program reads ({ours}); update "
                "worksheets, or use a bank written for format {ours}"
            ).format(value=fmt, ours=BANK_FORMAT),
        )
    version = data.get("version")
    if version is None or isinstance(version, bool | dict | list):
        problem(
            ("version",), "version", _('missing; give the bank an edition, e.g. version: "2026.11"')
        )
    elif len(str(version)) > MAX_VERSION_CHARS or control_problem(str(version)):
        problem(
            ("version",),
            "version",
            _("should be a short edition name, at most {limit} characters").format(
                limit=MAX_VERSION_CHARS
            ),
        )
    else:
        index.version = str(version)
    language = data.get("language", "en")
    if not isinstance(language, str) or not LANGUAGE_CODE.fullmatch(language):
        problem(("language",), "language", _('should be a language code such as "en" or "es"'))
    else:
        index.language = language
    translations = data.get("translations", [])
    translations = translations if isinstance(translations, list) else [translations]
    if not all(isinstance(t, str) and LANGUAGE_CODE.fullmatch(t) for t in translations):
        problem(
            ("translations",),
            "translations",
            _('should list language codes, e.g. "translations: [es]"'),
        )
    else:
        index.translations = tuple(t for t in translations if t != index.language)
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        problem(
            ("sections",), "sections", _("should list the sections, each with an id and a title")
        )
        return index
    sections: list[Section] = []
    for i, raw in enumerate(raw_sections):
        path: Path_ = ("sections", i)
        if not isinstance(raw, dict):
            problem(path, "sections", _("each section needs an id and a title"))
            continue
        for key in raw:
            if key not in ("id", "title", "topic"):
                _unknown(problem, (*path, key), f"sections.{key}", ("id", "title", "topic"))
        section_id, title, topic = raw.get("id"), raw.get("title"), raw.get("topic")
        ok = named = True
        if not isinstance(section_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", section_id):
            problem(
                (*path, "id"),
                "sections.id",
                _("each section needs an id in lower case, like daily_life"),
            )
            ok = named = False
        elif any(s.id == section_id for s in sections):
            problem((*path, "id"), "sections.id", _('"{id}" is used twice').format(id=section_id))
            ok = named = False
        if not isinstance(title, str) or not title.strip():
            problem(path, "sections.title", _("each section needs a title to print"))
            ok = False
        elif len(" ".join(title.split())) > MAX_TITLE_CHARS:
            problem(
                (*path, "title"),
                "sections.title",
                _("is {n} characters long; keep it under {limit}").format(
                    n=len(" ".join(title.split())), limit=MAX_TITLE_CHARS
                ),
            )
            ok = False
        elif refused := control_problem(" ".join(title.split())):
            problem((*path, "title"), "sections.title", refused)
            ok = False
        if topic is not None and not _known(topic, v.SKIP_TOPICS):
            _bad_value(
                problem,
                (*path, "topic"),
                "sections.topic",
                topic,
                v.SKIP_TOPICS,
                _("a topic that can be skipped"),
            )
            ok = False
        if ok:
            sections.append(Section(str(section_id), " ".join(str(title).split()), topic))
        elif named:
            # Its title or topic is wrong, and said so: its questions are still
            # in a known section, not each reported as "not a section" too.
            sections.append(Section(str(section_id), str(section_id), None))
    index.sections = tuple(sections)
    return index


def read_question_file(
    doc: YamlDocument,
    sections: Mapping[str, Section],
    language: str,
    problems: list[str],
    medicines: MedicineList | None = None,
) -> list[Question]:
    """The questions of one file (`questions:` list); problems are appended."""

    def problem(path: Path_, name: str, message: str) -> None:
        problems.append(f"{doc.where(path, name)}: {message}")

    data = doc.as_typed(QUESTION_TEXTS, QUESTION_NUMBERS).data
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        problem((), "questions", _('a question file holds a list under "questions:"'))
        return []
    for key in data:
        if key != "questions":
            _unknown(problem, (key,), str(key), ("questions",))
    questions = []
    for i, raw in enumerate(data["questions"]):
        question = _read_question(
            raw, ("questions", i), doc, sections, language, problem, medicines or MedicineList()
        )
        if question is not None:
            questions.append(question)
    return questions


def _read_question(
    raw: Any,
    path: Path_,
    doc: YamlDocument,
    sections: Mapping[str, Section],
    language: str,
    problem: Any,
    medicines: MedicineList,
) -> Question | None:
    if not isinstance(raw, dict):
        problem(path, "", _("each question needs at least an id, a section, a text and a why"))
        return None
    errors: list[str] = []

    def bad(sub: Path_, name: str, message: str) -> None:
        errors.append(name)
        problem(sub, name, message)

    for key in raw:
        if key not in QUESTION_FIELDS:
            _unknown(bad, (*path, key), str(key), QUESTION_FIELDS)
    for key in REQUIRED_FIELDS:
        if raw.get(key) in (None, ""):
            bad(path, key, _("missing; every question needs {field}").format(field=key))
    qid = raw.get("id")
    # fullmatch: `$` alone would let an id end in a line break ("id: |" in YAML).
    if qid is not None and (not isinstance(qid, str) or not ID_PATTERN.fullmatch(qid)):
        bad(
            (*path, "id"),
            "id",
            _('"{id}" is not a usable id; use lower case letters, digits and dashes').format(
                id=qid
            ),
        )
    section = raw.get("section")
    if section is not None and not _known(section, sections):
        _bad_value(
            bad, (*path, "section"), "section", section, sections, _("a section of bank.yaml")
        )
    inline: dict[str, dict[str, str]] = {}
    text = _localized(
        raw.get("text"), (*path, "text"), "text", language, MAX_TEXT_CHARS, bad, inline
    )
    why = _localized(raw.get("why"), (*path, "why"), "why", language, MAX_WHY_CHARS, bad, inline)
    sources = _sources(raw.get("source"), (*path, "source"), bad)
    when = _conditions(raw.get("when"), (*path, "when"), "when", bad, medicines)
    unless, *unless_also = _exclusions(raw.get("unless"), (*path, "unless"), bad, medicines)
    if when and when == unless:
        bad(
            (*path, "unless"),
            "unless",
            _("is the same as its when, so the question could never be chosen"),
        )
    topic = raw.get("topic")
    if topic is not None and not _known(topic, v.SKIP_TOPICS):
        _bad_value(
            bad, (*path, "topic"), "topic", topic, v.SKIP_TOPICS, _("a topic that can be skipped")
        )
    flags = {
        flag: raw.get(flag, False)
        for flag in ("core", "urgent", "high_stakes", "every_stage", "booklet_only")
    }
    for flag, value in flags.items():
        if not isinstance(value, bool):
            bad((*path, flag), flag, _("should be true or false"))
    group = raw.get("group")
    if group is not None and (not isinstance(group, str) or not ID_PATTERN.fullmatch(group)):
        bad(
            (*path, "group"),
            "group",
            _(
                '"{group}" is not a usable group name; use lower case letters, digits and dashes'
            ).format(group=group),
        )
    if errors:
        return None
    # Past this point every field was checked above.
    section_topic = sections[str(section)].topic
    return Question(
        id=str(qid),
        section=str(section),
        text=text or "",
        why=why or "",
        sources=sources,
        when=when,
        unless=unless,
        unless_also=tuple(unless_also),
        topic=topic or section_topic,
        section_topic=section_topic,
        core=flags["core"],
        urgent=flags["urgent"],
        group=group,
        high_stakes=flags["high_stakes"],
        every_stage=flags["every_stage"],
        booklet_only=flags["booklet_only"],
        origin=doc.where(path),
        language=language,
        inline_texts=inline,
    )


def _localized(
    value: Any,
    path: Path_,
    name: str,
    language: str,
    limit: int,
    bad: Any,
    inline: dict[str, dict[str, str]] | None = None,
) -> str | None:
    """The text in the bank's language; a `{en: .., es: ..}` value's other
    languages go into `inline` (language -> field -> text)."""
    if value is None:
        return None
    if isinstance(value, dict):
        if language not in value:
            bad(
                path,
                name,
                _('has no text in "{language}", the bank\'s language').format(language=language),
            )
            return None
        for other, translated in value.items():
            if other == language:
                continue
            if not isinstance(other, str) or not LANGUAGE_CODE.fullmatch(other):
                bad(path, name, _('"{key}" is not a language code such as "es"').format(key=other))
                continue
            checked = check_text(translated, (*path, other), f"{name}.{other}", limit, bad)
            if checked is not None and inline is not None:
                inline.setdefault(other, {})[name] = checked
        value = value[language]
    return check_text(value, path, name, limit, bad)


def check_text(value: Any, path: Path_, name: str, limit: int, bad: Any) -> str | None:
    """A line of text of at most `limit` characters, its spaces tidied."""
    if not isinstance(value, str) or not value.strip():
        bad(path, name, _("should be a line of text"))
        return None
    text = " ".join(value.split())
    if refused := control_problem(text):
        bad(path, name, refused)
        return None
    if len(text) > limit:
        bad(
            path,
            name,
            _("is {n} characters long; keep it under {limit}").format(n=len(text), limit=limit),
        )
        return None
    return text


def _sources(value: Any, path: Path_, bad: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str) and item.strip() for item in items):
        bad(path, "source", _("should name organisations, e.g. [NCI, ASCO]"))
        return ()
    return tuple(item.strip() for item in items)


def _conditions(
    value: Any, path: Path_, name: str, bad: Any, medicines: MedicineList
) -> Conditions:
    if value is None:
        return Conditions()
    if not isinstance(value, dict) or not value:
        bad(path, name, _("should list answers to match, e.g. priorities: [work]"))
        return Conditions()
    choices: dict[str, frozenset[str]] = {}
    symptoms: dict[str, int] = {}
    for key, wanted in value.items():
        sub = (*path, key)
        field_name = f"{name}.{key}"
        if key == "symptoms":
            symptoms = _symptom_condition(wanted, sub, field_name, bad)
            continue
        if key in MEDICINE_CONDITIONS:
            named = _medicine_condition(key, wanted, sub, field_name, bad, medicines)
            if named:
                choices[key] = named
            continue
        if not _known(key, CONDITION_CHOICES):
            _unknown(bad, sub, f"{name}.{key}", (*CONDITION_FIELDS, *MEDICINE_CONDITIONS))
            continue
        allowed = CONDITION_CHOICES[key]
        items = wanted if isinstance(wanted, list) else [wanted]
        good = set()
        for j, item in enumerate(items):
            item_path = (*sub, j) if isinstance(wanted, list) else sub
            if not _known(item, allowed):
                _bad_value(
                    bad, item_path, field_name, item, allowed, _("a value of {key}").format(key=key)
                )
            else:
                good.add(item)
        if good:
            choices[key] = frozenset(good)
    return Conditions(choices, symptoms)


def _exclusions(value: Any, path: Path_, bad: Any, medicines: MedicineList) -> list[Conditions]:
    """`unless`: one set of conditions, or a list of them of which any one excludes."""
    if not isinstance(value, list):
        return [_conditions(value, path, "unless", bad, medicines)]
    if not value:
        bad(path, "unless", _("should list answers to match, e.g. stage_of_care: [stopping]"))
        return [Conditions()]
    return [_conditions(item, (*path, i), "unless", bad, medicines) for i, item in enumerate(value)]


def _medicine_condition(
    key: str, wanted: Any, path: Path_, name: str, bad: Any, medicines: MedicineList
) -> frozenset[str]:
    """Families as the medicine list names them; medicines by any of their
    names, kept as the generic name so that "Ibrance" and "palbociclib" agree."""
    items = wanted if isinstance(wanted, list) else [wanted]
    good: set[str] = set()
    families = sorted(medicines.families)
    for j, item in enumerate(items):
        item_path = (*path, j) if isinstance(wanted, list) else path
        if key == "medicine_family":
            if _known(item, families):
                good.add(item)
            else:
                _bad_value(
                    bad, item_path, name, item, families, _("a drug family of medicines.yaml")
                )
            continue
        found = medicines.find(item) if isinstance(item, str) else None
        if found is None:
            message = _('"{value}" is not a medicine of medicines.yaml').format(value=item)
            suggestion = medicines.suggest(str(item))
            if suggestion:
                message += ". " + _('Did you mean "{match}"?').format(match=suggestion)
            bad(item_path, name, message)
        else:
            good.add(found.name)
    return frozenset(good)


def _symptom_condition(value: Any, path: Path_, name: str, bad: Any) -> dict[str, int]:
    if not isinstance(value, dict) or not value:
        bad(path, name, _("should map a symptom to the lowest score that selects, e.g. {pain: 4}"))
        return {}
    result = {}
    for symptom, score in value.items():
        if not _known(symptom, v.SYMPTOMS):
            _bad_value(bad, (*path, symptom), name, symptom, v.SYMPTOMS, _("a symptom"))
        elif isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
            bad((*path, symptom), f"{name}.{symptom}", _("should be a whole number from 0 to 10"))
        else:
            result[symptom] = score
    return result


def _known(value: Any, allowed: Any) -> bool:
    """`value in allowed`, for values of any type a YAML file can hold."""
    return isinstance(value, str) and value in allowed


def _unknown(problem: Any, path: Path_, name: str, known: tuple[str, ...]) -> None:
    key = str(path[-1])
    message = _('"{key}" is not a field this program knows').format(key=key)
    match = closest(key, known)
    if match:
        message += ". " + _('Did you mean "{match}"?').format(match=match)
    problem(path, name, message)


def _bad_value(problem: Any, path: Path_, name: str, value: Any, allowed: Any, kind: str) -> None:
    message = _('"{value}" is not {kind}').format(value=value, kind=kind)
    match = closest(str(value), allowed)
    if match:
        message += ". " + _('Did you mean "{match}"?').format(match=match)
    else:
        message += ". " + _("Choose from: {values}").format(values=", ".join(allowed))
    problem(path, name, message)
