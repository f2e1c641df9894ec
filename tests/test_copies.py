import io

import pikepdf
import pypdf
import pytest

from tests.pdfcheck import (
    bookmarks,
    pdf_ua_failures,
    poppler_pages,
    qpdf_warnings,
    tagged_content,
)
from worksheets.documents import DocumentOptions, blank_document


@pytest.fixture(scope="module")
def one():
    return blank_document(DocumentOptions())


@pytest.fixture(scope="module")
def many():
    return blank_document(DocumentOptions(), copies=200)


def test_200_copies_open_in_poppler_and_pass_qpdf(one, many, tmp_path):
    pages = len(pypdf.PdfReader(io.BytesIO(one)).pages)
    per_copy = pages + pages % 2  # each copy starts on a fresh sheet
    path = tmp_path / "copies.pdf"
    path.write_bytes(many)
    assert poppler_pages(path) == 200 * per_copy - pages % 2  # no blank page at the end
    assert qpdf_warnings(path) == []


def test_each_copy_has_pages_and_tags_of_its_own(one, many):
    with pikepdf.open(io.BytesIO(many)) as pdf:
        pages = [page.obj for page in pdf.pages]
        assert len({page.objgen for page in pages}) == len(pages)
        # The laid-out content is shared, never repeated.
        contents = {page.Contents.objgen for page in pages if "/Contents" in page}
        assert len(contents) == len(pypdf.PdfReader(io.BytesIO(one)).pages)
        keys = [int(page.StructParents) for page in pages if "/StructParents" in page]
        assert len(keys) == len(set(keys))
        parts = pdf.Root.StructTreeRoot.K.K
        assert len(parts) == 200
        first_page = parts[1].K[0]
        while "/Pg" not in first_page:
            first_page = first_page.K[0]
        # The second copy starts on a fresh sheet: after a blank page when a copy is odd.
        per_copy = len(pypdf.PdfReader(io.BytesIO(one)).pages)
        per_copy += per_copy % 2
        assert first_page.Pg.objgen == pages[per_copy].objgen


def test_copies_stay_small(one, many):
    # The budget. Fonts and content are shared; what each copy costs is
    # its own tags (structure elements name their copy's pages), about a tenth
    # of a worksheet once the wrappers that say nothing are folded away.
    assert len(many) < 25 * len(one)


def test_each_copy_reads_as_the_worksheet_does(one):
    order, problems = tagged_content(one)
    assert problems == []
    many = blank_document(DocumentOptions(), copies=3)
    copies_order, problems = tagged_content(many)
    assert problems == []  # every page's marked content has its own copy's element
    pages = len(pypdf.PdfReader(io.BytesIO(one)).pages)
    per_copy = pages + pages % 2
    for copy in range(3):
        read = copies_order[copy * len(order) : (copy + 1) * len(order)]
        assert [(page - copy * per_copy, mcid) for page, mcid in read] == order


def test_the_side_panel_lists_the_copies_and_the_worksheets_own_bookmarks(one, many):
    own = bookmarks(one)
    assert [title for title, _page, _kids in own] == ["Questions for my care team"]
    per_copy = len(pypdf.PdfReader(io.BytesIO(one)).pages)
    per_copy += per_copy % 2
    outline = bookmarks(many)
    assert [title for title, _page, _kids in outline] == [f"Copy {n}" for n in range(1, 201)]
    assert [page for _title, page, _kids in outline] == [n * per_copy for n in range(200)]
    # The worksheet's sections once, under the first copy: the print room
    # looks for a copy, and 200 sets of them would cost a fifth of the file.
    assert outline[0][2] == own
    assert all(kids == [] for _title, _page, kids in outline[1:])


def test_copies_keep_the_tags_title_and_language(one):
    many = blank_document(DocumentOptions(), copies=3)
    assert pdf_ua_failures(many) == []
    reader = pypdf.PdfReader(io.BytesIO(many))
    assert reader.metadata.title == "Questions for my care team"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_fillable_copies_get_field_names_of_their_own(tmp_path):
    many = blank_document(DocumentOptions(fillable=True), copies=3)
    names = list(pypdf.PdfReader(io.BytesIO(many)).get_fields())
    assert len(names) == len(set(names))
    assert "name" in names and "copy2-name" in names and "copy3-name" in names
    assert not any("." in n or n.startswith("copy2-copy") for n in names)
    assert pdf_ua_failures(many) == []
    assert tagged_content(many)[1] == []
    path = tmp_path / "fillable.pdf"
    path.write_bytes(many)
    assert qpdf_warnings(path) == []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for widget in page.obj.get("/Annots", []):
                assert widget.P.objgen == page.obj.objgen
