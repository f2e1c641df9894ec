"""The built-in bank as a clinician and a reader would judge it: coverage of
every answer, plain words, no repeats, and the right questions for real people."""

from __future__ import annotations

import difflib
import itertools
import re
import statistics

import pytest

from worksheets import vocabulary as v
from worksheets.answers import Answers
from worksheets.bank import load_bank
from worksheets.selection import select

BANK = load_bank()


def selected_ids(answers: Answers) -> set[str]:
    return {c.question.id for c in select(BANK, answers, all_questions=True).all()}


BASELINE = selected_ids(Answers())


def test_the_bank_is_large_and_every_question_is_complete():
    assert len(BANK.questions) >= 160
    for q in BANK.questions:
        assert q.sources, f"{q.id}: name the public guidance it follows"
        assert "?" in q.text, f"{q.id}: a question, in the person's voice"
        assert len(q.text.split()) <= 25, f"{q.id}: {len(q.text.split())} words"
        sentences = re.findall(r"[.!?](?:\s|$)", q.why)
        assert 1 <= len(sentences) <= 3, f"{q.id}: the why should be one or two short sentences"


CASES = (
    [("cancer_type", value) for value in v.CANCER_TYPES]
    + [("spread_to", (value,)) for value in v.SITES]
    + [("stage_of_care", value) for value in v.STAGES_OF_CARE]
    + [("treatments", (value,)) for value in v.TREATMENTS]
    + [("priorities", (value,)) for value in v.PRIORITIES]
    + [("information", value) for value in v.INFORMATION]
    + [("symptoms", {value: 4}) for value in v.SYMPTOMS]
)


@pytest.mark.parametrize(("field", "value"), CASES, ids=lambda x: str(x))
def test_every_answer_brings_at_least_three_questions_of_its_own(field, value):
    from worksheets.warning_signs import signs_for

    answers = Answers(**{field: value})
    added = selected_ids(answers) - BASELINE
    # A warning sign on the after-visit page stands in for the question it answers.
    signs = set(signs_for(answers)) - set(signs_for(Answers()))
    assert len(added) + len(signs) >= 3, f"{field}={value} adds only {sorted(added)}"


@pytest.mark.parametrize("topic", v.SKIP_TOPICS)
def test_every_skippable_topic_removes_questions(topic):
    everything = Answers(priorities=tuple(v.PRIORITIES), information="details")
    skipped = Answers(priorities=tuple(v.PRIORITIES), information="details", skip_topics=(topic,))
    assert len(selected_ids(skipped)) < len(selected_ids(everything))
    removed = selected_ids(everything) - selected_ids(skipped)
    assert all(topic in (BANK_BY_ID[i].topic, BANK_BY_ID[i].section_topic) for i in removed)


BANK_BY_ID = {q.id: q for q in BANK.questions}


def test_severe_symptoms_come_to_the_front():
    for symptom in v.SYMPTOMS:
        leading = select(
            BANK, Answers(symptoms={symptom: 8}, priorities=("work", "travel"))
        ).leading
        # Right after the situation question (here: the aim of treatment).
        assert leading[0].lead == "situation"
        assert any(r.value == symptom for r in leading[1].reasons), symptom


def _grade(text: str) -> float:
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


def test_reading_level_is_plain():
    grades = {q.id: _grade(q.text) for q in BANK.questions}
    values = sorted(grades.values())
    assert statistics.median(values) <= 6
    assert values[int(0.9 * (len(values) - 1))] <= 8.5
    over = {qid: grade for qid, grade in grades.items() if grade > 9}
    assert not over, f"above grade 9: {over}"


def _content_words(text: str) -> set[str]:
    small = {
        "i",
        "my",
        "me",
        "the",
        "a",
        "an",
        "to",
        "of",
        "and",
        "or",
        "is",
        "it",
        "can",
        "do",
        "what",
        "how",
        "will",
        "should",
        "for",
        "in",
        "on",
        "with",
        "if",
        "be",
        "are",
        "that",
        "this",
        "there",
        "when",
        "which",
        "any",
        "about",
        "we",
        "you",
        "your",
    }
    return set(re.findall(r"[a-z']+", text.lower())) - small


def test_no_two_questions_say_the_same_thing():
    similar = []
    for a, b in itertools.combinations(BANK.questions, 2):
        ratio = difflib.SequenceMatcher(None, a.text.lower(), b.text.lower()).ratio()
        wa, wb = _content_words(a.text), _content_words(b.text)
        overlap = len(wa & wb) / max(1, len(wa | wb))
        if ratio > 0.75 or overlap > 0.6:
            similar.append((a.id, b.id, round(ratio, 2), round(overlap, 2)))
    assert not similar


# --- Realistic people: what a good oncology nurse would expect on their sheet ---

PEOPLE = {
    "breast, bones, hormone, starting": (
        Answers(
            cancer_type="breast",
            spread_to=("bones",),
            stage_of_care="starting",
            treatments=("hormone", "targeted"),
            priorities=("work", "family_time", "activities"),
            information="details",
            symptoms={"pain": 5},
        ),
        ["HER2", "bone", "hormone", "work"],
    ),
    "lung, brain, immunotherapy": (
        Answers(
            cancer_type="lung",
            spread_to=("brain",),
            stage_of_care="on_treatment",
            treatments=("immunotherapy",),
            priorities=("independence", "clear_mind"),
            information="big_picture",
            symptoms={"breathlessness": 7},
        ),
        ["EGFR", "seizure", "driv", "immunotherapy", "breath"],
    ),
    "pancreatic, liver, chemotherapy": (
        Answers(
            cancer_type="pancreatic",
            spread_to=("liver",),
            stage_of_care="starting",
            treatments=("chemotherapy",),
            priorities=("eat_comfortably", "travel"),
            symptoms={"nausea": 6, "appetite": 7},
        ),
        ["BRCA", "fever", "liver", "eat", "travel"],
    ),
    "prostate, bones, hormone, changing": (
        Answers(
            cancer_type="prostate",
            spread_to=("bones", "lymph_nodes"),
            stage_of_care="changing",
            treatments=("hormone", "radiation"),
            priorities=("more_time", "comfort"),
        ),
        ["PSA", "bone", "radiation", "next"],
    ),
    "colorectal, liver and peritoneum, trial": (
        Answers(
            cancer_type="colorectal",
            spread_to=("liver", "peritoneum"),
            stage_of_care="changing",
            treatments=("chemotherapy", "clinical_trial"),
            priorities=("more_time", "money"),
            information="details",
        ),
        ["MSI", "RAS", "trial", "belly"],
    ),
    "ovarian, peritoneum, stopping": (
        Answers(
            cancer_type="ovarian",
            spread_to=("peritoneum",),
            stage_of_care="stopping",
            priorities=("at_home", "comfort", "faith"),
            information="family_first",
            symptoms={"pain": 8, "low_mood": 6},
        ),
        ["hospice", "home", "pain", "family"],
    ),
    "melanoma, lungs, immunotherapy, not now": (
        Answers(
            cancer_type="melanoma",
            spread_to=("lungs",),
            stage_of_care="on_treatment",
            treatments=("immunotherapy",),
            priorities=("travel", "activities"),
            information="not_now",
            skip_topics=("planning_ahead",),
        ),
        ["BRAF", "diarrhea", "breath", "travel"],
    ),
    "kidney, unsure, targeted, anxious": (
        Answers(
            cancer_type="kidney",
            spread_to=("unsure",),
            stage_of_care="on_treatment",
            treatments=("targeted", "immunotherapy"),
            priorities=("not_a_burden", "family_time"),
            symptoms={"anxiety": 7, "sleep": 5},
        ),
        ["kidney", "worr", "sleep", "pill"],
    ),
    "bladder, none yet, unsure of much": (
        Answers(
            cancer_type="bladder",
            spread_to=("lymph_nodes",),
            stage_of_care="unsure",
            treatments=("none_yet",),
            priorities=("avoid_hospital",),
        ),
        ["bladder", "lymph", "decide", "hospital"],
    ),
}

EXCLUSIVE = {
    "cancer_type": lambda a: {a.cancer_type},
    "spread_to": lambda a: set(a.spread_to),
    "treatments": lambda a: set(a.treatments),
}


@pytest.mark.parametrize("person", PEOPLE)
def test_each_person_gets_what_a_nurse_would_expect(person):
    answers, expected_words = PEOPLE[person]
    selection = select(BANK, answers, all_questions=True)
    chosen = selection.all()
    from worksheets.warning_signs import signs_for

    text = " ".join(f"{c.question.text} {c.question.why}" for c in chosen).lower()
    text += " ".join(sign.text for sign in signs_for(answers)).lower()  # the after-visit page
    for word in expected_words:
        assert word.lower() in text, f"{person}: nothing about {word!r}"
    for c in chosen:
        for field, has in EXCLUSIVE.items():
            wanted = c.question.when.choices.get(field)
            assert not wanted or wanted & has(answers), f"{person}: {c.question.id} is not for them"
    # The first pages lead with what matters to this person.
    lead_reasons = {r.value for c in selection.leading for r in c.reasons}
    assert answers.priorities[0] in lead_reasons, person
    assert 8 <= len(selection.leading) <= 12


def test_different_people_get_different_first_pages():
    firsts = {
        person: tuple(c.question.id for c in select(BANK, answers).leading[:8])
        for person, (answers, _) in PEOPLE.items()
    }
    assert len(set(firsts.values())) == len(firsts)


def test_a_person_who_says_not_now_is_not_pushed_about_what_lies_ahead():
    answers, _ = PEOPLE["melanoma, lungs, immunotherapy, not now"]
    prognosis = [
        c.question
        for c in select(BANK, answers, all_questions=True).all()
        if c.question.section == "prognosis"
    ]
    assert prognosis, "the door stays open, in the booklet"
    assert not any(c.lead == "prognosis" for c in select(BANK, answers).leading)
    for q in prognosis:
        assert not q.when or "not_now" in q.when.choices.get("information", ())
