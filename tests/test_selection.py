import dataclasses
import re

import pytest

from worksheets import vocabulary as v
from worksheets.answers import Answers
from worksheets.bank import Bank, Conditions, Question, Section, load_bank
from worksheets.selection import LEADING_SIZE, Reason, select

SECTIONS = (
    Section("goals", "Goals"),
    Section("prognosis", "Ahead", "prognosis"),
    Section("life", "Life"),
)


def q(qid, section="goals", core=False, when=None, unless=None, topic=None, symptoms=None):
    return Question(
        id=qid,
        section=section,
        text=f"{qid}?",
        why="Because.",
        core=core,
        when=Conditions({k: frozenset(v) for k, v in (when or {}).items()}, symptoms or {}),
        unless=Conditions({k: frozenset(v) for k, v in (unless or {}).items()}),
        topic=topic,
    )


BANK = Bank(
    "test",
    "en",
    SECTIONS,
    (
        q("core-one", core=True),
        q("extra-one"),
        q("work", section="life", when={"priorities": ["work"]}),
        q("travel", section="life", when={"priorities": ["travel"]}),
        q(
            "chemo-work",
            section="life",
            when={"priorities": ["work"], "treatments": ["chemotherapy"]},
        ),
        q("pain", section="life", symptoms={"pain": 4}),
        q(
            "outlook",
            section="prognosis",
            core=True,
            unless={"information": ["not_now"]},
            topic="prognosis",
        ),
        q("later", section="prognosis", when={"information": ["not_now"]}, topic="prognosis"),
        q("bill", section="life", when={"priorities": ["money"]}, topic="costs"),
    ),
)


def ids(selection):
    return [c.question.id for c in selection.all()]


def test_nothing_answered_gives_the_core_questions():
    assert ids(select(BANK, Answers())) == ["core-one", "outlook"]


def test_all_questions_adds_the_general_extras():
    assert ids(select(BANK, Answers(), all_questions=True)) == ["core-one", "outlook", "extra-one"]


def test_conditions_within_a_field_are_any_and_across_fields_all():
    answers = Answers(priorities=("work",))
    assert "chemo-work" not in ids(select(BANK, answers))
    answers = Answers(priorities=("work",), treatments=("chemotherapy",))
    chosen = {c.question.id: c for c in select(BANK, answers).all()}
    assert chosen["chemo-work"].reasons == (
        Reason("priorities", "work"),
        Reason("treatments", "chemotherapy"),
    )


def test_top_priority_comes_first_and_ranks_matter():
    leading = select(BANK, Answers(priorities=("travel", "work"))).leading
    assert [c.question.id for c in leading][:2] == ["travel", "work"]
    leading = select(BANK, Answers(priorities=("work", "travel"))).leading
    assert [c.question.id for c in leading][:2] == ["work", "travel"]


def test_symptom_thresholds_and_severe_scores_lead():
    assert "pain" not in ids(select(BANK, Answers(symptoms={"pain": 3})))
    selection = select(BANK, Answers(symptoms={"pain": 8}, priorities=("work",)))
    assert selection.leading[0].question.id == "pain"


def test_skipped_topics_are_left_out_whole():
    answers = Answers(priorities=("money",), skip_topics=("prognosis", "costs"))
    assert ids(select(BANK, answers)) == ["core-one"]


def test_not_now_opens_the_door_instead_of_pushing():
    # Nothing about what lies ahead on the visit sheet; the booklet keeps the door open.
    assert ids(select(BANK, Answers(information="not_now"))) == ["core-one"]
    assert "later" in ids(select(BANK, Answers(information="not_now"), all_questions=True))


def test_own_questions_lead_and_selection_is_deterministic():
    answers = Answers(own_questions=("Can I go to the wedding?",), priorities=("work",))
    first = select(BANK, answers)
    assert first.own_questions == ("Can I go to the wedding?",)
    assert first == select(BANK, answers)


def test_the_real_bank_leads_with_a_short_set_tied_to_the_person():
    bank = load_bank()
    answers = Answers(
        cancer_type="lung",
        treatments=("immunotherapy",),
        priorities=("travel", "family_time", "work"),
        symptoms={"breathlessness": 8},
    )
    selection = select(bank, answers)
    assert 8 <= len(selection.leading) <= LEADING_SIZE + 1
    assert selection.leading[0].lead == "situation"
    assert Reason("symptoms", "breathlessness") in selection.leading[1].reasons
    reasons = {r.value for c in selection.leading for r in c.reasons}
    # Each priority reaches the sheet, once.
    assert {"travel", "family_time", "work"} <= reasons
    for priority in answers.priorities:
        assert (
            sum(
                c.lead == "priority" and Reason("priorities", priority) in c.reasons
                for c in selection.leading
            )
            == 1
        )
    # Nothing about a treatment the person does not have.
    for chosen in select(bank, answers, all_questions=True).all():
        treatments = chosen.question.when.choices.get("treatments")
        assert not treatments or "immunotherapy" in treatments


def test_maria_leads_with_her_situation_and_every_answer_has_a_say():
    from pathlib import Path

    from worksheets.answers import load_answers

    maria = load_answers(Path(__file__).parent.parent / "examples" / "maria.yaml")
    leading = select(load_bank(), maria).leading
    assert [c.lead for c in leading[:4]] == [
        "situation",
        "severe_symptom",
        "prognosis",
        "palliative_care",
    ]
    assert leading[-1].question.id == "understand-say-it-back"
    reasons = [r.value for c in leading for r in c.reasons]
    # Her chemotherapy has its say through the medicine she named (FOLFIRINOX).
    for value in ("work", "eat_comfortably", "travel", "FOLFIRINOX", "tiredness", "nausea"):
        assert value in reasons, value
    # Her liver: its warning signs are on the after-visit page, not asked twice.
    from worksheets.warning_signs import signs_for

    assert any("Yellow skin" in sign.text for sign in signs_for(maria))
    assert "spread-liver-warning" not in {c.question.id for c in leading}


def test_questions_of_a_group_are_printed_once():
    bank = load_bank()
    answers = Answers(
        cancer_type="breast",
        spread_to=("bones", "brain", "liver"),
        treatments=("chemotherapy", "immunotherapy", "hormone", "radiation", "surgery"),
        stage_of_care="changing",
    )
    chosen = select(bank, answers, all_questions=True).all()
    groups = [c.question.group for c in chosen if c.question.group]
    assert len(groups) == len(set(groups))
    ids = {c.question.id for c in chosen}
    # The one that fits best: written for this stage of care, not the general one.
    assert "goals-changing-aim-shift" in ids and "goals-aim-of-treatment" not in ids
    # "How is it given": one question, not five.
    assert (
        len(
            ids
            & {
                "treat-how-given",
                "treat-chemo-schedule",
                "treat-radiation-visits-relief",
                "treat-hormone-how-long",
                "treat-immuno-how-long",
            }
        )
        == 1
    )


def test_skipping_a_sections_topic_removes_its_questions_with_topics_of_their_own():
    bank = Bank(
        "test",
        "en",
        SECTIONS,
        (
            Question(
                "trial-cost",
                "prognosis",
                "Cost?",
                "Why.",
                topic="costs",
                section_topic="prognosis",
                core=True,
            ),
        ),
    )
    assert ids(select(bank, Answers(skip_topics=("prognosis",)))) == []
    assert ids(select(bank, Answers(skip_topics=("costs",)))) == []
    assert ids(select(bank, Answers())) == ["trial-cost"]


# --- What leads, stage by stage: the first three a palliative-care nurse would pick ---

STAGE_PEOPLE = {
    "starting": Answers(
        cancer_type="pancreatic",
        spread_to=("liver",),
        stage_of_care="starting",
        treatments=("chemotherapy",),
        priorities=("work", "eat_comfortably"),
        information="details",
    ),
    "on_treatment": Answers(
        cancer_type="colorectal",
        spread_to=("liver",),
        stage_of_care="on_treatment",
        treatments=("chemotherapy", "targeted"),
        priorities=("travel",),
        information="big_picture",
    ),
    "changing": Answers(
        cancer_type="breast",
        spread_to=("bones",),
        stage_of_care="changing",
        treatments=("hormone", "targeted"),
        priorities=("family_time",),
        information="details",
    ),
    "stopping": Answers(
        cancer_type="lung",
        spread_to=("bones", "liver"),
        stage_of_care="stopping",
        treatments=("chemotherapy", "targeted", "immunotherapy"),
        priorities=("at_home", "comfort"),
        information="big_picture",
    ),
    "unsure": Answers(stage_of_care="unsure", treatments=("unsure",), information="family_first"),
}
TOP_THREE = {
    "starting": [
        "goals-aim-of-treatment",
        "outlook-details-typical-range",
        "symptoms-palliative-now",
    ],
    "on_treatment": [
        "goals-on-tx-latest-results",
        "outlook-big-direction",
        "symptoms-palliative-now",
    ],
    "changing": [
        "goals-changing-aim-shift",
        "goals-changing-next-options",
        "outlook-details-typical-range",
    ],
    "stopping": ["hospice-could-help-now", "goals-stopping-what-it-means", "outlook-big-direction"],
    "unsure": ["goals-unsure-where-am-i", "goals-aim-of-treatment", "outlook-family-first-talk"],
}


@pytest.mark.parametrize("stage", STAGE_PEOPLE)
def test_the_first_three_fit_the_stage_of_care(stage):
    leading = select(load_bank(), STAGE_PEOPLE[stage]).leading
    assert [c.question.id for c in leading[:3]] == TOP_THREE[stage]
    ids = [c.question.id for c in leading]
    # Palliative care is on every sheet but a stopping one (which has hospice instead).
    assert ("symptoms-palliative-now" in ids) == (stage != "stopping")
    assert ids[-1] == "understand-say-it-back"  # closes the visit


def test_a_stopping_sheet_never_asks_about_going_on_with_treatment():
    answers = STAGE_PEOPLE["stopping"]
    chosen = select(load_bank(), answers, all_questions=True).all()
    text = " ".join(c.question.text + " " + c.question.why for c in chosen).lower()
    for words in (
        r"\bports?\b",
        "missed dose",
        "miss a dose",
        "stops working",
        "clinical trial",
        "schedul",
        "next treatment",
        "first treatment",
    ):
        assert not re.search(words, text), words


def test_already_having_palliative_care_or_hospice_is_not_asked_for_again():
    for care in ("palliative_care", "hospice"):
        answers = Answers(stage_of_care="changing", already_have=(care,))
        ids = {c.question.id for c in select(load_bank(), answers, all_questions=True).all()}
        assert "symptoms-palliative-now" not in ids and "symptoms-palliative-what" not in ids
    hospice = Answers(stage_of_care="stopping", already_have=("hospice",))
    ids = [c.question.id for c in select(load_bank(), hospice, all_questions=True).all()]
    assert "plan-hospice-what-when" not in ids and "hospice-could-help-now" not in ids
    # On hospice, the first thing to settle is whom the family calls.
    assert ids[0] == "hospice-call-first"


def test_not_now_leads_with_no_prognosis_question_and_family_first_through_the_family():
    not_now = select(load_bank(), Answers(information="not_now")).leading
    assert not any(c.question.section == "prognosis" for c in not_now)
    family = select(load_bank(), Answers(information="family_first")).leading
    assert [c.question.id for c in family if c.lead == "prognosis"] == ["outlook-family-first-talk"]


def test_lifestyle_never_pushes_out_goals_prognosis_or_palliative_care():
    answers = Answers(
        stage_of_care="starting",
        information="details",
        priorities=tuple(v.PRIORITIES),
        symptoms=dict.fromkeys(v.SYMPTOMS, 9),
    )
    for size in (0, 1, 3):
        leads = [c.lead for c in select(load_bank(), answers, size=size).leading]
        assert {"situation", "prognosis", "palliative_care"} <= set(leads), size


def test_a_priority_gets_the_question_written_for_it_alone_first():
    # "Staying out of the hospital": what sends people on treatment to the hospital,
    # before the question shared with "being at home" (care at home).
    answers = Answers(stage_of_care="on_treatment", priorities=("avoid_hospital",))
    leading = select(load_bank(), answers).leading
    assert [c.question.id for c in leading if c.lead == "priority"] == ["life-hosp-prevent"]
    home = Answers(stage_of_care="on_treatment", priorities=("at_home",))
    ids = [c.question.id for c in select(load_bank(), home).leading if c.lead == "priority"]
    assert ids and ids != ["life-hosp-prevent"]


# --- The nurse's review of the visit sheet's order (2026-12) -----------------------


def test_a_severe_symptom_leads_with_what_can_be_done_today():
    answers = Answers(stage_of_care="stopping", symptoms={"drowsiness": 7, "constipation": 7})
    chosen = select(load_bank(), answers, all_questions=True)
    severe = [c.question.id for c in chosen.leading if c.lead == "severe_symptom"]
    assert severe == ["symptoms-drowsy-medicines", "symptoms-constipation-plan"]
    # The "call at once if..." questions wait in the booklet; their signs are on the last page.
    booklet = {c.question.id for _, questions in chosen.sections for c in questions}
    assert {"symptoms-drowsy-sudden", "symptoms-constipation-blocked"} <= booklet
    # Bad pain: changing the pain plan today.
    pain = select(load_bank(), Answers(stage_of_care="on_treatment", symptoms={"pain": 8}))
    assert [c.question.id for c in pain.leading if c.lead == "severe_symptom"] == [
        "symptoms-pain-severe"
    ]


def test_one_question_per_symptom_on_the_visit_sheet():
    answers = Answers(
        stage_of_care="on_treatment", spread_to=("lungs",), symptoms={"breathlessness": 8}
    )
    leading = select(load_bank(), answers).leading
    about_breath = [c for c in leading if Reason("symptoms", "breathlessness") in c.reasons]
    assert [c.question.id for c in about_breath] == ["symptoms-breath-severe-today"]


def test_fertility_and_the_check_for_older_people_wait_in_the_booklet():
    answers = Answers(stage_of_care="starting", treatments=("chemotherapy",))
    chosen = select(load_bank(), answers, all_questions=True)
    leading = {c.question.id for c in chosen.leading}
    booklet = {c.question.id for _, questions in chosen.sections for c in questions}
    for qid in ("fertility-before-treatment", "fit-geriatric-assessment"):
        assert qid not in leading and qid in booklet, qid


def test_with_cancer_in_the_brain_driving_answers_taking_care_of_myself():
    answers = Answers(
        stage_of_care="starting", spread_to=("brain",), priorities=("independence", "travel")
    )
    leading = select(load_bank(), answers).leading
    by_priority = [(c.question.id, c.reasons[-1].value) for c in leading if c.lead == "priority"]
    # The group's other question ("could my treatment make driving unsafe?") was
    # written for independence: the brain's driving question stands in for it.
    assert by_priority == [("spread-brain-driving", "independence"), ("life-travel-fly", "travel")]
    # Without brain spread, the usual question.
    other = select(load_bank(), Answers(stage_of_care="starting", priorities=("independence",)))
    assert "spread-brain-driving" not in {c.question.id for c in other.leading}


# --- The nurse's second reading (2026-12-02) ---------------------------------------


def test_on_hospice_whom_to_call_leads_even_for_not_now():
    answers = Answers(stage_of_care="stopping", already_have=("hospice",), information="not_now")
    ids = [c.question.id for c in select(load_bank(), answers).leading]
    assert ids[0] == "hospice-call-first"
    # Questions for someone still deciding whether to stop are not asked of them.
    assert "goals-stopping-what-it-means" not in ids
    assert "goals-stopping-not-giving-up" not in ids


def test_breathless_on_immunotherapy_leads_with_pneumonitis_and_asks_once():
    answers = Answers(
        stage_of_care="on_treatment", treatments=("immunotherapy",), symptoms={"breathlessness": 7}
    )
    leading = select(load_bank(), answers).leading
    about_breath = [
        c.question.id for c in leading if Reason("symptoms", "breathlessness") in c.reasons
    ]
    assert about_breath == ["symptoms-breath-pneumonitis"]
    # Stopping treatment, badly breathless: relief today.
    stopping = Answers(stage_of_care="stopping", symptoms={"breathlessness": 8})
    severe = [
        c.question.id for c in select(load_bank(), stopping).leading if c.lead == "severe_symptom"
    ]
    assert severe == ["symptoms-breath-severe-today"]


def test_one_bone_drug_question_and_none_suggesting_a_drug_already_taken():
    kisqali = Answers(
        cancer_type="breast",
        spread_to=("bones",),
        stage_of_care="starting",
        medicines=("Kisqali", "letrozole", "Prolia"),
    )
    ids = {c.question.id for c in select(load_bank(), kisqali).leading}
    assert not {"med-bone-drug-calcium", "spread-bones-dentist-on-drug"} & ids
    parp = Answers(cancer_type="ovarian", stage_of_care="on_treatment", medicines=("Lynparza",))
    ids = {c.question.id for c in select(load_bank(), parp, all_questions=True).all()}
    assert "test-inherited-brca" not in ids and "goals-on-tx-break" not in ids
    not_now = Answers(stage_of_care="starting", information="not_now")
    ids = {c.question.id for c in select(load_bank(), not_now, all_questions=True).all()}
    assert "goals-without-treatment" not in ids


@pytest.mark.parametrize(
    ("answers", "sign"),
    [
        (Answers(), "Pain that is new, or that your pain medicine does not ease"),
        (
            Answers(stage_of_care="stopping"),
            "Not able to swallow your medicines, or throwing up so you cannot keep them down",
        ),
        (
            Answers(already_have=("hospice",)),
            "Not able to swallow your medicines, or throwing up so you cannot keep them down",
        ),
        (Answers(medicines=("FOLFIRINOX",)), "Diarrhea 4 or more times a day more than usual"),
        (Answers(medicines=("Kisqali",)), "Fainting, or a racing, pounding or uneven heartbeat"),
        (Answers(cancer_type="lung"), "Coughing up blood"),
        (Answers(medicines=("Enhertu",)), "A temperature of 100.4°F (38°C) or higher"),
    ],
)
def test_the_signs_to_call_about_fit_the_person(answers, sign):
    from worksheets.render import worksheet_context

    bank = load_bank()
    signs = worksheet_context(bank, answers, select(bank, answers))["warning_signs"]
    assert any(s.startswith(sign) for s in signs), signs


def test_drug_specific_signs_are_not_printed_for_others():
    from worksheets.render import worksheet_context

    bank = load_bank()
    signs = " ".join(worksheet_context(bank, Answers(), select(bank, Answers()))["warning_signs"])
    for words in ("Diarrhea 4 or more", "Fainting", "Not able to swallow", "Coughing up blood"):
        assert words not in signs, words


def test_a_medicine_the_person_named_has_its_question_before_the_priorities():
    # The patient review: a woman on Ibrance with three priorities and two symptoms got
    # questions about a wedding and a shower seat, and none about Ibrance.
    answers = Answers(
        cancer_type="breast",
        spread_to=("bones",),
        stage_of_care="on_treatment",
        medicines=("Ibrance", "letrozole"),
        priorities=("family_time", "independence", "at_home"),
        information="big_picture",
        symptoms={"pain": 5, "tiredness": 6},
    )
    leads = [(c.lead, c.question.id) for c in select(load_bank(), answers).leading]
    assert ("own_medicine", "med-cdk46-blood-counts") in leads
    first_priority = next(n for n, (lead, _) in enumerate(leads) if lead == "priority")
    assert leads.index(("own_medicine", "med-cdk46-blood-counts")) < first_priority


def _signs(answers: Answers) -> list[str]:
    from worksheets.render import worksheet_context

    bank = load_bank()
    return worksheet_context(bank, answers, select(bank, answers))["warning_signs"]


@pytest.mark.parametrize(
    ("medicine", "own_sign"),
    [
        ("Enhertu", "A new cough, shortness of breath or fever (the lungs may be inflamed)"),
        ("Elahere", "Eye pain, blurred vision or any new trouble seeing"),
        ("Tivdak", "Eye pain, blurred vision or any new trouble seeing"),
        ("Padcev", "A rash with blisters or peeling skin, or mouth sores; or feeling very thirsty"),
    ],
)
def test_each_antibody_drug_conjugate_has_its_own_sign_to_call_about(medicine, own_sign):
    signs = _signs(Answers(stage_of_care="on_treatment", medicines=(medicine,)))
    assert any(s.startswith(own_sign) for s in signs), signs
    # The general line, with its "trouble seeing" for every such drug, is not printed too.
    assert "A new cough, shortness of breath or fever, or new trouble seeing" not in signs
    others = {
        "Enhertu": "Eye pain",
        "Elahere": "A rash with blisters",
        "Padcev": "(the lungs may be inflamed)",
    }
    assert not any(others.get(medicine, "\0") in s for s in signs)


def test_the_general_conjugate_line_stays_when_no_medicine_is_named():
    signs = _signs(Answers(treatments=("antibody_drug_conjugate",)))
    assert "A new cough, shortness of breath or fever, or new trouble seeing" in signs


def test_yellow_skin_is_said_once_on_immunotherapy_with_liver_spread():
    signs = _signs(Answers(spread_to=("liver",), treatments=("immunotherapy",)))
    assert sum("yellow skin" in s.lower() for s in signs) == 1
    assert "Dark urine, or a belly that swells quickly" in signs
    alone = _signs(Answers(spread_to=("liver",)))
    assert "Yellow skin or eyes, dark urine, or a belly that swells quickly" in alone


def test_stopping_puts_the_cancers_own_signs_first_and_drops_the_pills_line():
    answers = Answers(
        cancer_type="lung",
        spread_to=("brain", "bones"),
        stage_of_care="stopping",
        medicines=("Tagrisso",),
    )
    signs = _signs(answers)
    assert "Diarrhea or a rash that is new or getting worse" not in signs
    assert signs[0].startswith("A seizure")
    assert signs[-1] == "A swollen, painful leg (a sign of a blood clot)"
    # Still on the pill, its line is there, first.
    on_it = _signs(dataclasses.replace(answers, stage_of_care="on_treatment"))
    assert on_it[0] == "Diarrhea or a rash that is new or getting worse"


def test_colorectal_leads_with_the_tumor_test_and_lynch_follows_it_in_the_booklet():
    answers = Answers(cancer_type="colorectal", spread_to=("liver",), stage_of_care="starting")
    selection = select(load_bank(), answers, all_questions=True)
    leading = [c.question.id for c in selection.leading]
    assert "test-colorectal-msi" in leading
    assert "test-inherited-lynch" not in leading and "test-colorectal-lynch" not in leading
    assert "test-colorectal-lynch" in {c.question.id for c in selection.all()}
    other = select(load_bank(), Answers(cancer_type="other", stage_of_care="starting"))
    assert "test-inherited-lynch" in [c.question.id for c in other.leading]


def test_the_dpd_test_is_asked_before_a_first_dose_only():
    def dpd(stage: str) -> list[str]:
        answers = Answers(cancer_type="colorectal", stage_of_care=stage, medicines=("FOLFOX",))
        chosen = select(load_bank(), answers, all_questions=True).all()
        return [c.question.id for c in chosen if c.question.id.startswith("med-dpd")]

    assert dpd("starting") == ["med-dpd-test"]
    assert dpd("changing") == ["med-dpd-test-changing"]
    assert dpd("on_treatment") == [] and dpd("stopping") == []


def test_severe_worry_leads_with_what_can_help_today():
    answers = Answers(stage_of_care="unsure", symptoms={"anxiety": 7})
    severe = [
        c.question.id for c in select(load_bank(), answers).leading if c.lead == "severe_symptom"
    ]
    assert severe == ["symptoms-anxiety-today"]
    mild = Answers(stage_of_care="unsure", symptoms={"anxiety": 5})
    ids = {c.question.id for c in select(load_bank(), mild, all_questions=True).all()}
    assert "symptoms-anxiety-today" not in ids
