"""Many copies of one laid-out PDF for the print room (`blank --copies N`).

Laying out a worksheet is the slow part, so it is done once; the copies are
new pages that point at the same content streams, fonts and images, which
keeps both the time and the file size close to those of a single copy.
"""

from __future__ import annotations

import io


def repeat_pdf(pdf: bytes, copies: int, *, two_sided: bool = True) -> bytes:
    """`copies` copies of `pdf` in one file; each copy starts on a fresh sheet
    when printed two-sided (a blank page pads an odd page count)."""
    if copies == 1:
        return pdf
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    pages = list(reader.pages)
    pad = two_sided and len(pages) % 2 == 1
    box = pages[0].mediabox
    for _copy in range(copies):
        for page in pages:
            # The same page object, added again: pypdf reuses the content
            # stream and resources it already copied.
            writer.add_page(page)
        if pad:
            writer.add_blank_page(width=box.width, height=box.height)
    if reader.metadata:
        writer.add_metadata({k: v for k, v in reader.metadata.items() if k == "/Title"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
