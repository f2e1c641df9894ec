"""Fitting the visit sheet to its pages, by laying it out and measuring.

The promise (issue 10): at most 4 pages at normal size and 8 in large print,
whatever the answers; page 1 holds the note to the care team, what matters
most, the symptoms, up to three of the person's own questions and at least
the first question of the sheet; no page holds only a leftover line or two.
Guessing from word counts cannot keep that promise across paper sizes, fonts
and 500-character questions, so this module lays the sheet out with
WeasyPrint, reads where everything landed, and adjusts: fewer own questions
in full on page 1 (the rest are listed on page 2, never dropped), then fewer
bank questions, the lowest-ranked first. Most sheets fit at the first try.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from .render import Arrangement
from .selection import Selection

MAX_PAGES = 4
LARGE_PRINT_MAX_PAGES = 8
# Many long own questions (20 of 500 characters) may take this many more pages.
OWN_QUESTIONS_EXTRA_PAGES = 2
OWN_IN_FULL = 3
# A page whose content fills less than this share of it holds only a leftover.
LEFTOVER_SHARE = 0.15
FIRST_PAGE_MARK = "today-title"
AFTER_VISIT_MARK = "after-visit-title"
CALL_NOW_MARK = "call-now-title"
BOOKLET_MARK = "booklet-title"


@dataclass(frozen=True)
class Page:
    ids: frozenset[str]  # the ids of the elements that start or sit on it
    fill: float  # the share of the page's writing area its content reaches


@dataclass(frozen=True)
class Fitted:
    document: Any  # the WeasyPrint document, ready to write
    html: str
    selection: Selection
    arrangement: Arrangement


def measure(document: Any) -> list[Page]:
    pages = []
    for page in document.pages:
        box = page._page_box
        top = box.content_box_y()
        height = box.height
        ids: set[str] = set()
        bottom = top
        # The page's own content, not its header and footer (margin boxes).
        for root in (c for c in box.children if type(c).__name__ != "MarginBox"):
            for child in root.descendants():
                element = getattr(child, "element", None)
                if element is not None and element.get("id"):
                    ids.add(element.get("id"))
                if type(child).__name__ == "LineBox" or child.element_tag in ("input", "svg"):
                    bottom = max(bottom, child.position_y + child.height)
        pages.append(Page(frozenset(ids), (bottom - top) / height if height else 1.0))
    return pages


def visit_pages(pages: list[Page]) -> list[Page]:
    """The visit sheet's pages: all of them, or those before the booklet."""
    for index, page in enumerate(pages):
        if BOOKLET_MARK in page.ids:
            return pages[:index]
    return pages


def fit_visit_sheet(
    choose: Callable[[int], Selection],
    make_html: Callable[[Selection, Arrangement], str],
    lay_out: Callable[[str], Any],
    *,
    size: int,
    large_print: bool,
) -> Fitted:
    """The longest visit sheet (at most `size` bank questions) that keeps the promise."""
    budget = LARGE_PRINT_MAX_PAGES if large_print else MAX_PAGES
    after_visit = (False, False)  # (compact, split)
    page_one: Arrangement | None = None
    while True:
        selection = choose(size)
        many_own = len(selection.own_questions) > OWN_IN_FULL
        allowed = budget + (OWN_QUESTIONS_EXTRA_PAGES if many_own else 0)
        fitted = _fit_first_page(selection, make_html, lay_out, after_visit, page_one)
        # Page 1 holds the own questions and the first question, which no smaller
        # sheet changes: the next try starts from what fitted, not from the roomiest.
        page_one = fitted.arrangement
        pages = visit_pages(measure(fitted.document))
        if after_visit != (True, True) and _after_visit_spills(pages):
            # Fewer lines to write on after the visit, so that its page stays one page;
            # if that is not enough, "when to call" gets a page of its own.
            after_visit = (True, after_visit[0])
            continue
        if len(pages) > allowed or _ends_with_a_leftover(pages):
            smaller = _next_smaller(choose, size, len(selection.leading))
            if smaller is not None:
                size = smaller
                continue
        return fitted


def _next_smaller(choose: Callable[[int], Selection], size: int, now: int) -> int | None:
    """The next size that drops a question (the protected ones never go), if any."""
    for smaller in range(min(size, now) - 1, -2, -1):
        if len(choose(smaller).leading) < now:
            return smaller
    return None


def _fit_first_page(
    selection: Selection,
    make_html: Callable[[Selection, Arrangement], str],
    lay_out: Callable[[str], Any],
    after_visit: tuple[bool, bool],
    start: Arrangement | None = None,
) -> Fitted:
    own = len(selection.own_questions)
    first = selection.leading[0].question.id if selection.leading else None
    base = Arrangement(compact_after_visit=after_visit[0], split_after_visit=after_visit[1])
    tries = list(_first_page_tries(base, min(OWN_IN_FULL, own)))
    if start is not None:
        fitted_before = [_page_one_choice(t) == _page_one_choice(start) for t in tries]
        tries = tries[fitted_before.index(True) :] if any(fitted_before) else tries
    for arrangement in tries:
        html = make_html(selection, arrangement)
        document = lay_out(html)
        page_one = measure(document)[0].ids
        if first is None or f"ask-{first}" in page_one:
            break
    if own > arrangement.own_in_full and arrangement.first_page is None:
        # Page 1 ends after the questions that fit on it; the other own questions follow.
        # (None on page 1: the own questions follow page 1 at once, no page of one question.)
        on_page_one = sum(f"ask-{c.question.id}" in page_one for c in selection.leading)
        arrangement = replace(arrangement, first_page=on_page_one)
        html = make_html(selection, arrangement)
        document = lay_out(html)
    return Fitted(document, html, selection, arrangement)


def _page_one_choice(arrangement: Arrangement) -> tuple[int, int, bool]:
    return (arrangement.own_in_full, arrangement.first_lines, arrangement.first_why)


def _first_page_tries(base: Arrangement, own: int) -> Iterator[Arrangement]:
    """Page 1's arrangements, from the roomiest down, until the first question fits.

    Up to three own questions stay on page 1 in full (the issue's promise): the
    first question gets one line to write on, then goes without its explanation,
    and only then does an own question move to page 2 (and the explanation
    comes back). With none left in full, that is the last try.
    """
    for in_full in range(own, -1, -1):
        yield replace(base, own_in_full=in_full, first_lines=2)
        yield replace(base, own_in_full=in_full, first_lines=1)
        if in_full:
            yield replace(base, own_in_full=in_full, first_lines=1, first_why=False)


def _after_visit_spills(pages: list[Page]) -> bool:
    """The after-visit page runs onto another page (it should stand alone, last)."""
    for index, page in enumerate(pages):
        if AFTER_VISIT_MARK in page.ids:
            rest = pages[index + 1 :]
            # Split, "when to call" starts its own page; it must not spill again.
            if rest and CALL_NOW_MARK in rest[0].ids and AFTER_VISIT_MARK not in rest[0].ids:
                return len(rest) > 1
            return bool(rest)
    return False


def _ends_with_a_leftover(pages: list[Page]) -> bool:
    """The page before the after-visit page (not page 1) holds only a line or two."""
    for index, page in enumerate(pages):
        if AFTER_VISIT_MARK in page.ids:
            return index > 1 and pages[index - 1].fill < LEFTOVER_SHARE
    return False


def fit_blank(
    make_html: Callable[[int | None], str], lay_out: Callable[[str], Any], *, large_print: bool
) -> tuple[str, Any]:
    """The blank worksheet with as many questions for everyone as keep it to its pages."""
    from .render import BLANK_LARGE_PRINT_SIZE, BLANK_SIZE

    budget = LARGE_PRINT_MAX_PAGES if large_print else MAX_PAGES
    size = BLANK_LARGE_PRINT_SIZE if large_print else BLANK_SIZE
    while True:
        html = make_html(size)
        document = lay_out(html)
        if len(visit_pages(measure(document))) <= budget or size == 0:
            return html, document
        size -= 1
