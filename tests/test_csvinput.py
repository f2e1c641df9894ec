import csv
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from worksheets.answers import Answers
from worksheets.csvinput import (
    COLUMNS,
    MAX_CSV_BYTES,
    column_letter,
    example_csv,
    parse_batch_csv,
    read_batch_csv,
)
from worksheets.errors import InputProblems
from worksheets.schema import OwnPriority

# The contract's "The batch CSV", in its order.
CONTRACT_COLUMNS = [
    "output", "language", "name", "appointment", "care_team", "helper", "cancer_type", "spread_to",
    "medicines", "stage_of_care", "treatments", "priorities", "information", "pain", "tiredness",
    "drowsiness", "nausea", "appetite", "breathlessness", "low_mood", "anxiety", "wellbeing",
    "constipation", "sleep", "skip_topics", "own_questions",
    "already_have",
]  # fmt: skip


def problems_of(text: str, name: str = "people.csv") -> list[str]:
    with pytest.raises(InputProblems) as caught:
        parse_batch_csv(text, name)
    return caught.value.problems


def only_row(text: str):
    [row] = parse_batch_csv(text, "people.csv")
    return row


def test_the_columns_are_the_contracts_in_its_order():
    assert list(COLUMNS) == CONTRACT_COLUMNS


def test_a_filled_row_becomes_the_same_answers_as_an_answers_file():
    text = (
        "output,name,appointment,care_team,helper,cancer_type,spread_to,stage_of_care,"
        "treatments,priorities,information,tiredness,nausea,skip_topics,own_questions\n"
        "family-12,Maria Lopez,2026-12-03,Dr. Okafor,my daughter Ana,pancreatic,liver,starting,"
        "chemotherapy,work; eat_comfortably ;travel,details,7,5,planning_ahead,"
        '"Can I still go to my son\'s wedding in June?\n\nWill I lose my hair?"\n'
    )
    row = only_row(text)
    assert row.problems == ()
    assert row.number == 2
    assert row.output == "family-12"
    assert row.answers == Answers(
        name="Maria Lopez",
        appointment=dt.date(2026, 12, 3),
        care_team="Dr. Okafor",
        helper="my daughter Ana",
        cancer_type="pancreatic",
        spread_to=("liver",),
        stage_of_care="starting",
        treatments=("chemotherapy",),
        priorities=("work", "eat_comfortably", "travel"),
        information="details",
        symptoms={"tiredness": 7, "nausea": 5},
        skip_topics=("planning_ahead",),
        own_questions=("Can I still go to my son's wedding in June?", "Will I lose my hair?"),
    )


def test_own_words_in_the_priorities_cell_keep_their_rank():
    row = only_row(
        "name,priorities\n"
        'Ann Lee,"own: Gardening, like: activities; work; OWN:  my grandchildren ;avoid_hospital"\n'
    )
    assert row.problems == ()
    assert row.answers.ranked_priorities() == (
        OwnPriority("Gardening", "activities"),
        "work",
        OwnPriority("my grandchildren"),
        "avoid_hospital",
    )
    # The listed priorities that choose the questions, in the same order.
    assert row.answers.priorities == ("activities", "work", "avoid_hospital")


def test_words_of_ones_own_without_the_mark_say_how_to_keep_them():
    assert only_row("name,priorities\nAnn,work; gardening\n").problems == (
        'people.csv, row 2, column priorities: "gardening" is not a priority. Choose from: '
        "work, travel, eat_comfortably, family_time, independence, at_home, clear_mind, comfort, "
        "more_time, avoid_hospital, faith, money, activities, not_a_burden. "
        'Or, to keep these words as they are, write "own: gardening".',
    )
    # The closest choice is checked like any other: a near miss is named.
    assert only_row('name,priorities\nAnn,"own: Gardening, like: actvities"\n').problems == (
        'people.csv, row 2, column priorities: "actvities" is not a priority. '
        'Did you mean "activities"?',
    )


def test_empty_cells_and_missing_columns_mean_not_given():
    row = only_row("name,pain,priorities,output\nAnn Lee,,  ,\n")
    assert row.answers == Answers(name="Ann Lee")
    assert row.output is None
    # A short row (fewer cells than columns) is fine too.
    assert only_row("name,pain,priorities\nAnn Lee\n").answers == Answers(name="Ann Lee")


def test_a_row_with_only_empty_cells_is_skipped_but_still_counted():
    rows = parse_batch_csv("name,pain\nAnn,1\n,\n\nBo,2\n", "people.csv")
    assert [(row.number, row.answers.name) for row in rows] == [(2, "Ann"), (5, "Bo")]


def test_headers_are_read_the_way_people_write_them():
    row = only_row(" Name ,Cancer type,Own-Questions,LOW MOOD\nAnn,Lung,Why?,3\n")
    assert row.answers == Answers(
        name="Ann", cancer_type="lung", own_questions=("Why?",), symptoms={"low_mood": 3}
    )


def test_spreadsheet_saved_file_with_bom_and_windows_line_endings_just_works(tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(
        b"\xef\xbb\xbfname,priorities,pain,own_questions\r\n"
        b'Ann Lee,work;travel,4,"First question?\r\nSecond question?"\r\n'
        b"Bo Chen,comfort,,\r\n"
    )
    first, second = read_batch_csv(path)
    assert first.answers == Answers(
        name="Ann Lee",
        priorities=("work", "travel"),
        symptoms={"pain": 4},
        own_questions=("First question?", "Second question?"),
    )
    assert (second.number, second.answers) == (3, Answers(name="Bo Chen", priorities=("comfort",)))


def test_rows_are_numbered_as_a_spreadsheet_shows_them():
    # Row 2's cell holds three lines; the spreadsheet still calls the next one row 3.
    text = 'name,own_questions,pain\nAnn,"One?\nTwo?\nThree?",1\nBo,,12\n'
    ann, bo = parse_batch_csv(text, "people.csv")
    assert ann.problems == ()
    assert bo.problems == (
        'people.csv, row 3, column pain: "12" is not a score; use a whole number from 0 (not at all) to 10 (worst)',
    )


@pytest.mark.parametrize(
    ("header", "cell", "problem"),
    [
        (
            "priorities",
            "work;wrk",
            'column priorities: "wrk" is not a priority. Did you mean "work"?',
        ),
        (
            "treatments",
            "chemo",
            'column treatments: "chemo" is not a treatment. Did you mean "chemotherapy"?',
        ),
        (
            "cancer_type",
            "lung;breast",
            "column cancer_type: takes one answer, not a list",
        ),
        (
            "tiredness",
            "severe",
            'column tiredness: "severe" is not a score; use a whole number from 0 (not at all) to 10 (worst)',
        ),
        (
            "pain",
            "4.5",
            'column pain: "4.5" is not a score; use a whole number from 0 (not at all) to 10 (worst)',
        ),
        (
            "appointment",
            "12/03/2026",
            'column appointment: "12/03/2026" is not a date; write it as year-month-day, for example 2026-12-03',
        ),
        ("name", "x" * 101, "column name: is 101 characters long; at most 100 fit"),
        (
            "own_questions",
            "\n".join(f"Question {n}?" for n in range(21)),
            "column own_questions: 21 questions given; at most 20 fit on the worksheet",
        ),
        (
            "output",
            "../maria",
            'column output: "../maria" should be a plain file name, without folders',
        ),
        (
            "output",
            "clinic/maria",
            'column output: "clinic/maria" should be a plain file name, without folders',
        ),
        (
            "output",
            ".maria",
            'column output: ".maria" would be a hidden file; start the name with a letter',
        ),
        ("output", "visit: today", 'column output: a file name cannot hold the character ":"'),
    ],
)
def test_a_bad_cell_is_reported_with_its_row_and_column(header, cell, problem):
    quoted = '"' + cell.replace('"', '""') + '"'
    row = only_row(f"name,{header}\nAnn,{quoted}\n" if header != "name" else f"name\n{quoted}\n")
    assert row.answers is None
    assert row.problems == (f"people.csv, row 2, {problem}",)


def test_every_problem_of_a_row_is_reported_at_once():
    row = only_row("name,priorities,pain,,information\nAnn,wrk,11,stray,detail\n")
    assert row.problems == (
        "people.csv, row 2, column D: this cell has no column name in row 1; name the column or empty the cell",
        'people.csv, row 2, column priorities: "wrk" is not a priority. Did you mean "work"?',
        'people.csv, row 2, column information: "detail" is not an information choice. Did you mean "details"?',
        'people.csv, row 2, column pain: "11" is not a score; use a whole number from 0 (not at all) to 10 (worst)',
    )


def test_an_unknown_column_stops_the_file_with_a_close_match():
    assert problems_of("name,prioritys,Pian,favourite colour\nAnn,work,1,blue\n") == [
        'people.csv, row 1, column B: "prioritys" is not a column this program knows. Did you mean "priorities"?',
        'people.csv, row 1, column C: "Pian" is not a column this program knows. Did you mean "pain"?',
        'people.csv, row 1, column D: "favourite colour" is not a column this program knows. '
        "The columns are: " + ", ".join(CONTRACT_COLUMNS),
    ]


def test_a_column_given_twice_stops_the_file():
    assert problems_of("name,pain,Name\nAnn,1,Bo\n") == [
        'people.csv, row 1, column C: "Name" is given twice (also column A)'
    ]


def test_a_file_saved_with_semicolons_gets_a_useful_message():
    assert problems_of("name;pain\nAnn;1\n") == [
        "people.csv, row 1: the columns are separated by semicolons; save the file as CSV "
        'with commas (in a spreadsheet: "CSV UTF-8 (comma delimited)")'
    ]


def test_a_file_without_header_or_people_is_an_error():
    assert problems_of("") == [
        'people.csv: the first row should name the columns; run "worksheets batch --template" for an example'
    ]
    assert problems_of("name,pain\n,\n") == [
        "people.csv: no people in the file; add one row per person below the header"
    ]


def test_a_cell_over_the_limit_is_a_clear_error_not_a_crash():
    limit = csv.field_size_limit()
    long_cell = "x" * 12_001
    assert problems_of(f"name,own_questions\nAnn,Why?\nBo,{long_cell}\n") == [
        'people.csv, row 3: a cell is longer than 12,000 characters; is a quotation mark (") missing its pair?'
    ]
    # The csv module's limit is shared by the whole process: it is put back.
    assert csv.field_size_limit() == limit


def test_a_quotation_mark_without_its_pair_is_found():
    rows = "".join(f"Person {n},{n % 10}\n" for n in range(2000))
    assert problems_of(f'name,pain\nAnn,"3\n{rows}') == [
        'people.csv, row 2: a cell is longer than 12,000 characters; is a quotation mark (") missing its pair?'
    ]


def test_twenty_long_own_questions_fit_in_one_cell():
    questions = "\n".join("Why " + "y" * 494 + "?" for _ in range(20))
    row = only_row(f'name,own_questions\nAnn,"{questions}"\n')
    assert row.problems == ()
    assert len(row.answers.own_questions) == 20


def test_too_many_rows_is_a_clear_error():
    rows = "".join(f"P{n},1\n" for n in range(10_001))
    assert problems_of(f"name,pain\n{rows}") == [
        "people.csv: more than 10,000 rows of people; at most 10,000 fit in one batch. Split the file into smaller ones"
    ]


def test_a_file_over_the_size_limit_is_a_clear_error(tmp_path):
    path = tmp_path / "people.csv"
    with path.open("wb") as handle:
        handle.write(b"name\n")
        handle.truncate(MAX_CSV_BYTES + 1)
    with pytest.raises(InputProblems) as caught:
        read_batch_csv(path)
    assert caught.value.problems == [
        "people.csv: the file is larger than 50 MB, too large for a batch CSV"
    ]


@pytest.mark.parametrize(
    "content, told",
    [
        ("name\nJosé\n".encode("cp1252"), "people.csv, line 2: the file is not UTF-8 text"),
        # Excel's "Unicode Text" is UTF-16 with tabs: not "binary data".
        (
            "name\tpriorities\nJosé\twork\n".encode("utf-16"),
            'people.csv: the file is saved as UTF-16 (sometimes called "Unicode")',
        ),
    ],
)
def test_a_file_that_is_not_utf8_is_told_to_be_saved_as_utf8(tmp_path, content, told):
    path = tmp_path / "people.csv"
    path.write_bytes(content)
    with pytest.raises(InputProblems) as caught:
        read_batch_csv(path)
    assert caught.value.problems == [f"{told}; save it again as UTF-8"]


def test_the_template_reads_back_with_no_problems():
    rows = parse_batch_csv(example_csv(), "template.csv")
    assert [row.problems for row in rows] == [(), ()]
    maria, james = rows
    assert maria.output == "family-12"
    assert len(maria.answers.own_questions) == 2
    assert james.output is None
    assert james.answers.symptoms == {"pain": 6, "breathlessness": 4, "anxiety": 3, "sleep": 5}


@pytest.mark.parametrize(
    ("index", "letter"), [(0, "A"), (3, "D"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")]
)
def test_columns_are_named_by_their_spreadsheet_letters(index, letter):
    assert column_letter(index) == letter


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from([*CONTRACT_COLUMNS, "pain", "", " ", "\n", '"', ";", ",", "\r\n"]),
            st.text(max_size=30),
        ),
        max_size=40,
    )
)
def test_any_text_gives_rows_or_a_clear_error(pieces):
    text = "".join(pieces)
    try:
        rows = parse_batch_csv(text, "people.csv")
    except InputProblems as error:
        assert error.problems and all(p.startswith("people.csv") for p in error.problems)
        return
    for row in rows:
        assert (row.answers is None) == bool(row.problems)
        assert all(p.startswith(f"people.csv, row {row.number}") for p in row.problems)


def test_names_windows_keeps_for_itself_are_refused():
    from worksheets.csvinput import file_name_problem

    assert (
        file_name_problem("nul.pdf")
        == '"nul.pdf" is a name Windows keeps for itself; choose another'
    )
    assert file_name_problem("COM1") is not None
    assert file_name_problem("console.pdf") is None
