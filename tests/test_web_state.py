"""A form post and a CSV row are one thing: the same answers, the same messages."""

from __future__ import annotations

from conftest import MARIA
from websupport import MARIA_FORM

from worksheets.answers import load_answers
from worksheets.csvinput import parse_batch_csv
from worksheets.web.state import (
    answers_of,
    merge_order,
    moved,
    state_from_answers,
    state_from_form,
)


def _lists(form: dict) -> dict[str, list[str]]:
    return {k: v if isinstance(v, list) else [v] for k, v in form.items()}


def test_maria_posted_is_maria_saved() -> None:
    state = state_from_form(_lists(MARIA_FORM))
    assert answers_of(state) == load_answers(MARIA)
    assert state.problems == {}


def test_a_form_post_and_a_csv_row_give_the_same_answers() -> None:
    header = ",".join(MARIA_FORM)
    cells = []
    for value in MARIA_FORM.values():
        text = ";".join(value) if isinstance(value, list) else value
        cells.append('"' + text.replace('"', '""') + '"')
    [row] = parse_batch_csv(header + "\n" + ",".join(cells) + "\n", "people.csv")
    assert answers_of(state_from_form(_lists(MARIA_FORM))) == row.answers


def test_a_list_is_repeated_fields_or_one_semicolon_value() -> None:
    repeated = state_from_form({"priorities": ["work", "travel"], "spread_to": ["liver", "bones"]})
    joined = state_from_form({"priorities": ["work; travel"], "spread_to": ["liver;bones"]})
    assert answers_of(repeated) == answers_of(joined)
    assert answers_of(repeated).priorities == ("work", "travel")  # type: ignore[union-attr]


def test_own_questions_are_repeated_fields_or_one_per_line() -> None:
    repeated = state_from_form({"own_questions": ["Can I drive?", "", "Can I travel?"]})
    lines = state_from_form({"own_questions": ["Can I drive?\nCan I travel?\n"]})
    assert answers_of(repeated).own_questions == ("Can I drive?", "Can I travel?")  # type: ignore[union-attr]
    assert answers_of(repeated) == answers_of(lines)


def test_problems_are_placed_at_their_fields_in_the_csv_words() -> None:
    state = state_from_form(
        {"priorities": ["wrk"], "pain": ["12"], "appointment": ["3 Dec"], "name": ["x" * 101]}
    )
    assert answers_of(state) is None
    assert state.problems["priorities"] == ['"wrk" is not a priority. Did you mean "work"?']
    assert state.problems["pain"] == [
        '"12" is not a score; use a whole number from 0 (not at all) to 10 (worst)'
    ]
    assert state.problems["appointment"] == [
        '"3 Dec" is not a date; write it as year-month-day, for example 2026-12-03'
    ]
    assert state.problems["name"] == ["is 101 characters long; at most 100 fit"]


def test_one_choice_given_twice_is_a_problem_not_a_guess() -> None:
    state = state_from_form({"cancer_type": ["lung", "breast"]})
    assert answers_of(state) is None
    assert state.problems["cancer_type"] == ["takes one answer, not a list"]


def test_an_unknown_field_is_reported_not_ignored() -> None:
    state = state_from_form({"priorites": ["work"]})
    assert state.problems[""] == ['"priorites" is not a field this form knows']


def test_print_choices() -> None:
    state = state_from_form({"paper": ["A4"], "large_print": ["1"], "all_questions": ["on"]})
    assert (state.paper, state.large_print, state.all_questions) == ("a4", True, True)
    bad = state_from_form({"paper": ["legal"]})
    assert bad.problems["paper"] == ['"legal" is not a paper size; choose letter or A4']


def test_saved_answers_come_back_as_the_same_form() -> None:
    answers = load_answers(MARIA)
    state = state_from_answers(answers)
    assert state.items("priorities") == ["work", "eat_comfortably", "travel"]
    assert state.value("tiredness") == "7"
    assert answers_of(state_from_form(dict(state.values))) == answers


def test_ticking_keeps_the_order_given_before() -> None:
    # Tick boxes post in the list's order; the person's order is kept, new ones last.
    state = state_from_form(
        {"priorities": ["work", "travel", "faith"], "priorities_before": ["travel;work"]}
    )
    assert state.items("priorities") == ["travel", "work", "faith"]
    assert merge_order(["work"], ["travel", "work"]) == ["work"]


def test_moving_up_and_down() -> None:
    order = ["work", "travel", "faith"]
    assert moved(order, "faith", -1) == ["work", "faith", "travel"]
    assert moved(order, "work", 1) == ["travel", "work", "faith"]
    assert moved(order, "work", -1) == order  # already first
    assert moved(order, "money", 1) == order  # not chosen
