"""What a person (and a screen reader) would check in a PDF."""

from __future__ import annotations

import io
import re
import subprocess
from collections import Counter
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
