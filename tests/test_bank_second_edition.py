"""The bank's second edition: the end of life, hospice, legal affairs, legacy,
caregivers, fitness and intimacy, each gated with care; and the corrections of
the review, each held by a test."""

from __future__ import annotations

import re

import pytest
import yaml

from worksheets import vocabulary as v
from worksheets.answers import Answers
from worksheets.bank import load_bank
from worksheets.paths import BANK_DIR
from worksheets.selection import select

BANK = load_bank()
BY_ID = {q.id: q for q in BANK.questions}


def ids_in(*files: str) -> list[str]:
    found = []
    for name in files:
        data = yaml.safe_load((BANK_DIR / name).read_text(encoding="utf-8"))
        found += [q["id"] for q in data["questions"]]
    return found


END_OF_LIFE = ids_in("end_of_life.yaml")
CAREGIVERS = ids_in("caregivers.yaml")
LIVING_WELL = ids_in("living_well.yaml")


def chosen(answers: Answers) -> set[str]:
    return {c.question.id for c in select(BANK, answers, all_questions=True).all()}


def everything(**changes) -> Answers:
    """Someone who answered everything, so that only the gating can leave a question out."""
    base = dict(
        cancer_type="breast",
        spread_to=("bones",),
        stage_of_care="stopping",
        treatments=("hormone",),
        priorities=tuple(v.PRIORITIES),
        information="details",
        already_have=("hospice",),
    )
    return Answers(**{**base, **changes})


def test_at_least_forty_new_questions_and_eight_for_caregivers():
    assert len(END_OF_LIFE) + len(CAREGIVERS) + len(LIVING_WELL) >= 40
    assert len(CAREGIVERS) >= 8
    topics = " ".join(BY_ID[i].text + " " + BY_ID[i].why for i in END_OF_LIFE).lower()
    for needed in (
        "last weeks",
        "time is getting short",
        "six months or less",
        "medicare",
        "nurse on call",
        "qualify for hospice now",
        "cost",
        "radiation for pain",
        "transfusion",
        "911",
        "if i die",
        "after i die",
        "will",
        "power of attorney",
        "funeral",
        "as a person",
        "dignity",
        "feeding tube",
        "dialysis",
        "intensive care",
    ):
        assert needed in topics, needed


def test_a_person_who_said_not_now_gets_none_of_the_end_of_life_questions():
    for stage in v.STAGES_OF_CARE:
        got = chosen(everything(information="not_now", stage_of_care=stage))
        # Whom to call at night on hospice is safety, not the outlook (nurse review 2).
        kept = {"legacy-know-me-as-a-person", "legacy-making-peace", "hospice-call-first"}
        assert not got & set(END_OF_LIFE) - kept


def test_the_end_of_life_waits_for_the_stage_of_care_where_it_belongs():
    for stage in ("starting", "on_treatment"):
        got = chosen(everything(stage_of_care=stage, already_have=()))
        # A will is for anyone who asks for the whole booklet; nothing else is.
        assert got & set(END_OF_LIFE) == {"legal-will"}, stage
    stopping = chosen(everything(already_have=()))
    for qid in (
        "eol-last-weeks",
        "hospice-who-qualifies",
        "hospice-qualify-now",
        "eol-time-of-death",
    ):
        assert qid in stopping


def test_skipped_topics_take_their_end_of_life_questions_with_them():
    full = chosen(everything(already_have=()))
    no_planning = chosen(everything(already_have=(), skip_topics=("planning_ahead",)))
    no_prognosis = chosen(everything(already_have=(), skip_topics=("prognosis",)))
    assert "hospice-who-qualifies" in full and "hospice-who-qualifies" not in no_planning
    assert "legacy-leave-something" not in no_planning
    assert "eol-last-weeks" in full and "eol-last-weeks" not in no_prognosis
    no_costs = chosen(everything(already_have=(), skip_topics=("costs",)))
    assert "hospice-cost" not in no_costs


def test_hospice_questions_for_those_on_hospice_and_for_those_who_are_not():
    on_hospice = chosen(everything())
    assert "hospice-call-first" in on_hospice
    assert "hospice-who-qualifies" not in on_hospice and "hospice-choose-one" not in on_hospice
    not_yet = chosen(everything(already_have=()))
    assert "hospice-call-first" not in not_yet


def test_caregiver_questions_are_for_later_stages_or_the_matching_priorities():
    starting = chosen(Answers(stage_of_care="starting"))
    assert not starting & set(CAREGIVERS)
    assert set(CAREGIVERS) - {"care-children", "care-money-help"} <= chosen(
        Answers(stage_of_care="stopping")
    )
    assert "care-children" in chosen(Answers(priorities=("family_time",)))


def test_fitness_fertility_and_intimacy():
    starting_chemo = chosen(Answers(stage_of_care="starting", treatments=("chemotherapy",)))
    assert {"fit-strong-enough", "fit-geriatric-assessment", "fertility-before-treatment"} <= (
        starting_chemo
    )
    assert "intimacy-during-treatment" in starting_chemo
    assert "intimacy-hormone-changes" in chosen(Answers(treatments=("hormone",)))
    stopping = chosen(Answers(stage_of_care="stopping", treatments=("chemotherapy",)))
    assert "fertility-before-treatment" not in stopping
    # One question on the other medicines (nurse review, finding 8): for someone stopping,
    # the one about what to keep taking.
    assert "meds-after-stopping-treatment" in stopping and "meds-no-longer-helping" not in stopping
    assert "meds-no-longer-helping" in chosen(Answers(stage_of_care="changing"))


# --- Corrections ---------------------------------------------------------------------


def text_of(answers: Answers) -> str:
    return " ".join(
        f"{c.question.text} {c.question.why}"
        for c in select(BANK, answers, all_questions=True).all()
    ).lower()


def test_brain_spread_names_radiosurgery_and_memory_sparing_with_memantine():
    text = text_of(Answers(spread_to=("brain",)))
    assert "radiosurgery" in text and "memantine" in text and "hippocampus" in text


@pytest.mark.parametrize("treatment", ["immunotherapy", "radiation"])
def test_breathlessness_on_immunotherapy_or_radiation_names_pneumonitis(treatment):
    assert "pneumonitis" in text_of(
        Answers(treatments=(treatment,), symptoms={"breathlessness": 5})
    )


def test_breast_receptors_include_triple_negative_and_the_conjugates_for_her2_low():
    why = BY_ID["test-breast-receptors"].why.lower()
    assert "triple-negative" in BY_ID["test-breast-receptors"].text.lower()
    assert "trastuzumab deruxtecan" in why and "sacituzumab govitecan" in why


def test_no_premedication_claim_for_checkpoint_inhibitors():
    alone = {
        c.question.id
        for c in select(BANK, Answers(treatments=("immunotherapy",)), all_questions=True).all()
    }
    assert "effects-prevent-early" not in alone
    for qid in alone:
        q = BY_ID[qid]
        if "immunotherapy" in q.when.choices.get("treatments", ()):
            assert not re.search(
                r"before each|premedic|ahead of time", f"{q.text} {q.why}", re.I
            ), qid


def test_targeted_drug_checks_include_blood_counts():
    assert "blood counts" in BY_ID["effects-targeted-checks"].text


def test_every_911_question_also_fits_a_person_on_hospice():
    for q in BANK.questions:
        if "911" in q.text or "911" in q.why:
            assert "hospice" in f"{q.text} {q.why}".lower(), q.id


def test_no_time_frame_leaves_out_weeks():
    for q in BANK.questions:
        if re.search(r"months or (in )?years", q.text):
            assert "weeks" in q.text, q.id


def test_no_question_states_a_fact_the_person_has_not_given():
    for q in BANK.questions:
        assert not q.text.startswith(("I live alone", "I am over", "I am 65")), q.id


def test_no_closed_question_is_answered_by_its_why():
    for q in BANK.questions:
        assert not re.match(r"(No|Yes)\b", q.why), q.id


def test_no_words_that_will_age():
    for q in BANK.questions:
        words = f"{q.text} {q.why}"
        assert not re.search(r"\bso far\b|\bis now\b|\bas of\b|\b20\d\d\b", words), q.id
