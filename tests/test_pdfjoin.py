import io

import pikepdf
import pypdf

from tests.pdfcheck import poppler_pages, qpdf_warnings
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
