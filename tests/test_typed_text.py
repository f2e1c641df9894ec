"""What people type is printed as they typed it: YAML's number, date and
true/false conversions never reach a text field, and scores read in decimal."""

import textwrap

import pytest
from click.testing import CliRunner

from tests.conftest import pdf_text
from worksheets.answers import load_answers
from worksheets.bank import load_bank
from worksheets.cli import cli
from worksheets.clinic import load_clinic
from worksheets.errors import InputProblems
from worksheets.paths import BANK_DIR


def write(tmp_path, text, name="answers.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_names_and_questions_that_look_like_numbers_stay_as_typed(tmp_path):
    answers = load_answers(
        write(
            tmp_path,
            """\
            version: 1
            person:
              name: 0123
              care_team: 2026-12-03
              helper: yes
            own_questions:
              - 010
              - 1_000
              - 7.50
            """,
        )
    )
    assert (answers.name, answers.care_team, answers.helper) == ("0123", "2026-12-03", "yes")
    assert answers.own_questions == ("010", "1_000", "7.50")


@pytest.mark.parametrize(
    ("typed", "score"),
    [
        ("010", 10),
        ("07", 7),
        ("08", 8),  # not octal: YAML leaves it as text
        ("09", 9),
        ("0", 0),
        ("+3", 3),
        ("'7'", 7),  # in quotation marks: still the digits typed
        ('" 4 "', 4),
    ],
)
def test_scores_are_read_in_decimal(tmp_path, typed, score):
    answers = load_answers(write(tmp_path, f"version: 1\nsymptoms:\n  pain: {typed}\n"))
    assert answers.symptoms == {"pain": score}


@pytest.mark.parametrize("typed", ["0x0a", "0o7", "1_0", "7.0", "0b11"])
def test_scores_in_other_notations_are_refused_in_words(tmp_path, typed):
    with pytest.raises(InputProblems) as error:
        load_answers(write(tmp_path, f"version: 1\nsymptoms:\n  pain: {typed}\n"))
    assert error.value.problems == [
        f'answers.yaml, line 3, symptoms.pain: "{typed}" is not a score; use a whole number from 0 (not at all) to 10 (worst)'
    ]


CLINIC = """\
    version: 1
    name: 2026
    phone: 02071234567
    after_hours: 555_0199
    ask_for: 0800
    questions:
      - id: clinic-parking
        section: visit
        text: 12345
        why: 0x1F
"""


def test_a_clinics_phone_numbers_are_printed_as_typed(tmp_path):
    clinic = load_clinic(write(tmp_path, CLINIC, "clinic.yaml"), load_bank())
    assert (clinic.name, clinic.phone, clinic.after_hours, clinic.ask_for) == (
        "2026",
        "02071234567",
        "555_0199",
        "0800",
    )
    (question,) = clinic.questions
    assert (question.text, question.why) == ("12345", "0x1F")


def test_the_worksheet_shows_the_phone_number_typed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, CLINIC, "clinic.yaml")
    write(tmp_path, "version: 1\nperson:\n  name: 0123\n")
    result = CliRunner().invoke(
        cli, ["render", "answers.yaml", "--clinic", "clinic.yaml", "-o", "out.pdf"]
    )
    assert result.exit_code == 0, result.output
    text = pdf_text(tmp_path / "out.pdf")
    assert "02071234567" in text and "555_0199" in text
    assert "283457911" not in text and "5550199" not in text
    assert "0123" in text


def test_a_bank_edition_is_kept_as_typed(tmp_path):
    import shutil

    bank = tmp_path / "bank"
    shutil.copytree(BANK_DIR, bank)
    index = bank / "bank.yaml"
    lines = index.read_text(encoding="utf-8").splitlines()
    lines = ["version: 2026.10" if line.startswith("version:") else line for line in lines]
    index.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert load_bank(bank).version == "2026.10"


@pytest.mark.parametrize("typed", ["{a: 7}", "[7, 8]"])
def test_a_score_that_is_not_one_value_is_told_so(tmp_path, typed):
    with pytest.raises(InputProblems) as error:
        load_answers(write(tmp_path, f"version: 1\nsymptoms:\n  pain: {typed}\n"))
    assert error.value.problems == [
        "answers.yaml, line 3, symptoms.pain: should be one score, a whole number from 0 "
        "(not at all) to 10 (worst)"
    ]
