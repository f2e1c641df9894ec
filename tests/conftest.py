"""Shared fixtures: every test fails on a WeasyPrint warning, PDFs read as text."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import signal
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
import yaml

# A suite started in the background by a shell without job control (`./test &`)
# inherits Ctrl-C (SIGINT) ignored, and so would every program the tests start:
# the tests that press Ctrl-C would wait, or the batch would run to the end.
# Give the suite what a person's terminal gives a program.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# The tests expect English unless they ask for another language, whatever the
# locale of the machine running them (the program follows LANG=es_*).
for _variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"

REPO = Path(__file__).resolve().parent.parent
MARIA = REPO / "examples" / "maria.yaml"
TODAY = dt.date(2026, 12, 1)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current templates (for a layout change meant)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "weasyprint_may_warn(prefix): a WeasyPrint warning starting so is expected here",
    )


@pytest.fixture(autouse=True)
def today_is_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The interview takes 2026-12-01 (a Tuesday) as today: no test follows the clock."""
    monkeypatch.setenv("WORKSHEETS_TODAY", TODAY.isoformat())


@pytest.fixture(autouse=True)
def fail_on_weasyprint_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    """A warning from WeasyPrint (a CSS error, a refused URL...) fails the test."""
    handler = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    expected = tuple(m.args[0] for m in request.node.iter_markers("weasyprint_may_warn"))
    messages = [
        record.getMessage()
        for record in handler.records
        if not (expected and record.getMessage().startswith(expected))
    ]
    assert not messages, f"WeasyPrint warned: {messages}"


def pdf_text(path: Path | bytes) -> str:
    """The PDF's text with white space folded, as a reader would see it."""
    import io

    source = io.BytesIO(path) if isinstance(path, bytes) else path
    reader = pypdf.PdfReader(source)
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text)


def pdf_pages(path: Path | bytes) -> int:
    import io

    source = io.BytesIO(path) if isinstance(path, bytes) else path
    return len(pypdf.PdfReader(source).pages)


def write_answers(folder: Path, data: dict | str, name: str = "answers.yaml") -> Path:
    path = folder / name
    text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path
