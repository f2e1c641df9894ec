"""Careless and hostile input: never a traceback, never one person's rows on
another's worksheet, never a message that drives the terminal."""

import contextlib
import os

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import pdf_text
from tests.test_prompts import FakeConsole
from worksheets import prompts
from worksheets import vocabulary as v
from worksheets.cli import cli
from worksheets.csvinput import file_name_problem, parse_batch_csv
from worksheets.errors import InputProblems, UserError
from worksheets.safetext import shown


def problems_of(text: str) -> list[str]:
    with pytest.raises(InputProblems) as caught:
        parse_batch_csv(text, "people.csv")
    return caught.value.problems


# --- A quotation mark without its pair ---------------------------------------------

HEADER = "name,own_questions,pain"


def test_an_unclosed_quote_in_own_questions_never_merges_people():
    text = f'{HEADER}\nAnn,"Can I travel?,3\nBo,Question two,4\nCy,"Third?",5\nDi,x,6\n'
    assert problems_of(text) == [
        'people.csv, row 2, column own_questions: a quotation mark (") opens a cell here and is '
        "not closed where the cell ends, so the cell would take in the rows below it. Add the "
        "closing quotation mark, or remove the opening one. Nothing was written"
    ]


def test_an_unclosed_quote_in_a_name_never_merges_people():
    text = f'{HEADER}\nAnn,Why?,3\n"Bo Chen,Why not?,4\nCy,"Third?",5\n'
    (problem,) = problems_of(text)
    assert problem.startswith("people.csv, row 3, column name: a quotation mark")


def test_a_quote_left_open_to_the_end_of_the_file_is_found():
    text = f'{HEADER}\nAnn,Why?,3\nBo,"Why not?,4\nCy,Third,5\n'
    (problem,) = problems_of(text)
    assert problem.startswith("people.csv, row 3, column own_questions: a quotation mark")


def test_a_cell_that_holds_whole_rows_is_refused():
    # The stray quotation mark that "closes" the cell is followed by a comma,
    # so the csv module sees nothing wrong; the rows inside the cell give it away.
    text = f'{HEADER}\nAnn,"Can I travel?,3\nBo,Question two,4\nCy,5\'10",5\n'
    assert problems_of(text) == [
        "people.csv, row 2, column own_questions: this cell holds what looks like the rows "
        'below it: is its closing quotation mark (") missing? Nothing was written'
    ]


def test_several_questions_with_commas_in_one_cell_are_fine():
    text = f'{HEADER}\nAnn,"Can I travel, and when?\nWhat about work, or school?",3\n'
    (row,) = parse_batch_csv(text, "people.csv")
    assert row.answers.own_questions == (
        "Can I travel, and when?",
        "What about work, or school?",
    )


def test_an_unclosed_quote_with_only_two_columns_never_merges_people():
    # No score or choice to tell a row by: "Bo,Will it hurt?" is written as a
    # spreadsheet writes a row, "What about work, or school?" as a sentence.
    text = 'name,own_questions\nAnn,"Can I travel?\nBo,Will it hurt?\nCy,Is it safe?"\nDi,Why?\n'
    assert problems_of(text) == [
        "people.csv, row 2, column own_questions: this cell holds what looks like the rows "
        'below it: is its closing quotation mark (") missing? Nothing was written'
    ]
    fine = (
        'name,own_questions\nAnn,"Can I travel, and when?\nWhat about work, or school?"\nBo,Why?\n'
    )
    assert [row.answers.own_questions for row in parse_batch_csv(fine, "people.csv")] == [
        ("Can I travel, and when?", "What about work, or school?"),
        ("Why?",),
    ]


def test_rows_short_of_their_last_cell_are_found_in_a_cell():
    # Some programs leave an empty last cell out: "Bo,4" is a name and a score.
    text = 'name,pain,own_questions\nAnn,3,"Why?\nBo,4\nCy,5\'10"\n'
    (problem,) = problems_of(text)
    assert problem.startswith("people.csv, row 2, column own_questions: this cell holds")


def test_questions_with_as_many_commas_as_a_row_are_fine():
    # Cut at its commas, each line gives three values for three columns, but
    # "and where?", "and my kids?" and "when?" are no pain scores.
    cell = (
        "Can I travel, and when, and where?\nWhat about work, money, and my kids?\nWho, what, when?"
    )
    (row,) = parse_batch_csv(f'{HEADER}\nAnn,"{cell}",3\n', "people.csv")
    assert row.problems == ()
    assert row.answers.own_questions == tuple(cell.split("\n"))
    assert row.answers.symptoms == {"pain": 3}


@pytest.mark.parametrize(
    "text",
    [
        # The last line of a well-quoted cell, a comma with no space after it.
        'name,own_questions,pain\nAna,"Is it safe?\nCan I travel,and when?",5\n',
        'name,own_questions,pain\nAna,"Is it safe?\nShould I take 5,or 10 mg?",5\n',
        # Numbered questions: "1" is no person's name.
        'name,own_questions\nAna,"1,Is it safe?\n2,Can I travel?"\n',
    ],
)
def test_a_well_quoted_cell_of_questions_is_never_taken_for_rows(text):
    (row,) = parse_batch_csv(text, "people.csv")
    assert row.problems == ()
    assert len(row.answers.own_questions) == 2


def test_a_two_column_batch_with_an_unclosed_quote_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "people.csv").write_text(
        'name,own_questions\nAnn,"Can I travel?\nBo,Will it hurt?\nCy,Is it safe?"\nDi,Why?\n'
    )
    result = CliRunner().invoke(
        cli, ["batch", "people.csv", "--format", "json", "--out-dir", "o", "--jobs", "1"]
    )
    assert result.exit_code == 1
    assert "row 2, column own_questions: this cell holds what looks like the rows" in result.output
    assert not (tmp_path / "o").exists()


def test_a_batch_with_an_unclosed_quote_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "people.csv").write_text(
        f'{HEADER}\nAnn,"Can I travel?,3\nBo,Question two,4\nCy,"Third?",5\n'
    )
    result = CliRunner().invoke(cli, ["batch", "people.csv", "--jobs", "1"])
    assert result.exit_code == 1
    assert "row 2, column own_questions: a quotation mark" in result.output
    assert not (tmp_path / "worksheets-out").exists()


# --- Long numbers -----------------------------------------------------------------


def test_a_5000_digit_score_is_a_plain_row_problem(tmp_path, monkeypatch):
    digits = "9" * 5000
    (row,) = parse_batch_csv(f"name,pain\nAnn,{digits}\n", "people.csv")
    (problem,) = row.problems
    assert problem.startswith('people.csv, row 2, column pain: "999')
    assert problem.endswith(
        '" is not a score; use a whole number from 0 (not at all) to 10 (worst)'
    )


def test_a_5000_digit_number_at_an_interview_prompt_is_asked_again():
    digits = "7" * 5000
    fake = FakeConsole(digits, "2")
    options = {"a": "First", "b": "Second"}
    assert prompts.read_choice(fake.console, "Which?", None, options) == "b"
    fake = FakeConsole(digits, "1")
    assert prompts.read_number(fake.console, "Number:", 3) == 1
    fake = FakeConsole(digits, "")
    assert prompts.read_lines(fake.console, "Own?", current=["Why?"]) == ("Why?",)
    fake = FakeConsole(f"pain {digits}", "")
    prompts.read_scores(fake.console, "How much?", None, {"pain": "Pain"})


# --- Hypothesis: the CSV reader and the prompt readers ----------------------------

cells = st.one_of(
    st.text(max_size=30),
    st.text(alphabet='0123456789"\n\r,;+- ', max_size=60),
    st.text(alphabet="0123456789", min_size=300, max_size=5000),
    st.sampled_from(["pain", "work", '"', '""', "\x1b[2J", "\u202e", "0" * 4400]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=6))
def test_any_csv_gives_rows_or_plain_problems(rows):
    columns = ["name", "pain", "own_questions", "priorities", "output"]
    text = ",".join(columns) + "\n" + "\n".join(",".join(row) for row in rows) + "\n"
    try:
        parsed = parse_batch_csv(text, "people.csv")
    except InputProblems as error:
        assert all(p.startswith("people.csv") for p in error.problems)
        return
    for row in parsed:
        assert (row.answers is None) == bool(row.problems)


typed = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789", min_size=300, max_size=5000),
    st.sampled_from(["1", "0", "99", "pain 7", "7/10", "\x1b]0;x\x07", "٣", "²", "-1", "1e9"]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(typed, max_size=6))
def test_any_typed_answers_are_read_or_asked_again(answers):
    options = dict(list(v.PRIORITIES.items())[:5])
    readers = [
        lambda io: prompts.read_text(io, "Name?"),
        lambda io: prompts.read_date(io, "When?"),
        lambda io: prompts.read_choice(io, "Which?", None, options),
        lambda io: prompts.read_choices(io, "Which?", None, options),
        lambda io: prompts.read_scores(io, "How much?", None, dict(v.SYMPTOMS)),
        lambda io: prompts.read_lines(io, "Own?", current=["Why?"]),
        lambda io: prompts.read_yes_no(io, "Sure?"),
        lambda io: prompts.read_number(io, "Number:", 4),
    ]
    for reader in readers:
        fake = FakeConsole(*answers)
        with contextlib.suppress(click.Abort):  # the end of the scripted input, as Ctrl-D
            reader(fake.console)


# --- Messages that cannot drive the terminal ----------------------------------------


def test_shown_escapes_what_would_act_on_a_terminal():
    assert shown("a\x1b[2Jb\x07\nWrote x\u202e") == "a\\x1b[2Jb\\x07\\nWrote x\\u202e"
    assert shown("Zoë Ωmega 李") == "Zoë Ωmega 李"


def test_an_error_quoting_an_escape_sequence_prints_it_escaped(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text('version: 1\npriorities: ["\\e]0;owned\\a\\e[2J"]\n')
    result = CliRunner().invoke(cli, ["render", "a.yaml", "-o", "out.pdf"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert '"\\x1b]0;owned\\x07\\x1b[2J" is not a priority' in result.output


def test_a_forged_line_in_a_message_stays_on_its_line():
    error = UserError('bad value "x\nWrote care-questions.pdf"')
    assert "\n" not in error.format_message()


def test_control_characters_in_text_fields_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(
        'version: 1\nperson:\n  name: "Ann\\e[2J"\nown_questions: ["Why\\x07?"]\n'
    )
    result = CliRunner().invoke(cli, ["render", "a.yaml", "-o", "out.pdf"])
    assert result.exit_code == 1
    assert "a.yaml, line 3, person.name: holds a control character (\\x1b)" in result.output
    assert "a.yaml, line 4, own_questions: holds a control character (\\x07)" in result.output
    assert not (tmp_path / "out.pdf").exists()


def test_a_control_character_typed_in_the_interview_is_asked_again():
    fake = FakeConsole("Ann\x1b[2J", "Ann")
    assert prompts.read_text(fake.console, "Name?") == "Ann"
    assert "holds a control character (\\x1b)" in fake.text


@pytest.mark.parametrize("name", ["maria\u202efdp.exe", "ann\u200b", "bo\u2066x", "cy\ufeff"])
def test_invisible_characters_in_file_names_are_refused(name):
    problem = file_name_problem(name)
    assert problem is not None
    assert problem.startswith("a file name cannot hold an invisible or direction-changing")


def test_a_person_with_a_right_to_left_name_still_gets_a_worksheet(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text("version: 1\nperson:\n  name: \u200fمريم\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", "a.yaml", "-o", "out.pdf"])
    assert result.exit_code == 0, result.output
    assert os.path.exists(tmp_path / "out.pdf")
    assert pdf_text(tmp_path / "out.pdf")
