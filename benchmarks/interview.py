"""How soon the worksheet is ready after the person's last answer.

Run on demand:  .venv/bin/python benchmarks/interview.py [--runs 5]

The interview runs in a real pseudo-terminal (pexpect), answered like Maria's
sample file with a short pause before each answer, as a person types. At the
summary the "person" reads for a while (0, 2 and 4 seconds), then presses
Enter; the time from that last key press to the PDF being written is measured
(median of several runs). The worksheet is prepared in the background while
the person answers and reads, so the wait should shrink as they read.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

ANSWERS = [
    ("What name should go", "Maria Lopez"),
    ("Date (Enter skips):", "2026-12-03"),
    ("Who is the visit with?", "Dr. Okafor"),
    ("Will someone come with you", "my daughter Ana"),
    ("What kind of cancer is it?", "pancreatic"),
    ("Where has it spread?", "liver"),
    ("Which cancer medicines do you take now", "FOLFIRINOX"),
    ("2.", ""),
    ("Where are you now in your care?", "1"),
    ("Which treatments are you having now", "chemotherapy"),
    ("What matters most to you right now?", "work, eat comfortably, travel"),
    ("Order (Enter keeps this order):", ""),
    ("How much do you want to hear", "details"),
    ("Pain, 0-10:", ""),
    ("Tiredness (lack of energy), 0-10:", "7"),
    ("Drowsiness (feeling sleepy), 0-10:", ""),
    ("Nausea, 0-10:", "5"),
    ("Lack of appetite, 0-10:", "skip all"),
    ("Is there a topic you are not ready", "planning ahead"),
    ("1.", "Can I still go to my son's wedding in June?"),
    ("2.", ""),
]
PAUSE = 0.5  # seconds before each answer: a quick typist


def one_run(reading: float) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        child = pexpect.spawn(
            sys.executable,
            ["-m", "worksheets", "interview", "-o", "out.pdf"],
            cwd=tmp,
            encoding="utf-8",
            timeout=120,
            dimensions=(50, 200),
        )
        for prompt, typed in ANSWERS:
            child.expect_exact(prompt)
            time.sleep(PAUSE)
            child.sendline(typed)
        child.expect_exact("press Enter to make the worksheet:")
        time.sleep(reading)
        child.sendline("")
        child.expect_exact("Keep the answers for next time? [y/N]")
        start = time.perf_counter()
        child.sendline("")  # the last answer
        pdf = Path(tmp) / "out.pdf"
        while not pdf.exists():
            time.sleep(0.005)
        waited = time.perf_counter() - start
        child.expect(pexpect.EOF)
        return waited


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    for reading in (0.0, 2.0, 4.0):
        times = [one_run(reading) for _ in range(runs)]
        print(
            f"summary read for {reading:.0f} s: PDF written {statistics.median(times):.2f} s "
            f"after the last answer (median of {runs})"
        )


if __name__ == "__main__":
    main()
