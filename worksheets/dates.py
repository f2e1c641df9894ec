"""Every date the program reads: strict in files, forgiving in the interview.

A file holds year-month-day (`parse_iso`), never ambiguous. A person types
"15/12/2026", "Dec 15", "next Tuesday" or "Tuesday the 15th" (`understand`):
numbers and weekdays are read here, where the program can see that
"03/12/2026" could be two dates and must ask; everything else goes to
dateparser, a well-kept parser that also reads Spanish. It is imported only
when needed, so `worksheets --help` and the interview's start stay fast.

`today` is always passed in, so nothing depends on the real date in tests.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .i18n import _

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMBERS = re.compile(r"(\d{1,4})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{2,4}))?")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = {name: number for number, name in enumerate(WEEKDAYS)}
_WEEKDAY.update({name[:3]: number for number, name in enumerate(WEEKDAYS)})
_WEEKDAY.update({"tues": 1, "thur": 3, "thurs": 3, "weds": 2})
# Spanish, with and without accents as people type them.
_WEEKDAY.update(
    {
        "lunes": 0,
        "martes": 1,
        "miércoles": 2,
        "miercoles": 2,
        "jueves": 3,
        "viernes": 4,
        "sábado": 5,
        "sabado": 5,
        "domingo": 6,
    }
)
_ORDINAL = re.compile(r"(\d{1,2})(st|nd|rd|th)?")
_FILLER = frozenset(
    {"on", "the", "this", "coming", "of", "next"}
    # "el martes que viene", "el próximo martes", "este jueves", "el 15"
    | {"el", "este", "esta", "que", "viene", "próximo", "proximo", "entrante"}
)
_TODAY = frozenset({"today", "tonight", "hoy", "esta noche"})
_TOMORROW = frozenset({"tomorrow", "mañana", "manana"})
_AFTER_TOMORROW = frozenset({"pasado mañana", "pasado manana"})


def parse_iso(text: str) -> dt.date | None:
    """`2026-12-03` (also `2026-12-3`): the answers file's one way to write a date."""
    found = _ISO.fullmatch(text.strip())
    if not found:
        return None
    try:
        return dt.date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def long_date(day: dt.date) -> str:
    """`Tuesday, December 15, 2026`, `martes, 15 de diciembre de 2026`: a date
    nobody can misread, in the language being spoken (Babel's full format)."""
    from . import i18n

    return i18n.long_date(day)


def weekday_name(number: int) -> str:
    """Monday is 0, in the language being spoken: `Tuesday`, `martes`."""
    from babel.dates import get_day_names

    from .i18n import current_language

    return str(get_day_names("wide", locale=current_language())[number])


@dataclass(frozen=True)
class DateReading:
    """What a typed date meant: one date, several to choose from, or none."""

    dates: tuple[dt.date, ...] = ()
    note: str = ""  # said before asking which ("December 14 is a Monday, not a Tuesday.")


def understand(text: str, today: dt.date) -> DateReading:
    """The date or dates `text` can mean, as of `today`; never a guess between two."""
    plain = " ".join(text.strip().lower().replace(",", " ").split())
    if not plain:
        return DateReading()
    iso = parse_iso(plain)
    if iso is not None:
        return DateReading((iso,))
    numbers = _NUMBERS.fullmatch(plain)
    if numbers:
        return DateReading(_numeric(*numbers.groups(), today=today))
    words = plain.replace(".", " ").split()
    weekdays = [_WEEKDAY[word] for word in words if word in _WEEKDAY]
    rest = [word for word in words if word not in _WEEKDAY and word not in _FILLER]
    if plain in _TODAY:
        return DateReading((today,))
    if plain in _TOMORROW:
        return DateReading((today + dt.timedelta(days=1),))
    if plain in _AFTER_TOMORROW:
        return DateReading((today + dt.timedelta(days=2),))
    ordinal = [_ORDINAL.fullmatch(word) for word in rest]
    if len(rest) == 1 and ordinal[0]:
        day = _next_day_of_month(int(ordinal[0].group(1)), today)
    elif len(weekdays) == 1 and not rest:
        # "Tuesday", "next Tuesday", "this Tuesday": the first one after today.
        ahead = (weekdays[0] - today.weekday() - 1) % 7 + 1
        return DateReading((today + dt.timedelta(days=ahead),))
    else:
        day = _with_dateparser(" ".join(rest) if weekdays else plain, today)
    if day is None:
        return DateReading()
    if len(weekdays) == 1 and day.weekday() != weekdays[0]:
        # "Tuesday the 14th" when the 14th is a Monday: offer both, guess neither.
        meant = weekdays[0]
        nearest = min(
            (day + dt.timedelta(days=shift) for shift in range(-3, 4)),
            key=lambda other: (other.weekday() != meant, abs((other - day).days)),
        )
        note = _("{date} is a {weekday}, not a {wanted}.").format(
            date=long_date(day).split(", ", 1)[1],
            weekday=weekday_name(day.weekday()),
            wanted=weekday_name(meant),
        )
        return DateReading(tuple(sorted({day, nearest})), note)
    return DateReading((day,))


def _numeric(first: str, second: str, third: str | None, *, today: dt.date) -> tuple[dt.date, ...]:
    """12/15/2026, 15/12/2026, 2026/12/15, 12/15: both orders tried, each kept if real."""
    if len(first) == 4:  # 2026/12/15: year first is never written day before month
        return _real(int(first), int(second), int(third)) if third and len(third) <= 2 else ()
    a, b = int(first), int(second)
    if third is None:
        year = None
    elif len(third) == 2:
        year = 2000 + int(third)
    elif len(third) == 4:
        year = int(third)
    else:
        return ()
    found: list[dt.date] = []
    for month, day in ((a, b), (b, a)):
        found.extend(_real(year, month, day) if year else _next(month, day, today))
    return tuple(sorted(set(found)))


def _real(year: int, month: int, day: int) -> tuple[dt.date, ...]:
    try:
        return (dt.date(year, month, day),)
    except ValueError:
        return ()


def _next(month: int, day: int, today: dt.date) -> tuple[dt.date, ...]:
    """The first such day from today on (a visit is ahead, not behind)."""
    for year in (today.year, today.year + 1):
        found = _real(year, month, day)
        if found and found[0] >= today:
            return found
    return ()


def _next_day_of_month(number: int, today: dt.date) -> dt.date | None:
    """ "the 3rd": this month's if still ahead, else the next month that has it."""
    year, month = today.year, today.month
    for _step in range(3):
        found = _real(year, month, number)
        if found and found[0] >= today:
            return found[0]
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def warm_up(language: str) -> None:
    """Load dateparser and its words for `language` now (about 1.3 s, once), so that
    the first date a person writes in words ("next Tuesday") is read at once."""
    from .i18n import use_language

    with use_language(language):
        _with_dateparser("next tuesday" if language == "en" else "15 december", dt.date.today())


def _with_dateparser(text: str, today: dt.date) -> dt.date | None:
    if not text:
        return None
    import dateparser  # lazily: only for dates written in words

    from .i18n import current_language

    settings = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": dt.datetime.combine(today, dt.time(12)),
        "REQUIRE_PARTS": ["day"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    languages = list(dict.fromkeys([current_language(), "en"]))
    try:
        found = dateparser.parse(text, languages=languages, settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError):  # "31st of February", a year 99999
        return None
    return found.date() if found is not None else None
