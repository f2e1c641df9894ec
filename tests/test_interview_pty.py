"""The interview through a real pseudo-terminal, as a person would use it.

`python -m worksheets` runs in a child process on a pty; pexpect waits for each
prompt's words before typing, so nothing here depends on timing (the timeout
only keeps a broken run from hanging forever). A small sitecustomize makes the
child print any WeasyPrint warning, and the test fails on it.
"""

from __future__ import annotations

import os
import platform
import stat
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

from tests.conftest import REPO, pdf_text

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


def test_a_patient_session_in_a_real_terminal(tmp_path, environment):
    child = start(tmp_path, environment)
    transcript: list[str] = []
    child.logfile_read = _Keep(transcript)

    answer(child, "What name should go at the top of your worksheet?", TEXT, typed="Maria Lopez")
    answer(child, "When is your visit?", "Date (Enter skips):", typed="3 December")  # wrong...
    answer(
        child,
        '"3 December" is not a date this program can read.',
        "Date (Enter skips):",
        typed="2026-12-03",  # ...and asked again
    )
    answer(child, "Who is the visit with?", TEXT, typed="")  # a skipped question
    answer(child, "Will someone come with you", TEXT, typed="my daughter Ana")
    answer(child, "What kind of cancer is it?", ONE, typed="pancreatic")
    answer(child, "Where has it spread?", SEVERAL, typed="3")
    answer(child, "Which cancer medicines do you take now", "1.", typed="FOLFIRINOX")
    answer(child, "2.", typed="")
    answer(child, "Where are you now in your care?", ONE, typed="1")
    answer(child, "Which treatments are you having now", SEVERAL, typed="chemo")
    answer(
        child,
        "What matters most to you right now?",
        SEVERAL,
        typed="work, eat comfortably, travel",
    )
    answer(
        child, "Which of these matter most to you?", "Order (Enter keeps this order):", typed="2"
    )
    answer(child, "How much do you want to hear about what lies ahead?", ONE, typed="details")
    answer(child, "Pain, 0-10:", typed="")
    answer(child, "Tiredness (lack of energy), 0-10:", typed="7")
    answer(child, "Drowsiness (feeling sleepy), 0-10:", typed="")
    answer(child, "Nausea, 0-10:", typed="5")
    answer(child, "Lack of appetite, 0-10:", typed="skip all")
    answer(child, "Is there a topic you are not ready to talk about today?", SEVERAL, typed="")
    answer(
        child,
        "Do you have questions of your own?",
        "1.",
        typed="Can I still go to my son's wedding in June?",
    )
    answer(child, "2.", typed="")
    answer(child, "3. Visit with: (skipped)", "press Enter to make the worksheet:", typed="")
    answer(child, "Also print the longer list of questions? [y/N]", typed="")
    answer(child, "Keep the answers for next time? [y/N]", typed="y")
    answer(child, "File name [care-answers.yaml]:", typed="maria")
    child.expect_exact("Wrote care-questions-2026-12-03.pdf")
    finish(child)

    said = "".join(transcript)
    assert child.exitstatus == 0, said
    assert WARNED not in said
    assert "Traceback" not in said
    assert sorted(os.listdir(tmp_path)) == ["care-questions-2026-12-03.pdf", "maria.yaml"]
    assert stat.S_IMODE((tmp_path / "maria.yaml").stat().st_mode) == 0o600

    text = pdf_text(tmp_path / "care-questions-2026-12-03.pdf")
    for given in (
        "Maria Lopez",
        "Thursday, December 3, 2026",
        "my daughter Ana",
        "Eating without nausea or discomfort",
        "Keeping up my work",
        "Being able to travel",
        "wedding in June?",
    ):
        assert given in text
    assert text.index("Eating without nausea") < text.index("Keeping up my work")

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


@pytest.mark.parametrize("where", ["at the second question", "at the summary"])
def test_ctrl_c_stops_with_nothing_written(tmp_path, environment, where):
    child = start(tmp_path, environment, "interview", "--save-answers", "mine.yaml")
    answer(child, "What name should go at the top of your worksheet?", TEXT, typed="Maria Lopez")
    if where == "at the summary":
        # Enter for the rest; the worksheet is then being made in the background.
        answer(child, "Date (Enter skips):", typed="")
        for prompt in (TEXT, TEXT, ONE, SEVERAL, "1.", ONE, SEVERAL, SEVERAL, ONE):
            answer(child, prompt, typed="")
        answer(child, "Pain, 0-10:", typed="skip all")
        answer(child, "Is there a topic", SEVERAL, typed="")
        answer(child, "Do you have questions of your own?", "1.", typed="")
        child.expect_exact("press Enter to make the worksheet:")
    else:
        child.expect_exact("Date (Enter skips):")
    wait_until_reading(child)
    child.sendintr()
    child.expect_exact("Stopped. Nothing was written.")
    said = finish(child)
    assert child.exitstatus == 130, said
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
