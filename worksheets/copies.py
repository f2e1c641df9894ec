"""Many copies of one laid-out PDF for the print room (`blank --copies N`).

Laying out a worksheet is the slow part, so it is done once; `pdfjoin` then
gives each copy page dictionaries and structure elements (tags) of its own,
sharing the content streams, fonts and images, so that the file is valid for
every viewer and print server and still small.

Form fields (`--fillable`) get widgets of their own in each copy, renamed
`copy2-answer-...`, so that what is typed in one copy stays there. The
outline (bookmarks) has an entry per copy, "Copy 2"; the first copy's holds
the worksheet's own bookmarks.
"""

from __future__ import annotations

import io

from .i18n import _
from .pdfjoin import PdfJoiner


def repeat_pdf(pdf: bytes, copies: int, *, two_sided: bool = True) -> bytes:
    """`copies` copies of `pdf` in one file; each copy starts on a fresh sheet
    when printed two-sided (a blank page pads an odd page count)."""
    if copies == 1:
        return pdf
    out = io.BytesIO()
    joiner = PdfJoiner(out, two_sided=two_sided)
    # The side panel lists the copies, so that the print room can find copy
    # 37 to print it again; the first holds the worksheet's own bookmarks.
    bookmarks = [_("Copy {n}").format(n=copy) for copy in range(1, copies + 1)]
    joiner.add(pdf, copies=copies, bookmarks=bookmarks)
    joiner.finish()
    return out.getvalue()
