"""Choosing and ordering the questions for one person: a pure function.

`select(bank, answers)` reads nothing and writes nothing, so the same answers
always give the same worksheet, and every choice can be explained by the
reasons attached to it.

Which questions apply. A question applies when its `when` conditions match
the person's answers, its `unless` conditions do not, and its topic is not one
the person skipped. Of questions that share a `group` (the same thing asked in
other words) only the one that fits best applies: the one whose `when` matched
the most kinds of answer, and among equals the first in the bank. A question
that the after-visit page's warning signs already answer is left out.

What leads: the visit sheet. A visit has room for a handful of questions, so
the sheet leads with what a palliative-care nurse would raise first, in this
order (content-guide.md, "The visit sheet: what leads"):

1. situation: where the person is. Starting or changing treatment: the aim
   of the treatment and what it can offer. On treatment: is it working.
   Stopping: hospice and comfort. Not sure: where am I in my care.
2. severe symptoms: a symptom scored 7 or more, worst first: the person is
   suffering now, and something can often be done today. So the question
   about what can be done leads, not the "call at once if..." one: the
   warning signs are on the after-visit page.
3. prognosis: at the level the person chose; none for "not now"; through the
   family for "family first".
4. palliative care, unless the person already has it (or hospice).
5. high stakes: the question that matters most for their cancer, the places
   it has spread and their treatment (a bone drug for bone spread, seizures
   for brain spread, inherited-gene testing where advised, the test that must
   come before a drug); spread first, since it is a danger in the body now.
   Then, if none of those is about a medicine the person named, one that is
   (Ibrance's blood counts): the drug they know by name.
6. priorities: one question for each thing that matters most to them, in
   their order: a safety question first (`urgent`), then the one written for
   more of their answers, then the one written for that priority alone. A
   group stands for every answer any of its questions was written for: with
   cancer in the brain, "may I still drive?" answers "taking care of myself"
   (its group's other question was written for it), and being a safety
   question, before one about exercise.
7. the rest that was written for them (a symptom, a treatment, a site), then
   the questions for everyone.

A question marked `booklet_only` (fertility, the check for people 65 or
older: the answers do not say the person's age) is never on the visit sheet,
only in the booklet.

The first four are never pushed out by the later ones: when the sheet must be
shorter, questions go from the end. A clinic's own questions (`--clinic`)
follow the priorities and are kept too: the clinic asked for them on every
sheet. "Say back what I heard" is not ranked: it
closes the visit, last on the sheet.

The booklet (`all_questions`): the visit sheet, then every other question
that applies, by section.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .answers import Answers
from .bank import Bank, Conditions, Question, Section
from .medicines import Resolved
from .warning_signs import answered_by_signs

SEVERE_SYMPTOM = 7
MODERATE_SYMPTOM = 4
LEADING_SIZE = 10  # bank questions on the visit sheet, the closing one aside
# Large print keeps the same questions (a patient's son: "the big print version lost
# both of those questions"); the fitter drops the last ones only if 8 pages cannot hold them.
LARGE_PRINT_LEADING_SIZE = LEADING_SIZE
SEVERE_MAX = 3  # severe symptoms with a question of their own
HIGH_STAKES_MAX = 2

# 1. What the visit is about, by stage of care: groups of the bank, best first.
SITUATION: dict[str | None, tuple[str, ...]] = {
    "starting": ("aim-of-treatment",),
    "changing": ("aim-of-treatment", "next-choices"),
    "on_treatment": ("is-it-working",),
    "stopping": ("hospice", "comfort-care"),
    "unsure": ("where-am-i", "aim-of-treatment"),
    None: ("aim-of-treatment",),  # not said: the aim of treatment helps anyone on it
}
# 3. The prognosis question, by how much the person wants to hear.
PROGNOSIS: dict[str | None, tuple[str, ...]] = {
    "details": ("outlook-ahead",),
    "big_picture": ("outlook-ahead",),
    "family_first": ("outlook-family-first",),
    "not_now": (),
    None: ("outlook-ask-first",),  # not said: ask me first how much I want to know
}
# 4. Palliative care: a referral; for someone stopping, what it is next to hospice.
PALLIATIVE = ("palliative-referral", "palliative-explained")
# Last on the sheet.
CLOSING = "say-it-back"
# The kinds of answer a high-stakes question can answer to, most pressing first.
HIGH_STAKES_ORDER = ("spread_to", "medicines", "cancer_type", "treatments")

# Never trimmed to fit the pages: the first tiers, and what the clinic asks of every sheet.
PROTECTED = frozenset({"situation", "prognosis", "palliative_care", "clinic"})


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
    lead: str | None = None  # why it is on the visit sheet: "situation", "priority"...

    @property
    def fit(self) -> int:
        """How many kinds of answer the question was written for (0: everyone)."""
        return len({reason.answer for reason in self.reasons})


@dataclass(frozen=True)
class Selection:
    own_questions: tuple[str, ...]
    leading: tuple[Chosen, ...]  # the visit sheet's questions, in order, closing last
    sections: tuple[tuple[Section, tuple[Chosen, ...]], ...]  # the booklet's other questions
    medicines: tuple[Resolved, ...] = ()
    # The treatments given and those the medicines imply, in that order.
    treatments: tuple[str, ...] = ()

    def all(self) -> list[Chosen]:
        """Every selected question in printed order: the visit sheet, then by section."""
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


def all_treatments(answers: Answers, medicines: tuple[Resolved, ...]) -> tuple[str, ...]:
    """The treatments given and those the person's medicines imply, in that order."""
    return (*answers.treatments, *(r.value for r in implied_treatments(answers, medicines)))


def applicable(bank: Bank, answers: Answers) -> list[Chosen]:
    """Every question that applies, one per group, in the bank's order."""
    medicines = bank.medicines.resolve_all(answers.medicines)
    answered = answered_by_signs(answers, all_treatments(answers, medicines), medicines)
    found = [
        Chosen(q, tuple(reasons))
        for q in bank.questions
        if q.id not in answered and (reasons := reasons_for(q, answers, medicines)) is not None
    ]
    best: dict[str, Chosen] = {}
    for chosen in found:  # max() keeps the first of equals: the bank's order
        group = chosen.question.group
        if group is not None and (group not in best or chosen.fit > best[group].fit):
            best[group] = chosen
    return [c for c in found if c.question.group is None or best[c.question.group] is c]


def ranked(bank: Bank, answers: Answers) -> list[Chosen]:
    """The visit sheet's candidates, best first, each marked with why it leads."""
    pool = [c for c in applicable(bank, answers) if not c.question.booklet_only]
    stands_for = _group_answers(bank)
    placed: list[Chosen] = []
    taken: set[str] = set()

    def take(lead: str, candidates: Iterable[Chosen], limit: int | None = None) -> None:
        count = 0
        for chosen in candidates:
            if limit is not None and count == limit:
                return
            if chosen.question.id not in taken:
                taken.add(chosen.question.id)
                placed.append(Chosen(chosen.question, chosen.reasons, lead))
                count += 1

    by_group = {c.question.group: c for c in pool if c.question.group}

    def groups(names: Iterable[str]) -> list[Chosen]:
        return [by_group[name] for name in names if name in by_group]

    def picked_by(answer: str, value: str) -> list[Chosen]:
        """The questions this answer chose, the best fit first: written for more of the
        person's answers, then for this one alone ("staying out of the hospital")
        before one shared with others ("at home or out of the hospital")."""
        wanted = Reason(answer, value)

        def written_for(chosen: Chosen) -> frozenset[str] | None:
            """The values of `answer` the question (or its group) was written for."""
            if wanted in chosen.reasons:
                return chosen.question.when.choices.get(answer, frozenset())
            return stands_for.get((chosen.question.group, answer, value))

        hits = [(c, values) for c in pool if (values := written_for(c)) is not None]

        def order(hit: tuple[Chosen, frozenset[str]]) -> tuple[bool, int, bool, int]:
            chosen, values = hit
            standing_in = wanted not in chosen.reasons
            return (not chosen.question.urgent, -chosen.fit, standing_in, len(values))

        # Stable: the bank's order among equals.
        ordered = sorted(hits, key=order)
        return [c if wanted in c.reasons else _standing_for(c, wanted) for c, _ in ordered]

    # 1. Where the person is.
    take("situation", groups(SITUATION.get(answers.stage_of_care, SITUATION[None])))
    # 2. Severe symptoms, worst first; for each, its most pressing question.
    for symptom in _worst_first(answers, SEVERE_SYMPTOM)[:SEVERE_MAX]:
        take("severe_symptom", _symptom_questions(pool, symptom), limit=1)
    # 3. Prognosis, as the person asked.
    take("prognosis", groups(PROGNOSIS.get(answers.information, ())), limit=1)
    # 4. Palliative care (the bank leaves it out for someone who already has it).
    take("palliative_care", groups(PALLIATIVE), limit=1)
    # 5. The highest stakes for their cancer, sites and treatment.
    stakes = [c for c in pool if c.question.high_stakes and c.reasons]
    take("high_stakes", sorted(stakes, key=_stakes_order), limit=HIGH_STAKES_MAX)
    # 5b. A question about a medicine the person named, if none is on the sheet yet
    # (the patient's son: "Mum's main cancer pill is Ibrance... nothing is about it").
    if not any(_own_drug(c) for c in placed):
        own = sorted(
            (c for c in pool if _own_drug(c)), key=lambda c: (not c.question.urgent, -c.fit)
        )
        take("own_medicine", own, limit=1)
    # 6. Each priority once, in the person's order.
    for priority in answers.priorities:
        take("priority", picked_by("priorities", priority), limit=1)
    # The clinic's own questions, which it prints on every worksheet.
    take("clinic", (c for c in pool if c.question.from_clinic))
    # 7. The rest written for them: a moderate symptom, a warning sign, a best fit...
    for symptom in _worst_first(answers, MODERATE_SYMPTOM):
        if not any(Reason("symptoms", symptom) in c.reasons for c in placed):
            take("symptom", _symptom_questions(pool, symptom), limit=1)
    # ("Not now" means no question about what lies ahead on the sheet at all.)
    rest = [c for c in pool if c.question.group != CLOSING and not _held_back(c, answers)]
    # (One question per symptom on the sheet: the others are in the booklet.)
    asked = {r.value for c in placed for r in c.reasons if r.answer == "symptoms"}
    tailored = [c for c in rest if c.reasons and not _only_about(c, asked)]
    # (A question about the person's own drug before one about its whole class.)
    take(
        "for_me", sorted(tailored, key=lambda c: (not c.question.urgent, not _own_drug(c), -c.fit))
    )
    # ...then the questions for everyone.
    take("for_everyone", (c for c in rest if c.question.core))
    return placed


def _group_answers(bank: Bank) -> dict[tuple[str | None, str, str], frozenset[str]]:
    """(group, answer, value) -> the values of that answer named by the group's
    question written for it: what each group stands for, whichever of its
    questions is printed."""
    found: dict[tuple[str | None, str, str], frozenset[str]] = {}
    for question in bank.questions:
        if question.group is None:
            continue
        for answer, values in question.when.choices.items():
            for value in values:
                key = (question.group, answer, value)
                if key not in found or len(values) < len(found[key]):
                    found[key] = values
    return found


def _standing_for(chosen: Chosen, reason: Reason) -> Chosen:
    """The question of a group, chosen for an answer another of its questions was written for."""
    return Chosen(chosen.question, (*chosen.reasons, reason), chosen.lead)


def _only_about(chosen: Chosen, symptoms: set[str]) -> bool:
    """Chosen only for symptoms that already have their question on the sheet."""
    return all(r.answer == "symptoms" and r.value in symptoms for r in chosen.reasons)


def _own_drug(chosen: Chosen) -> bool:
    return any(r.answer == "medicines" for r in chosen.reasons)


def _held_back(chosen: Chosen, answers: Answers) -> bool:
    topics = {chosen.question.topic, chosen.question.section_topic}
    return answers.information == "not_now" and "prognosis" in topics


def visit_sheet(candidates: list[Chosen], pool_closing: Chosen | None, size: int) -> list[Chosen]:
    """The first `size` candidates (the protected ones always), then the closing question."""
    sheet: list[Chosen] = []
    others = 0
    for chosen in candidates:
        if chosen.lead in PROTECTED:
            sheet.append(chosen)
        elif others < size - sum(c.lead in PROTECTED for c in candidates):
            sheet.append(chosen)
            others += 1
    if pool_closing is not None and size >= 0:  # below 0: a sheet too full even for it
        sheet.append(Chosen(pool_closing.question, pool_closing.reasons, "closing"))
    return sheet


def select(
    bank: Bank, answers: Answers, *, all_questions: bool = False, size: int = LEADING_SIZE
) -> Selection:
    """The visit sheet of `size` questions (plus the closing one), and with
    `all_questions` every other question that applies, by section."""
    pool = applicable(bank, answers)
    closing = next((c for c in pool if c.question.group == CLOSING), None)
    leading = visit_sheet(ranked(bank, answers), closing, size)
    sections: list[tuple[Section, tuple[Chosen, ...]]] = []
    if all_questions:
        led = {c.question.id for c in leading}
        for section in bank.sections:
            rest = tuple(
                c for c in pool if c.question.section == section.id and c.question.id not in led
            )
            if rest:
                sections.append((section, rest))
    medicines = bank.medicines.resolve_all(answers.medicines)
    return Selection(
        answers.own_questions,
        tuple(leading),
        tuple(sections),
        medicines,
        all_treatments(answers, medicines),
    )


def leading_size(large_print: bool) -> int:
    return LARGE_PRINT_LEADING_SIZE if large_print else LEADING_SIZE


def _worst_first(answers: Answers, lowest: int) -> list[str]:
    scored = [(s, n) for s, n in answers.symptoms.items() if n >= lowest]
    return [s for s, _ in sorted(scored, key=lambda item: -item[1])]


def _symptom_questions(pool: list[Chosen], symptom: str) -> list[Chosen]:
    """The questions a symptom selected: a warning written for it and the person's
    treatment first (breathless on immunotherapy: could it be pneumonitis?), then
    what can be done about it, the one for the worse score first ({pain: 7} before
    {pain: 4}); a warning about the symptom alone ("call at once if...") last,
    since the after-visit page lists the signs."""
    hits = [c for c in pool if Reason("symptoms", symptom) in c.reasons]
    threshold: Callable[[Chosen], int] = lambda c: c.question.when.symptoms.get(symptom, 0)  # noqa: E731

    def order(chosen: Chosen) -> tuple[bool, bool, int, int]:
        warning_only = chosen.question.urgent and chosen.fit == 1
        for_their_treatment = chosen.question.urgent and chosen.fit > 1
        return (warning_only, not for_their_treatment, -threshold(chosen), -chosen.fit)

    return sorted(hits, key=order)


def _stakes_order(chosen: Chosen) -> int:
    kinds = [
        HIGH_STAKES_ORDER.index(r.answer) for r in chosen.reasons if r.answer in HIGH_STAKES_ORDER
    ]
    return min(kinds, default=len(HIGH_STAKES_ORDER))
