"""Many copies of one laid-out PDF for the print room (`blank --copies N`).

Laying out a worksheet is the slow part, so it is done once. The copies are
the same page objects added again: they share content streams, fonts and
images, which keeps both the time and the file size close to those of one copy,
and the document keeps its tags, language and title (PDF/UA).

Form fields (`--fillable`) are the exception: each copy gets its own widgets,
renamed `copy2-answer-...`, so that what is typed in one copy stays there.
"""

from __future__ import annotations

import io
from typing import Any


def repeat_pdf(pdf: bytes, copies: int, *, two_sided: bool = True) -> bytes:
    """`copies` copies of `pdf` in one file; each copy starts on a fresh sheet
    when printed two-sided (a blank page pads an odd page count)."""
    if copies == 1:
        return pdf
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    originals = list(writer.pages)
    box = originals[0].mediabox
    pad = two_sided and len(originals) % 2 == 1
    if pad:
        writer.add_blank_page(width=box.width, height=box.height)
    for copy in range(2, copies + 1):
        for page in originals:
            if "/Annots" in page:
                _add_with_own_fields(writer, page, copy)
            else:
                writer.add_page(page)
        if pad:
            writer.add_blank_page(width=box.width, height=box.height)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _add_with_own_fields(writer: Any, original: Any, copy: int) -> None:
    """Add the page again, its form fields renamed for this copy."""
    from pypdf import PageObject
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    # A page of its own (sharing content and resources), so that the original
    # page keeps its own widgets.
    page_dict = PageObject(pdf=writer)
    page_dict.update({k: v for k, v in original.items() if k not in ("/Annots", "/Parent")})
    page = writer.add_page(page_dict)
    fields = writer._root_object["/AcroForm"]["/Fields"]
    annotations = ArrayObject()
    for reference in original["/Annots"]:
        original = reference.get_object()
        widget = DictionaryObject(original)
        if "/T" in widget:
            # No dot: in a field name it means a parent field.
            widget[NameObject("/T")] = TextStringObject(f"copy{copy}-{original['/T']}")
        widget[NameObject("/P")] = page.indirect_reference
        added = writer._add_object(widget)
        annotations.append(added)
        if "/T" in widget:
            fields.append(added)
    page[NameObject("/Annots")] = annotations
