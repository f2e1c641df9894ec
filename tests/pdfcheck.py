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
