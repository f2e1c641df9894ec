"""The kinds of question the interview asks, one small function each.

Every function talks through a `Console`: an `ask` that shows a prompt and
returns the line typed, and an `echo` that shows a line. The terminal console
uses click and wraps lines at words to the terminal's width; tests pass a fake
one and check the exact words, as cookiecutter does. Nothing here raises on a
bad answer: it says what went wrong in plain words and asks again, about the
one word it did not understand. End of input raises (`click.Abort` or
`EOFError`), which the command turns into exit code 130.

The same function serves a first answer and a change from the summary: with a
`current` answer, Enter alone keeps it and "clear" removes it, and the prompt
says so ("Enter keeps it"); without one, Enter alone skips ("Enter skips").
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shutil
import sys
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import click

from . import dates
from .i18n import _
from .medicines import _DOSE, Medicine, MedicineList, Resolved, name_key, unaccented
from .safetext import control_problem, shown_lines, whole_number
from .schema import OwnPriority
from .words import Reading, split_choices, understand, yes_or_no

Ask = Callable[[str], str]
Echo = Callable[[str], None]


@dataclass(frozen=True)
class Console:
    """Where prompts go and answers come from."""

    ask: Ask
    echo: Echo


def _undecodable(text: str) -> bool:
    return any("\udc80" <= c <= "\udcff" for c in text)


def wrap(line: str, width: int) -> str:
    """`line` wrapped at words to `width`; continuation lines keep its indentation
    (and that of a numbered item's text), so lists stay readable."""
    if len(line) <= width:
        return line
    item = re.match(r"(\s*)(\d+\.\s+|- )?", line)
    indent = item.group(1) if item else ""
    hanging = " " * len(item.group(0)) if item else ""
    return textwrap.fill(
        line.strip(),
        width=width,
        initial_indent=indent,
        subsequent_indent=hanging,
        break_long_words=False,
        break_on_hyphens=False,
    )


def terminal(*, err: bool = False) -> Console:
    """The real terminal; `err` sends every prompt to standard error (for `-o -`)."""
    if sys.stdin.isatty() and not err:
        with contextlib.suppress(ImportError):  # not on every system
            import readline  # noqa: F401  (arrow keys and backspace edit the line)

    stream = sys.stderr if err else sys.stdout

    def width() -> int:
        # Wrapped only for a person at a terminal; a pipe or a log gets whole lines.
        if not stream.isatty():
            return 10_000
        return max(40, shutil.get_terminal_size((80, 24)).columns - 1)

    def ask(prompt: str) -> str:
        while True:
            # A long prompt: all but its last line are printed first, at words.
            wrapped = wrap(prompt, width()).rsplit("\n", 1)
            if len(wrapped) == 2:
                click.echo(wrapped[0], err=err)
            # click raises click.Abort on Ctrl-C and on end of input.
            value: str = click.prompt(
                wrapped[-1], default="", show_default=False, prompt_suffix=" ", err=err
            )
            if not _undecodable(value):
                return value
            # A terminal set to another encoding than UTF-8 sent bytes Python
            # could not read; they would break the worksheet later.
            click.echo(
                _(
                    "Some letters could not be read. Please type it again, or set the terminal "
                    "to UTF-8."
                ),
                err=err,
            )

    def echo(line: str) -> None:
        # What was typed or read from a file is shown, never acted on by the terminal.
        w = width()
        click.echo("\n".join(wrap(part, w) for part in shown_lines(line).split("\n")), err=err)

    return Console(ask=ask, echo=echo)


SKIP = "skip"
CLEAR = "clear"
SKIP_ALL = "skip all"
UNSURE = "unsure"
_UNSURE_WORDS = frozenset(
    {
        "not sure",
        "unsure",
        "not_sure",
        "don't know",
        "dont know",
        "do not know",
        "i don't know",
        "i dont know",
        "?",
        "idk",
    }
)


def is_unsure(text: str) -> bool:
    return " ".join(text.strip().lower().replace("\u2019", "'").split()) in _UNSURE_WORDS


def _plain(text: str) -> str:
    return " ".join(text.strip().lower().split())


def _enter(current: object) -> str:
    """What Enter alone does, as the prompts say it."""
    return _("Enter keeps it") if current else _("Enter skips")


def _heading(io: Console, question: str, why: str | None) -> None:
    io.echo("")
    io.echo(question)
    if why:
        io.echo("  " + _("Why we ask: {why}").format(why=why))


def _show_current(io: Console, shown: str) -> None:
    io.echo(
        "  "
        + _('Now: {answer}. Enter alone keeps it; type "clear" to remove it.').format(answer=shown)
    )


def _show_options(io: Console, options: Mapping[str, str]) -> None:
    width = len(str(len(options)))
    for number, label in enumerate(options.values(), start=1):
        io.echo(f"  {number:>{width}}. {_(label)}")


# --- Text and dates -----------------------------------------------------------------


def read_text(
    io: Console,
    question: str,
    why: str | None = None,
    *,
    current: str | None = None,
    max_chars: int = 100,
) -> str | None:
    """A short line of text (a name); Enter alone skips or keeps `current`."""
    _heading(io, question, why)
    if current:
        _show_current(io, current)
    while True:
        raw = io.ask(_("Type it here ({enter}):").format(enter=_enter(current)))
        text = " ".join(raw.split())
        if not text or text.lower() == SKIP:
            return current
        if refused := control_problem(text):
            io.echo(_("That {problem}.").format(problem=refused))
            continue
        if text.lower() == CLEAR or is_unsure(text):
            return None
        if len(text) > max_chars:
            io.echo(
                _("That is {n} characters; at most {limit} fit. Please make it shorter.").format(
                    n=len(text), limit=max_chars
                )
            )
            continue
        return text


def parse_date(text: str) -> dt.date | None:
    """`2026-12-03` (also `2026-12-3`), as an answers file writes it."""
    return dates.parse_iso(text)


def read_date(
    io: Console,
    question: str,
    why: str | None = None,
    *,
    current: dt.date | None = None,
    today: dt.date | None = None,
) -> dt.date | None:
    """A date as the person writes it, read back in full to confirm; two possible
    dates are asked about, never guessed; a past date gets a gentle question."""
    today = today or dt.date.today()
    _heading(io, question, why)
    io.echo(
        "  "
        + _("Any way of writing it is fine, for example: December 15, 12/15/2026 or next Tuesday.")
    )
    if current:
        _show_current(io, dates.long_date(current))
    while True:
        raw = io.ask(_("Date ({enter}):").format(enter=_enter(current)))
        text = raw.strip()
        if not text or text.lower() == SKIP:
            return current
        if text.lower() == CLEAR or is_unsure(text):
            return None
        day = _date_meant(io, text, today)
        if day is not None:
            return day


def _date_meant(io: Console, text: str, today: dt.date) -> dt.date | None:
    """The one date `text` meant, confirmed by the person, or None to ask again."""
    reading = dates.understand(text, today)
    if not reading.dates:
        io.echo(
            _(
                '"{text}" is not a date this program can read. '
                "Try it like this: December 15, or 12/15/2026."
            ).format(text=text)
        )
        return None
    if len(reading.dates) == 1:
        day = reading.dates[0]
        if day < today:
            question = _("{date} has already passed. Is that the right date?")
            if read_yes_no(io, question.format(date=dates.long_date(day)), default=False):
                return day
        elif read_yes_no(
            io, _("{date}. Is that right?").format(date=dates.long_date(day)), default=True
        ):
            return day
        io.echo(_("Please type the date again."))
        return None
    io.echo(reading.note or _('"{text}" could be more than one date:').format(text=text))
    for number, day in enumerate(reading.dates, start=1):
        io.echo(f"  {number}. {dates.long_date(day)}")
    choice = read_number(
        io,
        _("Which one? Type its number (Enter to type the date again):"),
        len(reading.dates),
    )
    if choice is None:
        return None
    day = reading.dates[choice - 1]
    question = _("{date} has already passed. Is that the right date?")
    if day < today and not read_yes_no(
        io, question.format(date=dates.long_date(day)), default=False
    ):
        io.echo(_("Please type the date again."))
        return None
    return day


# --- Choices ------------------------------------------------------------------------


class ChoiceProblem(ValueError):
    """A typed choice that is not on the list; the message says what to type."""


def _translated(options: Mapping[str, str]) -> dict[str, str]:
    return {key: _(label) for key, label in options.items()}


def match_option(
    token: str, options: Mapping[str, str], synonyms: Mapping[str, str] | None = None
) -> str:
    """The option meant, surely, by a number, a value, a label, a synonym or a clear
    part of one; `ChoiceProblem` for anything less sure."""
    if is_unsure(token) and UNSURE in options:
        return UNSURE
    reading = understand(token, _translated(options), synonyms)
    if reading.sure and reading.key:
        return reading.key
    raise ChoiceProblem(_not_on_the_list(reading, options))


def _not_on_the_list(reading: Reading, options: Mapping[str, str]) -> str:
    if reading.problem:
        return reading.problem
    keys = list(options)
    if reading.several:
        numbers = ", ".join(str(keys.index(key) + 1) for key in reading.several)
        return _('"{text}" fits more than one answer ({numbers}); type the number.').format(
            text=reading.typed, numbers=numbers
        )
    return _(
        '"{text}" is not on the list. Type a number from 1 to {n}, or a word from the list.'
    ).format(text=reading.typed, n=len(keys))


def _means_none(text: str, options: Mapping[str, str], synonyms: Mapping[str, str] | None) -> bool:
    """ "no", "none", "nothing", "no thanks": none of these, unless an answer is called so
    ("none" is "No treatment yet")."""
    reading = understand(text, _translated(options), synonyms)
    if reading.sure:
        return False
    plain = _plain(text)
    return yes_or_no(plain) is False or plain in (_("none"), _("nothing"), _("none of them"))


def _one_word(
    io: Console,
    token: str,
    options: Mapping[str, str],
    synonyms: Mapping[str, str] | None,
    *,
    own_words: bool,
) -> str | OwnPriority | None:
    """What one typed word meant, asking about it alone if need be; None: left out."""
    keys = list(options)
    labels = _translated(options)
    while True:
        if is_unsure(token) and UNSURE in options:
            return UNSURE
        reading = understand(token, labels, synonyms)
        if reading.sure and reading.key:
            return reading.key
        if reading.key and read_yes_no(
            io,
            _('"{text}": did you mean "{label}"?').format(
                text=reading.typed, label=labels[reading.key]
            ),
            default=True,
        ):
            return reading.key
        if reading.several:
            io.echo(_('"{text}" fits more than one answer:').format(text=reading.typed))
            for key in reading.several:
                io.echo(f"  {keys.index(key) + 1}. {labels[key]}")
        elif own_words and not reading.problem:
            return OwnPriority(_own(token))
        else:
            io.echo(_not_on_the_list(reading, options))
        token = io.ask(_("Type that one again, or press Enter to leave it out:")).strip()
        if not token:
            return None


def _own(token: str) -> str:
    """The person's own words, as typed, with a capital first letter ("Gardening")."""
    text = " ".join(token.split())
    return text[:1].upper() + text[1:]


def _understood(
    io: Console,
    text: str,
    options: Mapping[str, str],
    synonyms: Mapping[str, str] | None,
    *,
    own_words: bool = False,
) -> tuple[str | OwnPriority, ...]:
    """Each word typed judged on its own: the clear ones kept, the others asked about."""
    chosen: list[str | OwnPriority] = []
    for token in split_choices(text):
        meant = _one_word(io, token, options, synonyms, own_words=own_words)
        if meant is not None and meant not in chosen:
            chosen.append(meant)
    return tuple(chosen)


def parse_choices(
    text: str, options: Mapping[str, str], synonyms: Mapping[str, str] | None = None
) -> tuple[str, ...]:
    """`1,3`, `1 3` or `work, travel`: the options meant, in the order typed, when
    every word is sure; otherwise `ChoiceProblem` naming each word not understood."""
    chosen: list[str] = []
    problems: list[str] = []
    for token in split_choices(text):
        try:
            key = match_option(token, options, synonyms)
        except ChoiceProblem as problem:
            problems.append(str(problem))
            continue
        if key not in chosen:
            chosen.append(key)
    if problems:
        raise ChoiceProblem(" ".join(problems))
    return tuple(chosen)


def _labels(values: Sequence[str | OwnPriority], options: Mapping[str, str]) -> str:
    return "; ".join(_(options[v]) if isinstance(v, str) else v.words for v in values)


def read_choice(
    io: Console,
    question: str,
    why: str | None,
    options: Mapping[str, str],
    *,
    current: str | None = None,
    synonyms: Mapping[str, str] | None = None,
) -> str | None:
    """One answer from a numbered list, by number, by name or by a near miss."""
    _heading(io, question, why)
    _show_options(io, options)
    if current:
        _show_current(io, _(options[current]))
    while True:
        raw = io.ask(_("Type a number or a word ({enter}):").format(enter=_enter(current)))
        text = raw.strip()
        if not text or text.lower() == SKIP:
            return current
        if text.lower() == CLEAR:
            return None
        if is_unsure(text) and UNSURE not in options:
            return None
        if _means_none(text, options, synonyms):
            return None
        if len(split_choices(text)) > 1:
            io.echo(_("Please choose just one."))
            continue
        meant = _one_word(io, text, options, synonyms, own_words=False)
        if isinstance(meant, str):
            return meant


def read_choices(
    io: Console,
    question: str,
    why: str | None,
    options: Mapping[str, str],
    *,
    current: Sequence[str] = (),
    synonyms: Mapping[str, str] | None = None,
    note: str | None = None,
) -> tuple[str, ...]:
    """Any number of answers from a numbered list: `1,3` or `liver, bones`.
    `note`: a line said before the list (what an earlier answer already gives)."""
    _heading(io, question, why)
    if note:
        io.echo("  " + note)
    _show_options(io, options)
    io.echo("  " + _("Choose all that fit, with commas between: 1,3 or a word for each."))
    if current:
        _show_current(io, _labels(current, options))
    while True:
        raw = io.ask(_("Numbers or words ({enter}):").format(enter=_enter(current)))
        text = raw.strip()
        if not text or text.lower() == SKIP:
            return tuple(current)
        if text.lower() == CLEAR:
            return ()
        if is_unsure(text) and UNSURE not in options:
            return ()
        if _means_none(text, options, synonyms):
            return ()
        chosen = tuple(k for k in _understood(io, text, options, synonyms) if isinstance(k, str))
        if chosen:
            return chosen


def read_ranked(
    io: Console,
    question: str,
    why: str | None,
    options: Mapping[str, str],
    *,
    current: Sequence[str | OwnPriority] = (),
    synonyms: Mapping[str, str] | None = None,
) -> tuple[str | OwnPriority, ...]:
    """What matters most, in order: the order typed is the order kept, with the
    numbers of the list shown. Words not on the list are kept as the person's
    own, and the listed priority closest to each is asked, to choose questions."""
    _heading(io, question, why)
    io.echo("  " + _("Type the most important first: the first ones typed count most."))
    _show_options(io, options)
    io.echo("  " + _("Numbers or words, with commas between, for example: 3, 1, 10."))
    io.echo("  " + _("Words that are not on the list are fine too."))
    if current:
        _show_current(io, _labels(current, options))
    while True:
        raw = io.ask(_("Most important first ({enter}):").format(enter=_enter(current)))
        text = raw.strip()
        if not text or text.lower() == SKIP:
            return tuple(current)
        if text.lower() == CLEAR:
            return ()
        if is_unsure(text):
            return ()
        chosen = _understood(io, text, options, synonyms, own_words=True)
        if chosen:
            break
    ranked = tuple(_closest_to_own(io, item, options) for item in chosen)
    if len(ranked) > 1:
        io.echo(_("In this order:"))
        for number, item in enumerate(ranked, start=1):
            io.echo(f"  {number}. {_labels([item], options)}")
    return ranked


def _closest_to_own(
    io: Console, item: str | OwnPriority, options: Mapping[str, str]
) -> str | OwnPriority:
    if isinstance(item, str):
        return item
    io.echo(_('"{words}" is not on the list; it is kept as typed.').format(words=item.words))
    number = read_number(
        io,
        _(
            'Which one on the list is closest to "{words}"? Type its number (Enter if none is):'
        ).format(words=item.words),
        len(options),
    )
    if number is None:
        return item
    return OwnPriority(item.words, list(options)[number - 1])


# --- Scores -------------------------------------------------------------------------


# Scores in words; "zero" and "none" are both 0.
_NUMBER_WORDS: tuple[str, ...] = ("zero", "none", "one", "two", "three", "four", "five")
_NUMBER_WORDS += ("six", "seven", "eight", "nine", "ten")


def parse_score(text: str, low: int = 0, high: int = 10) -> int | None:
    """`7`, `7/10` or `seven`; None for anything else."""
    plain = text.strip().lower()
    words = [_(word) for word in _NUMBER_WORDS]
    if plain in words:
        score = max(0, words.index(plain) - 1)
        return score if low <= score <= high else None
    found = re.fullmatch(r"(\d{1,2})(\s*/\s*10)?", plain)
    if not found:
        return None
    score = int(found.group(1))
    return score if low <= score <= high else None


def read_scores(
    io: Console,
    question: str,
    why: str | None,
    items: Mapping[str, str],
    *,
    current: Mapping[str, int] | None = None,
    last_time: Mapping[str, int] | None = None,
) -> dict[str, int]:
    """A quick 0-10 for each item; Enter skips one, "skip all" skips the rest.

    `current` scores are kept by Enter alone (a change from the summary);
    `last_time`'s are only shown, for a new week (the next visit).
    """
    current = dict(current or {})
    last_time = dict(last_time or {})
    _heading(io, question, why)
    io.echo("  " + _("0 means not at all, 10 the worst."))
    if current:
        io.echo("  " + _('Enter alone keeps the score shown; "clear" removes it.'))
        io.echo("  " + _('Type "skip all" to keep the rest as they are.'))
    else:
        io.echo("  " + _('Enter alone skips one; type "skip all" to skip the rest.'))
    if last_time:
        io.echo("  " + _("Last time's scores are shown; type this week's."))
    scores: dict[str, int] = {}
    keys = list(items)
    for position, key in enumerate(keys):
        label = _(items[key])
        before = current.get(key)
        if before is not None:
            prompt = _("{label} (now {score}), 0-10:").format(label=label, score=before)
        elif key in last_time:
            prompt = _("{label} (last time {score}), 0-10:").format(
                label=label, score=last_time[key]
            )
        else:
            prompt = _("{label}, 0-10:").format(label=label)
        while True:
            text = _plain(io.ask("  " + prompt))
            if not text or text == SKIP:
                if before is not None:
                    scores[key] = before
                break
            if text == CLEAR or is_unsure(text):
                break
            if text in (SKIP_ALL, "skip the rest", "skip rest"):
                for rest in keys[position:]:
                    if rest in current:
                        scores[rest] = current[rest]
                return scores
            score = parse_score(text)
            if score is None:
                io.echo(
                    "  "
                    + _(
                        '"{text}" is not a score. Type a whole number from 0 to 10, '
                        "or press Enter to skip."
                    ).format(text=text)
                )
                continue
            scores[key] = score
            break
    return scores


# --- Lines of text ------------------------------------------------------------------


def read_lines(
    io: Console,
    question: str,
    why: str | None = None,
    *,
    current: Sequence[str] = (),
    max_lines: int = 20,
    max_chars: int = 500,
) -> tuple[str, ...]:
    """As many lines as the person likes, one per prompt; an empty line ends."""
    lines = list(current)
    _heading(io, question, why)
    if lines:
        for number, line in enumerate(lines, start=1):
            io.echo(f"  {number}. {line}")
        io.echo("  " + _("Type a new one to add it, or a number to remove that one."))
    io.echo("  " + _("One per line. Press Enter on an empty line when done."))
    full = _("That is {n}, as many as fit on the worksheet.").format(n=max_lines)
    while True:
        if len(lines) >= max_lines and not current:
            io.echo(full)
            return tuple(lines)
        if len(lines) >= max_lines:  # changing a full list: removing is still possible
            raw = io.ask(_("Number to remove (Enter when done):"))
        else:
            raw = io.ask(_("{n}.").format(n=len(lines) + 1))
        text = " ".join(raw.split())
        if not text:
            return tuple(lines)
        if current and text.isdecimal():  # numbers remove only when changing a list
            number = whole_number(text) or 0
            if 1 <= number <= len(lines):
                removed = lines.pop(number - 1)
                io.echo(_('Removed: "{text}"').format(text=removed))
            else:
                io.echo(
                    _("There is no number {number}; the numbers go from 1 to {n}.").format(
                        number=text, n=len(lines)
                    )
                )
            continue
        if len(lines) >= max_lines:
            io.echo(full)
            continue
        if len(text) > max_chars:
            io.echo(
                _("That is {n} characters; at most {limit} fit. Please make it shorter.").format(
                    n=len(text), limit=max_chars
                )
            )
            continue
        if refused := control_problem(text):
            io.echo(_("That {problem}.").format(problem=refused))
            continue
        lines.append(text)


# --- Yes or no, and picking a number ------------------------------------------------


def read_yes_no(io: Console, question: str, *, default: bool = False) -> bool:
    """`[y/N]`: Enter alone takes the default shown in capitals; "yes please",
    "sure", "no thanks" and the like are understood."""
    hint = _("[Y/n]") if default else _("[y/N]")
    while True:
        text = io.ask(f"{question} {hint}")
        if not text.strip():
            return default
        answer = yes_or_no(text)
        if answer is not None:
            return answer
        io.echo(_("Please type y for yes or n for no."))


def read_number(io: Console, prompt: str, count: int) -> int | None:
    """A number from 1 to `count`, or None for Enter alone."""
    while True:
        text = io.ask(prompt).strip()
        if not text:
            return None
        number = whole_number(text)
        if number is not None and 1 <= number <= count:
            return number
        io.echo(_("Please type a number from 1 to {n}, or press Enter alone.").format(n=count))


# --- Medicines by name --------------------------------------------------------------


# The class of a medicine in plain words, with the form its description gives.
def _class_words() -> dict[str, str]:
    """Each treatment class as it reads in "a targeted pill" (translated when asked)."""
    return {
        "chemotherapy": _("chemotherapy"),
        "targeted": _("targeted"),
        "immunotherapy": _("immunotherapy"),
        "hormone": _("hormone therapy"),
        "antibody_drug_conjugate": _("antibody-drug conjugate"),
        "radiation": _("radiation"),
    }


# A description that says the medicine is a pill, in any language of the list.
_PILL = re.compile(
    r"\b(pills?|tablets?|capsules?|pastillas?|tabletas?|cápsulas?|comprimidos?)\b",
    re.IGNORECASE,
)


def proper_name(resolved: Resolved) -> str:
    """The name as given, or, for a misspelling on the list, its right spelling: of
    the name it is closest to ("letrazole" is letrozole, "femera" is Femara), so the
    sheet never shows a brand the person did not type."""
    medicine = resolved.medicine
    if medicine is None:
        return resolved.given
    spelled = {name_key(n): n for n in (medicine.name, *medicine.brands, *medicine.also_called)}
    if name_key(resolved.given) in spelled or name_key(_DOSE.sub("", resolved.given)) in spelled:
        return resolved.given
    from rapidfuzz import fuzz, process

    names = (medicine.name, *medicine.brands)
    best = process.extractOne(
        name_key(resolved.given), [name_key(n) for n in names], scorer=fuzz.ratio
    )
    return names[best[2]] if best else names[0]


def _same_name(given: str, generic: str) -> bool:
    """The generic name itself, or it spelled in another language: "letrozol"
    and "capecitabina" need no "(letrozole)" after them on a Spanish screen."""
    from rapidfuzz import fuzz

    return fuzz.ratio(name_key(given), name_key(generic)) >= 80


def _generic_name(medicine: Medicine) -> str:
    """The generic name as the reader's language spells it, where the list
    gives it: "ácido zoledrónico" on a Spanish screen, where the list's
    other names hold a close spelling of "zoledronic acid"."""
    from rapidfuzz import fuzz

    from .i18n import SOURCE_LANGUAGE, current_language

    if current_language() == SOURCE_LANGUAGE:
        return medicine.name
    generic = name_key(medicine.name)
    spellings = [
        (fuzz.token_sort_ratio(unaccented(name), unaccented(medicine.name)), name)
        for name in medicine.also_called
        # Not the same name with a prefix ("fam-trastuzumab deruxtecan", "5-fluorouracil"):
        # the English label's, not the reader's language's.
        if name != medicine.name
        and not (len(name_key(name)) > len(generic) and name_key(name).endswith(generic))
    ]
    score, name = max(spellings, default=(0, medicine.name))
    return name if score >= 80 else medicine.name


def understood_medicine(resolved: Resolved, medicines: MedicineList | None = None) -> str:
    """`Ibrance (palbociclib): a targeted pill`: what the program took a name for."""
    medicine = resolved.medicine
    if medicine is None:
        return resolved.given
    shown = proper_name(resolved)
    if medicine.regimen:
        # FOLFOX (fluorouracil, leucovorin, oxaliplatin), each part in the reader's spelling.
        parts = [medicines.find(part) if medicines else None for part in medicine.regimen]
        names = [
            _generic_name(part) if part is not None else name
            for part, name in zip(parts, medicine.regimen, strict=True)
        ]
        shown += f" ({', '.join(names)})"
    elif not _same_name(_DOSE.sub("", shown), medicine.name):
        # A brand or a short name ("5-FU"): its generic name, as a check;
        # never the name just typed again ("ácido zoledrónico (ácido zoledrónico)").
        generic = _generic_name(medicine)
        if _same_name(_DOSE.sub("", shown), generic):
            generic = medicine.name
        shown += f" ({generic})"
    first_sentence = medicine.description.split(". ")[0].rstrip(".")
    if not resolved.classes:
        return (
            f"{shown}: {first_sentence[:1].lower()}{first_sentence[1:]}"
            if first_sentence
            else shown
        )
    form = _("pill") if _PILL.search(first_sentence) else _("medicine")
    words = _class_words()
    kind = _(" and ").join(words.get(c, c) for c in resolved.classes)
    if kind[:1].lower() in "aeiou":
        what = _("an {kind} {form}").format(kind=kind, form=form)  # an immunotherapy medicine
    else:
        what = _("a {kind} {form}").format(kind=kind, form=form)  # a targeted pill
    return f"{shown}: {what}"


def read_medicines(
    io: Console,
    question: str,
    why: str | None = None,
    *,
    current: Sequence[str] = (),
    medicines: MedicineList | None = None,
    max_lines: int = 20,
    max_chars: int = 100,
) -> tuple[str, ...]:
    """Medicine names as on the box or the pharmacy label, each read back with its
    class in plain words; a near miss of a listed name is asked about; a name
    not on the list is kept as typed (the worksheet warns about it)."""
    known = medicines or MedicineList()
    _heading(io, question, why)
    io.echo("  " + _("With commas between, for example: Ibrance, letrozole."))
    io.echo(
        "  " + _("Not sure of the names? Press Enter: the next question lists kinds of treatment.")
    )
    if current:
        _show_current(io, ", ".join(current))
    while True:
        raw = io.ask(_("Medicine names ({enter}):").format(enter=_enter(current)))
        text = " ".join(raw.split())
        if not text or text.lower() == SKIP:
            return tuple(current)
        if text.lower() == CLEAR or is_unsure(text) or _plain(text) in (_("none"), _("no")):
            return ()
        if refused := control_problem(text):
            io.echo(_("That {problem}.").format(problem=refused))
            continue
        kept: list[str] = []
        for typed in split_choices(text):
            name = _one_medicine(io, typed, known, max_chars)
            if name and name.casefold() not in (k.casefold() for k in kept):
                kept.append(name)
        if len(kept) > max_lines:
            io.echo(
                _("That is {n}; at most {limit} fit. Please give the main ones.").format(
                    n=len(kept), limit=max_lines
                )
            )
            continue
        if kept:
            return tuple(kept)


def _one_medicine(io: Console, name: str, known: MedicineList, max_chars: int) -> str | None:
    if len(name) > max_chars:
        io.echo(
            _("That is {n} characters; at most {limit} fit. Please make it shorter.").format(
                n=len(name), limit=max_chars
            )
        )
        return None
    resolved = known.resolve(name)
    if (
        resolved.medicine is None
        and resolved.suggestion
        and read_yes_no(
            io,
            _('"{name}": did you mean "{suggestion}"?').format(
                name=name, suggestion=resolved.suggestion
            ),
            default=True,
        )
    ):
        name = resolved.suggestion
        resolved = known.resolve(name)
    if resolved.medicine is None:
        io.echo(
            "  "
            + _(
                '"{name}" is not on this program\'s list of medicines; it is kept as typed.'
            ).format(name=name)
        )
        return name
    io.echo("  " + understood_medicine(resolved, known))
    return proper_name(resolved)
