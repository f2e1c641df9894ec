"""Errors the person can fix, as opposed to bugs.

A `UserError` is printed as `Error: ...` with exit code 1 and no traceback;
anything else is a bug and keeps its traceback. Neither depends on Click: the
web page and the batch show the same messages in their own way.

An `InputProblems` carries every problem of one input at once, each as a
`Problem` that knows its field, so a web form can show it next to that field
and a terminal prints it after the file name and line.

Messages quote what was typed, so they are shown with control characters
escaped (`safetext.shown`): a value can never clear the screen or forge a line
of output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .i18n import current_language, ngettext, use_language
from .safetext import shown


class UserError(Exception):
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def format_message(self) -> str:
        return shown(self.message)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, where it is and what to do about it.

    `field` is the answers field's dotted path ("priorities", "symptoms.pain",
    "person.appointment"), empty for the whole input; `place` is how a message
    names where it is ("answers.yaml, line 9, priorities"); `message` the plain
    words alone, for a form that shows them beside the field.
    """

    message: str
    field: str = ""
    line: int | None = None
    place: str = ""

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message


class InputProblems(UserError):
    """Every problem found in one input file, reported together."""

    def __init__(self, problems: Sequence[Problem | str]) -> None:
        self.items = [p if isinstance(p, Problem) else Problem(p) for p in problems]
        # The problems are worded in the language of this moment (a Spanish
        # file's own, say); their heading, printed later, is worded in it too.
        self.language = current_language()
        super().__init__("\n".join(self.problems))

    @property
    def problems(self) -> list[str]:
        """The problems as printed, one line each."""
        return [str(problem) for problem in self.items]

    def format_message(self) -> str:
        lines = [shown(line) for line in self.problems]
        if len(lines) == 1:
            return lines[0]
        # Never one: a single problem is the message itself.
        with use_language(self.language):
            heading = ngettext("{n} problem:", "{n} problems:", len(lines)).format(n=len(lines))
        return heading + "\n" + "\n".join(f"  {p}" for p in lines)


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP: handled as Ctrl-C is (nothing half-written, workers
    stopped), then the process exits with 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__()
        self.signum = signum
