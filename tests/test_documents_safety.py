"""Long words, standalone HTML, private files, and -o as people expect."""

import dataclasses
import io
import os
import re
import stat

import pytest
from click.testing import CliRunner

from tests.conftest import MARIA
from tests.pdfcheck import PrintedPage, poppler_pages, printed_pages
from worksheets.answers import load_answers
from worksheets.cli import cli
from worksheets.documents import DocumentOptions, blank_document, personal_document


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def characters_outside_the_page(pdf: bytes) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    outside = []
    for layout in extract_pages(io.BytesIO(pdf)):
        stack = list(layout)
        while stack:
            item = stack.pop()
            if isinstance(item, LTChar):
                if item.x1 > layout.width - 20 or item.x0 < 20:
                    outside.append(item.get_text())
            elif hasattr(item, "__iter__"):
                stack.extend(item)
    return outside


def test_long_words_wrap_on_the_page_and_in_the_running_header(runner, tmp_path):
    name = "N" * 100
    question = "Q" * 499 + "?"
    (tmp_path / "a.yaml").write_text(
        f"version: 1\nperson:\n  name: {name}\n  care_team: {'C' * 100}\nown_questions:\n  - {question}\n"
    )
    result = runner.invoke(cli, ["render", "a.yaml", "-o", "out.pdf"])
    assert result.exit_code == 0, result.output
    pdf = (tmp_path / "out.pdf").read_bytes()
    assert characters_outside_the_page(pdf) == []
    from pdfminer.high_level import extract_text

    text = re.sub(r"\s", "", extract_text(io.BytesIO(pdf)))
    assert question in text  # every character printed, none cut off
    assert text.count(name) >= 2  # the first page and the running header of the others


# The running header and footer are WeasyPrint's page-margin boxes: text too long
# for them must be shortened there, never pushed off the paper or over the body.
LONG_NAME = "N" * 100
LONG_CLINIC = (  # 98 characters, as a real one may be
    "Riverside Regional Cancer Center and Department of Supportive and Palliative Care, "
    "Northern Campus"
)
EDITIONS = {
    f"{size} {paper} {language}": DocumentOptions(
        paper=paper, large_print=size == "large", language=language
    )
    for size in ("normal", "large")
    for paper in ("letter", "a4")
    for language in ("en", "es")
}
PAGE = {"en": "Page {n} of {total}", "es": "Página {n} de {total}"}
BANK = {"en": "Question bank", "es": "Banco de preguntas"}


def printed(pdf: bytes, tmp_path) -> list[PrintedPage]:
    """The pages as printed, of a file that poppler reads without complaint
    (a "…" in the footer stands for the text it hides, for screen readers)."""
    (tmp_path / "out.pdf").write_bytes(pdf)
    poppler_pages(tmp_path / "out.pdf")
    return printed_pages(pdf)


def margin_problems(pages: list[PrintedPage], language: str) -> list[str]:
    """What a print designer would send back: margin text off the paper, over
    the body, or a page number broken over two lines."""
    problems = []
    for number, page in enumerate(pages, 1):
        for mark in page.marks:
            if mark.x0 < 0 or mark.y0 < 0 or mark.x1 > page.width or mark.y1 > page.height:
                problems.append(f"page {number}: {mark.text!r} is off the page")
        body = [mark for mark in page.marks if not mark.in_margin]
        top, bottom = max(m.y1 for m in body), min(m.y0 for m in body)
        for mark in page.marks:
            if not mark.in_margin:
                continue
            header = (mark.y0 + mark.y1) / 2 > page.height / 2
            if (mark.y0 < top) if header else (mark.y1 > bottom):
                where = "header" if header else "footer"
                problems.append(f"page {number}: the {where}'s {mark.text!r} runs into the body")
        counter = PAGE[language].format(n=number, total=len(pages))
        if counter not in [mark.text for mark in page.marks if mark.in_margin]:
            problems.append(f"page {number}: {counter!r} is not on one line")
    return problems


def margin_texts(pages: list[PrintedPage]) -> list[str]:
    return [mark.text for page in pages for mark in page.marks if mark.in_margin]


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_long_name_stays_in_the_running_header(tmp_path, edition):
    options = EDITIONS[edition]
    path = tmp_path / "a.yaml"
    path.write_text(f"version: 1\nperson:\n  name: {LONG_NAME}\n")
    pages = printed(personal_document(load_answers(path), options, warn=lambda _: None), tmp_path)
    assert margin_problems(pages, options.language) == []
    headers = [text for text in margin_texts(pages) if text.startswith("NNNNNNNNNN")]
    assert headers, "later pages are headed with (the start of) the name"
    first_page_body = [m.text for m in pages[0].marks if not m.in_margin]
    assert LONG_NAME in "".join(first_page_body)  # the title on page 1 has all of it


@pytest.mark.parametrize("kind", ["personal", "blank"])
@pytest.mark.parametrize("edition", EDITIONS)
def test_a_long_clinic_name_stays_in_the_footer(tmp_path, edition, kind):
    path = tmp_path / "clinic.yaml"
    path.write_text(f"version: 1\nname: {LONG_CLINIC}\nphone: 555-0100\n")
    options = dataclasses.replace(EDITIONS[edition], clinic=path)
    if kind == "personal":
        pdf = personal_document(load_answers(MARIA), options, warn=lambda _: None)
    else:
        pdf = blank_document(options, warn=lambda _: None)
    pages = printed(pdf, tmp_path)
    assert margin_problems(pages, options.language) == []
    footers = margin_texts(pages)
    assert any(text.startswith("Riverside Regional Cancer") for text in footers)
    assert any(text.startswith(BANK[options.language] + " ") for text in footers)


def test_the_html_file_stands_alone(runner, tmp_path):
    result = runner.invoke(cli, ["render", str(MARIA), "--format", "html", "-o", "out.html"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out.html").read_text(encoding="utf-8")
    urls = re.findall(r"url\(([^)]*)\)", html) + re.findall(r'(?:src|href)="([^"]*)"', html)
    assert urls, "the fonts are named"
    assert all(url.startswith("data:") for url in urls), urls
    assert html.count("url(data:font/ttf;base64,") == 2


@pytest.mark.parametrize("fmt", ["pdf", "html", "json"])
def test_a_rendered_worksheet_is_readable_by_its_owner_alone(runner, tmp_path, fmt):
    result = runner.invoke(cli, ["render", str(MARIA), "--format", fmt, "-o", f"out.{fmt}"])
    assert result.exit_code == 0, result.output
    assert mode(tmp_path / f"out.{fmt}") == 0o600


def test_a_blank_worksheet_keeps_the_usual_permissions(runner, tmp_path):
    umask = os.umask(0o022)
    try:
        result = runner.invoke(cli, ["blank", "--format", "json", "-o", "blank.json"])
    finally:
        os.umask(umask)
    assert result.exit_code == 0, result.output
    assert mode(tmp_path / "blank.json") == 0o644


@pytest.mark.parametrize("output", ["folder/", "folder"])
def test_output_into_a_folder_gets_the_usual_name(runner, tmp_path, output):
    (tmp_path / "folder").mkdir()
    result = runner.invoke(cli, ["render", str(MARIA), "--format", "json", "-o", output])
    assert result.exit_code == 0, result.output
    assert os.listdir(tmp_path / "folder") == ["care-questions-2026-12-03.json"]
    assert result.stderr == "Wrote folder/care-questions-2026-12-03.json\n"


def test_output_into_a_missing_folder_is_an_error_not_a_file(runner, tmp_path):
    result = runner.invoke(cli, ["render", str(MARIA), "--format", "json", "-o", "missing/"])
    assert result.exit_code == 1
    assert result.stderr == "Error: cannot write into missing/: the folder does not exist\n"
    assert os.listdir(tmp_path) == []


def test_standard_output_to_a_real_terminal_is_refused(tmp_path):
    import pty
    import subprocess
    import sys

    from tests.conftest import REPO

    main, child = pty.openpty()
    result = subprocess.run(
        [sys.executable, "-m", "worksheets", "render", str(MARIA), "-o", "-"],
        stdout=child,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    os.close(child)
    os.close(main)
    assert result.returncode == 1
    assert b"standard output, which is this terminal" in result.stderr
