import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from tests.conftest import MARIA, pdf_pages, pdf_text, write_answers
from worksheets import __version__
from worksheets.cli import cli


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return CliRunner()


@pytest.mark.parametrize("command", [[], ["render"], ["interview"], ["questions"]])
def test_every_command_has_help(runner, command):
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert result.output.startswith("Usage: ")


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.output == f"worksheets, version {__version__}\n"


def test_render_writes_the_personal_pdf(runner, tmp_path):
    result = runner.invoke(cli, ["render", str(MARIA)])
    assert result.exit_code == 0, result.output
    assert result.stderr == "Wrote care-questions-2026-12-03.pdf\n"
    pdf = tmp_path / "care-questions-2026-12-03.pdf"
    text = pdf_text(pdf)
    for expected in (
        "Maria Lopez",
        "Thursday, December 3, 2026",
        "What matters most to me",
        "Keeping up my work",
        "Eating without nausea or discomfort",
        "Can I still go to my son's wedding in June?",
        "For my care team",
    ):
        assert expected in text
    # Questions chosen for her treatment and her first priority.
    assert "chemotherapy" in text.lower() or "chemo" in text.lower()
    assert "work" in text.split("My questions for today")[1].lower()
    assert 3 <= pdf_pages(pdf) <= 4
    assert os.listdir(tmp_path) == ["care-questions-2026-12-03.pdf"]


def test_render_refuses_to_replace_and_force_allows(runner, tmp_path):
    (tmp_path / "out.pdf").write_bytes(b"mine")
    result = runner.invoke(cli, ["render", str(MARIA), "-o", "out.pdf"])
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: out.pdf already exists; use --force to replace it, or -o to choose another name\n"
    )
    assert (tmp_path / "out.pdf").read_bytes() == b"mine"
    result = runner.invoke(cli, ["render", str(MARIA), "-o", "out.pdf", "--force"])
    assert result.exit_code == 0
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


def test_render_to_standard_output(runner, tmp_path):
    result = runner.invoke(cli, ["render", str(MARIA), "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"%PDF")
    assert result.stderr == ""
    assert os.listdir(tmp_path) == []


def test_html_and_json_come_from_the_same_selection(runner):
    html = runner.invoke(cli, ["render", str(MARIA), "--format", "html", "-o", "-"]).stdout
    data = json.loads(
        runner.invoke(cli, ["render", str(MARIA), "--format", "json", "-o", "-"]).stdout
    )
    assert html.startswith("<!DOCTYPE html>")
    assert data["own_questions"] == ["Can I still go to my son's wedding in June?"]
    first = data["questions"][0]
    assert set(first) >= {"id", "section", "text", "reasons"}
    assert all(q["text"].replace("'", "&#39;") in html for q in data["questions"])
    work = [
        q for q in data["questions"] if {"answer": "priorities", "value": "work"} in q["reasons"]
    ]
    assert work and work[0]["leading"]


BAD_FILES = {
    "bad YAML": (
        "version: 1\npriorities: [work\n",
        'answers.yaml, line 2: a list opened with "[" on this line is never closed with "]"',
    ),
    "unknown key": (
        "version: 1\ncolour: blue\n",
        'answers.yaml, line 2, colour: "colour" is not a field',
    ),
    "misspelled value": (
        "version: 1\npriorities: [wrk]\n",
        'answers.yaml, line 2, priorities: "wrk" is not a priority. Did you mean "work"?',
    ),
    "score 11": (
        "version: 1\nsymptoms: {pain: 11}\n",
        'answers.yaml, line 2, symptoms.pain: "11" is not a score',
    ),
    "wrong type": (
        "version: 1\ncancer: lung\n",
        "answers.yaml, line 2, cancer: should hold the fields",
    ),
    "empty file": ("", "answers.yaml: the file is empty"),
    "binary garbage": (
        "\x00\x01\x02garbage",
        "answers.yaml, line 1: the file contains binary data",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_wrong_answers_file_gets_a_message_exit_1_and_no_output(runner, tmp_path, case):
    text, message = BAD_FILES[case]
    path = write_answers(tmp_path, text)
    result = runner.invoke(cli, ["render", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: " + message), result.stderr
    assert "Traceback" not in result.output
    assert os.listdir(tmp_path) == ["answers.yaml"]


def test_usage_errors_exit_2(runner):
    assert runner.invoke(cli, ["render"]).exit_code == 2
    assert runner.invoke(cli, ["render", str(MARIA), "--paper", "legal"]).exit_code == 2


def test_python_dash_m_runs_from_another_folder(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "worksheets", "render", str(MARIA), "--format", "json", "-o", "-"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["questions"]


def test_bare_worksheets_is_the_interview_with_its_options(runner):
    result = runner.invoke(cli, ["--helper", "--format", "json", "-o", "-"], input="")
    assert result.exit_code == 130
    assert "the person you are helping" in result.stderr
    assert result.stdout == ""
    assert runner.invoke(cli, ["--help"]).output.startswith("Usage: cli [OPTIONS] [COMMAND]")
    typo = runner.invoke(cli, ["rendr"])
    assert typo.exit_code == 2
    assert "Did you mean 'render'?" in typo.output


def test_output_into_a_missing_folder_or_a_full_disk(runner, tmp_path, monkeypatch):
    import errno

    result = runner.invoke(cli, ["render", str(MARIA), "-o", "nowhere/out.pdf"])
    assert result.exit_code == 1
    assert (
        result.stderr == "Error: cannot write nowhere/out.pdf: the folder nowhere does not exist\n"
    )

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = runner.invoke(cli, ["render", str(MARIA), "-o", "out.pdf"])
    assert result.exit_code == 1
    assert result.stderr == "Error: cannot write out.pdf: the disk is full\n"
    assert os.listdir(tmp_path) == []


def test_ctrl_c_while_the_program_loads_is_no_traceback():
    # The moment before cli.py handles Ctrl-C: Click and the rest still loading.
    code = (
        "import builtins\n"
        "real = builtins.__import__\n"
        "def loading(name, *args, **kwargs):\n"
        "    if name == 'cli':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = loading\n"
        "from worksheets.start import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 130
    assert result.stderr == "\nStopped. Nothing was written.\n"
