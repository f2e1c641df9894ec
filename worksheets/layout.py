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
    """The longest visit sheet (at most `size` bank questions) that keeps the promise.

    Each try lays the whole sheet out (a few tenths of a second), so the tries
    are few: the after-visit page and page 1 are settled on the longest sheet
    (no shorter one changes them), then the longest sheet within its pages is
    found by halving among the sizes that drop a question. In large print, if
    even the shortest sheet is too long, the questions get two lines to write
    on instead of three, and the search starts again.
    """
    budget = LARGE_PRINT_MAX_PAGES if large_print else MAX_PAGES
    fitted, over = _longest_that_fits(choose, make_html, lay_out, size, budget, Arrangement())
    if over and large_print:
        roomless = Arrangement(roomy_lines=False)
        fitted, _over = _longest_that_fits(choose, make_html, lay_out, size, budget, roomless)
    return fitted


def _longest_that_fits(
    choose: Callable[[int], Selection],
    make_html: Callable[[Selection, Arrangement], str],
    lay_out: Callable[[str], Any],
    size: int,
    budget: int,
    base: Arrangement,
) -> tuple[Fitted, bool]:
    """The longest sheet within its pages, and whether even the shortest is longer."""
    page_one: Arrangement | None = None
    tried: dict[int, tuple[Fitted, list[Page]]] = {}

    def attempt(size: int) -> tuple[Fitted, list[Page]]:
        nonlocal base, page_one
        if size in tried:
            return tried[size]
        selection = choose(size)
        while True:
            fitted = _fit_first_page(selection, make_html, lay_out, base, page_one)
            # Page 1 holds the own questions and the first question, which no shorter
            # sheet changes: later tries start from what fitted, not from the roomiest.
            page_one = fitted.arrangement
            pages = visit_pages(measure(fitted.document))
            if not base.split_after_visit and _after_visit_spills(pages):
                # Fewer lines to write on after the visit, so that its page stays one page;
                # if that is not enough, "when to call" gets a page of its own.
                compact = base.compact_after_visit
                base = replace(base, compact_after_visit=True, split_after_visit=compact)
                continue
            break
        tried[size] = (fitted, pages)
        return fitted, pages

    def allowed(fitted: Fitted) -> int:
        many_own = len(fitted.selection.own_questions) > OWN_IN_FULL
        return budget + (OWN_QUESTIONS_EXTRA_PAGES if many_own else 0)

    fitted, pages = attempt(size)
    if len(pages) <= allowed(fitted) and not _ends_with_a_leftover(pages):
        return fitted, False  # most sheets: the first try
    sizes = _distinct_sizes(choose, size)  # longest first; each drops a question
    # The longest sheet within its pages (fewer questions, fewer pages): halving.
    low, high = 0, len(sizes) - 1  # sizes[high] is the shortest sheet there is
    best = high
    while low <= high:
        middle = (low + high) // 2
        fitted, pages = attempt(sizes[middle])
        if len(pages) <= allowed(fitted):
            best, high = middle, middle - 1
        else:
            low = middle + 1
    fitted, pages = attempt(sizes[best])
    if len(pages) > allowed(fitted):
        return fitted, True  # even the shortest sheet is longer
    # A page with only a leftover line or two: one question fewer, until it is gone.
    for candidate in sizes[best:]:
        fitted, pages = attempt(candidate)
        if not _ends_with_a_leftover(pages) and len(pages) <= allowed(fitted):
            return fitted, False
    return attempt(sizes[best])[0], False


def _distinct_sizes(choose: Callable[[int], Selection], size: int) -> list[int]:
    """`size` and each smaller size that drops a question (the protected ones never go)."""
    sizes = [size]
    now = len(choose(size).leading)
    for smaller in range(size - 1, -2, -1):
        count = len(choose(smaller).leading)
        if count < now:
            sizes.append(smaller)
            now = count
    return sizes


def _fit_first_page(
    selection: Selection,
    make_html: Callable[[Selection, Arrangement], str],
    lay_out: Callable[[str], Any],
    base: Arrangement,
    start: Arrangement | None = None,
) -> Fitted:
    own = len(selection.own_questions)
    first = selection.leading[0].question.id if selection.leading else None
    tries = list(_first_page_tries(base, min(OWN_IN_FULL, own)))
    settled = [t for t in tries if start and _page_one_choice(t) == _page_one_choice(start)]
    if settled and start is not None:
        # Settled on a longer sheet, with the same first question (it is never dropped),
        # and where page 1 ends, unless this sheet is shorter than that.
        arrangement = settled[0]
        if start.first_page is not None and start.first_page <= len(selection.leading):
            arrangement = replace(
                arrangement, first_page=start.first_page, own_on_new_page=start.own_on_new_page
            )
    else:
        arrangement = _first_that_fits(
            tries,
            lambda t: first is None or _holds(t, f"ask-{first}", selection, make_html, lay_out),
        )
    html = make_html(selection, arrangement)
    document = lay_out(html)
    if own > arrangement.own_in_full and arrangement.first_page is None:
        # Page 1 ends after the questions that fit on it; the other own questions follow.
        # (None on page 1: the own questions follow page 1 at once, no page of one question.)
        page_one = measure(document)[0].ids
        on_page_one = sum(f"ask-{c.question.id}" in page_one for c in selection.leading)
        if on_page_one:
            arrangement = replace(arrangement, first_page=on_page_one)
        else:
            # Page 1 is full before the first question (which starts page 2 with its
            # heading): the own questions follow it there, not from a page of their own.
            arrangement = replace(arrangement, first_page=1, own_on_new_page=False)
        html = make_html(selection, arrangement)
        document = lay_out(html)
    return Fitted(document, html, selection, arrangement)


def _holds(
    arrangement: Arrangement,
    element: str,
    selection: Selection,
    make_html: Callable[[Selection, Arrangement], str],
    lay_out: Callable[[str], Any],
) -> bool:
    """Page 1, so arranged, holds the element. Page 1 alone (its own content and the
    first question) is quick to lay out."""
    quick = make_html(selection, replace(arrangement, page_one_only=True))
    return element in measure(lay_out(quick))[0].ids


def _first_that_fits(tries: list[Arrangement], fits: Callable[[Arrangement], bool]) -> Arrangement:
    """The roomiest of `tries` (roomiest first) that fits; the last is the fallback.

    Within one number of own questions in full, each try frees room on page 1, and
    fewer own questions free more: so each number's tightest try says whether any
    of its tries fits (one layout each), and only that number's are then tried in
    turn. A few quick layouts, even for 20 long own questions.
    """
    if fits(tries[0]):
        return tries[0]  # most sheets
    groups: dict[int, list[Arrangement]] = {}
    for arrangement in tries:
        groups.setdefault(arrangement.own_in_full, []).append(arrangement)
    for group in groups.values():  # the most own questions in full first
        if group[-1] is tries[-1] or fits(group[-1]):
            for arrangement in group[:-1]:
                if arrangement is not tries[0] and fits(arrangement):
                    return arrangement
            return group[-1]
    return tries[-1]


def _page_one_choice(arrangement: Arrangement) -> tuple[int, int, bool, bool]:
    a = arrangement
    return (a.own_in_full, a.first_lines, a.first_why, a.scores_in_line)


def _first_page_tries(base: Arrangement, own: int) -> Iterator[Arrangement]:
    """Page 1's arrangements, from the roomiest down, until the first question fits.

    Up to three own questions stay on page 1 in full (the issue's promise): the
    first question gets one line to write on, then goes without its explanation,
    then the symptom scores print as a line instead of a chart; only then does
    an own question move to page 2 (and the others come back).
    """
    for in_full in range(own, -1, -1):
        for scores_in_line in (False, True):
            if not scores_in_line:
                yield replace(base, own_in_full=in_full, first_lines=2)
            yield replace(base, own_in_full=in_full, first_lines=1, scores_in_line=scores_in_line)
            yield replace(
                base,
                own_in_full=in_full,
                first_lines=1,
                first_why=False,
                scores_in_line=scores_in_line,
            )


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
