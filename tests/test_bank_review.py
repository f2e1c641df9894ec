"""The clinical review of the bank (an oncology nurse; a patient of 74 and her son),
each finding that a test can hold: the facts as the rules and drug labels state them,
and the gating that keeps a question away from the people it would hurt or mislead.

These check which questions apply (the whole booklet), not the order of the visit
sheet, which selection.py decides."""

from __future__ import annotations

import pytest

from worksheets.answers import Answers
from worksheets.bank import load_bank
from worksheets.selection import select

BANK = load_bank()
BY_ID = {q.id: q for q in BANK.questions}


def booklet(**answers) -> set[str]:
    return {c.question.id for c in select(BANK, Answers(**answers), all_questions=True).all()}


STOPPING = dict(stage_of_care="stopping", information="details")


# --- Facts -------------------------------------------------------------------------


def test_hospice_eligibility_names_the_election_and_recertification():
    why = BY_ID["hospice-who-qualifies"].why
    assert "six months or less" in why
    assert "comfort care instead of treatment aimed at the cancer" in why
    assert "still qualify" in why  # longer lives keep hospice only while recertified
    stop = BY_ID["hospice-stop-treatment"]
    assert "does not pay for treatment meant to control the cancer" in stop.why


def test_leaving_hospice_is_a_right_at_any_time():
    why = BY_ID["plan-hospice-change-mind"].why
    assert "at any time, for any reason" in why and "come back later" in why
    assert "usually" not in why


def test_hospice_costs_are_the_medicare_figures():
    why = BY_ID["hospice-cost"].why
    assert "$5 for each medicine" in why and "5% of the cost of a short respite stay" in why
    assert "five days at a time" in BY_ID["care-respite"].why
    assert "usual drug plan" in BY_ID["hospice-what-covered"].why


def test_a_death_at_home_without_hospice_names_the_order_an_emergency_crew_needs():
    why = BY_ID["eol-time-of-death"].why
    assert "not 911" in why and "POLST" in why and "do-not-resuscitate" in why


@pytest.mark.parametrize(
    ("qid", "needed"),
    [
        ("med-ribociclib-heart", ["day 14", "second cycle", "tamoxifen", "grapefruit"]),
        ("med-parp-blood-counts", ["weekly or monthly"]),
        ("med-steroid-effects", ["Do not stop a steroid suddenly"]),
        ("adc-deruxtecan-lungs", ["mild new cough", "any time during treatment"]),
        ("adc-eyes", ["contact lenses", "eye exam before you start", "Datroway"]),
        ("test-breast-receptors", ["HER2-low or ultralow", "PD-L1"]),
        ("med-dpd-test", ["DPYD", "FDA"]),
        ("plan-intensive-care", ["can be reversed"]),
    ],
)
def test_drug_and_care_facts_carry_the_point_that_matters(qid, needed):
    why = BY_ID[qid].why
    for phrase in needed:
        assert phrase in why, f"{qid}: {phrase!r}"


def test_the_steroid_question_is_a_question_not_a_claim():
    assert BY_ID["med-steroid-effects"].text.startswith("What time of day")


def test_a_blocked_bowel_says_whom_to_call():
    why = BY_ID["symptoms-constipation-blocked"].why
    assert "day-or-night line" in why and "emergency room" in why


# --- Stopping treatment: nothing that leads to a new drug or a screening scan -------


def test_stopping_drops_drug_leading_gene_tests_and_keeps_one_for_the_family():
    for cancer in ("breast", "prostate", "pancreatic", "ovarian", "colorectal"):
        got = booklet(cancer_type=cancer, **STOPPING)
        assert not got & {"test-inherited-brca", "test-inherited-lynch", "test-ovarian-brca-hrd"}
        assert "test-inherited-for-family" in got, cancer
        assert not BY_ID["test-inherited-for-family"].high_stakes
    assert "test-inherited-brca" in booklet(cancer_type="breast", stage_of_care="starting")
    assert "test-inherited-for-family" not in booklet(cancer_type="breast")


def test_stopping_drops_the_screening_mri_and_the_new_bone_drug_and_offers_comfort_radiation():
    got = booklet(
        cancer_type="lung", spread_to=("bones", "liver"), symptoms={"pain": 8}, **STOPPING
    )
    assert "spread-brain-mri-check" not in got
    assert "spread-bones-strengthening-drug" not in got
    assert "spread-bones-radiation-comfort" in got and "spread-bones-radiation-pain" not in got
    assert BY_ID["spread-bones-radiation-comfort"].high_stakes
    # A past or current course of radiation does not rule it out.
    assert "spread-bones-radiation-comfort" in booklet(
        spread_to=("bones",), treatments=("radiation",), **STOPPING
    )
    assert "spread-brain-mri-check" in booklet(cancer_type="lung", stage_of_care="starting")


def test_stopping_on_denosumab_asks_about_the_shots_first():
    got = booklet(medicines=("Xgeva", "capecitabine"), **STOPPING)
    assert "med-denosumab-stopping-treatment" in got and "med-denosumab-stopping" not in got
    assert BY_ID["med-denosumab-stopping-treatment"].high_stakes
    assert "med-denosumab-stopping" in booklet(medicines=("Xgeva",), stage_of_care="on_treatment")


def test_smoking_near_home_oxygen_replaces_quitting_for_someone_stopping():
    got = booklet(cancer_type="lung", **STOPPING)
    assert "life-oxygen-smoking" in got and "life-quit-smoking" not in got
    assert "life-quit-smoking" in booklet(cancer_type="lung", stage_of_care="on_treatment")


# --- How much the person wants to hear ----------------------------------------------

HOSPICE_AND_END_OF_LIFE = {
    "plan-hospice-what-when",
    "plan-hospice-at-home",
    "plan-hospice-change-mind",
    "plan-polst",
    "legacy-making-peace",
    "hospice-who-qualifies",
    "hospice-could-help-now",
    "hospice-stop-treatment",
}


@pytest.mark.parametrize("stage", ["changing", "stopping"])
def test_not_now_gets_no_hospice_question_from_either_edition(stage):
    got = booklet(stage_of_care=stage, information="not_now", spread_to=("bones",))
    assert not got & HOSPICE_AND_END_OF_LIFE
    assert "goals-stopping-what-it-means" in booklet(
        stage_of_care="stopping", information="not_now"
    )


def test_family_first_hears_the_end_of_life_through_the_family():
    got = booklet(stage_of_care="stopping", information="family_first")
    first_person = {"eol-last-weeks", "eol-time-short", "eol-last-days-normal"}
    assert not got & first_person
    assert not got & {"hospice-who-qualifies", "hospice-could-help-now", "hospice-stop-treatment"}
    assert {"eol-family-first-last-weeks", "hospice-family-first"} <= got
    assert "six months" not in " ".join(BY_ID[i].text + BY_ID[i].why for i in got)


@pytest.mark.parametrize("information", ["big_picture", None])
def test_no_numbers_on_hospice_for_those_who_did_not_ask_for_details(information):
    got = booklet(stage_of_care="stopping", information=information)
    assert "hospice-could-help-now" in got and "hospice-who-qualifies" not in got
    assert "six months" not in BY_ID["hospice-could-help-now"].why
    assert "hospice-who-qualifies" in booklet(**STOPPING)


# --- Already on hospice ---------------------------------------------------------------


def test_someone_on_hospice_is_not_asked_for_what_hospice_already_brings():
    got = booklet(
        stage_of_care="stopping",
        already_have=("hospice",),
        priorities=("at_home", "avoid_hospital"),
        symptoms={"tiredness": 9},
    )
    assert "hospice-call-first" in got
    assert BY_ID["hospice-call-first"].group == "hospice"  # the hospice lead for them
    assert not got & {
        "life-home-care-at-home",
        "plan-treat-at-home-not-hospital",
        "symptoms-tired-causes",
        "hospice-cost",
    }
    assert "symptoms-tired-save-energy" in got


# --- A test or a drug the person already has -----------------------------------------


def test_no_test_for_a_drug_already_taken():
    got = booklet(cancer_type="lung", spread_to=("brain",), medicines=("osimertinib",))
    assert "test-lung-gene-panel" not in got
    assert "med-osimertinib-brain" in got and BY_ID["med-osimertinib-brain"].high_stakes
    assert "test-lung-gene-panel" in booklet(cancer_type="lung")


def test_the_dpd_test_is_asked_once_and_names_the_drug():
    folfirinox = booklet(
        cancer_type="pancreatic", stage_of_care="starting", medicines=("FOLFIRINOX",)
    )
    assert "med-dpd-test" in folfirinox and "test-dpd-before-chemo" not in folfirinox
    assert BY_ID["med-dpd-test"].high_stakes
    # Months into treatment the first dose is past.
    assert "med-dpd-test" not in booklet(stage_of_care="on_treatment", medicines=("FOLFOX",))
    assert "test-dpd-before-chemo" in booklet(
        cancer_type="colorectal", stage_of_care="starting", treatments=("chemotherapy",)
    )


def test_no_break_is_suggested_on_a_cdk46_inhibitor():
    assert "goals-on-tx-break" not in booklet(
        stage_of_care="on_treatment", medicines=("Ibrance", "letrozole")
    )
    assert "goals-on-tx-break" in booklet(stage_of_care="on_treatment")


def test_someone_already_on_a_bone_drug_is_asked_about_the_jaw_not_before_i_start():
    got = booklet(spread_to=("bones",), medicines=("Xgeva",))
    assert "spread-bones-dentist-on-drug" in got and "spread-bones-dentist" not in got
    assert "spread-bones-dentist" in booklet(spread_to=("bones",))


# --- The safety question of the person's own drug ------------------------------------


def test_the_drug_specific_safety_questions_are_high_stakes():
    for qid in ("med-ribociclib-heart", "adc-eyes", "adc-deruxtecan-lungs"):
        assert BY_ID[qid].high_stakes, qid
    assert BY_ID["adc-eyes"].urgent
    elahere = booklet(cancer_type="ovarian", stage_of_care="changing", medicines=("Elahere",))
    assert "adc-eyes" in elahere and "adc-fever" not in elahere
    assert "adc-eyes" in booklet(medicines=("Datroway",))
    assert "adc-dato-mouth" in booklet(medicines=("Datroway",))


# --- Age: nothing that assumes one ---------------------------------------------------


def test_fertility_and_the_geriatric_check_do_not_assume_an_age():
    fertility = BY_ID["fertility-before-treatment"]
    assert fertility.text.startswith("If having a child might matter to me")
    assert "fertility-before-treatment" not in booklet(
        stage_of_care="starting", medicines=("Kisqali", "letrozole")
    )
    geriatric = BY_ID["fit-geriatric-assessment"]
    assert "geriatric" not in geriatric.text.lower() and "geriatric" in geriatric.why


# --- One question on one topic --------------------------------------------------------


def test_one_question_each_on_stopping_care_other_medicines_and_the_children():
    stopping = booklet(stage_of_care="stopping", priorities=("family_time",))
    assert "goals-stopping-what-it-means" in stopping
    # The same thing in other words: one group, of which a worksheet prints one.
    assert BY_ID["goals-stopping-still-my-doctor"].group == "comfort-care"
    assert BY_ID["goals-stopping-what-it-means"].group == "comfort-care"
    assert "meds-no-longer-helping" not in stopping
    talks = [i for i in stopping if "children" in BY_ID[i].text.lower() and "talk" in BY_ID[i].text]
    assert talks == ["care-children"]


# --- Bone drugs at the osteoporosis dose ---------------------------------------------


@pytest.mark.parametrize("brand", ["Prolia", "Jubbonti", "Reclast"])
def test_an_osteoporosis_dose_with_bone_spread_is_asked_about(brand):
    got = booklet(spread_to=("bones",), medicines=(brand,))
    assert "spread-bones-osteoporosis-dose" in got
    assert BY_ID["spread-bones-osteoporosis-dose"].high_stakes
    assert "spread-bones-dentist-on-drug" in got
    cancer_dose = booklet(spread_to=("bones",), medicines=("Xgeva",))
    assert "spread-bones-osteoporosis-dose" not in cancer_dose
    assert "spread-bones-strengthening-drug" not in cancer_dose


def test_stopping_either_denosumab_dose_brings_the_rebound_question():
    for brand in ("Prolia", "Xgeva"):
        assert "med-denosumab-stopping" in booklet(medicines=(brand,))


# --- Words for the person who reads them ----------------------------------------------


def test_a_woman_on_hormone_treatment_reads_no_erection_or_testicles():
    for cancer in ("breast", "ovarian"):
        got = booklet(cancer_type=cancer, treatments=("hormone", "targeted"))
        words = " ".join(BY_ID[i].text + " " + BY_ID[i].why for i in got).lower()
        assert "erection" not in words and "testicle" not in words, cancer
        # A group prints one question of its kind (selection.py).
        about_sex = {BY_ID[i].group or i for i in got if " sex" in BY_ID[i].text.lower()}
        assert len(about_sex) <= 2, about_sex  # desire on hormones; safety during treatment
    assert "intimacy-hormone-prostate" in booklet(cancer_type="prostate", treatments=("hormone",))


def test_the_drug_people_know_is_named():
    assert "Ibrance" in BY_ID["med-cdk46-blood-counts"].text
    assert "Zometa" in BY_ID["spread-bones-strengthening-drug"].why
    assert "IV" in BY_ID["life-home-care-at-home"].text


def test_no_partner_is_assumed_and_no_jargon_left_unexplained():
    assert "partner" not in BY_ID["intimacy-staying-close"].text
    assert "dignity therapy" not in BY_ID["legacy-leave-something"].why
    assert "burden" not in BY_ID["plan-feeding-tube"].text
    assert BY_ID["symptoms-palliative-now"].text.startswith("Can I see a palliative care team")


REVIEWED = [
    "legal-money-power-of-attorney",
    "hospice-comfort-treatments",
    "symptoms-constipation-cause",
    "fit-geriatric-assessment",
    "symptoms-tired-causes",
    "test-inherited-brca",
    "med-steroid-effects",
    "med-osimertinib-brain",
]


@pytest.mark.parametrize("qid", REVIEWED)
def test_the_reviewed_questions_read_at_grade_eight_or_below(qid):
    import textstat

    assert textstat.flesch_kincaid_grade(BY_ID[qid].text) <= 8
