"""The whole interview through the CLI (CliRunner), and its parts with a fake console."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import stat
import threading

import pytest
import yaml
from click.testing import CliRunner

from tests.conftest import MARIA, TODAY, pdf_pages, pdf_text, write_answers
from tests.interviewsupport import (
    lines_before,
    number_of,
    progress,
    script,
    summary_line,
    summary_lines,
    unanswered,
    with_every_answer,
)
from worksheets import interview, schema
from worksheets.answers import Answers, load_answers
from worksheets.cli import cli
from worksheets.interview import THREAD_NAME, Conversation
from worksheets.prompts import Console

# A patient answering everything, as in examples/maria.yaml: what she types at
# each question, by field; a question not named here is skipped (see interviewsupport).
MARIA_TYPES = {
    "name": ["Maria Lopez"],
    "appointment": [
        "2026-12-03",
        "",  # "Thursday, December 3, 2026. Is that right? [Y/n]"
    ],
    "care_team": ["Dr. Okafor"],
    "helper": ["my daughter Ana"],  # who comes along
    "cancer_type": ["pancreatic"],
    "spread_to": ["3"],  # liver
    "stage_of_care": ["1"],  # starting
    "medicines": ["FOLFIRINOX"],
    "treatments": ["chemo"],
    "priorities": ["work, eat comfortably, travel"],  # most important first
    "information": ["details"],  # how much to hear
    "symptoms": [
        "",  # pain: skipped
        "7",  # tiredness
        "",  # drowsiness: skipped
        "5",  # nausea
        "skip all",
    ],
    "skip_topics": ["2"],  # not today: planning ahead
    "own_questions": [
        "Can I still go to my son's wedding in June?",
        "",  # no more questions
    ],
}
MARIA_SESSION = script(MARIA_TYPES)
NO_BOOKLET = [""]  # "Also print the longer list of questions? [y/N]"
SUMMARY_ACCEPT = ["", *NO_BOOKLET]
DONT_SAVE = [""]

MARIA_ANSWERS = load_answers(MARIA)
# As the interview saves them: with the day they were saved.
MARIA_SAVED = dataclasses.replace(MARIA_ANSWERS, saved=TODAY)


def lines(*parts: list[str]) -> str:
    return "".join(f"{line}\n" for part in parts for line in part)


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return CliRunner()


@pytest.fixture(autouse=True)
def no_preparer_left_running():
    """An interrupted interview may leave its background render running: wait for it."""
    yield
    for thread in threading.enumerate():
        if thread.name == THREAD_NAME:
            thread.join(timeout=300)
            assert not thread.is_alive()


def render_json(runner: CliRunner, answers_file) -> str:
    result = runner.invoke(cli, ["render", str(answers_file), "--format", "json", "-o", "-"])
    assert result.exit_code == 0, result.output
    return result.stdout


def files(folder) -> list[str]:
    return sorted(os.listdir(folder))


# --- A whole session ----------------------------------------------------------------


def test_patient_session_ends_with_a_pdf_of_the_answers(runner, tmp_path):
    result = runner.invoke(cli, [], input=lines(MARIA_SESSION, SUMMARY_ACCEPT, DONT_SAVE))
    assert result.exit_code == 0, result.output
    assert files(tmp_path) == ["care-questions-2026-12-03.pdf"]
    pages = pdf_pages(tmp_path / "care-questions-2026-12-03.pdf")
    assert result.output.endswith(
        f"\nWrote the worksheet, {pages} pages: {tmp_path / 'care-questions-2026-12-03.pdf'}\n"
        "To print it, open the file and choose Print. Bring it to your visit.\n"
    )
    text = pdf_text(tmp_path / "care-questions-2026-12-03.pdf")
    for answer in (
        "Maria Lopez",
        "Thursday, December 3, 2026",
        "Dr. Okafor",
        "my daughter Ana",
        "Keeping up my work",
        "Eating without nausea or discomfort",
        "Being able to travel",
        "wedding in June?",
    ):
        assert answer in text


def test_session_chooses_the_same_questions_as_the_answers_file(runner):
    result = runner.invoke(
        cli,
        ["interview", "--format", "json", "-o", "-"],
        input=lines(MARIA_SESSION, SUMMARY_ACCEPT, DONT_SAVE),
    )
    assert result.exit_code == 0, result.stderr
    # `worksheets` alone is the interview; with `-o -` the prompts go to stderr.
    assert result.stdout == render_json(runner, MARIA)
    assert f"{progress('name')} What name should go at the top of your worksheet?" in result.stderr


def test_the_summary_shows_every_answer(runner):
    result = runner.invoke(cli, [], input=lines(MARIA_SESSION, SUMMARY_ACCEPT, DONT_SAVE))
    summary = result.output.split("Here is what the worksheet will use:\n")[1]
    summary = summary.split("\nType a number")[0]
    assert summary.splitlines() == summary_lines(
        name="Name: Maria Lopez",
        appointment="Visit date: Thursday, December 3, 2026",
        care_team="Visit with: Dr. Okafor",
        helper="Coming along: my daughter Ana",
        cancer_type="Kind of cancer: Pancreatic cancer",
        spread_to="Where it has spread: Liver",
        stage_of_care="Where things are now: Just learned it has spread, or about to start treatment",
        medicines="Cancer medicines: FOLFIRINOX",
        treatments="Treatments: Chemotherapy",
        priorities="What matters most: Keeping up my work; Eating without nausea or discomfort; Being able to travel",
        information="How much to hear: I want the details, numbers included",
        symptoms="Symptoms this week: Tiredness 7, Nausea 5",
        skip_topics="Not ready to talk about: Planning ahead",
        own_questions="Own questions: 1 question\n"
        "        - Can I still go to my son's wedding in June?",
    )
    # The summary's numbers, as they read on the screen today.
    assert summary.splitlines()[0] == "   1. Name: Maria Lopez"


def test_pdf_to_standard_output_alone(runner, tmp_path):
    result = runner.invoke(
        cli, ["interview", "-o", "-"], input=lines(MARIA_SESSION, SUMMARY_ACCEPT, DONT_SAVE)
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(b"%PDF-")
    assert result.stdout_bytes.rstrip().endswith(b"%%EOF")
    assert "Maria Lopez" in pdf_text(result.stdout_bytes)
    assert "What kind of cancer is it?" in result.stderr
    assert "Keep the answers for next time?" in result.stderr
    assert files(tmp_path) == []


def test_skipping_everything_still_makes_a_worksheet(runner, tmp_path):
    result = runner.invoke(cli, [], input=lines(script(), SUMMARY_ACCEPT, DONT_SAVE))
    assert result.exit_code == 0, result.output
    assert files(tmp_path) == [f"care-questions-{dt.date.today().isoformat()}.pdf"]
    assert "   1. Name: (skipped)" in result.output


def test_not_sure_is_an_answer(runner):
    unsure = ["not sure"]
    session = script(
        {
            "appointment": unsure,
            "cancer_type": unsure,
            "spread_to": unsure,
            "stage_of_care": unsure,
            "medicines": unsure,
            "treatments": unsure,
            "information": unsure,
        }
    )
    result = runner.invoke(
        cli,
        ["interview", "--format", "json", "-o", "-"],
        input=lines(session, SUMMARY_ACCEPT, DONT_SAVE),
    )
    assert result.exit_code == 0, result.stderr
    for name, shown in (
        ("cancer_type", "Kind of cancer: Not sure of the exact kind"),
        ("spread_to", "Where it has spread: Not sure where"),
        ("stage_of_care", "Where things are now: Not sure"),
        ("medicines", "Cancer medicines: (skipped)"),
        ("treatments", "Treatments: Not sure"),
        ("information", "How much to hear: (skipped)"),
    ):
        assert summary_line(name, shown) in result.stderr


def test_wrong_entries_are_asked_again_in_plain_words(runner):
    session = script(
        {
            **MARIA_TYPES,
            "appointment": ["soon", "2026-12-03", ""],
            "cancer_type": ["lugn cancr", "no", "pancreatic"],
        }
    )
    result = runner.invoke(cli, [], input=lines(session, ["99", ""], NO_BOOKLET, DONT_SAVE))
    assert result.exit_code == 0, result.output
    assert (
        '"soon" is not a date this program can read. '
        "Try it like this: December 15, or 12/15/2026." in result.output
    )
    assert '"lugn cancr": did you mean "Lung cancer"? [Y/n] no' in result.output
    assert (
        '"lugn cancr" is not on the list. Type a number from 1 to 11, or a word from the list.\n'
        "Type that one again, or press Enter to leave it out: pancreatic" in result.output
    )
    assert (
        f"Please type a number from 1 to {len(schema.ASKED)}, or press Enter alone."
        in result.output
    )
    assert "Traceback" not in result.output


def test_choices_by_number_or_name(runner):
    session = script(
        {
            **MARIA_TYPES,
            "spread_to": ["liver, bones"],
            "treatments": ["1, 6"],
            "priorities": ["14,2"],  # the order typed is the order kept
        }
    )
    result = runner.invoke(
        cli,
        ["interview", "--format", "json", "-o", "-"],
        input=lines(session, SUMMARY_ACCEPT, DONT_SAVE),
    )
    assert result.exit_code == 0, result.stderr
    assert summary_line("spread_to", "Where it has spread: Liver; Bones") in result.stderr
    assert summary_line("treatments", "Treatments: Chemotherapy; Radiation") in result.stderr
    assert (
        summary_line(
            "priorities", "What matters most: Not being a burden to others; Being able to travel"
        )
        in result.stderr
    )


# --- Changing an answer from the summary --------------------------------------------


def test_change_an_answer_by_its_number_without_starting_over(runner, tmp_path):
    change = [str(number_of("cancer_type")), "lung", str(number_of("priorities")), "faith", ""]
    result = runner.invoke(
        cli,
        ["interview", "--format", "json", "-o", "-"],
        input=lines(MARIA_SESSION, change, NO_BOOKLET, DONT_SAVE),
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count(progress("name")) == 1
    assert result.stderr.count("Here is what the worksheet will use:") == 3
    assert '  Now: Pancreatic cancer. Enter alone keeps it; type "clear" to remove it.' in (
        result.stderr
    )
    expected = Answers(**{**vars(MARIA_ANSWERS), "cancer_type": "lung", "priorities": ("faith",)})
    saved = write_answers(tmp_path, expected.to_dict())
    assert result.stdout == render_json(runner, saved)


def test_enter_keeps_an_answer_when_changing_it(runner):
    keep = [str(number_of("own_questions")), "", ""]  # nothing added, nothing removed
    result = runner.invoke(
        cli,
        ["interview", "--format", "json", "-o", "-"],
        input=lines(MARIA_SESSION, keep, NO_BOOKLET, DONT_SAVE),
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == render_json(runner, MARIA)


# --- Helper mode --------------------------------------------------------------------


def test_helper_mode_speaks_of_the_person_you_are_helping(runner):
    result = runner.invoke(
        cli,
        ["interview", "--helper"],
        input=lines(MARIA_SESSION, [str(number_of("cancer_type")), "", ""], NO_BOOKLET, DONT_SAVE),
    )
    assert result.exit_code == 0, result.output
    said = result.output
    for typed in MARIA_SESSION:
        said = said.replace(typed, "") if typed else said
    assert "What is the name of the person you are helping?" in said
    assert "When is the visit for the person you are helping?" in said
    assert "How much does the person you are helping want to hear about what lies ahead?" in said
    assert "Bring it to the visit." in said
    # Every "you" is in "the person you are helping"; "your" never appears.
    assert not re.search(
        r"\byou(r|rs|rself)?\b", said.replace("the person you are helping", ""), re.I
    )


def test_patient_mode_speaks_to_the_patient(runner):
    result = runner.invoke(cli, [], input=lines(MARIA_SESSION, SUMMARY_ACCEPT, DONT_SAVE))
    assert "the person you are helping" not in result.output
    assert "How much do you want to hear about what lies ahead?" in result.output


# --- Starting from saved answers ----------------------------------------------------


def test_answers_file_asks_only_what_is_missing(runner, tmp_path):
    data = yaml.safe_load(MARIA.read_text())
    del data["symptoms"], data["own_questions"], data["person"]["care_team"]
    partial = write_answers(tmp_path, data, "partial.yaml")
    left = unanswered(load_answers(partial))
    session = script(
        {
            "care_team": ["Dr. Okafor"],
            "symptoms": ["", "7", "", "5", "skip all"],
            "own_questions": ["Can I still go to my son's wedding in June?", ""],
        },
        fields=left,
    )
    result = runner.invoke(
        cli,
        ["interview", "--answers", str(partial), "--format", "json", "-o", "-"],
        input=lines(session, SUMMARY_ACCEPT, DONT_SAVE),
    )
    assert result.exit_code == 0, result.stderr
    assert f"The saved answers are loaded; {len(left)} questions are left." in result.stderr
    assert f"{progress('care_team', left)} Who is the visit with?" in result.stderr
    assert (
        f"{progress('symptoms', left)} How much has each of these bothered you this week?"
        in result.stderr
    )
    assert f"{progress('own_questions', left)} Do you have questions of your own?" in result.stderr
    assert "What kind of cancer is it?" not in result.stderr
    assert "What name should go" not in result.stderr
    assert result.stdout == render_json(runner, MARIA)


def test_complete_answers_file_goes_straight_to_the_summary(runner, tmp_path):
    complete = write_answers(
        tmp_path, with_every_answer(yaml.safe_load(MARIA.read_text())), "complete.yaml"
    )
    result = runner.invoke(
        cli, ["interview", "--answers", str(complete)], input=lines(SUMMARY_ACCEPT, DONT_SAVE)
    )
    assert result.exit_code == 0, result.output
    assert "The saved answers are loaded; every question is answered." in result.output
    assert "(1 of" not in result.output
    assert "Maria Lopez" in pdf_text(tmp_path / "care-questions-2026-12-03.pdf")


def test_a_wrong_answers_file_is_reported_before_any_question(runner, tmp_path):
    bad = write_answers(tmp_path, {"version": 1, "priorities": ["wrk"]}, "bad.yaml")
    result = runner.invoke(cli, ["interview", "--answers", str(bad)], input="\n" * 30)
    assert result.exit_code == 1
    assert result.output == (
        'Error: bad.yaml, line 3, priorities: "wrk" is not a priority. Did you mean "work"?\n'
    )


def test_a_wrong_clinic_file_is_reported_before_any_question(runner, tmp_path):
    result = runner.invoke(cli, ["interview", "--clinic", "nope.yaml"], input="\n" * 30)
    assert result.exit_code == 1
    assert result.output == "Error: nope.yaml: no such file\n"


# --- Keeping the answers ------------------------------------------------------------


def test_save_answers_makes_an_owner_only_file_that_render_reads(runner, tmp_path):
    result = runner.invoke(
        cli,
        ["interview", "--save-answers", "maria.yaml", "--format", "json", "-o", "-"],
        input=lines(MARIA_SESSION, SUMMARY_ACCEPT),
    )
    assert result.exit_code == 0, result.stderr
    saved = tmp_path / "maria.yaml"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert "Keep the answers for next time?" not in result.stderr
    assert (
        f"Saved the answers in {saved}. No one else who uses this computer can open it."
        in result.stderr
    )
    assert load_answers(saved) == MARIA_SAVED
    assert saved.read_text().startswith(
        "# Answers for worksheets. Make a new worksheet with: worksheets render FILE\n"
        "version: 1\nperson:\n  name: Maria Lopez\n  appointment: 2026-12-03\n"
    )
    assert render_json(runner, saved) == result.stdout
    assert files(tmp_path) == ["maria.yaml"]


def test_saved_answers_render_the_same_pdf_text(runner, tmp_path):
    result = runner.invoke(
        cli,
        ["interview", "--save-answers", "maria.yaml", "-o", "interview.pdf"],
        input=lines(MARIA_SESSION, SUMMARY_ACCEPT),
    )
    assert result.exit_code == 0, result.output
    again = runner.invoke(cli, ["render", "maria.yaml", "-o", "render.pdf"])
    assert again.exit_code == 0, again.output
    assert pdf_text(tmp_path / "interview.pdf") == pdf_text(tmp_path / "render.pdf")


def test_save_answers_refuses_an_existing_file_before_any_question(runner, tmp_path):
    (tmp_path / "maria.yaml").write_text("keep me")
    result = runner.invoke(
        cli, ["interview", "--save-answers", "maria.yaml"], input=lines(MARIA_SESSION)
    )
    assert result.exit_code == 1
    assert result.output == (
        "Error: maria.yaml already exists; use --force to replace it, "
        "or give --save-answers another name\n"
    )
    assert (tmp_path / "maria.yaml").read_text() == "keep me"


def test_save_answers_with_force_replaces_the_file(runner, tmp_path):
    (tmp_path / "maria.yaml").write_text("old")
    os.chmod(tmp_path / "maria.yaml", 0o644)
    result = runner.invoke(
        cli,
        ["interview", "--save-answers", "maria.yaml", "--force", "-o", "-", "--format", "json"],
        input=lines(MARIA_SESSION, SUMMARY_ACCEPT),
    )
    assert result.exit_code == 0, result.stderr
    assert load_answers(tmp_path / "maria.yaml") == MARIA_SAVED
    assert stat.S_IMODE((tmp_path / "maria.yaml").stat().st_mode) == 0o600


def test_save_answers_into_a_missing_folder_is_refused_first(runner):
    result = runner.invoke(cli, ["interview", "--save-answers", "nowhere/a.yaml"], input="\n")
    assert result.exit_code == 1
    assert result.output == (
        "Error: cannot write nowhere/a.yaml: the folder nowhere does not exist\n"
    )


def test_offer_to_save_at_the_end(runner, tmp_path):
    result = runner.invoke(
        cli, ["interview", "-o", "-"], input=lines(MARIA_SESSION, SUMMARY_ACCEPT, ["y", ""])
    )
    assert result.exit_code == 0, result.stderr
    assert "Keep the answers for next time? [y/N] y\nName for the file [care-answers]: \n" in (
        result.stderr
    )
    saved = tmp_path / "care-answers.yaml"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert load_answers(saved) == MARIA_SAVED


def test_offer_to_save_takes_another_name_and_never_replaces(runner, tmp_path):
    (tmp_path / "care-answers.yaml").write_text("older answers")
    result = runner.invoke(
        cli,
        ["interview", "-o", "-"],
        input=lines(MARIA_SESSION, SUMMARY_ACCEPT, ["yes", "care-answers.yaml", "maria"]),
    )
    assert result.exit_code == 0, result.stderr
    assert "Name for the file [care-answers-2]: care-answers.yaml" in result.stderr
    assert (
        'care-answers.yaml already exists. Type another name, or "skip" to keep nothing.'
        in result.stderr
    )
    assert (tmp_path / "care-answers.yaml").read_text() == "older answers"
    assert load_answers(tmp_path / "maria.yaml") == MARIA_SAVED


def test_a_file_name_that_cannot_be_used_is_asked_again(runner, tmp_path):
    (tmp_path / "folder.yaml").mkdir()
    typed = ["y", ".", "no-such-folder/mine.yaml", "folder", "kept"]
    result = runner.invoke(
        cli, ["interview", "-o", "-"], input=lines(MARIA_SESSION, SUMMARY_ACCEPT, typed)
    )
    assert result.exit_code == 0, result.stderr
    assert "Please type a name for the file, for example care-answers." in result.stderr
    assert (
        "cannot write no-such-folder/mine.yaml: the folder no-such-folder does not exist"
        in result.stderr
    )
    assert 'folder.yaml already exists. Type another name, or "skip" to keep nothing.' in (
        result.stderr
    )
    assert load_answers(tmp_path / "kept.yaml") == MARIA_SAVED


def test_not_saving_is_the_default(runner, tmp_path):
    result = runner.invoke(cli, [], input=lines(MARIA_SESSION, SUMMARY_ACCEPT, DONT_SAVE))
    assert result.exit_code == 0
    assert "Keep the answers for next time? [y/N] \n" in result.output
    assert files(tmp_path) == ["care-questions-2026-12-03.pdf"]


# --- Files that are already there ---------------------------------------------------


def test_an_older_worksheet_of_the_same_date_is_kept(runner, tmp_path):
    (tmp_path / "care-questions-2026-12-03.pdf").write_bytes(b"older")
    result = runner.invoke(cli, [], input=lines(MARIA_SESSION, SUMMARY_ACCEPT, DONT_SAVE))
    assert result.exit_code == 0, result.output
    assert "care-questions-2026-12-03.pdf is already there and was left as it is." in (
        result.output
    )
    assert "care-questions-2026-12-03-2.pdf\n" in result.output
    assert (tmp_path / "care-questions-2026-12-03.pdf").read_bytes() == b"older"
    assert "Maria Lopez" in pdf_text(tmp_path / "care-questions-2026-12-03-2.pdf")


def test_an_existing_output_is_refused_before_any_question(runner, tmp_path):
    (tmp_path / "mine.pdf").write_bytes(b"older")
    result = runner.invoke(cli, ["interview", "-o", "mine.pdf"], input=lines(MARIA_SESSION))
    assert result.exit_code == 1
    assert result.output == (
        "Error: mine.pdf already exists; use --force to replace it, or -o to choose another name\n"
    )


# --- Stopping -----------------------------------------------------------------------

FULL = [*MARIA_SESSION, *SUMMARY_ACCEPT, *DONT_SAVE]


@pytest.mark.parametrize(
    "answered",
    [
        0,  # at the first question
        lines_before("appointment", MARIA_TYPES),  # at the date
        lines_before("spread_to", MARIA_TYPES),  # at a list of several choices
        lines_before("priorities", MARIA_TYPES),  # at the ranking
        lines_before("symptoms", MARIA_TYPES) + 1,  # among the symptom scores
        lines_before("own_questions", MARIA_TYPES) + 1,  # among the own questions
        len(MARIA_SESSION),  # at the summary
        len(MARIA_SESSION) + 1,  # at the offer of the longer list
        len(MARIA_SESSION) + 2,  # at the offer to save
    ],
)
def test_end_of_input_anywhere_stops_and_writes_nothing(runner, tmp_path, answered):
    result = runner.invoke(cli, [], input=lines(FULL[:answered]))
    assert result.exit_code == 130
    assert "\nStopped. Nothing was written.\n" in result.output
    assert "Traceback" not in result.output
    assert files(tmp_path) == []


def test_end_of_input_at_the_file_name_saves_nothing(runner, tmp_path):
    result = runner.invoke(cli, [], input=lines(MARIA_SESSION, SUMMARY_ACCEPT, ["y"]))
    assert result.exit_code == 130
    assert files(tmp_path) == []


def test_end_of_input_with_save_answers_creates_no_file(runner, tmp_path):
    result = runner.invoke(
        cli, ["interview", "--save-answers", "a.yaml"], input=lines(MARIA_SESSION)
    )
    assert result.exit_code == 130
    assert files(tmp_path) == []


# --- The conversation alone, with a fake console ------------------------------------


class FakeConsole:
    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.lines: list[str] = []

    def ask(self, prompt: str) -> str:
        answer = self.answers.pop(0)
        self.lines.append(f"{prompt} {answer}")
        return answer

    def echo(self, line: str) -> None:
        self.lines.append(line)


def test_conversation_builds_the_answers():
    fake = FakeConsole([*MARIA_SESSION, ""])
    answers = Conversation(Console(fake.ask, fake.echo)).run(Answers())
    assert answers == MARIA_ANSWERS
    assert fake.answers == []


def test_conversation_shows_each_summary_to_be_prepared():
    fake = FakeConsole([*MARIA_SESSION, str(number_of("name")), "Maria L.", ""])
    shown: list[Answers] = []
    answers = Conversation(Console(fake.ask, fake.echo)).run(Answers(), on_summary=shown.append)
    assert [a.name for a in shown] == ["Maria Lopez", "Maria L."]
    assert answers.name == "Maria L."


def test_a_failed_warm_up_says_nothing(runner, tmp_path, monkeypatch):
    def broken(self):
        raise RuntimeError("no fonts today")

    monkeypatch.setattr(interview.Preparer, "_warm_up", broken)
    result = runner.invoke(cli, [], input=lines(MARIA_SESSION, SUMMARY_ACCEPT, DONT_SAVE))
    assert result.exit_code == 0, result.output
    assert "no fonts" not in result.output
    assert files(tmp_path) == ["care-questions-2026-12-03.pdf"]


def test_warnings_of_the_render_wait_for_the_last_answer(runner, tmp_path, monkeypatch):
    from worksheets import documents

    real = documents.personal_document

    def warning(answers, options, warn):
        warn("some letters of the name have no font")
        return real(answers, options, warn=warn)

    monkeypatch.setattr(documents, "personal_document", warning)
    result = runner.invoke(
        cli,
        ["interview", "--format", "html"],
        input=lines(MARIA_SESSION, SUMMARY_ACCEPT, DONT_SAVE),
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == "Warning: some letters of the name have no font\n"
    assert result.output.index("Keep the answers for next time?") < result.output.index(
        "Warning: some letters"
    )


def test_a_failed_render_is_reported_after_the_last_answer(runner, tmp_path, monkeypatch):
    from worksheets.errors import UserError

    def broken(self, answers, options, warn):
        raise UserError("the templates are missing")

    monkeypatch.setattr(interview.Preparer, "_make", broken)
    result = runner.invoke(cli, [], input=lines(MARIA_SESSION, SUMMARY_ACCEPT, DONT_SAVE))
    assert result.exit_code == 1
    assert result.output.endswith("Error: the templates are missing\n")
    assert files(tmp_path) == []


def test_a_worksheet_that_cannot_be_written_does_not_cost_the_answers(
    runner, tmp_path, monkeypatch
):
    import worksheets.interview as interview
    from worksheets.errors import UserError

    def full_disk(target, data, **kwargs):
        raise UserError(f"cannot write {target}: the disk is full")

    monkeypatch.setattr(interview, "write_output", full_disk)
    result = runner.invoke(
        cli,
        ["interview", "--save-answers", "maria.yaml", "-o", "out.pdf"],
        input=lines(MARIA_SESSION, SUMMARY_ACCEPT),
    )
    assert result.exit_code == 1
    assert result.stderr.rstrip().endswith("Error: cannot write out.pdf: the disk is full")
    assert load_answers(tmp_path / "maria.yaml") == MARIA_SAVED
    assert files(tmp_path) == ["maria.yaml"]


def test_a_folder_that_cannot_be_written_is_refused_before_any_question(runner, monkeypatch):
    import worksheets.output as output

    monkeypatch.setattr(output.os, "access", lambda path, mode: False)
    result = runner.invoke(cli, ["interview"], input="")
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: cannot write care-questions-" + result.stderr.split("care-questions-")[1]
    )
    assert "no permission to write there" in result.stderr
    assert "What name" not in result.stderr


def test_stopping_when_asked_for_another_answers_file_name_says_what_was_written(
    runner, tmp_path, monkeypatch
):
    import worksheets.interview as interview
    from worksheets.errors import UserError

    def refused(target, answers, **kwargs):
        raise UserError(f"cannot write {target}: no permission to write there")

    monkeypatch.setattr(interview, "write_answers_file", refused)
    result = runner.invoke(
        cli,
        ["interview", "--save-answers", "maria.yaml", "-o", "out.pdf"],
        input=lines(MARIA_SESSION, SUMMARY_ACCEPT),  # then end of input at the new name
    )
    assert result.exit_code == 130
    assert "The answers were not saved: cannot write maria.yaml" in result.output
    assert result.output.rstrip().endswith(
        "Stopped. The worksheet was written; the answers were not kept."
    )
    assert "Nothing was written" not in result.output
    assert files(tmp_path) == ["out.pdf"]


# --- The longer list ----------------------------------------------------------------


def test_the_longer_list_is_offered_in_one_plain_question(runner, tmp_path):
    sheet = runner.invoke(
        cli,
        ["interview", "-o", "-", "--format", "json"],
        input=lines(MARIA_SESSION, SUMMARY_ACCEPT, DONT_SAVE),
    )
    assert sheet.exit_code == 0, sheet.stderr
    assert "Also print the longer list of questions? [y/N] \n" in sheet.stderr
    booklet = runner.invoke(
        cli,
        ["interview", "-o", "-", "--format", "json"],
        input=lines(MARIA_SESSION, [""], ["y"], DONT_SAVE),
    )
    assert booklet.exit_code == 0, booklet.stderr
    rendered = runner.invoke(
        cli, ["render", str(MARIA), "--all-questions", "--format", "json", "-o", "-"]
    )
    assert booklet.stdout == rendered.stdout
    assert len(booklet.stdout) > len(sheet.stdout)


def test_the_longer_list_is_not_offered_when_already_asked_for(runner, tmp_path):
    result = runner.invoke(
        cli,
        ["interview", "--all-questions", "-o", "-", "--format", "json"],
        input=lines(MARIA_SESSION, [""], DONT_SAVE),
    )
    assert result.exit_code == 0, result.stderr
    assert "longer list" not in result.stderr


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_warm_up_reads_a_worded_date_first_in_the_interviews_language(monkeypatch, language):
    # dateparser takes over a second to load its words; the warm-up does it while the
    # person types their name, so that "next Tuesday" at the second question is at once.
    from worksheets import dates
    from worksheets.documents import DocumentOptions
    from worksheets.i18n import use_language

    warmed: list[str] = []
    real = dates.warm_up
    monkeypatch.setattr(dates, "warm_up", lambda code: (warmed.append(code), real(code)))
    with use_language(language):
        preparer = interview.Preparer(DocumentOptions(format="json"))
        preparer.result(Answers(name="Maria"))  # waits for the warm-up, then this job
    preparer.close()
    assert warmed == [language]
    import sys

    assert "dateparser" in sys.modules
