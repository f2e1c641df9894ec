"""Choosing and ordering the questions for one person: a pure function.

`select(bank, answers)` reads nothing and writes nothing, so the same answers
always give the same worksheet, and every choice can be explained by the
reasons attached to it.

How it chooses. A question applies when its `when` conditions match the
person's answers, its `unless` conditions do not, and its topic is not one the
person skipped. Tailored questions (those with a `when`) that apply are always
printed; of the questions for everyone, the `core` ones are printed and the
rest only with `all_questions`.

How it orders. Each question scores by what it matched: a top priority or a
severe symptom most, then the current treatments, stage of care, sites and
kind of cancer; a warning sign (`urgent`) ranks higher. The highest scores, a
few per section and per answer so that one topic cannot crowd out the others,
form the leading set on the first pages; everything else follows in the bank's
section order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .answers import Answers
from .bank import Bank, Conditions, Question, Section
from .medicines import Resolved

LEADING_SIZE = 15
LEADING_PER_SECTION = 5
LEADING_PER_ANSWER = 2  # e.g. at most two questions led by "work", warning signs aside
SEVERE_SYMPTOM = 7

# Points for each kind of match. A symptom scored 7 or more outranks even the
# first priority: the person is suffering now.
PRIORITY_POINTS = (40, 32, 26)  # first, second and third priority
OTHER_PRIORITY_POINTS = 14
SEVERE_SYMPTOM_POINTS = 45
SYMPTOM_POINTS = 20
FIELD_POINTS = {
    "medicines": 24,  # a question about the person's own drug
    "treatments": 22,
    "stage_of_care": 18,
    "spread_to": 16,
    "cancer_type": 16,
    "information": 12,
}
CORE_POINTS = 10
URGENT_POINTS = 15  # warning signs: what to call about, day or night


@dataclass(frozen=True)
class Reason:
    """One answer that selected a question: ("priorities", "work")."""

    answer: str
    value: str
    # The medicine, as the person named it, that implied this answer: a
    # treatment class taken from "Ibrance".
    medicine: str | None = None


@dataclass(frozen=True)
class Chosen:
    question: Question
    reasons: tuple[Reason, ...]
    score: int


@dataclass(frozen=True)
class Selection:
    own_questions: tuple[str, ...]
    leading: tuple[Chosen, ...]
    sections: tuple[tuple[Section, tuple[Chosen, ...]], ...]
    medicines: tuple[Resolved, ...] = ()
    # The treatments given and those the medicines imply, in that order.
    treatments: tuple[str, ...] = ()

    def all(self) -> list[Chosen]:
        """Every selected question in printed order: the leading set, then by section."""
        return [*self.leading, *(c for _, chosen in self.sections for c in chosen)]


def match(
    conditions: Conditions, answers: Answers, medicines: tuple[Resolved, ...] = ()
) -> list[Reason] | None:
    """The answers that satisfy every condition, or None if one fails."""
    reasons: list[Reason] = []
    for answer, wanted in conditions.choices.items():
        if answer in ("medicine_family", "medicine"):
            hits = [
                Reason("medicines", m.given)
                for m in medicines
                if wanted & set(m.families if answer == "medicine_family" else m.generic_names)
            ]
        else:
            given = getattr(answers, answer)
            values = given if isinstance(given, tuple) else (given,) if given else ()
            hits = [Reason(answer, value) for value in values if value in wanted]
            if answer == "treatments":
                hits += implied_treatments(answers, medicines, wanted)
        if not hits:
            return None
        reasons.extend(hits)
    if conditions.symptoms:
        symptoms = [
            symptom
            for symptom, lowest in conditions.symptoms.items()
            if answers.symptoms.get(symptom, -1) >= lowest
        ]
        if not symptoms:
            return None
        reasons.extend(Reason("symptoms", symptom) for symptom in symptoms)
    return reasons


def implied_treatments(
    answers: Answers, medicines: tuple[Resolved, ...], wanted: frozenset[str] | None = None
) -> list[Reason]:
    """The treatment classes the person's medicines imply beyond those they gave,
    each once, with the first medicine that implies it."""
    reasons: list[Reason] = []
    seen = set(answers.treatments)
    for resolved in medicines:
        for treatment in resolved.classes:
            if treatment not in seen and (wanted is None or treatment in wanted):
                seen.add(treatment)
                reasons.append(Reason("treatments", treatment, medicine=resolved.given))
    return reasons


def reasons_for(
    question: Question, answers: Answers, medicines: tuple[Resolved, ...] = ()
) -> list[Reason] | None:
    """Why the question applies to this person (empty: it is for everyone), or None."""
    # A skipped topic removes its own questions and every question of its section.
    if {question.topic, question.section_topic} & set(answers.skip_topics):
        return None
    for unless in (question.unless, *question.unless_also):
        if unless and match(unless, answers, medicines) is not None:
            return None
    if not question.when:
        return []
    return match(question.when, answers, medicines)


def score(question: Question, reasons: list[Reason], answers: Answers) -> int:
    """Points for what the question matched. Each kind of answer counts once,
    at its best: a question that fits two of the person's treatments is not
    twice as important as one written for the treatment itself."""
    best: dict[str, int] = {}
    for reason in reasons:
        if reason.answer == "priorities":
            rank = answers.priorities.index(reason.value)
            points = PRIORITY_POINTS[rank] if rank < len(PRIORITY_POINTS) else OTHER_PRIORITY_POINTS
        elif reason.answer == "symptoms":
            # The worse the symptom, the sooner its questions: a 10 before a 7.
            scored = answers.symptoms.get(reason.value, 0)
            base = SEVERE_SYMPTOM_POINTS if scored >= SEVERE_SYMPTOM else SYMPTOM_POINTS
            points = base + scored
        else:
            points = FIELD_POINTS.get(reason.answer, 0)
        best[reason.answer] = max(points, best.get(reason.answer, 0))
    return (
        sum(best.values())
        + (CORE_POINTS if question.core else 0)
        + (URGENT_POINTS if question.urgent and reasons else 0)
    )


def select(bank: Bank, answers: Answers, *, all_questions: bool = False) -> Selection:
    medicines = bank.medicines.resolve_all(answers.medicines)
    chosen: list[Chosen] = []
    for question in bank.questions:
        reasons = reasons_for(question, answers, medicines)
        if reasons is None:
            continue
        if not reasons and not question.core and not all_questions:
            continue
        chosen.append(Chosen(question, tuple(reasons), score(question, reasons, answers)))

    # sorted() is stable: equal scores keep the bank's order.
    by_score = sorted(chosen, key=lambda c: -c.score)
    leading: list[Chosen] = []
    per_section: Counter[str] = Counter()
    per_answer: Counter[Reason] = Counter()
    for candidate in by_score:
        if len(leading) == LEADING_SIZE or candidate.score == 0:
            break
        lead = _leading_reason(candidate, answers)
        if per_section[candidate.question.section] < LEADING_PER_SECTION and (
            lead is None or candidate.question.urgent or per_answer[lead] < LEADING_PER_ANSWER
        ):
            leading.append(candidate)
            per_section[candidate.question.section] += 1
            if lead is not None:
                per_answer[lead] += 1

    led = {c.question.id for c in leading}
    sections = []
    for section in bank.sections:
        rest = tuple(
            c for c in chosen if c.question.section == section.id and c.question.id not in led
        )
        if rest:
            sections.append((section, rest))
    treatments = (
        *answers.treatments,
        *(r.value for r in implied_treatments(answers, medicines)),
    )
    return Selection(answers.own_questions, tuple(leading), tuple(sections), medicines, treatments)


def _leading_reason(chosen: Chosen, answers: Answers) -> Reason | None:
    """The answer that weighs most in the question's score ("work", "pain")."""
    if not chosen.reasons:
        return None
    return max(chosen.reasons, key=lambda r: score(chosen.question, [r], answers))


def core_sections(bank: Bank) -> tuple[tuple[Section, tuple[Chosen, ...]], ...]:
    """The questions for everyone, by section: the blank worksheet's questions."""
    sections = []
    for section in bank.sections:
        core = tuple(
            Chosen(q, (), CORE_POINTS)
            for q in bank.questions
            if q.section == section.id and q.core and not q.when
        )
        if core:
            sections.append((section, core))
    return tuple(sections)
