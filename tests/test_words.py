"""Words as people type them: near misses, yes and no, several choices at once."""

from __future__ import annotations

import pytest

from worksheets import vocabulary as v
from worksheets.schema import BY_NAME
from worksheets.words import Reading, closest, did_you_mean, split_choices, understand, yes_or_no

TREATMENTS = BY_NAME["treatments"]
PRIORITIES = BY_NAME["priorities"]


@pytest.mark.parametrize(
    ("typed", "allowed", "expected"),
    [
        ("wrk", v.PRIORITIES, "work"),
        ("chemo", v.TREATMENTS, "chemotherapy"),
        ("pancreas", v.CANCER_TYPES, "pancreatic"),
        ("pian", v.SYMPTOMS, "pain"),
        ("apointment", ("name", "appointment", "care_team", "helper"), "appointment"),
        ("colour", ("version", "person", "cancer", "treatments", "priorities"), None),
        ("gardening", v.PRIORITIES, None),
        ("xyz", v.PRIORITIES, None),
    ],
)
def test_closest_for_files(typed, allowed, expected):
    assert closest(typed, allowed) == expected


def test_did_you_mean_is_one_sentence():
    assert did_you_mean("wrk", v.PRIORITIES) == 'Did you mean "work"?'
    assert did_you_mean("gardening", v.PRIORITIES) is None


@pytest.mark.parametrize(
    "typed",
    [
        "y",
        "Y",
        "yes",
        "Yes please",
        "yes please.",
        "yep",
        "yeah",
        "sure",
        "OK",
        "okay",
        "Sure!",
        "that\u2019s right",
    ],
)
def test_yes(typed):
    assert yes_or_no(typed) is True


@pytest.mark.parametrize(
    "typed", ["n", "N", "no", "No thanks", "no thank you", "nope", "nah", "not now"]
)
def test_no(typed):
    assert yes_or_no(typed) is False


@pytest.mark.parametrize("typed", ["", "maybe", "what", "yes no", "1"])
def test_neither_yes_nor_no(typed):
    assert yes_or_no(typed) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1", "chemotherapy"),
        ("chemotherapy", "chemotherapy"),
        ("Chemotherapy", "chemotherapy"),
        ("chemo", "chemotherapy"),
        ("immuno", "immunotherapy"),
        ("Targeted drugs", "targeted"),
        ("hormones", "hormone"),
        ("clinical trial", "clinical_trial"),
        ("trial", "clinical_trial"),
        ("radiotherapy", "radiation"),
        ("not sure", "unsure"),
    ],
)
def test_a_clear_word_is_taken(typed, expected):
    reading = understand(typed, TREATMENTS.choices, TREATMENTS.synonyms)
    assert reading == Reading(typed, expected, sure=True)


@pytest.mark.parametrize(
    ("typed", "options", "synonyms", "expected"),
    [
        ("targetted", TREATMENTS.choices, TREATMENTS.synonyms, "targeted"),
        ("imunotherapy", TREATMENTS.choices, TREATMENTS.synonyms, "immunotherapy"),
        ("chemotheraphy", TREATMENTS.choices, TREATMENTS.synonyms, "chemotherapy"),
        ("stay out of hospital", PRIORITIES.choices, {}, "avoid_hospital"),
        ("wrk", PRIORITIES.choices, PRIORITIES.synonyms, "work"),
        ("travle", PRIORITIES.choices, PRIORITIES.synonyms, "travel"),
        ("livr", v.SITES, {}, "liver"),
    ],
)
def test_a_near_miss_is_asked_about(typed, options, synonyms, expected):
    reading = understand(typed, options, synonyms)
    assert (reading.key, reading.sure) == (expected, False)


def test_family_alone_is_family_time():
    reading = understand("family", PRIORITIES.choices, PRIORITIES.synonyms)
    assert (reading.key, reading.sure) == ("family_time", True)


@pytest.mark.parametrize(
    "typed", ["gardening", "grandchildren", "my dog", "my wife", "the grandkids", "xyz", "my kids"]
)
def test_a_word_that_matches_nothing_is_unknown(typed):
    reading = understand(typed, PRIORITIES.choices, PRIORITIES.synonyms)
    assert reading.key is None
    assert not reading.problem


def test_a_word_that_fits_several_names_them():
    reading = understand("time", PRIORITIES.choices)
    assert reading.several == ("family_time", "more_time")


def test_a_number_off_the_list_says_so():
    reading = understand("12", v.CANCER_TYPES)
    assert reading.key is None
    assert reading.problem == '"12" is not on the list; the numbers go from 1 to 11.'


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1,3", ["1", "3"]),
        ("1, 3", ["1", "3"]),
        ("1 3", ["1", "3"]),
        ("1 and 3", ["1", "3"]),
        ("4;2", ["4", "2"]),
        ("work, travel", ["work", "travel"]),
        (
            "gardening, grandchildren, stay out of hospital",
            ["gardening", "grandchildren", "stay out of hospital"],
        ),
        ("work and travel.", ["work", "travel"]),
        ("Lymph nodes", ["Lymph nodes"]),
    ],
)
def test_split_choices(typed, expected):
    assert split_choices(typed) == expected
