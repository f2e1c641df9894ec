"""The one description of the answers, and what is derived from it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import yaml

from tests.conftest import MARIA, write_answers
from worksheets import schema
from worksheets.answers import load_answers
from worksheets.bank import CONDITION_CHOICES, CONDITION_FIELDS
from worksheets.csvinput import COLUMNS
from worksheets.errors import InputProblems, Problem
from worksheets.schema import Answers, Kind, OwnPriority


def test_every_field_is_an_attribute_of_answers_and_back():
    attributes = {f.name for f in dataclasses.fields(Answers)}
    names = {f.name for f in schema.FIELDS}
    assert names <= attributes
    # The one companion attribute: the person's own words among their priorities.
    assert attributes - names == {"priority_words"}


def test_every_field_has_words_for_people():
    for f in schema.FIELDS:
        assert f.label
        if f.prompt:
            assert f.why, f.name
        if f.kind in (Kind.CHOICE, Kind.CHOICES, Kind.RANKED, Kind.SCORES):
            assert f.choices and f.noun, f.name
        for word, value in f.synonyms.items():
            assert value in f.choices, (f.name, word)


def test_the_csv_columns_are_the_contracts():
    assert COLUMNS[:9] == (
        "output",
        "language",
        "name",
        "appointment",
        "care_team",
        "helper",
        "cancer_type",
        "spread_to",
        "medicines",
    )
    assert "saved" not in COLUMNS
    assert {"pain", "tiredness", "own_questions", "skip_topics"} <= set(COLUMNS)


def test_the_person_holds_the_contracts_fields_first():
    # The contract's four keys, in its order; a field the schema gains comes after them.
    assert schema.section_fields("person")[:4] == ("name", "appointment", "care_team", "helper")


def test_the_banks_condition_names_come_from_the_schema():
    assert set(CONDITION_CHOICES) == {
        "cancer_type",
        "spread_to",
        "stage_of_care",
        "treatments",
        "priorities",
        "information",
        "already_have",
    }
    assert (*CONDITION_CHOICES, "symptoms") == CONDITION_FIELDS


def test_validate_gives_answers_or_problems_with_their_fields():
    answers = schema.validate({"version": 1, "priorities": ["work"], "person": {"name": "Ana"}})
    assert answers == Answers(name="Ana", priorities=("work",))
    with pytest.raises(InputProblems) as caught:
        schema.validate({"version": 1, "priorities": ["wrk"], "symptoms": {"pain": 12}})
    assert caught.value.items == [
        Problem('"wrk" is not a priority. Did you mean "work"?', "priorities", None, "priorities"),
        Problem(
            '"12" is not a score; use a whole number from 0 (not at all) to 10 (worst)',
            "symptoms.pain",
            None,
            "symptoms.pain",
        ),
    ]


def test_a_files_problems_carry_their_line(tmp_path):
    path = write_answers(tmp_path, "version: 1\ntreatments:\n  - chemo\n")
    with pytest.raises(InputProblems) as caught:
        load_answers(path)
    (problem,) = caught.value.items
    assert (problem.field, problem.line) == ("treatments", 3)
    assert problem.message == '"chemo" is not a treatment. Did you mean "chemotherapy"?'
    assert (
        str(problem)
        == 'answers.yaml, line 3, treatments: "chemo" is not a treatment. Did you mean "chemotherapy"?'
    )


def test_a_form_or_row_of_columns_becomes_the_files_layout():
    layout = schema.layout_from_columns(
        {
            "name": "Ana",
            "priorities": "work; travel",
            "pain": "4",
            "own_questions": "A?\nB?",
            "helper": " ",
        }
    )
    assert layout == {
        "version": 1,
        "person": {"name": "Ana"},
        "priorities": ["work", "travel"],
        "symptoms": {"pain": 4},
        "own_questions": ["A?", "B?"],
    }
    assert schema.column_for(("symptoms", "pain")) == "pain"
    assert schema.column_for(("priorities", 2)) == "priorities"


# --- The person's own words in "what matters most" ---------------------------------

OWN = """\
version: 1
priorities:
  - own: Gardening
    like: activities
  - own: Grandchildren
    like: family_time
  - avoid_hospital
"""


def test_own_words_load_in_their_rank(tmp_path):
    answers = load_answers(write_answers(tmp_path, OWN))
    assert answers.priorities == ("activities", "family_time", "avoid_hospital")
    assert answers.ranked_priorities() == (
        OwnPriority("Gardening", "activities"),
        OwnPriority("Grandchildren", "family_time"),
        "avoid_hospital",
    )


def test_own_words_are_saved_as_they_were_read(tmp_path):
    answers = load_answers(write_answers(tmp_path, OWN))
    assert answers.to_dict()["priorities"] == yaml.safe_load(OWN)["priorities"]
    again = load_answers(write_answers(tmp_path, yaml.safe_dump(answers.to_dict()), "again.yaml"))
    assert again == answers


def test_own_words_without_a_closest_priority(tmp_path):
    answers = load_answers(
        write_answers(tmp_path, "version: 1\npriorities: [{own: My dog}, work]\n")
    )
    assert answers.priorities == ("work",)
    assert answers.ranked_priorities() == (OwnPriority("My dog"), "work")


def test_own_words_written_as_a_csv_cell_writes_them(tmp_path):
    text = 'version: 1\npriorities: [work, "own: My dog", "own: Gardening, like: activities"]\n'
    answers = load_answers(write_answers(tmp_path, text))
    assert answers.ranked_priorities() == (
        "work",
        OwnPriority("My dog"),
        OwnPriority("Gardening", "activities"),
    )


def test_old_files_load_unchanged_and_a_typo_is_still_an_error(tmp_path):
    assert load_answers(MARIA).priority_words == ()
    with pytest.raises(InputProblems) as caught:
        load_answers(
            write_answers(
                tmp_path,
                "version: 1\npriorities:\n  - wrk\n  - {own: Gardening, like: actvities, colour: red}\n",
            )
        )
    assert caught.value.problems == [
        'answers.yaml, line 3, priorities: "wrk" is not a priority. Did you mean "work"?',
        'answers.yaml, line 4, priorities: "colour" is not a field this program knows',
        'answers.yaml, line 4, priorities: "actvities" is not a priority. Did you mean "activities"?',
    ]


def test_the_saved_date_is_read_and_written(tmp_path):
    answers = load_answers(write_answers(tmp_path, "version: 1\nsaved: 2026-11-20\n"))
    assert answers.saved == dt.date(2026, 11, 20)
    assert answers.to_dict() == {"version": 1, "saved": dt.date(2026, 11, 20)}
