"""The interview through a real pseudo-terminal, as a person would use it.

`python -m worksheets` runs in a child process on a pty; pexpect waits for each
prompt's words before typing, so nothing here depends on timing (the timeout
only keeps a broken run from hanging forever). A small sitecustomize makes the
child print any WeasyPrint warning, and the test fails on it.
"""

from __future__ import annotations

import dataclasses
import os
import platform
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pypdf
import pytest

from tests.conftest import REPO, pdf_text
from tests.interviewsupport import number_of, progress, skip, unanswered
from worksheets import schema
from worksheets.answers import load_answers
from worksheets.schema import Field, Kind

WARNED = "WEASYPRINT WARNED:"
SITECUSTOMIZE = f"""
import logging, sys

class _Loud(logging.Handler):
    def emit(self, record):
        sys.stderr.write("{WARNED} " + record.getMessage() + "\\n")

logging.getLogger("weasyprint").addHandler(_Loud(logging.WARNING))
"""


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    hooks = tmp_path.parent / f"{tmp_path.name}-hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE)
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(hooks), str(REPO)]),
        "TERM": "dumb",
        "NO_COLOR": "1",
        "WORKSHEETS_TODAY": "2026-12-01",  # a Tuesday; never the real date
    }


def start(folder: Path, env: dict[str, str], *args: str) -> pexpect.spawn:
    return pexpect.spawn(
        sys.executable,
        ["-m", "worksheets", *args],
        cwd=str(folder),
        env=env,
        encoding="utf-8",
        timeout=180,
        dimensions=(50, 200),
    )


TEXT = "Type it here (Enter skips):"
ONE = "Type a number or a word (Enter skips):"
SEVERAL = "Numbers or words (Enter skips):"


def answer(child: pexpect.spawn, *waiting_for: str, typed: str) -> None:
    """Wait for each text in turn (the last one the prompt itself), then type a line."""
    for text in waiting_for:
        child.expect_exact(text)
    child.sendline(typed)


# The system calls a process sits in while it waits for a line from the terminal.
_WAITING_FOR_INPUT = {
    "x86_64": {"0", "7", "23", "270", "271"},  # read, poll, select, pselect6, ppoll
    "aarch64": {"63", "72", "73"},  # read, pselect6, ppoll
}


def wait_until_reading(child: pexpect.spawn) -> None:
    """Wait until the child is blocked reading the terminal, not merely showing the prompt.

    A Ctrl-C that lands between readline printing its prompt and starting to
    wait for input is only noticed at the next key press (a CPython race no
    person can hit, but a script typing at machine speed can). Waiting for the
    state, not for a length of time, keeps the test exact.
    """
    calls = Path(f"/proc/{child.pid}/syscall")
    numbers = _WAITING_FOR_INPUT.get(platform.machine())
    if numbers is None or not calls.exists():
        return
    for _ in range(60_000):  # a guard against hanging, never reached
        if calls.read_text().split()[0] in numbers:
            return
        time.sleep(0.005)
    raise AssertionError("the interview never waited for input")


def finish(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    child.close()
    return child.before or ""


RANKED = "Most important first (Enter skips):"
MEDICINES = "Medicine names (Enter skips):"
# What each kind of question waits at, after its question.
WAITS_AT = {
    Kind.TEXT: TEXT,
    Kind.DATE: "Date (Enter skips):",
    Kind.CHOICE: ONE,
    Kind.CHOICES: SEVERAL,
    Kind.RANKED: RANKED,
    Kind.SCORES: ", 0-10:",
    Kind.LINES: "1.",
    Kind.MEDICINES: MEDICINES,
}


class Questions:
    """The questions of one interview, in its order (`schema.ASKED`, or what a
    saved file leaves): a test answers the ones it names, and every question
    before it that the test does not name is skipped as a person would, so a
    new question needs no test changed."""

    def __init__(self, child: pexpect.spawn, fields: tuple[Field, ...] = schema.ASKED) -> None:
        self.child = child
        self.left = list(fields)

    def answer(self, name: str, *waiting_for: str, typed: str) -> None:
        """Skip to the question of `name`, then `answer` it (its first line)."""
        self.skip_to(name)
        self.left.pop(0)
        answer(self.child, *waiting_for, typed=typed)

    def skip_to(self, name: str | None) -> None:
        while self.left and self.left[0].name != name:
            f = self.left.pop(0)
            [line] = skip(f)
            answer(self.child, f.words(f.prompt, False), WAITS_AT[f.kind], typed=line)
        assert name is None or self.left, f"{name} is not asked here, or was asked already"

    def skip_the_rest(self) -> None:
        """Skip every question not answered yet: the summary comes next."""
        self.skip_to(None)


def test_a_patient_session_in_a_real_terminal(tmp_path, environment):
    """A person who makes three ordinary mistakes: a date that could be two, a
    misspelled treatment, a score in words; and says "yes please"."""
    child = start(tmp_path, environment)
    transcript: list[str] = []
    child.logfile_read = _Keep(transcript)
    ask = Questions(child)

    ask.answer(
        "name", "What name should go at the top of your worksheet?", TEXT, typed="Maria Lopez"
    )
    # Mistake 1: a date that could be two.
    ask.answer("appointment", "When is your visit?", "Date (Enter skips):", typed="12/3/2026")
    answer(
        child,
        '"12/3/2026" could be more than one date:',
        "  1. Thursday, March 12, 2026",
        "  2. Thursday, December 3, 2026",
        "Which one? Type its number (Enter to type the date again):",
        typed="2",
    )
    ask.answer("care_team", "Who is the visit with?", TEXT, typed="")  # a skipped question
    ask.answer("helper", "Will someone come with you", TEXT, typed="my daughter Ana")
    ask.answer("cancer_type", "What kind of cancer is it?", ONE, typed="pancreas")
    ask.answer("spread_to", "Where has it spread?", SEVERAL, typed="liver")
    ask.answer("stage_of_care", "Where are you now in your care?", ONE, typed="1")
    # Not sure of the names.
    ask.answer("medicines", "Which cancer medicines do you take now", MEDICINES, typed="")
    # Mistake 2: a misspelled treatment.
    ask.answer(
        "treatments", "Which treatments are you having now", SEVERAL, typed="chemo, targetted"
    )
    answer(child, '"targetted": did you mean "Targeted drugs"? [Y/n]', typed="yes please")
    ask.answer(
        "priorities",
        "What matters most to you right now?",
        "the first ones typed count most",
        RANKED,
        typed="eat comfortably, 1, gardening",
    )
    answer(child, 'Which one on the list is closest to "Gardening"?', typed="13")
    ask.answer(
        "information", "How much do you want to hear about what lies ahead?", ONE, typed="details"
    )
    ask.answer("symptoms", "Pain, 0-10:", typed="")
    answer(child, "Tiredness (lack of energy), 0-10:", typed="11")  # 3: off the scale...
    answer(child, '"11" is not a score.', "Tiredness (lack of energy), 0-10:", typed="seven")
    answer(child, "Drowsiness (feeling sleepy), 0-10:", typed="")
    answer(child, "Nausea, 0-10:", typed="5")
    answer(child, "Lack of appetite, 0-10:", typed="skip all")
    ask.answer(
        "skip_topics",
        "Is there a topic you are not ready to talk about today?",
        SEVERAL,
        typed="",
    )
    ask.answer(
        "own_questions",
        "Do you have questions of your own?",
        "1.",
        typed="Can I still go to my son's wedding in June?",
    )
    answer(child, "2.", typed="")
    ask.skip_the_rest()
    answer(
        child,
        f"{number_of('appointment')}. Visit date: Thursday, December 3, 2026",
        f"{number_of('treatments')}. Treatments: Chemotherapy; Targeted drugs",
        f"{number_of('priorities')}. What matters most: "
        "Eating without nausea or discomfort; Keeping up my work; Gardening",
        "press Enter to make the worksheet:",
        typed="",
    )
    answer(child, "Also print the longer list of questions? [y/N]", typed="")
    answer(child, "Keep the answers for next time? [y/N]", typed="sure")
    answer(child, "Name for the file [care-answers]:", typed="maria")
    child.expect_exact(f"pages: {tmp_path / 'care-questions-2026-12-03.pdf'}")
    child.expect_exact("To print it, open the file and choose Print. Bring it to your visit.")
    finish(child)

    said = "".join(transcript)
    assert child.exitstatus == 0, said
    assert WARNED not in said
    assert "Traceback" not in said
    assert "Ctrl-C" not in said and "yaml" not in said.replace("maria.yaml", "")
    assert sorted(os.listdir(tmp_path)) == ["care-questions-2026-12-03.pdf", "maria.yaml"]
    assert stat.S_IMODE((tmp_path / "maria.yaml").stat().st_mode) == 0o600

    text = pdf_text(tmp_path / "care-questions-2026-12-03.pdf")
    for given in (
        "Maria Lopez",
        "Thursday, December 3, 2026",
        "my daughter Ana",
        "Eating without nausea or discomfort",
        "Keeping up my work",
        "Gardening",
        "wedding in June?",
    ):
        assert given in text
    assert text.index("Eating without nausea") < text.index("Keeping up my work")
    assert text.index("Keeping up my work") < text.index("Gardening")

    # The saved answers make the same worksheet with `worksheets render`.
    rendered = subprocess.run(
        [sys.executable, "-m", "worksheets", "render", "maria.yaml", "-o", "again.pdf"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert rendered.returncode == 0, rendered.stderr
    assert WARNED not in rendered.stderr
    assert pdf_text(tmp_path / "again.pdf") == text


def test_the_next_visit_asks_for_the_new_date_and_this_weeks_symptoms(tmp_path, environment):
    (tmp_path / "last-time.yaml").write_text(
        "version: 1\n"
        "person: {name: Maria Lopez, appointment: 2026-11-17}\n"
        "cancer: {type: pancreatic, spread_to: [liver], stage_of_care: on_treatment}\n"
        "treatments: [chemotherapy]\n"
        "priorities: [work]\n"
        "information: details\n"
        "symptoms: {tiredness: 7, nausea: 5}\n"
        "skip_topics: [costs]\n"
        "own_questions: [Can I travel in June?]\n",
        encoding="utf-8",
    )
    os.chmod(tmp_path / "last-time.yaml", 0o600)
    # What the next visit asks: what the file leaves empty, and this visit's date and scores.
    last_time = load_answers(tmp_path / "last-time.yaml")
    left = unanswered(dataclasses.replace(last_time, appointment=None, symptoms={}))
    child = start(tmp_path, environment, "interview", "--answers", "last-time.yaml")
    transcript: list[str] = []
    child.logfile_read = _Keep(transcript)
    ask = Questions(child, left)
    child.expect_exact("The last visit was on Tuesday, November 17, 2026.")
    child.expect_exact("Kept from last time: Name, Kind of cancer, Where it has spread,")
    ask.answer(
        "appointment",
        f"{progress('appointment', left)} When is your visit?",
        "Date (Enter skips):",
        typed="next Tuesday",
    )
    answer(child, "Tuesday, December 8, 2026. Is that right? [Y/n]", typed="y")
    ask.answer(
        "care_team",
        f"{progress('care_team', left)} Who is the visit with?",
        TEXT,
        typed="Dr. Okafor",
    )
    ask.answer("helper", f"{progress('helper', left)} Will someone come with you", TEXT, typed="")
    ask.answer(
        "medicines", f"{progress('medicines', left)} Which cancer medicines", MEDICINES, typed=""
    )
    ask.answer(
        "symptoms",
        f"{progress('symptoms', left)} How much has each",
        "Last time's scores are shown",
        "Pain, 0-10:",
        typed="",
    )
    answer(child, "Tiredness (lack of energy) (last time 7), 0-10:", typed="4")
    answer(child, "Drowsiness (feeling sleepy), 0-10:", typed="")
    answer(child, "Nausea (last time 5), 0-10:", typed="skip all")
    ask.skip_the_rest()
    answer(
        child,
        f"{number_of('symptoms')}. Symptoms this week: Tiredness 4",
        "make the worksheet:",
        typed="",
    )
    answer(child, "Also print the longer list of questions? [y/N]", typed="")
    answer(child, "Save these answers in last-time.yaml, for next time? [y/N]", typed="yes")
    child.expect_exact("Saved the answers in")
    finish(child)
    said = "".join(transcript)
    assert child.exitstatus == 0, said
    assert sorted(os.listdir(tmp_path)) == ["care-questions-2026-12-08.pdf", "last-time.yaml"]
    saved = (tmp_path / "last-time.yaml").read_text(encoding="utf-8")
    assert "appointment: 2026-12-08" in saved
    assert "symptoms:\n  tiredness: 4\n" in saved
    assert "nausea" not in saved
    assert "saved: 2026-12-01" in saved
    assert "care_team: Dr. Okafor" in saved
    assert "Can I travel in June?" in saved


def test_done_when_a_person_types_as_people_do(tmp_path, environment):
    """The issue's test: "15/12/2026", "yes please", own words among what matters
    most, and a medicine by its brand name."""
    child = start(tmp_path, environment)
    transcript: list[str] = []
    child.logfile_read = _Keep(transcript)
    ask = Questions(child)
    ask.answer(
        "name", "What name should go at the top of your worksheet?", TEXT, typed="Ruth Adler"
    )
    ask.answer("appointment", "When is your visit?", "Date (Enter skips):", typed="15/12/2026")
    answer(child, "Tuesday, December 15, 2026. Is that right? [Y/n]", typed="yes please")
    ask.answer("care_team", "Who is the visit with?", TEXT, typed="")
    ask.answer("helper", "Will someone come with you", TEXT, typed="")
    ask.answer("cancer_type", "What kind of cancer is it?", ONE, typed="breast")
    ask.answer("spread_to", "Where has it spread?", SEVERAL, typed="bones")
    ask.answer("stage_of_care", "Where are you now in your care?", ONE, typed="on treatment")
    ask.answer("medicines", "Which cancer medicines do you take now", MEDICINES, typed="Ibrance")
    child.expect_exact("Ibrance (palbociclib): a targeted pill")
    ask.answer("treatments", "The medicines count as: Targeted drugs.", SEVERAL, typed="")
    ask.answer("priorities", RANKED, typed="gardening, grandchildren, stay out of hospital")
    answer(child, '"stay out of hospital": did you mean "Staying out of the hospital"?', typed="y")
    answer(child, 'Which one on the list is closest to "Gardening"?', typed="13")
    answer(child, 'Which one on the list is closest to "Grandchildren"?', typed="4")
    ask.answer("information", "How much do you want to hear about what lies ahead?", ONE, typed="")
    ask.answer("symptoms", "Pain, 0-10:", typed="skip all")
    ask.answer(
        "skip_topics",
        "Is there a topic you are not ready to talk about today?",
        SEVERAL,
        typed="",
    )
    ask.answer("own_questions", "Do you have questions of your own?", "1.", typed="")
    ask.skip_the_rest()
    answer(child, "press Enter to make the worksheet:", typed="")
    answer(child, "Also print the longer list of questions? [y/N]", typed="")
    answer(child, "Keep the answers for next time? [y/N]", typed="no thanks")
    child.expect_exact("To print it, open the file and choose Print.")
    finish(child)
    said = "".join(transcript)
    assert child.exitstatus == 0, said
    assert os.listdir(tmp_path) == ["care-questions-2026-12-15.pdf"]
    sheet = tmp_path / "care-questions-2026-12-15.pdf"
    first = re.sub(r"\s+", " ", pypdf.PdfReader(sheet).pages[0].extract_text())
    assert "Visit on Tuesday, December 15, 2026" in first
    ranked = first.split("What matters most to me", 1)[1]
    assert ranked.index("Gardening") < ranked.index("Grandchildren")
    assert ranked.index("Grandchildren") < ranked.index("Staying out of the hospital")
    text = pdf_text(sheet)
    assert "What most often sends people on my treatment to the hospital" in text
    assert "How often will my blood be checked on my CDK4/6 pill" in text


@pytest.mark.parametrize(
    "stop, code",
    [
        ("Ctrl-C", 130),
        (signal.SIGTERM, 143),  # `kill PID`
        (signal.SIGHUP, 129),  # the terminal window closed
    ],
)
@pytest.mark.parametrize("where", ["at the second question", "at the summary"])
def test_ctrl_c_stops_with_nothing_written(tmp_path, environment, where, stop, code):
    child = start(tmp_path, environment, "interview", "--save-answers", "mine.yaml")
    ask = Questions(child)
    ask.answer(
        "name", "What name should go at the top of your worksheet?", TEXT, typed="Maria Lopez"
    )
    if where == "at the summary":
        # Enter for the rest ("skip all" for the scores); the worksheet is then
        # being made in the background.
        ask.skip_the_rest()
        child.expect_exact("press Enter to make the worksheet:")
    else:
        child.expect_exact("Date (Enter skips):")
    wait_until_reading(child)
    if stop == "Ctrl-C":
        child.sendintr()
    else:
        child.kill(stop)
    child.expect_exact("Stopped. Nothing was written.")
    said = finish(child)
    assert child.exitstatus == code, said
    assert "Traceback" not in said
    assert os.listdir(tmp_path) == []


class _Keep:
    """A pexpect log that keeps what the child printed."""

    def __init__(self, into: list[str]) -> None:
        self.into = into

    def write(self, text: str) -> None:
        self.into.append(text)

    def flush(self) -> None:
        pass
