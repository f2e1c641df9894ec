"""Errors the person can fix, as opposed to bugs.

A `UserError` is printed as `Error: ...` with exit code 1 and no traceback;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import click


class UserError(click.ClickException):
    exit_code = 1


class InputProblems(UserError):
    """Every problem found in one input file, reported together."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))

    def format_message(self) -> str:
        if len(self.problems) == 1:
            return self.problems[0]
        return f"{len(self.problems)} problems:\n" + "\n".join(f"  {p}" for p in self.problems)
