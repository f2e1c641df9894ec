"""The kinds of question the interview asks, one small function each.

Every function talks through a `Console`: an `ask` that shows a prompt and
returns the line typed, and an `echo` that shows a line. The terminal console
uses click; tests pass a fake one and check the exact words, as cookiecutter
does. Nothing here raises on a bad answer: it says what went wrong in plain
words and asks again. End of input raises (`click.Abort` or `EOFError`), which
the command turns into exit code 130.

The same function serves a first answer and a change from the summary: with a
`current` answer, Enter alone keeps it and "clear" removes it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import click

from . import local_words
from .answers import normalize_choice
from .i18n import _, ngettext
from .safetext import control_problem, shown_lines, whole_number

Ask = Callable[[str], str]
Echo = Callable[[str], None]


@dataclass(frozen=True)
class Console:
    """Where prompts go and answers come from."""

    ask: Ask
    echo: Echo


def _undecodable(text: str) -> bool:
    return any("\udc80" <= c <= "\udcff" for c in text)


def terminal(*, err: bool = False) -> Console:
    """The real terminal; `err` sends every prompt to standard error (for `-o -`)."""
    if sys.stdin.isatty() and not err:
        with contextlib.suppress(ImportError):  # not on every system
            import readline  # noqa: F401  (arrow keys and backspace edit the line)

    def ask(prompt: str) -> str:
        while True:
            # click raises click.Abort on Ctrl-C and on end of input.
            value: str = click.prompt(
                prompt, default="", show_default=False, prompt_suffix=" ", err=err
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
        click.echo(shown_lines(line), err=err)

    return Console(ask=ask, echo=echo)


SKIP = "skip"
CLEAR = "clear"
SKIP_ALL = "skip all"
UNSURE = "unsure"
_UNSURE_WORDS = frozenset(
    {"not sure", "unsure", "not_sure", "don't know", "dont know", "do not know", "?", "idk"}
)
_YES = frozenset({"y", "yes"})
_NO = frozenset({"n", "no"})


def is_unsure(text: str) -> bool:
    return " ".join(text.strip().lower().replace("\u2019", "'").split()) in _UNSURE_WORDS


def _plain(text: str) -> str:
    return " ".join(text.strip().lower().split())


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
        raw = io.ask(_("Type it here (Enter skips):"))
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


_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(text: str) -> dt.date | None:
    """`2026-12-03` (also `2026-12-3`): year-month-day only, never ambiguous."""
    found = _DATE.match(text.strip())
    if not found:
        return None
    try:
        return dt.date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def read_date(
    io: Console, question: str, why: str | None = None, *, current: dt.date | None = None
) -> dt.date | None:
    """A date as year-month-day; a bad one is asked again."""
    _heading(io, question, why)
    io.echo("  " + _("Type the date as year-month-day, for example 2026-12-03."))
    if current:
        _show_current(io, current.isoformat())
    while True:
        raw = io.ask(_("Date (Enter skips):"))
        text = raw.strip()
        if not text or text.lower() == SKIP:
            return current
        if text.lower() == CLEAR or is_unsure(text):
            return None
        day = parse_date(text)
        if day is None:
            io.echo(
                _(
                    '"{text}" is not a date this program can read. '
                    "Type it as year-month-day, for example 2026-12-03."
                ).format(text=text)
            )
            continue
        return day


# --- Choices ------------------------------------------------------------------------


class ChoiceProblem(ValueError):
    """A typed choice that is not on the list; the message says what to type."""


def match_option(token: str, options: Mapping[str, str]) -> str:
    """The option meant by a number, a value, a label or a clear part of one."""
    keys = list(options)
    text = token.strip()
    if text.isdecimal():
        number = whole_number(text) or 0
        if 1 <= number <= len(keys):
            return keys[number - 1]
        raise ChoiceProblem(
            _('"{text}" is not on the list; the numbers go from 1 to {n}.').format(
                text=text, n=len(keys)
            )
        )
    if is_unsure(text) and UNSURE in options:
        return UNSURE
    wanted = normalize_choice(text)
    labels = {key: normalize_choice(_(label)) for key, label in options.items()}
    for key in keys:
        if wanted in (key, labels[key]):
            return key
    if len(wanted) >= 3:
        partial = [key for key in keys if wanted in key or wanted in labels[key]]
        if len(partial) == 1:
            return partial[0]
        if len(partial) > 1:
            numbers = ", ".join(str(keys.index(key) + 1) for key in partial)
            raise ChoiceProblem(
                _('"{text}" fits more than one answer ({numbers}); type the number.').format(
                    text=text, numbers=numbers
                )
            )
    # In the language spoken: accents or not, and its plain words ("quimio", "rayos").
    found = local_words.find_option(
        text, options, {key: _(label) for key, label in options.items()}
    )
    if found is not None:
        return found
    raise ChoiceProblem(
        _(
            '"{text}" is not on the list. Type a number from 1 to {n}, or a word from the list.'
        ).format(text=text, n=len(keys))
    )


def parse_choices(text: str, options: Mapping[str, str]) -> tuple[str, ...]:
    """`1,3`, `1 3` or `work, travel`: the options meant, in the order typed."""
    if re.fullmatch(r"\d+(\s+\d+)+", text.strip()):
        tokens = text.split()
    else:
        tokens = [token for token in re.split(r"[,;]", text) if token.strip()]
    chosen: list[str] = []
    problems: list[str] = []
    for token in tokens:
        try:
            key = match_option(token, options)
        except ChoiceProblem as problem:
            problems.append(str(problem))
            continue
        if key not in chosen:
            chosen.append(key)
    if problems:
        raise ChoiceProblem(" ".join(problems))
    return tuple(chosen)


def _labels(values: Sequence[str], options: Mapping[str, str]) -> str:
    return "; ".join(_(options[value]) for value in values)


def read_choice(
    io: Console,
    question: str,
    why: str | None,
    options: Mapping[str, str],
    *,
    current: str | None = None,
) -> str | None:
    """One answer from a numbered list, by number or by name."""
    _heading(io, question, why)
    _show_options(io, options)
    if current:
        _show_current(io, _(options[current]))
    while True:
        raw = io.ask(_("Type a number or a word (Enter skips):"))
        text = raw.strip()
        if not text or text.lower() == SKIP:
            return current
        if text.lower() == CLEAR:
            return None
        if is_unsure(text) and UNSURE not in options:
            return None
        try:
            chosen = parse_choices(text, options)
        except ChoiceProblem as problem:
            io.echo(str(problem))
            continue
        if len(chosen) != 1:
            io.echo(_("Please choose just one."))
            continue
        return chosen[0]


def read_choices(
    io: Console,
    question: str,
    why: str | None,
    options: Mapping[str, str],
    *,
    current: Sequence[str] = (),
) -> tuple[str, ...]:
    """Any number of answers from a numbered list: `1,3` or `liver, bones`."""
    _heading(io, question, why)
    _show_options(io, options)
    io.echo("  " + _("Choose all that fit, with commas between: 1,3 or a word for each."))
    if current:
        _show_current(io, _labels(current, options))
    while True:
        raw = io.ask(_("Numbers or words (Enter skips):"))
        text = raw.strip()
        if not text or text.lower() == SKIP:
            return tuple(current)
        if text.lower() == CLEAR:
            return ()
        if is_unsure(text) and UNSURE not in options:
            return ()
        try:
            return parse_choices(text, options)
        except ChoiceProblem as problem:
            io.echo(str(problem))


def read_ranking(
    io: Console,
    question: str,
    chosen: Sequence[str],
    options: Mapping[str, str],
    *,
    top: int = 3,
) -> tuple[str, ...]:
    """Put the most important of `chosen` first; Enter keeps the order they have."""
    if len(chosen) < 2:
        return tuple(chosen)
    shortlist = {key: options[key] for key in chosen}
    _heading(io, question, None)
    _show_options(io, shortlist)
    io.echo(
        "  "
        + ngettext(
            "Type up to {top} number, the most important first, for example 2,1.",
            "Type up to {top} numbers, the most important first, for example 2,1.",
            top,
        ).format(top=top)
    )
    while True:
        raw = io.ask(_("Order (Enter keeps this order):"))
        text = raw.strip()
        if not text or text.lower() in (SKIP, CLEAR) or is_unsure(text):
            return tuple(chosen)
        try:
            first = parse_choices(text, shortlist)
        except ChoiceProblem as problem:
            io.echo(str(problem))
            continue
        if len(first) > top:
            io.echo(
                ngettext(
                    "Please choose at most {top}.", "Please choose at most {top}.", top
                ).format(top=top)
            )
            continue
        return (*first, *(key for key in chosen if key not in first))


# --- Scores -------------------------------------------------------------------------


def parse_score(text: str, low: int = 0, high: int = 10) -> int | None:
    found = re.fullmatch(r"(\d{1,2})(\s*/\s*10)?", text.strip())
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
) -> dict[str, int]:
    """A quick 0-10 for each item; Enter skips one, "skip all" skips the rest."""
    current = dict(current or {})
    _heading(io, question, why)
    io.echo("  " + _("0 means not at all, 10 the worst."))
    io.echo("  " + _('Enter alone skips one; type "skip all" to skip the rest.'))
    if current:
        io.echo("  " + _('Enter alone keeps the score shown; "clear" removes it.'))
    scores: dict[str, int] = {}
    keys = list(items)
    for position, key in enumerate(keys):
        label = _(items[key])
        before = current.get(key)
        prompt = (
            _("{label} (now {score}), 0-10:").format(label=label, score=before)
            if before is not None
            else _("{label}, 0-10:").format(label=label)
        )
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
    """`[y/N]`: Enter alone takes the default shown in capitals."""
    hint = _("[Y/n]") if default else _("[y/N]")
    while True:
        text = _plain(io.ask(f"{question} {hint}"))
        if not text:
            return default
        if text in _YES or text == _("yes") or text == _("y") or local_words.is_yes(text):
            return True
        if (
            text in _NO
            or text == _("no")
            or text == _("n")
            or text == SKIP
            or local_words.is_no(text)
        ):
            return False
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
