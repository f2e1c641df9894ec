"""`questions --check` reports every problem of a bank in one run."""

import shutil
import textwrap

from click.testing import CliRunner

from worksheets.cli import cli
from worksheets.paths import BANK_DIR


def bank_with(tmp_path, text: str):
    bank = tmp_path / "bank"
    shutil.copytree(BANK_DIR, bank)
    (bank / "zz-clinic.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return bank


def check(bank):
    return CliRunner().invoke(cli, ["questions", "--check", "--bank", str(bank)])


def test_a_repeated_id_is_reported_with_the_other_problems(tmp_path):
    bank = bank_with(
        tmp_path,
        """\
        questions:
          - id: mine
            section: visit
            text: Where do I park?
            why: So that I am on time.
          - id: mine
            section: nowhere
            text: Where do I park today?
            why: So that I am on time.
        """,
    )
    result = check(bank)
    assert result.exit_code == 1
    assert '"nowhere" is not a section of bank.yaml' in result.output
    assert (
        'zz-clinic.yaml, line 6, id: "mine" is used twice (first at zz-clinic.yaml, line 2)'
        in result.output
    )


def test_an_id_ending_in_a_line_break_or_a_space_is_refused(tmp_path):
    bank = bank_with(
        tmp_path,
        """\
        questions:
          - id: |
              ends-in-newline
            section: visit
            text: Where do I park?
            why: So that I am on time.
          - id: "ends-in-space "
            section: visit
            text: Where do I sit?
            why: So that I can rest.
        """,
    )
    result = check(bank)
    assert result.exit_code == 1
    assert '"ends-in-newline\\n" is not a usable id' in result.output
    assert '"ends-in-space " is not a usable id' in result.output


def test_a_when_equal_to_its_unless_is_reported(tmp_path):
    bank = bank_with(
        tmp_path,
        """\
        questions:
          - id: never-chosen
            section: visit
            text: Where do I park?
            why: So that I am on time.
            when: {priorities: [work]}
            unless: {priorities: [work]}
        """,
    )
    result = check(bank)
    assert result.exit_code == 1
    assert (
        "zz-clinic.yaml, line 7, unless: is the same as its when, so the question could never be chosen"
        in result.output
    )


def test_a_bank_of_more_than_5000_questions_is_reported(tmp_path):
    items = "".join(
        f"  - id: q-{n}\n    section: visit\n    text: Question {n}?\n    why: Because.\n"
        for n in range(5001)
    )
    bank = bank_with(tmp_path, "questions:\n" + items)
    result = check(bank)
    assert result.exit_code == 1
    assert "questions; a bank holds at most 5,000 (is a file there twice?)" in result.output


def test_a_section_too_long_to_print_is_one_problem_not_one_per_question(tmp_path):
    bank = tmp_path / "bank"
    shutil.copytree(BANK_DIR, bank)
    index = bank / "bank.yaml"
    text = index.read_text(encoding="utf-8")
    start = text.index("title: ", text.index("id: goals")) + len("title: ")
    long_title = "The goals of my treatment, and everything else we could say about them"
    end = text.index("\n", start)
    index.write_text(text[:start] + long_title + text[end:], encoding="utf-8")
    result = check(bank)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1, result.output
    assert f"sections.title: is {len(long_title)} characters long; keep it under 60" in (
        result.output
    )
