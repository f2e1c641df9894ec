"""Placeholder replaced by the interview (issue 4)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import UserError


def run_interview(
    *,
    start_from: Path | None,
    save_answers: Path | None,
    helper_mode: bool,
    write: Callable[[Any], None],
    to_stdout: bool,
) -> None:
    raise UserError("the interview is not built yet; use: worksheets render ANSWERS")
