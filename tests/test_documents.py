"""The documents a person holds: personal and blank, normal and large print,
letter and A4. Accessible (PDF/UA-1), fonts embedded, nothing too small."""

from __future__ import annotations

import io

import pypdf
import pytest

from tests.conftest import MARIA, pdf_text
from tests.pdfcheck import character_sizes, pdf_ua_failures, unembedded_fonts
from worksheets.answers import Answers, load_answers
from worksheets.documents import DocumentOptions, blank_document, personal_document

VARIANTS = {
    "letter": DocumentOptions(),
    "large print": DocumentOptions(large_print=True),
    "A4": DocumentOptions(paper="a4"),
    "large print A4": DocumentOptions(paper="a4", large_print=True),
}


@pytest.fixture(scope="module")
def maria():
    return load_answers(MARIA)


def documents(maria):
    for name, options in VARIANTS.items():
        yield f"personal {name}", personal_document(maria, options), options
    yield "nearly empty", personal_document(Answers(), DocumentOptions()), DocumentOptions()
    for name, options in VARIANTS.items():
        yield f"blank {name}", blank_document(options), options


@pytest.fixture(scope="module")
def rendered(maria):
    return list(documents(maria))


def test_every_pdf_passes_pdf_ua_1(rendered):
    for name, pdf, _ in rendered:
        assert pdf_ua_failures(pdf) == [], name


def test_every_font_is_embedded(rendered):
    for name, pdf, _ in rendered:
        assert unembedded_fonts(pdf) == [], name


def test_no_text_is_too_small(rendered):
    for name, pdf, options in rendered:
        smallest = min(character_sizes(pdf))
        assert smallest >= (18 if options.large_print else 12), f"{name}: {smallest} pt"


def test_paper_sizes(rendered):
    expected = {"letter": (612, 792), "a4": (595, 842)}
    for name, pdf, options in rendered:
        box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == expected[options.paper], name


def test_personal_first_page_is_for_both_of_them(maria):
    pdf = personal_document(maria, DocumentOptions())
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    page_one = " ".join(reader.pages[0].extract_text().split())
    assert "For my care team" in page_one
    assert "go through my top questions together" in page_one
    assert "What matters most to me" in page_one
    assert page_one.index("Keeping up my work") < page_one.index("Eating without nausea")
    assert "How I have been feeling this week" in page_one  # the symptom chart
    assert "My questions for today" in page_one
    assert "Can I still go to my son's wedding in June?" in page_one
    from worksheets.bank import load_bank
    from worksheets.selection import select

    top = select(load_bank(), maria).leading[0].question.text
    assert " ".join(top.split()) in page_one
    # The running header names the person on later pages; the footer counts pages.
    page_two = " ".join(reader.pages[1].extract_text().split())
    assert "Maria Lopez" in page_two
    assert f"Page 2 of {len(reader.pages)}" in page_two


def test_blank_worksheet_has_every_choice_and_the_core_questions():
    from worksheets import vocabulary as v

    text = pdf_text(blank_document(DocumentOptions()))
    for table in (v.PRIORITIES, v.SITES, v.TREATMENTS, v.INFORMATION):
        for label in table.values():
            assert label in text, label
    # The symptoms in ESAS-r's words, constipation and sleep on its "other problem" line.
    for item, explanation in v.ESAS_R_WORDING.values():
        assert item.lower() in text.lower(), item
        assert not explanation or f"({explanation})" in text, explanation
    assert "Circle a number: 0 is none, 10 is the worst possible." in text
    assert "After the visit" in text


def test_blank_json_lists_the_core_questions():
    import json

    from worksheets.bank import load_bank

    data = json.loads(blank_document(DocumentOptions(format="json")))
    core = {q.id for q in load_bank().questions if q.core and not q.when}
    ids = [q["id"] for q in data["questions"]]
    assert set(ids) <= core and 5 <= len(ids) <= 8
    assert ids[0] == "goals-aim-of-treatment" and ids[-1] == "understand-say-it-back"
    # The longer list: every question for anyone, once each.
    longer = json.loads(blank_document(DocumentOptions(format="json", all_questions=True)))
    every = [q["id"] for q in longer["questions"]]
    assert every[: len(ids)] == ids and len(every) > 3 * len(ids)
    assert len(every) == len(set(every))


def test_fillable_pdfs_have_form_fields_and_stay_accessible(maria):
    blank = blank_document(DocumentOptions(fillable=True))
    personal = personal_document(maria, DocumentOptions(fillable=True))
    for pdf in (blank, personal):
        fields = pypdf.PdfReader(io.BytesIO(pdf)).get_fields()
        assert any(name.startswith("ask-") for name in fields)
        assert any(name.startswith("answer-") for name in fields)
        assert unembedded_fonts(pdf) == []
    assert pdf_ua_failures(blank) == []
    assert pdf_ua_failures(personal) == []


def test_a_screen_reader_hears_each_fields_words_not_its_id(maria):
    # The field's /TU is what a screen reader says of it.
    for pdf in (
        blank_document(DocumentOptions(fillable=True)),
        personal_document(maria, DocumentOptions(fillable=True)),
    ):
        fields = pypdf.PdfReader(io.BytesIO(pdf)).get_fields()
        assert fields
        spoken = {name: field.get("/TU") for name, field in fields.items()}
        assert all(said and said != name for name, said in spoken.items()), spoken
    assert spoken["ask-goals-aim-of-treatment"].startswith("What is my treatment meant to do")
    assert spoken["answer-goals-aim-of-treatment"].startswith(
        "Answer to: What is my treatment meant to do"
    )
