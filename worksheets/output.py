"""Writing a finished document where the person asked, safely.

The bytes go to a temporary file in the target folder, which is renamed over
the target only once complete: an interrupted or failed write never leaves a
half-written worksheet, and never a stray temporary file. An existing file is
replaced only with `--force`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .errors import UserError
from .i18n import _

if TYPE_CHECKING:
    from .answers import Answers

STDOUT = "-"


def default_name(appointment: dt.date | None, fmt: str, *, today: dt.date | None = None) -> str:
    """`care-questions-2026-12-03.pdf`: a date, never anything about the person."""
    day = appointment or today or dt.date.today()
    return f"care-questions-{day.isoformat()}.{fmt}"


def output_target(output: str | None, default: str) -> str:
    """Where `-o` asks a document to go, `default` being its usual file name.

    `-o folder/` and `-o existing-folder` put the usual name inside the folder;
    a folder that does not exist, written with its slash, is an error rather
    than a file named after it. `-o -` is standard output, but never a terminal,
    where a PDF would print as gibberish (and could drive the terminal).
    """
    if not output:
        return default
    if output == STDOUT:
        if sys.stdout.isatty():
            raise UserError(
                _(
                    "-o - writes the worksheet to standard output, which is this terminal; "
                    "give a file name (-o worksheet.pdf) or send it on (-o - | lpr)"
                )
            )
        return output
    path = Path(output)
    if output.endswith(("/", os.sep)) and not path.is_dir():
        raise UserError(
            _("cannot write into {folder}: the folder does not exist").format(folder=output)
        )
    if path.is_dir():
        return str(path / default)
    return output


def refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not path.is_file():
        # A device, a pipe or a folder: never renamed over, --force or not.
        raise UserError(
            _(
                "{path} is not a regular file; choose another name with -o, or - for standard "
                "output"
            ).format(path=path)
        )
    if path.exists() and not force:
        raise UserError(
            _(
                "{path} already exists; use --force to replace it, or -o to choose another name"
            ).format(path=path)
        )


def check_target(path: Path, force: bool) -> None:
    """Refuse early what `write_output` would refuse: an existing file, a missing
    or read-only folder."""
    refuse_existing(path, force)
    check_folder(path)


def check_folder(path: Path) -> None:
    """The folder `path` would be written in exists and can be written to."""
    folder = path.parent
    if not folder.is_dir():
        raise UserError(
            _("cannot write {path}: the folder {folder} does not exist").format(
                path=path, folder=folder
            )
        )
    check_room(folder, str(path))


# Less free space than this is a full disk for a worksheet (about 150 kB).
MIN_FREE_BYTES = 2_000_000


def check_room(folder: Path, shown_as: str) -> None:
    """Files can be written in `folder` (or, if it is still to be made, in the
    nearest folder above it that exists): permission, and room on the disk."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UserError(
            _("cannot write {path}: no permission to write there").format(path=shown_as)
        )
    if hasattr(os, "statvfs"):
        try:
            room = os.statvfs(existing)
        except OSError:
            return
        if room.f_bavail * room.f_frsize < MIN_FREE_BYTES:
            raise UserError(_("cannot write {path}: the disk is full").format(path=shown_as))


def answers_yaml(answers: Answers) -> str:
    """The answers file (format version 1, as in the contract) for `answers`."""
    import yaml

    body = yaml.safe_dump(
        answers.to_dict(), sort_keys=False, allow_unicode=True, default_flow_style=False
    )
    header = _("# Answers for worksheets. Make a new worksheet with: worksheets render FILE")
    return f"{header}\n{body}"


def save_answers(path: Path, answers: Answers, *, force: bool) -> None:
    """Keep the answers for next time, readable by their owner alone."""
    write_output(path, answers_yaml(answers).encode("utf-8"), force=force, private=True)


def write_output(target: str | Path, data: bytes, *, force: bool, private: bool = False) -> None:
    """Write `data` to `target` ("-" is standard output) atomically.

    `private` makes the file readable by its owner alone (answers files, batch
    output); other documents get the usual permissions for new files.
    """
    if str(target) == STDOUT:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    with atomic_file(Path(target), force=force, private=private) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_file(path: Path, *, force: bool, private: bool = False) -> Iterator[BinaryIO]:
    """A file to write in pieces that appears at `path` only once whole; an
    error or an interrupt on the way leaves nothing."""
    target = AtomicFile(path, force=force, private=private)
    try:
        yield target.handle
    except OSError as error:
        target.discard()
        raise UserError(
            _("cannot write {path}: {reason}").format(path=path, reason=reason_text(error))
        ) from None
    except BaseException:
        target.discard()
        raise
    target.commit()


class AtomicFile:
    """A temporary file in the target's folder, renamed over the target by
    `commit()` once complete, or removed by `discard()`."""

    def __init__(self, path: Path, *, force: bool, private: bool = False) -> None:
        check_target(path, force)
        self.path, self.force, self.private = path, force, private
        try:
            descriptor, self.temporary = tempfile.mkstemp(
                dir=path.parent, prefix=".worksheets-", suffix=".tmp"
            )
        except OSError as error:
            raise UserError(
                _("cannot write {path}: {reason}").format(path=path, reason=reason_text(error))
            ) from None
        self.handle: BinaryIO = os.fdopen(descriptor, "wb")

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.temporary)

    def commit(self) -> None:
        path = self.path
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            if not self.private:
                # mkstemp makes 0600 files; a worksheet gets what any new file gets.
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(self.temporary, 0o666 & ~umask)
            if self.force:
                os.replace(self.temporary, path)
            else:
                # link() fails if the target appeared meanwhile: never replace
                # another program's file without --force.
                try:
                    os.link(self.temporary, path)
                except FileExistsError:
                    raise UserError(
                        _("{path} already exists; use --force to replace it").format(path=path)
                    ) from None
                except OSError:
                    os.replace(self.temporary, path)  # file systems without hard links
        except OSError as error:
            raise UserError(
                _("cannot write {path}: {reason}").format(path=path, reason=reason_text(error))
            ) from None
        finally:
            self.discard()


def reason_text(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return _("the disk is full")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("no permission to write there")
    return error.strerror or str(error)
