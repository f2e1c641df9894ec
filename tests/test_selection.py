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
    assert ids(select(BANK, Answers(information="not_now"))) == ["later", "core-one"]


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
    assert 12 <= len(selection.leading) <= LEADING_SIZE <= 20
    top = selection.leading[0]
    assert Reason("symptoms", "breathlessness") in top.reasons
    reasons = {r.value for c in selection.leading for r in c.reasons}
    assert {"travel", "immunotherapy", "breathlessness"} <= reasons
    # Nothing about a treatment the person does not have.
    for chosen in selection.all():
        treatments = chosen.question.when.choices.get("treatments")
        assert not treatments or "immunotherapy" in treatments


def test_the_leading_set_is_balanced_and_keeps_warning_signs():
    from pathlib import Path

    from worksheets.answers import load_answers

    maria = load_answers(Path(__file__).parent.parent / "examples" / "maria.yaml")
    leading = select(load_bank(), maria).leading
    reasons = [r.value for c in leading for r in c.reasons]
    # Every priority, treatment, site and symptom she gave has a say on the first pages...
    for value in (
        "work",
        "eat_comfortably",
        "travel",
        "chemotherapy",
        "liver",
        "tiredness",
        "nausea",
    ):
        assert value in reasons, value
    # ...none takes more than two places, except to warn of what to call about.
    for value in set(reasons):
        led = [
            c
            for c in leading
            if c.reasons and c.reasons[0].value == value and not c.question.urgent
        ]
        assert len(led) <= 2, value
    urgent = [c.question.id for c in leading if c.question.urgent]
    assert "effects-chemo-fever" in urgent


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
