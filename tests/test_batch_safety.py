"""Batches that find problems before the slow part and say what they skip."""

import os
import shutil
from collections import namedtuple

import pytest
from click.testing import CliRunner

from tests.conftest import MARIA
from tests.test_batch import write_csv
from worksheets import batch as batch_module
from worksheets.bank import load_bank
from worksheets.cli import cli
from worksheets.paths import BANK_DIR


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def never_render(*args, **kwargs):
    raise AssertionError("a worksheet was laid out before the problem was found")


def test_a_full_out_dir_is_found_before_the_first_render(runner, tmp_path, monkeypatch):
    write_csv(tmp_path / "people.csv", [{"name": "Ann"}, {"name": "Bo"}])
    real = os.statvfs

    def full(path):
        found = real(path)
        Room = namedtuple("Room", "f_bavail f_frsize")
        return Room(0, found.f_frsize)

    monkeypatch.setattr(os, "statvfs", full)
    monkeypatch.setattr(batch_module, "render_one", never_render)
    result = runner.invoke(cli, ["batch", "people.csv", "--jobs", "1", "--out-dir", "out"])
    assert result.exit_code == 1
    assert result.stderr == "Error: cannot write out/: the disk is full\n"
    assert not (tmp_path / "out").exists()


def test_an_unwritable_out_dir_is_found_before_the_first_render(runner, tmp_path, monkeypatch):
    write_csv(tmp_path / "people.csv", [{"name": "Ann"}])
    (tmp_path / "locked").mkdir()
    real = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode: real(path, mode) and "locked" not in str(path)
    )
    monkeypatch.setattr(batch_module, "render_one", never_render)
    result = runner.invoke(cli, ["batch", "people.csv", "--jobs", "1", "--out-dir", "locked/new"])
    assert result.exit_code == 1
    assert result.stderr == "Error: cannot write locked/new/: no permission to write there\n"


def test_a_folder_batch_says_what_it_skips(runner, tmp_path):
    folder = tmp_path / "people"
    folder.mkdir()
    shutil.copy(MARIA, folder / "maria.yaml")
    (folder / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (folder / "old.yaml").mkdir()
    os.mkfifo(folder / "pipe.yml")
    result = runner.invoke(cli, ["batch", "people", "--format", "json", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "Warning: gone.yaml: skipped, a link to a file that is not there\n"
        "Warning: old.yaml: skipped, a folder, not a file\n"
        "Warning: pipe.yml: skipped, not a regular file (a pipe or a device)\n"
        "1 worksheet written to worksheets-out/\n"
    )


def test_bank_files_named_in_capitals_are_read(tmp_path):
    bank = tmp_path / "bank"
    shutil.copytree(BANK_DIR, bank)
    before = len(load_bank(bank).questions)
    first = next(p for p in sorted(bank.iterdir()) if p.name != "bank.yaml")
    first.rename(bank / (first.stem.upper() + ".YAML"))
    assert len(load_bank(bank).questions) == before
