"""The visit sheet as a person holds it: few pages, and page 1 carries what matters.

Every edition (normal and large print, Letter and A4, fillable) with 0, 1, 3
and 20 own questions: page 1 has the note to the care team, what matters
most, the symptom snapshot, up to three own questions in full (page 1 says
where the others are) and at least the first question of the sheet; the sheet
keeps to its pages. Read from the PDF's text, page by page, as a person would.
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pypdf
import pytest

from tests.conftest import MARIA
from worksheets import vocabulary as v
from worksheets.answers import Answers, load_answers
from worksheets.bank import load_bank
from worksheets.documents import DocumentOptions, personal_document
from worksheets.selection import leading_size, select

ANSWER_SETS = sorted((Path(__file__).parent / "answer_sets").glob("*.yaml"))
EDITIONS = {
    "letter": DocumentOptions(),
    "A4": DocumentOptions(paper="a4"),
    "large print": DocumentOptions(large_print=True),
    "large print A4": DocumentOptions(paper="a4", large_print=True),
    "fillable": DocumentOptions(fillable=True),
}
LONG = (
    "I would like to understand, in plain words and with time to take it in, what this change "
    "in my treatment means for the next months of my life, for my work, for my family and for "
    "the trip to see my sister in the spring, and what I should watch for at home. "
) * 3


SHORT = [
    "How much time would I have if I stop the chemo, and how would I spend it best?",
    "Who do we call at night if the pain gets bad, and can someone come to the house?",
    "Can I still go to my granddaughter's wedding in June if I feel weak by then?",
]


def own_questions(count: int) -> tuple[str, ...]:
    """A few questions as people write them; twenty as long as the limit allows."""
    if count <= 3:
        return tuple(SHORT[:count])
    return tuple(f"My question {n}: {LONG}"[:500] for n in range(1, count + 1))


def pages_text(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def squeezed(text: str) -> str:
    """Text without white space, so that line breaks inside words do not matter."""
    return re.sub(r"\s+", "", text)


def budget(options: DocumentOptions, own: int) -> int:
    return (8 if options.large_print else 4) + (2 if own > 3 else 0)


@pytest.fixture(scope="module")
def walter():
    return load_answers(Path(__file__).parent / "answer_sets" / "stopping.yaml")


@pytest.mark.parametrize("own", [0, 1, 3, 20])
@pytest.mark.parametrize("edition", EDITIONS)
def test_page_one_carries_what_matters_in_every_edition(walter, edition, own):
    options = EDITIONS[edition]
    answers = dataclasses.replace(walter, own_questions=own_questions(own))
    pdf = personal_document(answers, options, warn=lambda _: None)
    pages = pages_text(pdf)
    first = squeezed(pages[0])
    assert "For my care team" in pages[0]
    assert "What matters most to me" in pages[0]
    assert "Being at home" in pages[0]
    assert "How I have been feeling this week" in pages[0]
    assert squeezed("Pain") in first and squeezed("Shortness of breath") in first
    leading = select(load_bank(), answers, size=leading_size(options.large_print)).leading
    assert squeezed(leading[0].question.text) in first, f"{edition}, {own} own: no top question"
    in_full = [q for q in answers.own_questions if squeezed(q) in first]
    if own <= 3 and not options.large_print:
        assert len(in_full) == own, f"{edition}: {len(in_full)} of {own} own questions on page 1"
    assert in_full == list(answers.own_questions[: len(in_full)])
    rest = own - len(in_full)
    if rest and in_full:
        assert f"I have {rest} more question" in pages[0]
        assert "of my own, under “More of my own questions”" in pages[0]
    elif rest:
        assert (
            f"My {rest} questions of my own are under “More of my own questions”" in pages[0]
            if rest > 1
            else "My question of my own is under “More of my own questions”" in pages[0]
        )
    if rest:
        # None is dropped: every own question is printed, the rest from page 2 on.
        # (A long one may run on to the next page: its start and end are found.)
        later = squeezed(" ".join(pages[1:]))
        for text in answers.own_questions[len(in_full) :]:
            assert squeezed(text[:80]) in later and squeezed(text[-40:]) in later, text[:20]
        assert "More of my own questions" in pages[1]
    assert len(pages) <= budget(options, own), f"{edition}, {own} own: {len(pages)} pages"
    # The after-visit page last; when its list of signs is long, "when to call" has the
    # last page to itself, and the rest of the after-visit page follows the questions.
    assert "When to call right away" in pages[-1]
    assert "After the visit" in pages[-1] or "After the visit" in pages[-2]


@pytest.mark.parametrize("path", [MARIA, *ANSWER_SETS], ids=lambda p: p.stem)
@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large print"])
def test_every_answer_set_keeps_to_its_pages(path, large_print):
    answers = load_answers(path)
    options = DocumentOptions(large_print=large_print)
    pages = pages_text(personal_document(answers, options, warn=lambda _: None))
    assert len(pages) <= budget(options, len(answers.own_questions)), len(pages)
    # No page of questions holds only a leftover line or two.
    after = next(n for n, text in enumerate(pages) if "After the visit" in text)
    for number, text in enumerate(pages[1:after], start=2):
        assert len(text) > 250, f"page {number} holds only: {text!r}"


def test_the_visit_sheet_holds_8_to_12_bank_questions_in_normal_print():
    for path in [MARIA, *ANSWER_SETS]:
        answers = load_answers(path)
        if len(answers.own_questions) > 3:
            continue
        html = personal_document(answers, DocumentOptions(format="html")).decode()
        asked = len(re.findall(r'id="ask-(?!own)', html))
        assert 8 <= asked <= 12, f"{path.name}: {asked}"


def test_the_booklet_is_the_visit_sheet_then_every_other_question():
    answers = load_answers(MARIA)
    sheet = pages_text(personal_document(answers, DocumentOptions()))
    booklet = pages_text(personal_document(answers, DocumentOptions(all_questions=True)))

    def without_footer(text: str) -> str:
        return re.sub(r"Page \d+ of \d+", "", text)

    assert [without_footer(t) for t in booklet[: len(sheet)]] == [without_footer(t) for t in sheet]
    rest = " ".join(booklet[len(sheet) :])
    assert "More questions, if there is time" in booklet[len(sheet)]
    chosen = select(load_bank(), answers, all_questions=True)
    for _, questions in chosen.sections:
        for c in questions:
            assert squeezed(c.question.text) in squeezed(rest), c.question.id


def test_an_empty_answers_file_still_gives_a_useful_sheet():
    pages = pages_text(personal_document(Answers(), DocumentOptions()))
    assert len(pages) <= 4
    assert "What is my treatment meant to do" in pages[0]


CLINIC = Path(__file__).parent.parent / "examples" / "clinic.yaml"
BLANK_EDITIONS = {
    **EDITIONS,
    "clinic": DocumentOptions(clinic=CLINIC),
    "clinic, fillable": DocumentOptions(clinic=CLINIC, fillable=True),
}


@pytest.mark.parametrize("edition", BLANK_EDITIONS)
def test_the_blank_worksheet_keeps_to_its_pages(edition):
    from worksheets.documents import blank_document

    options = BLANK_EDITIONS[edition]
    pages = pages_text(blank_document(options))
    assert len(pages) <= (8 if options.large_print else 4), len(pages)
    front = " ".join(pages[:-1])
    for heading in ("What matters most to me", "Where it has spread", "My questions for today"):
        assert heading in front
    assert "What is my treatment meant to do" in squeezed(front) or squeezed(
        "What is my treatment meant to do"
    ) in squeezed(front)
    assert "After the visit" in " ".join(pages[-2:])
    assert "When to call right away" in pages[-1]


def test_blank_all_questions_prints_the_longer_list():
    from worksheets.documents import blank_document

    short = pages_text(blank_document(DocumentOptions()))
    longer = pages_text(blank_document(DocumentOptions(all_questions=True)))
    assert len(longer) > len(short) + 3
    assert "More questions, if there is time" in longer[len(short)]


# --- The patient's review (a 74-year-old on Ibrance, with her son) -----------------


def test_what_matters_but_found_no_room_is_named_not_dropped():
    answers = Answers(stage_of_care="on_treatment", priorities=tuple(v.PRIORITIES))
    text = " ".join(pages_text(personal_document(answers, DocumentOptions(), warn=lambda _: None)))
    leading = select(load_bank(), answers).leading
    asked = {r.value for c in leading for r in c.reasons if r.answer == "priorities"}
    missing = [v.PRIORITIES[p] for p in answers.priorities if p not in asked]
    assert missing  # fourteen priorities do not fit one visit sheet
    # The line names each one, in the person's order.
    line = "No room on this sheet for a question about: " + "; ".join(missing)
    assert squeezed(line) in squeezed(text)
    everything = select(load_bank(), answers, size=40).leading
    assert {r.value for c in everything for r in c.reasons if r.answer == "priorities"} >= set(
        answers.priorities
    )  # (each has a question in the bank: nothing would be lost unsaid)


def test_a_cdk46_pill_brings_the_fever_line_and_the_nurse_writes_the_numbers():
    answers = Answers(stage_of_care="on_treatment", medicines=("Ibrance", "letrozole"))
    last = pages_text(personal_document(answers, DocumentOptions(), warn=lambda _: None))[-1]
    assert "A temperature of 100.4°F (38°C) or higher, or shaking chills" in last
    assert "(your white blood cells may be low)" in last
    assert "Ask the nurse to write these numbers here before you leave." in last


def test_the_booklet_warns_before_the_end_of_life_questions():
    answers = load_answers(Path(__file__).parent / "answer_sets" / "stopping.yaml")
    options = DocumentOptions(all_questions=True)
    text = " ".join(pages_text(personal_document(answers, options, warn=lambda _: None)))
    booklet = text.split("More questions, if there is time", 1)[1]
    note = "These questions are about the end of life. Skip them if you are not ready."
    assert note in booklet
    assert booklet.index("Planning ahead") < booklet.index(note)


# --- What a hostile test found (2026-12-02) ------------------------------------------

EVERYTHING = Answers(
    name="Maria Lopez",
    cancer_type="breast",
    spread_to=("bones", "brain", "liver", "lungs", "lymph_nodes", "peritoneum", "other"),
    stage_of_care="changing",
    treatments=(
        "chemotherapy",
        "targeted",
        "immunotherapy",
        "hormone",
        "antibody_drug_conjugate",
        "radiation",
        "surgery",
        "clinical_trial",
    ),
    priorities=tuple(v.PRIORITIES),
    information="details",
    symptoms=dict.fromkeys(v.SYMPTOMS, 10),
)
SYMPTOM_WORDS = (
    "Pain",
    "Tiredness",
    "Drowsiness",
    "Nausea",
    "Lack of appetite",
    "Shortness of breath",
    "Depression",
    "Anxiety",
    "Wellbeing",
    "Constipation",
    "Trouble sleeping",
)


@pytest.mark.parametrize("long_names", [False, True], ids=["short names", "names without spaces"])
def test_everything_ticked_keeps_every_score_and_the_first_question_whole(long_names):
    answers = EVERYTHING
    if long_names:  # within the contract's 100 characters, and no space to break at
        answers = dataclasses.replace(
            answers, name="Z" * 100, care_team="W" * 100, helper="W" * 100
        )
    pages = pages_text(personal_document(answers, DocumentOptions(), warn=lambda _: None))
    assert len(pages) <= 4
    glance = squeezed(" ".join(pages[:2]))
    for word in SYMPTOM_WORDS:  # none lost where the page breaks
        assert squeezed(word) in glance, word
    first = select(load_bank(), answers).leading[0].question.text
    heading_page = next(n for n, text in enumerate(pages) if "My questions for today" in text)
    # The heading is never left alone at the foot of a page: the first question is with it.
    assert squeezed(first) in squeezed(pages[heading_page])
    if not long_names:
        assert heading_page == 0  # page 1 has room for it, the scores as a line of text


REAL_LONG = (
    "My mother had this same cancer twenty years ago and I would like to know whether the "
    "treatment you are suggesting for me now is different from what she had, whether the side "
    "effects will be as hard, and whether I should ask my sister and my daughters to get tested "
    "for the same genes, because I worry about them every single day and I do not know who "
    "else to ask about it, so please tell me what you would do in my place and what the next "
    "steps are for all of us here today."
)


@pytest.mark.parametrize(
    "options",
    [
        DocumentOptions(),
        DocumentOptions(large_print=True),
        DocumentOptions(large_print=True, language="es"),
    ],
    ids=["normal", "large print", "large print, Spanish"],
)
def test_everything_ticked_and_twenty_long_questions_keep_to_the_pages(options):
    answers = dataclasses.replace(
        EVERYTHING, own_questions=tuple(f"{n}. {REAL_LONG}" for n in range(1, 21))
    )
    pages = pages_text(personal_document(answers, options, warn=lambda _: None))
    assert len(pages) <= budget(options, 20), len(pages)
    # None of them is dropped.
    text = squeezed(" ".join(pages))
    for n in range(1, 21):
        assert squeezed(f"{n}. {REAL_LONG}"[:60]) in text, n
