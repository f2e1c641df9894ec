import io

import pikepdf
import pypdf

from tests.pdfcheck import bookmarks, poppler_pages, qpdf_warnings, tagged_content
from worksheets.pdfjoin import PdfJoiner


def blank_pdf(pages: int) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def join(documents: list[bytes]) -> bytes:
    out = io.BytesIO()
    joiner = PdfJoiner(out)
    for document in documents:
        joiner.add(document)
    joiner.finish()
    return out.getvalue()


def test_each_person_starts_on_the_front_of_a_sheet(tmp_path):
    combined = join([blank_pdf(3), blank_pdf(2), blank_pdf(1), blank_pdf(1)])
    # 3 + blank, 2, 1 + blank, 1 (nothing after the last).
    path = tmp_path / "all.pdf"
    path.write_bytes(combined)
    assert poppler_pages(path) == 9
    assert qpdf_warnings(path) == []


def test_a_long_file_keeps_its_trees_small_enough_for_every_reader(tmp_path):
    combined = join([blank_pdf(1)] * 600)  # 1,199 pages: several page-tree nodes
    path = tmp_path / "all.pdf"
    path.write_bytes(combined)
    assert poppler_pages(path) == 1199
    assert qpdf_warnings(path) == []
    with pikepdf.open(path) as pdf:
        assert all(len(kid.Kids) <= 256 for kid in pdf.Root.Pages.Kids)


def test_strings_that_look_like_references_are_copied_as_they_are():
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.pages[0].obj.Label = pikepdf.String("see 1 0 R (here)")
    buffer = io.BytesIO()
    pdf.save(buffer)
    combined = join([buffer.getvalue()])
    with pikepdf.open(io.BytesIO(combined)) as joined:
        assert str(joined.pages[0].obj.Label) == "see 1 0 R (here)"


def tagged_pdf() -> bytes:
    """Two tagged pages. Page 1: a paragraph of a plain span and a Spanish one,
    and a footer its parent does not list (as WeasyPrint tags page footers).
    Page 2: the paragraph's last span, and a heading in a Div."""
    pdf = pikepdf.new()
    marks = [[b"/Span", b"/Span", b"/P"], [b"/Span", b"/H1"]]
    pages = []
    for key, tags in enumerate(marks):
        pdf.add_blank_page()
        page = pdf.pages[-1].obj
        page.Contents = pdf.make_stream(
            b"".join(b"%s <</MCID %d>> BDC EMC\n" % (tag, mcid) for mcid, tag in enumerate(tags))
        )
        page.StructParents = key
        pages.append(page)
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))

    def element(kind: str, parent, page: int, kids: list, **more):
        made = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.StructElem, S=pikepdf.Name(kind), P=parent, Pg=pages[page], **more
            )
        )
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary):
                kid.P = made
        made.K = pikepdf.Array(kids)
        return made

    plain = element("/Span", None, 0, [0])
    spanish = element("/Span", None, 0, [1], Lang=pikepdf.String("es"))
    turned = element("/Span", None, 1, [0])
    paragraph = element("/P", None, 0, [plain, spanish, turned])
    heading = element("/H1", None, 1, [1])
    group = element("/Div", None, 1, [heading])
    document = element("/Document", root, 0, [paragraph, group])
    footer = element("/P", document, 0, [2])
    root.K = document
    root.ParentTree = pikepdf.Dictionary(
        Nums=[0, pikepdf.Array([plain, spanish, footer]), 1, pikepdf.Array([turned, heading])]
    )
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def test_wrappers_that_say_nothing_are_folded_into_the_element_above(tmp_path):
    original = tagged_pdf()
    order, problems = tagged_content(original)
    assert order == [(0, 0), (0, 1), (1, 0), (1, 1)] and problems == []
    out = io.BytesIO()
    joiner = PdfJoiner(out)
    joiner.add(original, copies=2)
    joiner.finish()
    joined, problems = tagged_content(out.getvalue())
    # Both copies read in the same order, their footers on their own pages.
    assert joined == order + [(page + 2, mcid) for page, mcid in order]
    assert problems == []
    with pikepdf.open(io.BytesIO(out.getvalue())) as pdf:
        for copy, part in enumerate(pdf.Root.StructTreeRoot.K.K):
            document = part.K  # the worksheet's own top element
            paragraph, heading = document.K
            # The plain spans give their text to the paragraph (the one on the
            # next page by a marked-content reference); the Spanish one stays,
            # with its language; the Div that only grouped the heading goes.
            plain, spanish, turned = paragraph.K
            assert plain == 0 and spanish.S == "/Span" and str(spanish.Lang) == "es"
            assert turned.Type == "/MCR" and turned.MCID == 0
            assert turned.Pg.objgen == pdf.pages[2 * copy + 1].objgen
            assert heading.S == "/H1" and heading.P.objgen == document.objgen
    path = tmp_path / "tagged.pdf"
    path.write_bytes(out.getvalue())
    assert qpdf_warnings(path) == []


def with_outline(pages: int) -> bytes:
    """A document whose outline has a section per page, the last with a subsection."""
    pdf = pikepdf.open(io.BytesIO(blank_pdf(pages)))
    with pdf.open_outline() as outline:
        for page in range(pages):
            outline.root.append(pikepdf.OutlineItem(f"Section {page + 1}", page))
        outline.root[-1].children.append(pikepdf.OutlineItem("Subsection", pages - 1))
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def test_each_document_has_a_bookmark_holding_its_own(tmp_path):
    out = io.BytesIO()
    joiner = PdfJoiner(out)
    joiner.add(with_outline(3), bookmarks=["Row 2"])
    joiner.add(blank_pdf(1), bookmarks=["Row 3"])  # no outline of its own
    joiner.add(with_outline(2), copies=2, bookmarks=["Copy 1", "Copy 2"])
    joiner.add(with_outline(1))  # not in the outline
    joiner.finish()
    assert bookmarks(out.getvalue()) == [
        (
            "Row 2",
            0,
            [("Section 1", 0, []), ("Section 2", 1, []), ("Section 3", 2, [("Subsection", 2, [])])],
        ),
        ("Row 3", 4, []),
        ("Copy 1", 6, [("Section 1", 6, []), ("Section 2", 7, [("Subsection", 7, [])])]),
        ("Copy 2", 8, []),  # the document's own bookmarks once, under its first copy
    ]
    with pikepdf.open(io.BytesIO(out.getvalue())) as pdf:
        assert pdf.Root.Outlines.Count == 4  # the entries start closed
        counts = [int(entry.get("/Count", 0)) for entry in _entries(pdf.Root.Outlines)]
        assert counts == [-4, 0, -3, 0]
    path = tmp_path / "all.pdf"
    path.write_bytes(out.getvalue())
    assert qpdf_warnings(path) == []


def _entries(outlines):
    entry = outlines.First
    while True:
        yield entry
        if "/Next" not in entry:
            return
        entry = entry.Next
