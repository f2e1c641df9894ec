"""The one core function every writing command uses: answers in, document out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .answers import Answers

FORMATS = ("pdf", "html", "json")
PAPERS = ("letter", "a4")


@dataclass(frozen=True)
class DocumentOptions:
    format: str = "pdf"
    paper: str = "letter"
    large_print: bool = False
    bank: Path | None = None
    all_questions: bool = False


def personal_document(answers: Answers, options: DocumentOptions) -> bytes:
    """The person's worksheet as PDF, HTML or JSON bytes."""
    from .bank import load_bank
    from .render import html_to_pdf, render_html, selection_json, worksheet_context
    from .selection import select

    bank = load_bank(options.bank)
    selection = select(bank, answers, all_questions=options.all_questions)
    if options.format == "json":
        return selection_json(bank, selection).encode("utf-8")
    context = worksheet_context(
        bank, answers, selection, paper=options.paper, large_print=options.large_print
    )
    html = render_html("personal.html.j2", context)
    if options.format == "html":
        return html.encode("utf-8")
    return html_to_pdf(html)
