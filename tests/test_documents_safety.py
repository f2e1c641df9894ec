"""Long words, standalone HTML, private files, and -o as people expect."""

import io
import os
import re
import stat

import pytest
from click.testing import CliRunner

from tests.conftest import MARIA
from worksheets.cli import cli


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
