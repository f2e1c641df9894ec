"""The core functions every writing command uses: answers in, document out."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .answers import Answers

if TYPE_CHECKING:
    from .bank import Bank, Question
    from .clinic import Clinic
    from .render import Arrangement
    from .selection import Selection


@dataclass(frozen=True)
class DocumentOptions:
    format: str = "pdf"
    paper: str = "letter"
    large_print: bool = False
    bank: Path | None = None
    all_questions: bool = False
    fillable: bool = False
    clinic: Path | None = None
    # Asked for on the command line; else the answers' language, else the locale's.
    language: str | None = None


def warn_on_stderr(message: str) -> None:
    from .i18n import _
    from .safetext import shown

    click.echo(_("Warning: {warning}").format(warning=shown(message)), err=True)


def check_fonts(texts: Iterable[str | None], warn: Callable[[str], None]) -> None:
    """Say so when some typed text would print as empty boxes."""
    from .glyphs import font_advice, missing_characters

    missing = missing_characters(t for t in texts if t)
    if missing:
        warn(font_advice(missing))


def _typed_texts(answers: Answers | None, bank: Bank, clinic: Clinic | None) -> list[str | None]:
    texts: list[str | None] = []
    if answers is not None:
        texts += [
            answers.name,
            answers.care_team,
            answers.helper,
            *answers.medicines,
            *answers.own_questions,
        ]
    if clinic is not None:
        texts += [clinic.name, clinic.phone, clinic.after_hours, clinic.ask_for]
    # A clinic's own bank or questions may be in any language.
    texts += [text for q in bank.questions for text in (q.text, q.why)]
    return texts


def load_sources(options: DocumentOptions) -> tuple[Bank, Clinic | None]:
    """The bank (with the clinic's own questions) and the clinic's details."""
    from .bank import load_bank
    from .clinic import load_clinic, with_clinic_questions
    from .i18n import current_language

    bank = load_bank(options.bank, current_language())
    clinic = load_clinic(options.clinic, bank) if options.clinic else None
    return with_clinic_questions(bank, clinic), clinic


def unknown_medicine_warnings(selection: Selection) -> list[str]:
    """A warning for each medicine name not on the list: kept and printed as
    given, never an error, with the closest name on the list when there is one."""
    from .i18n import _

    messages = []
    for resolved in selection.medicines:
        if resolved.medicine is not None:
            continue
        message = _(
            'medicines: "{name}" is not on the medicine list; it is printed as given, '
            "and no questions are chosen for it"
        ).format(name=resolved.given)
        if resolved.suggestion:
            message += ". " + _('Did you mean "{match}"?').format(match=resolved.suggestion)
        messages.append(message)
    return messages


def document_language(options: DocumentOptions, answers: Answers | None = None) -> str:
    """The command line's choice, else the answers', else the locale's."""
    from .i18n import current_language

    return options.language or (answers.language if answers else None) or current_language()


def personal_document(
    answers: Answers, options: DocumentOptions, warn: Callable[[str], None] = warn_on_stderr
) -> bytes:
    """The person's worksheet as PDF, HTML or JSON bytes, in its language."""
    from .i18n import use_language

    with use_language(document_language(options, answers)):
        return _personal_document(answers, options, warn)


def _personal_document(
    answers: Answers, options: DocumentOptions, warn: Callable[[str], None]
) -> bytes:
    from .render import render_html, selection_json, worksheet_context
    from .selection import leading_size, select

    bank, clinic = load_sources(options)

    def choose(size: int) -> Selection:
        return select(bank, answers, all_questions=options.all_questions, size=size)

    size = leading_size(options.large_print)
    selection = choose(size)
    _warn_untranslated(bank, [c.question for c in selection.all()], warn)
    for message in unknown_medicine_warnings(selection):
        warn(message)
    if options.format == "json":
        return selection_json(bank, selection).encode("utf-8")

    def make_html(selection: Selection, arrangement: Arrangement) -> str:
        context = worksheet_context(
            bank,
            answers,
            selection,
            paper=options.paper,
            large_print=options.large_print,
            fillable=options.fillable,
            clinic=clinic,
            arrangement=arrangement,
        )
        return render_html("personal.html.j2", context)

    from .layout import fit_visit_sheet
    from .render import document_to_pdf, lay_out, standalone_html

    typed = _typed_texts(answers, bank, clinic)
    if options.format == "pdf":
        check_fonts(typed, warn)
    fitted = fit_visit_sheet(
        choose,
        make_html,
        lambda html: lay_out(html, fillable=options.fillable),
        size=size,
        large_print=options.large_print,
    )
    if options.format == "html":
        return standalone_html(fitted.html).encode("utf-8")
    return document_to_pdf(fitted.document, fillable=options.fillable)


def _warn_untranslated(
    bank: Bank, printed: Iterable[Question], warn: Callable[[str], None]
) -> None:
    """Say so when questions print in the bank's language on another's worksheet."""
    from .i18n import language_name, ngettext

    if bank.language == bank.source_language:
        return
    missing = [q for q in printed if q.language and q.language != bank.language]
    if missing:
        warn(
            ngettext(
                "{n} question on this worksheet has no {language} text in the question bank; "
                "it prints as written",
                "{n} questions on this worksheet have no {language} text in the question bank; "
                "they print as written",
                len(missing),
            ).format(n=len(missing), language=language_name(bank.language))
        )


def blank_document(
    options: DocumentOptions, copies: int = 1, warn: Callable[[str], None] = warn_on_stderr
) -> bytes:
    """The blank worksheet to fill in by hand, `copies` times in one file."""
    from .i18n import use_language

    with use_language(document_language(options)):
        return _blank_document(options, copies, warn)


def _blank_document(options: DocumentOptions, copies: int, warn: Callable[[str], None]) -> bytes:
    from .render import (
        blank_context,
        blank_json,
        blank_selection,
        document_to_pdf,
        lay_out,
        render_html,
        standalone_html,
    )

    bank, clinic = load_sources(options)
    printed = blank_selection(
        bank, large_print=options.large_print, all_questions=options.all_questions
    )
    _warn_untranslated(bank, [c.question for c in printed.all()], warn)
    if options.format == "json":
        return blank_json(bank, all_questions=options.all_questions).encode("utf-8")
    from .layout import fit_blank

    def make_html(size: int | None) -> str:
        context = blank_context(
            bank,
            paper=options.paper,
            large_print=options.large_print,
            fillable=options.fillable,
            clinic=clinic,
            all_questions=options.all_questions,
            size=size,
        )
        return render_html("blank.html.j2", context)

    if options.format == "pdf":
        check_fonts(_typed_texts(None, bank, clinic), warn)
    html, laid_out = fit_blank(
        make_html,
        lambda html: lay_out(html, fillable=options.fillable),
        large_print=options.large_print,
    )
    if options.format == "html":
        return standalone_html(html).encode("utf-8")
    document = document_to_pdf(laid_out, fillable=options.fillable)
    if copies > 1 and options.format == "pdf":
        from .copies import repeat_pdf

        return repeat_pdf(document, copies)
    return document
