"""The shape of every worksheet in one run: pages per edition and what leads.

Run on demand (not part of the tests):

    .venv/bin/python benchmarks/shape.py            # the sample and tests/answer_sets/
    .venv/bin/python benchmarks/shape.py FILE...    # other answers files

For each answers file it prints the page count of the visit sheet in each
edition (Letter and A4, normal and large print, fillable) and of the booklet
(--all-questions), the number of bank questions on the visit sheet, and the
first five questions with the reason each leads. The promise it shows: at
most 4 pages (8 in large print), or 2 more for many long own questions.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pypdf

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from worksheets.answers import load_answers  # noqa: E402
from worksheets.bank import load_bank  # noqa: E402
from worksheets.documents import DocumentOptions, personal_document  # noqa: E402
from worksheets.selection import leading_size, select  # noqa: E402

EDITIONS = {
    "letter": DocumentOptions(),
    "a4": DocumentOptions(paper="a4"),
    "letter large": DocumentOptions(large_print=True),
    "a4 large": DocumentOptions(paper="a4", large_print=True),
    "fillable": DocumentOptions(fillable=True),
    "booklet": DocumentOptions(all_questions=True),
    "booklet large": DocumentOptions(all_questions=True, large_print=True),
}


def pages(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def visit_questions(pdf: bytes) -> int:
    """Bank questions on the visit sheet as printed (their tick boxes, own ones aside)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fields = reader.get_fields() or {}
    return sum(1 for name in fields if name.startswith("ask-") and not name.startswith("ask-own"))


def shape(path: Path) -> None:
    answers = load_answers(path)
    print(f"\n{path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
    counts = []
    for name, options in EDITIONS.items():
        pdf = personal_document(answers, options, warn=lambda _: None)
        counts.append(f"{name} {pages(pdf)}")
        if name == "fillable":
            counts.append(f"(questions on the sheet: {visit_questions(pdf)})")
    print("  pages: " + ", ".join(counts))
    leading = select(load_bank(), answers, size=leading_size(False)).leading
    for number, chosen in enumerate(leading[:5], start=1):
        print(f"  {number}. [{chosen.lead}] {chosen.question.text}")


def main(argv: list[str]) -> None:
    files = [Path(a) for a in argv] or [
        REPO / "examples" / "maria.yaml",
        *sorted((REPO / "tests" / "answer_sets").glob("*.yaml")),
    ]
    for path in files:
        shape(path)


if __name__ == "__main__":
    main(sys.argv[1:])
