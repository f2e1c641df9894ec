import datetime as dt
import os

import pytest
import yaml

from tests.conftest import MARIA, write_answers
from worksheets import schema
from worksheets import vocabulary as v
from worksheets.answers import MAX_FILE_BYTES, Answers, load_answers
from worksheets.errors import InputProblems


def test_the_sample_file_loads():
    answers = load_answers(MARIA)
    assert answers.name == "Maria Lopez"
    assert answers.appointment == dt.date(2026, 12, 3)
    assert answers.cancer_type == "pancreatic"
    assert answers.spread_to == ("liver",)
    assert answers.priorities == ("work", "eat_comfortably", "travel")
    assert answers.symptoms == {"tiredness": 7, "nausea": 5}
    assert answers.own_questions == ("Can I still go to my son's wedding in June?",)


def test_version_alone_is_a_valid_file(tmp_path):
    assert load_answers(write_answers(tmp_path, "version: 1\n")) == Answers()


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("treatments", v.TREATMENTS),
        ("priorities", v.PRIORITIES),
        ("skip_topics", v.SKIP_TOPICS),
    ],
)
def test_every_contract_value_of_a_list_is_accepted(tmp_path, field, values):
    answers = load_answers(write_answers(tmp_path, {"version": 1, field: list(values)}))
    assert getattr(answers, field) == tuple(values)


def test_every_single_contract_value_is_accepted(tmp_path):
    for kind in v.CANCER_TYPES:
        for stage in v.STAGES_OF_CARE:
            data = {"version": 1, "cancer": {"type": kind, "stage_of_care": stage}}
            answers = load_answers(write_answers(tmp_path, data))
            assert (answers.cancer_type, answers.stage_of_care) == (kind, stage)
    for info in v.INFORMATION:
        assert (
            load_answers(write_answers(tmp_path, {"version": 1, "information": info})).information
            == info
        )
    sites = list(v.SITES)
    data = {"version": 1, "cancer": {"spread_to": sites}, "symptoms": dict.fromkeys(v.SYMPTOMS, 10)}
    answers = load_answers(write_answers(tmp_path, data))
    assert answers.spread_to == tuple(sites)
    assert answers.symptoms == dict.fromkeys(v.SYMPTOMS, 10)


def test_a_single_value_counts_as_a_list_of_one(tmp_path):
    answers = load_answers(
        write_answers(tmp_path, "version: 1\npriorities: work\nown_questions: Is it safe to fly?\n")
    )
    assert answers.priorities == ("work",)
    assert answers.own_questions == ("Is it safe to fly?",)


def test_friendly_spellings_of_values_are_understood(tmp_path):
    answers = load_answers(
        write_answers(tmp_path, "version: 1\npriorities: [Eat comfortably, family-time]\n")
    )
    assert answers.priorities == ("eat_comfortably", "family_time")


def problems(tmp_path, text: str) -> list[str]:
    with pytest.raises(InputProblems) as caught:
        load_answers(write_answers(tmp_path, text))
    return caught.value.problems


def test_every_problem_is_reported_at_once_with_line_field_and_close_match(tmp_path):
    text = (
        "version: 1\n"
        "person:\n"
        "  name: Maria\n"
        "  apointment: 2026-12-03\n"
        "cancer:\n"
        "  type: pancreas\n"
        "treatments: [chemo]\n"
        "priorities:\n"
        "  - wrk\n"
        "symptoms: {pain: 11}\n"
        "colour: blue\n"
    )
    assert problems(tmp_path, text) == [
        'answers.yaml, line 11, colour: "colour" is not a field this program knows',
        'answers.yaml, line 4, person.apointment: "apointment" is not a field this program knows. Did you mean "appointment"?',
        'answers.yaml, line 6, cancer.type: "pancreas" is not a kind of cancer this program knows. Did you mean "pancreatic"?',
        'answers.yaml, line 7, treatments: "chemo" is not a treatment. Did you mean "chemotherapy"?',
        'answers.yaml, line 9, priorities: "wrk" is not a priority. Did you mean "work"?',
        'answers.yaml, line 10, symptoms.pain: "11" is not a score; use a whole number from 0 (not at all) to 10 (worst)',
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 'answers.yaml: the file is empty; an answers file starts with "version: 1"'),
        (
            "- a\n- b\n",
            'answers.yaml, line 1: this is not an answers file (it should start with "version: 1")',
        ),
        (
            "person:\n  name: Ana\n",
            'answers.yaml, line 1, version: missing; add the line "version: 1" at the top',
        ),
        (
            "version: 7\n",
            "answers.yaml, line 1, version: this file is format version 7, newer than this program reads (1); update worksheets",
        ),
        (
            "version: 1\npriorities: {work: 1}\n",
            "answers.yaml, line 2, priorities: should be one of: " + ", ".join(v.PRIORITIES),
        ),
        (
            "version: 1\ninformation: [details]\n",
            "answers.yaml, line 2, information: takes one answer, not a list",
        ),
        (
            "version: 1\nsymptoms: {pain: 4.5}\n",
            'answers.yaml, line 2, symptoms.pain: "4.5" is not a score; use a whole number from 0 (not at all) to 10 (worst)',
        ),
        (
            "version: 1\nsymptoms: {pain: yes}\n",
            'answers.yaml, line 2, symptoms.pain: "yes" is not a score; use a whole number from 0 (not at all) to 10 (worst)',
        ),
        (
            "version: 1\nsymptoms: {pian: 3}\n",
            'answers.yaml, line 2, symptoms: "pian" is not a symptom on this list. Did you mean "pain"?',
        ),
        (
            "version: 1\nperson: Maria\n",
            # The person's fields, as the schema declares them (a new one is listed too).
            "answers.yaml, line 2, person: should hold the fields "
            + ", ".join(schema.section_fields("person"))
            + ", each on its own line",
        ),
        (
            "version: 1\nperson:\n  appointment: 12/03/2026\n",
            'answers.yaml, line 3, person.appointment: "12/03/2026" is not a date; write it as year-month-day, for example 2026-12-03',
        ),
        (
            "version: 1\nperson:\n  appointment: 2026-02-30\n",
            'answers.yaml, line 3, person.appointment: "2026-02-30" is not a date; write it as year-month-day, for example 2026-12-03',
        ),
        (
            "version: 1\nperson:\n  name: [a, b]\n",
            "answers.yaml, line 3, person.name: should be a short piece of text",
        ),
        (
            "version: 1\npriorities: [work\n",
            'answers.yaml, line 2: a list opened with "[" on this line is never closed with "]"',
        ),
    ],
)
def test_wrong_files_get_a_plain_message(tmp_path, text, expected):
    (problem,) = problems(tmp_path, text)
    assert problem == expected


def test_binary_garbage_is_refused(tmp_path):
    path = tmp_path / "answers.yaml"
    path.write_bytes(b"\x01" + os.urandom(64) + b"\x00")  # never a byte-order mark
    with pytest.raises(InputProblems) as caught:
        load_answers(path)
    (problem,) = caught.value.problems
    assert problem.startswith("answers.yaml, line ")
    assert "binary data" in problem or "not UTF-8" in problem


def test_limits(tmp_path):
    data = {
        "version": 1,
        "person": {"name": "x" * 101, "helper": "ok"},
        "own_questions": ["q" * 501] + [f"Question {i}?" for i in range(21)],
    }
    assert problems(tmp_path, yaml.safe_dump(data, sort_keys=False, width=1000)) == [
        "answers.yaml, line 3, person.name: is 101 characters long; at most 100 fit",
        "answers.yaml, line 6, own_questions: a question is 501 characters long; at most 500 fit",
        "answers.yaml, line 5, own_questions: 21 questions given; at most 20 fit on the worksheet",
    ]


def test_huge_file_is_refused_before_parsing(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("version: 1\n# " + "x" * MAX_FILE_BYTES + "\n")
    with pytest.raises(InputProblems) as caught:
        load_answers(path)
    assert caught.value.problems == [
        "big.yaml: the file is larger than 1 MB, too large for an answers file"
    ]


def test_missing_file(tmp_path):
    with pytest.raises(InputProblems) as caught:
        load_answers(tmp_path / "nope.yaml")
    assert caught.value.problems == [f"{tmp_path / 'nope.yaml'}: no such file"]


def test_to_dict_round_trips_through_the_file_format(tmp_path):
    answers = load_answers(MARIA)
    path = write_answers(tmp_path, yaml.safe_dump(answers.to_dict(), sort_keys=False))
    assert load_answers(path) == answers
    assert next(iter(answers.to_dict())) == "version"


# --- Any input: a valid result or a clear error, never a traceback ------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates(),
    st.sampled_from(["work", "lung", "bones", "details", "pain", "chemotherapy", "wrk", ""]),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(
                st.text(max_size=12), st.sampled_from(["type", "name", "pain", "appointment"])
            ),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=20,
)
_documents = st.fixed_dictionaries(
    {},
    optional={
        "version": st.one_of(st.just(1), _scalars),
        "person": _values,
        "cancer": _values,
        "treatments": _values,
        "priorities": _values,
        "information": _values,
        "symptoms": _values,
        "skip_topics": _values,
        "own_questions": _values,
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents)
def test_any_structure_gives_answers_or_plain_problems(data):
    from worksheets.answers import validate_answers

    try:
        answers = validate_answers(data, lambda path, field: f"answers.yaml, {field}")
    except InputProblems as error:
        assert error.problems
        assert all(p.startswith("answers.yaml") for p in error.problems)
    else:
        assert isinstance(answers, Answers)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_any_bytes_give_answers_or_plain_problems(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("h") / "answers.yaml"
    path.write_bytes(raw)
    try:
        load_answers(path)
    except InputProblems as error:
        assert all(p.startswith("answers.yaml") for p in error.problems)


def test_a_100000_character_question_and_deep_nesting_are_refused_plainly(tmp_path):
    long = problems(tmp_path, "version: 1\nown_questions:\n  - " + "x" * 100_000 + "\n")
    assert long == [
        "answers.yaml, line 3, own_questions: a question is 100000 characters long; at most 500 fit"
    ]
    (deep,) = problems(tmp_path, "version: 1\nperson: " + "{a: " * 200 + "1" + "}" * 200 + "\n")
    assert deep.startswith("answers.yaml, line 2: ")
    assert "nest" in deep


@pytest.mark.parametrize(
    "text",
    [
        "version: 1\nperson:\n  appointment: !!timestamp 3 December 2026\n",
        "version: 1\nsymptoms: {pain: !!int }\n",
        "version: 1\ninformation: !!bool maybe\n",
    ],
)
def test_explicit_tags_that_cannot_be_read_get_a_plain_message(tmp_path, text):
    (problem,) = problems(tmp_path, text)
    assert problem.startswith(("answers.yaml, line 2", "answers.yaml, line 3"))
    assert "cannot be read" in problem


def test_dates_without_leading_zeros_and_symptoms_given_twice(tmp_path):
    answers = load_answers(
        write_answers(tmp_path, "version: 1\nperson:\n  appointment: 2026-12-3\n")
    )
    assert answers.appointment == dt.date(2026, 12, 3)
    assert problems(tmp_path, "version: 1\nsymptoms:\n  Pain: 3\n  pain: 9\n") == [
        'answers.yaml, line 4, symptoms: "pain" is given twice'
    ]


def test_care_the_person_already_has(tmp_path):
    from worksheets.answers import load_answers

    path = tmp_path / "a.yaml"
    path.write_text("version: 1\nalready_have: [hospice, palliative-care]\n", encoding="utf-8")
    answers = load_answers(path)
    assert answers.already_have == ("hospice", "palliative_care")
    assert answers.to_dict()["already_have"] == ["hospice", "palliative_care"]
    path.write_text("version: 1\nalready_have: hospise\n", encoding="utf-8")
    with pytest.raises(InputProblems) as caught:
        load_answers(path)
    assert caught.value.problems == [
        'a.yaml, line 2, already_have: "hospise" is not care this program knows '
        '(palliative_care or hospice). Did you mean "hospice"?'
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"version: 1\nlanguage: es\n", "es"),
        (b"version: 1\nlanguage: ES\npriorities: [work\n", "es"),  # read as the option reads it
        (b"version: 1\nlanguage: 'es'  # mine\n\x00", "es"),
        ("version: 1\nlanguage: es\nname: José\n".encode("cp1252"), "es"),
        ("version: 1\nlanguage: es\n".encode("utf-16"), "es"),  # as some editors save
        (b"{version: 1, language: es}\n", "es"),  # valid YAML: read as YAML
        (b"version: 1\nlanguage: en\npriorities: [work\n", "en"),
        (b"version: 1\npriorities: [work\n", None),
        (b"version: 1\nlanguage: es\nlanguage: en\n", None),
        (b"version: 1\nperson:\n  language: es\n  name: [\n", None),
        (b"", None),
    ],
)
def test_the_language_a_file_states_even_when_it_cannot_be_read(tmp_path, content, expected):
    from worksheets.answers import stated_language

    path = tmp_path / "answers.yaml"
    path.write_bytes(content)
    assert stated_language(path) == expected


def test_a_missing_file_states_no_language(tmp_path):
    from worksheets.answers import stated_language

    assert stated_language(tmp_path / "nowhere.yaml") is None
