"""templates/ and questions/ travel with the package: installed from a wheel
(non-editable) or editable, the program finds them from any folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import MARIA, REPO, pdf_text

pytestmark = pytest.mark.slow


def _copy_of_the_repo(dest: Path) -> Path:
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for name in files:
        source = REPO / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def _venv_with_our_dependencies(folder: Path) -> Path:
    """A fresh environment that borrows the test environment's dependencies
    (no download), but not its editable install of worksheets."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # A path added by a .pth file is not a site folder, so the editable
    # install's own .pth files in it are not run: worksheets stays invisible.
    Path(site, "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


def _pip(python_env: Path, *args: str) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python_env),
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            *args,
        ],
        check=True,
        capture_output=True,
    )


def _render_from_elsewhere(python: Path, folder: Path) -> tuple[str, str]:
    out = folder / "out.pdf"
    result = subprocess.run(
        [str(python), "-m", "worksheets", "render", str(MARIA), "-o", str(out)],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # The compiled Spanish catalog and the bank's Spanish folder travel too.
    spanish = folder / "es.pdf"
    result = subprocess.run(
        [
            str(python),
            "-m",
            "worksheets",
            "render",
            str(MARIA),
            "--language",
            "es",
            "-o",
            str(spanish),
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("Se escribió")
    text = pdf_text(spanish)
    # The Spanish bank was found: the sheet's first question is in Spanish.
    assert "Preguntas para mi equipo médico" in text and "¿Para qué es mi tratamiento" in text
    where = subprocess.run(
        [str(python), "-c", "import worksheets.paths as p; print(p.BANK_DIR)"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return pdf_text(out), where


def test_a_wheel_carries_templates_and_questions(tmp_path):
    source = _copy_of_the_repo(tmp_path / "src")
    python = _venv_with_our_dependencies(tmp_path / "venv")
    _pip(python, str(source))
    shutil.rmtree(source)  # nothing may be read from the source tree
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    text, bank_dir = _render_from_elsewhere(python, elsewhere)
    assert "Maria Lopez" in text
    assert bank_dir.startswith(str(tmp_path / "venv"))
    assert bank_dir.endswith("worksheets/questions")


def test_an_editable_install_finds_them_in_the_checkout(tmp_path):
    source = _copy_of_the_repo(tmp_path / "src")
    python = _venv_with_our_dependencies(tmp_path / "venv")
    _pip(python, "-e", str(source))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    text, bank_dir = _render_from_elsewhere(python, elsewhere)
    assert "Maria Lopez" in text
    assert bank_dir == str(source / "questions")
