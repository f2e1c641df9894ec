"""The README's example commands work as written, in a fresh folder holding
what a clone holds (examples/, questions/), with `worksheets` on the PATH as
the README says to put it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

README = REPO / "README.md"
# Not run here: they start a web server and a browser (tests/test_web* cover them).
NOT_RUN = ("worksheets web",)


def example_commands() -> list[str]:
    """Every command line of the README's plain code blocks, in order."""
    commands = []
    for block in re.findall(r"^```\n(.*?)^```", README.read_text(encoding="utf-8"), re.M | re.S):
        for line in block.splitlines():
            command = line.split("  #", 1)[0].strip()
            if line.startswith("$ ") or not command or command.startswith("./"):
                continue  # a transcript, or ./run and ./test (the setup itself)
            if command.startswith(("worksheets", "cp ", "mkdir ")):
                commands.append(command)
    return commands


def test_the_readme_has_examples_of_every_subcommand():
    commands = example_commands()
    for subcommand in ("interview", "render", "blank", "batch", "questions", "web"):
        assert any(c.startswith(f"worksheets {subcommand}") for c in commands), subcommand


def test_every_example_command_runs_as_written(tmp_path):
    for folder in ("examples", "questions"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(REPO),
    }
    for command in example_commands():
        if command.startswith(NOT_RUN):
            continue
        interactive = command.startswith(("worksheets --", "worksheets interview"))
        result = subprocess.run(
            command,
            shell=True,
            cwd=tmp_path,
            env=env,
            # The interview: Enter alone at every prompt, as the README says it may be.
            input="\n" * 200 if interactive else "",
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, f"{command}\n{result.stderr}"
        assert "Traceback" not in result.stderr, command
