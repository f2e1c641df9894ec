"""Dates as people write them, read as of an injected today (2026-12-01, a Tuesday)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from worksheets.dates import DateReading, long_date, parse_iso, understand

TODAY = dt.date(2026, 12, 1)
D = dt.date


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-15", D(2026, 12, 15)),
        ("2026-12-3", D(2026, 12, 3)),
        ("12/15/2026", D(2026, 12, 15)),
        ("15/12/2026", D(2026, 12, 15)),
        ("15.12.2026", D(2026, 12, 15)),
        ("15-12-2026", D(2026, 12, 15)),
        ("12/15/26", D(2026, 12, 15)),
        ("12/15", D(2026, 12, 15)),
        ("2026/12/15", D(2026, 12, 15)),
        ("Dec 15", D(2026, 12, 15)),
        ("dec. 15", D(2026, 12, 15)),
        ("December 15th", D(2026, 12, 15)),
        ("15 December", D(2026, 12, 15)),
        ("15 December 2026", D(2026, 12, 15)),
        ("December 15, 2026", D(2026, 12, 15)),
        ("Jan 5", D(2027, 1, 5)),
        ("today", TODAY),
        ("tomorrow", D(2026, 12, 2)),
        ("Tomorrow", D(2026, 12, 2)),
        ("next Tuesday", D(2026, 12, 8)),
        ("Tuesday", D(2026, 12, 8)),
        ("this friday", D(2026, 12, 4)),
        ("on Thursday", D(2026, 12, 3)),
        ("Tuesday the 15th", D(2026, 12, 15)),
        ("tuesday, the 15th", D(2026, 12, 15)),
        ("thu 3rd", D(2026, 12, 3)),
        ("the 3rd", D(2026, 12, 3)),
        ("the 31st", D(2026, 12, 31)),
        ("in two weeks", D(2026, 12, 15)),
        ("next week", D(2026, 12, 8)),
    ],
)
def test_one_date_is_understood(typed, expected):
    assert understand(typed, TODAY) == DateReading((expected,))


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("03/12/2026", (D(2026, 3, 12), D(2026, 12, 3))),
        ("3/12/2026", (D(2026, 3, 12), D(2026, 12, 3))),
        ("12-3-26", (D(2026, 3, 12), D(2026, 12, 3))),
        ("3/12", (D(2026, 12, 3), D(2027, 3, 12))),
    ],
)
def test_an_ambiguous_date_is_never_guessed(typed, choices):
    assert understand(typed, TODAY).dates == choices


def test_a_weekday_that_does_not_fit_the_day_offers_both():
    reading = understand("tuesday the 14th", TODAY)
    assert reading.dates == (D(2026, 12, 14), D(2026, 12, 15))
    assert reading.note == "December 14, 2026 is a Monday, not a Tuesday."


@pytest.mark.parametrize(
    "typed", ["", "hello", "soon", "31/31/2026", "2/30/2027", "13/13", "2026-13-01", "12/15/123"]
)
def test_what_is_not_a_date_reads_as_none(typed):
    assert understand(typed, TODAY).dates == ()


def test_the_same_words_follow_the_given_today():
    assert understand("tomorrow", D(2027, 2, 28)).dates == (D(2027, 3, 1),)
    assert understand("Dec 15", D(2026, 12, 20)).dates == (D(2027, 12, 15),)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-03", D(2026, 12, 3)),
        ("2026-12-3", D(2026, 12, 3)),
        (" 2026-1-05 ", D(2026, 1, 5)),
        ("03-12-2026", None),
        ("2026/12/03", None),
        ("tomorrow", None),
        ("2026-02-30", None),
    ],
)
def test_files_take_year_month_day_only(text, expected):
    assert parse_iso(text) == expected


def test_long_date_cannot_be_misread():
    assert long_date(D(2026, 12, 15)) == "Tuesday, December 15, 2026"
    assert long_date(D(2027, 1, 1)) == "Friday, January 1, 2027"


def test_numbers_and_weekdays_do_not_load_dateparser():
    # dateparser takes a moment to load its languages; the usual answers never need it.
    code = (
        "import datetime, sys\n"
        "from worksheets.dates import understand\n"
        "for typed in ('2026-12-15', '15/12/2026', 'next Tuesday', 'the 3rd', 'tomorrow'):\n"
        "    understand(typed, datetime.date(2026, 12, 1))\n"
        "assert 'dateparser' not in sys.modules\n"
        "understand('Dec 15', datetime.date(2026, 12, 1))\n"
        "assert 'dateparser' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
