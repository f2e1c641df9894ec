"""Golden HTML: a change to the worksheets' layout or wording shows up here and
must be meant. After a deliberate change: ./test tests/test_golden.py --update-golden
and review the diff of tests/golden/ before committing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.conftest import MARIA, REPO
from worksheets.answers import Answers, load_answers
from worksheets.documents import DocumentOptions, blank_document, personal_document

GOLDEN = Path(__file__).parent / "golden"
CLINIC = REPO / "examples" / "clinic.yaml"

CASES = {
    "maria.html": lambda: personal_document(load_answers(MARIA), DocumentOptions(format="html")),
    "maria-large-a4.html": lambda: personal_document(
        load_answers(MARIA), DocumentOptions(format="html", large_print=True, paper="a4")
    ),
    "nearly-empty.html": lambda: personal_document(
        Answers(appointment=dt.date(2026, 12, 3)), DocumentOptions(format="html")
    ),
    "blank-clinic-fillable.html": lambda: blank_document(
        DocumentOptions(format="html", clinic=CLINIC, fillable=True)
    ),
    # The Spanish edition: its wording changes show up here too.
    "rosa-es.html": lambda: personal_document(
        load_answers(REPO / "examples" / "rosa.yaml"), DocumentOptions(format="html")
    ),
    "blank-es.html": lambda: blank_document(DocumentOptions(format="html", language="es")),
}


# The fonts travel inside the HTML (data: URIs); the golden files name them only.
FONT_DATA = re.compile(r"url\(data:font/ttf;base64,[A-Za-z0-9+/=]+\)")


@pytest.mark.parametrize("name", CASES)
def test_html_matches_the_golden_file(name, request):
    html = FONT_DATA.sub("url(data:font/ttf;base64,...)", CASES[name]().decode("utf-8"))
    path = GOLDEN / name
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(html, encoding="utf-8")
    assert path.exists(), "no golden file yet: run with --update-golden"
    assert html == path.read_text(encoding="utf-8"), (
        f"{name} changed; if the change is meant, rerun with --update-golden and review the diff"
    )
