"""The core functions every writing command uses: answers in, document out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .answers import Answers

if TYPE_CHECKING:
    from .bank import Bank
    from .clinic import Clinic

FORMATS = ("pdf", "html", "json")
PAPERS = ("letter", "a4")


@dataclass(frozen=True)
class DocumentOptions:
    format: str = "pdf"
    paper: str = "letter"
    large_print: bool = False
    bank: Path | None = None
    all_questions: bool = False
    fillable: bool = False
    clinic: Path | None = None


def load_sources(options: DocumentOptions) -> tuple[Bank, Clinic | None]:
    """The bank (with the clinic's own questions) and the clinic's details."""
    from .bank import load_bank
    from .clinic import load_clinic, with_clinic_questions

    bank = load_bank(options.bank)
    clinic = load_clinic(options.clinic, bank) if options.clinic else None
    return with_clinic_questions(bank, clinic), clinic


def personal_document(answers: Answers, options: DocumentOptions) -> bytes:
    """The person's worksheet as PDF, HTML or JSON bytes."""
    from .render import html_to_pdf, render_html, selection_json, worksheet_context
    from .selection import select

    bank, clinic = load_sources(options)
    selection = select(bank, answers, all_questions=options.all_questions)
    if options.format == "json":
        return selection_json(bank, selection).encode("utf-8")
    context = worksheet_context(
        bank,
        answers,
        selection,
        paper=options.paper,
        large_print=options.large_print,
        fillable=options.fillable,
        clinic=clinic,
    )
    html = render_html("personal.html.j2", context)
    if options.format == "html":
        return html.encode("utf-8")
    return html_to_pdf(html, fillable=options.fillable)


def blank_document(options: DocumentOptions, copies: int = 1) -> bytes:
    """The blank worksheet to fill in by hand, `copies` times in one file."""
    from .render import blank_context, blank_json, html_to_pdf, render_html

    bank, clinic = load_sources(options)
    if options.format == "json":
        return blank_json(bank).encode("utf-8")
    context = blank_context(
        bank,
        paper=options.paper,
        large_print=options.large_print,
        fillable=options.fillable,
        clinic=clinic,
    )
    html = render_html("blank.html.j2", context)
    if options.format == "html":
        return html.encode("utf-8")
    pdf = html_to_pdf(html, fillable=options.fillable)
    if copies > 1:
        from .copies import repeat_pdf

        pdf = repeat_pdf(pdf, copies)
    return pdf
