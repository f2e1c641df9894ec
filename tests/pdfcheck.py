"""What a person (and a screen reader) would check in a PDF."""

from __future__ import annotations

import io
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import page
import pypdf


def pdf_ua_failures(pdf: bytes) -> list[str]:
    """Rule ids the offline PDF/UA-1 validator finds broken (empty: compliant)."""
    limits = page.SafetyLimits(max_form_invocations=10**8)
    report = page.validate_pdf_bytes(pdf, profile="ua1", limits=limits)
    return sorted({f"{f.rule_id}: {f.message}" for f in report.failures})


def character_sizes(pdf: bytes) -> Counter[float]:
    """How many characters are printed at each size, in points."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    sizes: Counter[float] = Counter()
    for layout in extract_pages(io.BytesIO(pdf)):
        stack = list(layout)
        while stack:
            item = stack.pop()
            if isinstance(item, LTChar):
                if item.get_text().strip():
                    sizes[round(item.size, 1)] += 1
            elif hasattr(item, "__iter__"):
                stack.extend(item)
    return sizes


def unembedded_fonts(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    missing = set()
    for pdf_page in reader.pages:
        fonts = pdf_page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (
                descendants[0].get_object().get("/FontDescriptor")
                if descendants
                else font.get("/FontDescriptor")
            )
            descriptor = descriptor.get_object() if descriptor else {}
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font.get("/BaseFont")))
    return sorted(missing)


def qpdf_warnings(path: Path) -> list[str]:
    """What `qpdf --check` finds wrong (empty: a file every reader takes)."""
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    problems = [line for line in result.stderr.splitlines() if line.strip()]
    problems += [line for line in result.stdout.splitlines() if "WARNING" in line]
    if result.returncode != 0 and not problems:
        problems = result.stdout.splitlines()
    return problems


def poppler_pages(path: Path) -> int:
    """The page count poppler's pdfinfo reads; fails on anything it complains about."""
    result = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert result.stderr == "", result.stderr
    found = re.search(r"^Pages:\s+(\d+)$", result.stdout, re.MULTILINE)
    assert found, result.stdout
    return int(found.group(1))


def tagged_content(pdf: bytes) -> tuple[list[tuple[int, int]], list[str]]:
    """What a screen reader follows in a tagged PDF.

    The marked content, as (page index, MCID), in the structure tree's reading
    order; and what is inconsistent: an element whose /P is not the element
    that lists it, a StructParents key used twice, or marked content on a page
    that the parent tree gives to an element that does not hold it there.
    """
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        pages = {page.obj.objgen: index for index, page in enumerate(document.pages)}
        order: list[tuple[int, int]] = []
        held: dict[tuple[int, int], set[tuple[int, int]]] = {}  # element -> (page, MCID)
        problems: list[str] = []

        def kids(element: pikepdf.Object) -> list[object]:
            found = element.get("/K")
            if found is None:
                return []
            return list(found) if isinstance(found, pikepdf.Array) else [found]

        def holds(element: pikepdf.Object, page: object, mcid: int) -> None:
            if not isinstance(page, pikepdf.Dictionary) or page.objgen not in pages:
                problems.append(f"MCID {mcid} of element {element.objgen} is on no page")
                return
            held.setdefault(element.objgen, set()).add((pages[page.objgen], mcid))

        def walk(element: pikepdf.Object, page: object, into: list[tuple[int, int]] | None) -> None:
            page = element.get("/Pg", page)
            for kid in kids(element):
                if isinstance(kid, int):
                    holds(element, page, kid)
                    if into is not None and isinstance(page, pikepdf.Dictionary):
                        into.append((pages.get(page.objgen, -1), kid))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    on = kid.get("/Pg", page)
                    holds(element, on, int(kid.MCID))
                    if into is not None and isinstance(on, pikepdf.Dictionary):
                        into.append((pages.get(on.objgen, -1), int(kid.MCID)))
                elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    if kid.get("/P") is None or kid.P.objgen != element.objgen:
                        problems.append(f"element {kid.objgen} is listed by another than its /P")
                    walk(kid, page, into)

        root = document.Root.StructTreeRoot
        walk(root, None, order)
        tree = pikepdf.NumberTree(root.ParentTree)
        used: set[int] = set()
        for index, page in enumerate(document.pages):
            if "/StructParents" not in page.obj:
                continue
            key = int(page.obj.StructParents)
            if key in used:
                problems.append(f"page {index + 1}: StructParents {key} used twice")
            used.add(key)
            elements = tree[key]
            contents = page.obj.get("/Contents")
            streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
            data = b"\n".join(stream.read_bytes() for stream in streams if stream is not None)
            for mcid in sorted({int(m) for m in re.findall(rb"/MCID (\d+)", data)}):
                element = elements[mcid] if mcid < len(elements) else None
                if not isinstance(element, pikepdf.Dictionary):
                    problems.append(f"page {index + 1}: MCID {mcid} has no element")
                    continue
                if element.objgen not in held:
                    walk(element, None, None)  # not reached from the root: a header or footer
                if (index, mcid) not in held.get(element.objgen, set()):
                    problems.append(f"page {index + 1}: MCID {mcid}'s element does not hold it")
        return order, problems


def bookmarks(pdf: bytes) -> list[tuple[str, int, list]]:
    """The outline a viewer's side panel shows: (title, page index, children)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))

    def entries(items: list) -> list[tuple[str, int, list]]:
        found: list[tuple[str, int, list]] = []
        for item in items:
            if isinstance(item, list):  # the children of the entry before
                title, page, _none = found[-1]
                found[-1] = (title, page, entries(item))
            else:
                found.append((str(item.title), reader.get_destination_page_number(item), []))
        return found

    return entries(reader.outline)


@dataclass(frozen=True)
class Mark:
    """A run of text (or, with no text, a drawn line or box) as printed, in points
    from the page's bottom left; `in_margin` for the running header and footer."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    in_margin: bool = False


@dataclass(frozen=True)
class PrintedPage:
    width: float
    height: float
    marks: list[Mark]


def printed_pages(pdf: bytes) -> list[PrintedPage]:
    """Where each line of text and each drawn shape lies on each page.

    WeasyPrint tags the body's text under the structure tree's /Part and the
    page-margin boxes' text (running header and footer) outside it: that tells
    the margins from the body without guessing from the words. Text runs are in
    drawing order, so a header that spills over the body is still its own run.
    """
    import pikepdf
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTCurve
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    with pikepdf.open(io.BytesIO(pdf)) as document:
        tree = pikepdf.NumberTree(document.Root.StructTreeRoot.ParentTree)
        in_body: list[set[int]] = []
        for pdf_page in document.pages:
            parents = pdf_page.obj.get("/StructParents")
            elements = tree[int(parents)] if parents is not None else []
            in_body.append({mcid for mcid, element in enumerate(elements) if _under_part(element)})

    class Aggregator(PDFPageAggregator):
        """Notes on each character the marked content (MCID) it is drawn in."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self.marked: list[int | None] = []

        def begin_tag(self, tag: object, props: object = None) -> None:
            self.marked.append(props.get("MCID") if isinstance(props, dict) else None)

        def end_tag(self) -> None:
            if self.marked:
                self.marked.pop()

        def render_char(self, *args: object, **kwargs: object) -> float:
            advance = super().render_char(*args, **kwargs)
            mcid = next((m for m in reversed(self.marked) if m is not None), None)
            self.cur_item._objs[-1].mcid = mcid  # the character just added
            return advance

    resources = PDFResourceManager()
    aggregator = Aggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, aggregator)
    pages = []
    for index, pdf_page in enumerate(PDFPage.get_pages(io.BytesIO(pdf))):
        interpreter.process_page(pdf_page)
        layout = aggregator.get_result()
        chars = [item for item in layout if isinstance(item, LTChar)]
        marks = _text_runs(chars, in_body[index])
        for item in layout:
            # Lines and boxes (a tick box, a write-in line); a white fill is the background.
            white = getattr(item, "non_stroking_color", None) in ((1, 1, 1), 1)
            if isinstance(item, LTCurve) and (item.stroke or not white):
                marks.append(Mark("", item.x0, item.y0, item.x1, item.y1))
        pages.append(PrintedPage(layout.width, layout.height, marks))
    return pages


def _text_runs(chars: list, in_body: set[int]) -> list[Mark]:
    """The characters as runs: one line of one box each, drawn in a row on one
    baseline with no gap wider than a letter (the footer's two boxes are two runs)."""

    def in_margin(char: object) -> bool:  # tagged, but not in the body (untagged: body)
        mcid = getattr(char, "mcid", None)
        return mcid is not None and mcid not in in_body

    runs: list[list] = []
    for char in chars:
        last = runs[-1][-1] if runs else None
        if (
            last is None
            or round(char.y0 - last.y0, 1) != 0
            or char.x0 < last.x0
            or char.x0 - last.x1 > char.size
            or in_margin(char) != in_margin(last)
        ):
            runs.append([])
        runs[-1].append(char)
    return [
        Mark(
            " ".join("".join(c.get_text() for c in run).split()),
            min(c.x0 for c in run),
            min(c.y0 for c in run),
            max(c.x1 for c in run),
            max(c.y1 for c in run),
            in_margin=in_margin(run[0]),
        )
        for run in runs
    ]


def _under_part(element: object) -> bool:
    import pikepdf

    seen = 0
    while isinstance(element, pikepdf.Dictionary) and seen < 100:
        if element.get("/S") == "/Part":
            return True
        element = element.get("/P")
        seen += 1
    return False
