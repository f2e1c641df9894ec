import io

import pypdf
import pytest

from tests.pdfcheck import pdf_ua_failures
from worksheets.documents import DocumentOptions, blank_document


@pytest.fixture(scope="module")
def one():
    return blank_document(DocumentOptions())


def test_copies_share_the_layout_and_stay_small(one):
    many = blank_document(DocumentOptions(), copies=200)
    pages = len(pypdf.PdfReader(io.BytesIO(one)).pages)
    per_copy = pages + pages % 2  # each copy starts on a fresh sheet
    assert len(pypdf.PdfReader(io.BytesIO(many)).pages) == 200 * per_copy
    assert len(many) < 25 * len(one)


def test_copies_keep_the_tags_title_and_language(one):
    many = blank_document(DocumentOptions(), copies=3)
    assert pdf_ua_failures(many) == []
    reader = pypdf.PdfReader(io.BytesIO(many))
    assert reader.metadata.title == "Questions for my care team"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_fillable_copies_get_field_names_of_their_own():
    many = blank_document(DocumentOptions(fillable=True), copies=3)
    names = list(pypdf.PdfReader(io.BytesIO(many)).get_fields())
    assert len(names) == len(set(names))
    assert "name" in names and "copy2-name" in names and "copy3-name" in names
    assert not any("." in n or n.startswith("copy2-copy") for n in names)
