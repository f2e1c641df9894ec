"""The symptom snapshot follows ESAS-r: its nine items in its order and words,
the other problems apart, the source named, on the personal and blank sheets."""

from __future__ import annotations

import re

from worksheets import vocabulary as v
from worksheets.answers import Answers, validate_answers
from worksheets.bank import load_bank
from worksheets.render import blank_context, render_html, symptom_chart, worksheet_context
from worksheets.selection import select

BANK = load_bank()
ESAS_R_ORDER = [
    "Pain",
    "Tiredness",
    "Drowsiness",
    "Nausea",
    "Lack of appetite",
    "Shortness of breath",
    "Depression",
    "Anxiety",
    "Wellbeing",
]


def _chart_labels(html: str) -> list[str]:
    svg = html.split('<svg class="symptom-chart"', 1)[1].split("</svg>", 1)[0]
    return re.findall(
        r'<text x="0" y="[\d.]+" font-size="[\d.]+"(?: font-style="italic")?>([^<=(][^<]*)</text>',
        svg,
    )


def test_the_new_symptoms_are_answers_in_the_contract():
    answers = validate_answers(
        {"version": 1, "symptoms": {"drowsiness": 3, "wellbeing": 8, "constipation": 6}},
        lambda p, f: f,
    )
    assert answers.symptoms == {"drowsiness": 3, "wellbeing": 8, "constipation": 6}
    assert list(v.SYMPTOMS)[:9] == list(v.ESAS_R_ITEMS)
    assert v.OTHER_PROBLEMS == ("constipation", "sleep")


def test_the_chart_follows_esas_r_order_with_its_explanations_and_other_problems_last():
    scores = {
        "sleep": 5,
        "anxiety": 7,
        "pain": 2,
        "constipation": 4,
        "wellbeing": 6,
        "tiredness": 9,
    }
    answers = Answers(symptoms=scores)
    html = render_html("personal.html.j2", worksheet_context(BANK, answers, select(BANK, answers)))
    labels = _chart_labels(html)
    assert labels == [
        "Pain",
        "Tiredness",
        "Anxiety",
        "Wellbeing",
        "Other problems (not part of ESAS-r)",
        "Constipation",
        "Trouble sleeping",
    ]
    assert "(lack of energy)" in html and "(feeling nervous)" in html
    assert "(how you feel overall)" in html
    # The scale in plain words; the clinic is told which scale, on a line of its own.
    assert (
        "0 = none, 10 = worst possible. For wellbeing, 0 = best. Items of ESAS-r, for the past week."
        in html
    )
    # In full on the after-visit page, for the clinic.
    assert (
        "For the clinic: the items and their order are those of ESAS-r (Edmonton Symptom "
        "Assessment System, revised; Alberta Health Services), scored here for the past week, "
        "not for now." in html
    )


def test_only_other_problems_still_say_they_are_apart():
    rows = symptom_chart({"constipation": 3})
    assert rows[0]["heading_y"] is not None and rows[0]["other"]


def test_the_blank_sheet_has_the_nine_items_in_order_and_the_other_problem_line():
    html = render_html("blank.html.j2", blank_context(BANK))
    table = html.split('<section class="symptom-scale"', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r'<th scope="row">([^<]+)', table)
    assert rows == [*ESAS_R_ORDER, "Other problem"]
    assert "for example, constipation or trouble sleeping" in table
    assert 'Tiredness<span class="explained"> (lack of energy)</span>' in table
    assert "Edmonton Symptom Assessment System, revised (ESAS-r)" in table
    assert "For wellbeing, 0 is the best and 10 the worst." in table


def test_the_blank_sheet_offers_antibody_drug_conjugates_and_a_line_for_medicines():
    html = render_html("blank.html.j2", blank_context(BANK))
    assert "Antibody-drug conjugate (a drug joined to an antibody)" in html
    assert "My cancer medicines, by the names on the box or bag:" in html


def test_the_wellbeing_clause_is_printed_only_when_wellbeing_was_scored():
    answers = Answers(symptoms={"pain": 6, "tiredness": 4})
    html = render_html("personal.html.j2", worksheet_context(BANK, answers, select(BANK, answers)))
    assert "0 = none, 10 = worst possible. Items of ESAS-r, for the past week.</p>" in html
    assert "wellbeing" not in html.lower()
