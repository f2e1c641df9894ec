"""Errors the person can fix, as opposed to bugs.

A `UserError` is printed as `Error: ...` with exit code 1 and no traceback;
anything else is a bug and keeps its traceback. Messages quote what was
typed, so they are printed with control characters escaped (`safetext.shown`):
a value can never clear the screen or forge a line of output.
"""

from __future__ import annotations

import click

from .safetext import shown


class UserError(click.ClickException):
    exit_code = 1

    def format_message(self) -> str:
        return shown(self.message)


class InputProblems(UserError):
    """Every problem found in one input file, reported together."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))

    def format_message(self) -> str:
        if len(self.problems) == 1:
            return shown(self.problems[0])
        return f"{len(self.problems)} problems:\n" + "\n".join(
            f"  {shown(p)}" for p in self.problems
        )
