import datetime as dt
import os
import stat

import pytest

from worksheets.errors import UserError
from worksheets.output import default_name, write_output


def test_default_name_is_a_date_never_a_name():
    assert default_name(dt.date(2026, 12, 3), "pdf") == "care-questions-2026-12-03.pdf"
    assert (
        default_name(None, "html", today=dt.date(2026, 11, 27)) == "care-questions-2026-11-27.html"
    )


def test_writes_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "out.pdf"
    write_output(target, b"%PDF-1.7", force=False)
    assert target.read_bytes() == b"%PDF-1.7"
    assert os.listdir(tmp_path) == ["out.pdf"]


def test_refuses_to_replace_without_force(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"mine")
    with pytest.raises(UserError) as caught:
        write_output(target, b"new", force=False)
    assert (
        caught.value.message
        == f"{target} already exists; use --force to replace it, or -o to choose another name"
    )
    assert target.read_bytes() == b"mine"
    write_output(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def test_private_files_are_for_the_owner_alone(tmp_path):
    target = tmp_path / "answers.yaml"
    write_output(target, b"version: 1\n", force=False, private=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_missing_folder(tmp_path):
    with pytest.raises(UserError) as caught:
        write_output(tmp_path / "nope" / "out.pdf", b"x", force=False)
    assert (
        caught.value.message
        == f"cannot write {tmp_path / 'nope' / 'out.pdf'}: the folder {tmp_path / 'nope'} does not exist"
    )


def test_full_disk_leaves_nothing_behind(tmp_path, monkeypatch):
    import errno

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(UserError) as caught:
        write_output(tmp_path / "out.pdf", b"x" * 1000, force=False)
    assert caught.value.message == f"cannot write {tmp_path / 'out.pdf'}: the disk is full"
    assert os.listdir(tmp_path) == []


def test_read_only_folder(tmp_path, monkeypatch):
    # Root may write anywhere (and CI runs as root), so the refusal is simulated.
    import errno
    import tempfile

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(UserError) as caught:
        write_output(tmp_path / "out.pdf", b"x", force=False)
    assert (
        caught.value.message == f"cannot write {tmp_path / 'out.pdf'}: no permission to write there"
    )
    assert os.listdir(tmp_path) == []


def test_interrupt_mid_write_leaves_nothing(tmp_path, monkeypatch):
    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_output(tmp_path / "out.pdf", b"x", force=False)
    assert os.listdir(tmp_path) == []


def test_a_pipe_or_device_is_never_renamed_over(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for force in (False, True):
        with pytest.raises(UserError) as caught:
            write_output(fifo, b"x", force=force)
        assert caught.value.message == (
            f"{fifo} is not a regular file; choose another name with -o, or - for standard output"
        )
    assert stat.S_ISFIFO(fifo.stat().st_mode)
