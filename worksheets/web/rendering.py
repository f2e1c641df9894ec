"""Worksheets made in worker processes, warmed up at start, with a time limit.

WeasyPrint is not thread-safe, and a worksheet takes a while to lay out; the
web server answers several people at once. So each worker process imports
WeasyPrint, loads the bank, the templates and the fonts once, then makes one
worksheet at a time, through the very function `worksheets render` uses
(`documents.personal_document`). A request borrows a free worker; one that
takes longer than the time limit is killed and replaced, and the person is
told to try again, instead of the whole page hanging.

Answers go to a worker through a pipe and the PDF comes back the same way:
nothing is written to disk. Workers ignore Ctrl-C (the server stops them) and
end by themselves when the server goes away (their pipe closes).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import shutil
import signal
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from ..answers import Answers
from ..documents import DocumentOptions
from ..i18n import _
from ..stopping import signals_held, take_stopping_signals

DEFAULT_TIME_LIMIT = 60.0  # seconds for one worksheet (a large-print booklet takes a few)
DEFAULT_WAIT_LIMIT = 120.0  # seconds to wait for a free worker when many ask at once


class RenderProblem(Exception):
    """The worksheet could not be made; the message is for the person."""


@dataclass(frozen=True)
class Rendered:
    data: bytes
    warnings: tuple[str, ...]


# --- In the worker process ---------------------------------------------------------


def _worker_main(connection: Connection, options: DocumentOptions, folder: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops us, not Ctrl-C
    take_stopping_signals()
    # WeasyPrint copies the page's fonts (ours, never anything typed) into a temporary
    # folder; the server removes this one whatever happens to the worker.
    tempfile.tempdir = folder
    _quiet_logging()
    with contextlib.suppress(EOFError, OSError):  # the server has gone: end quietly
        try:
            warm_up(options)
        except Exception as error:  # e.g. a broken --bank: reported by the server
            connection.send(("failed", _described(error)))
            return
        connection.send(("ready", None))
        while True:
            answers, job_options = connection.recv()
            warnings: list[str] = []
            try:
                from ..documents import personal_document

                data = personal_document(answers, job_options, warn=warnings.append)
            except Exception as error:
                connection.send(("error", _described(error)))
                continue
            connection.send(("ok", (data, tuple(warnings))))


def _described(error: Exception) -> tuple[bool, str]:
    """(a problem the person can fix?, its words). For a bug: where it happened,
    but not its message, which might quote what the person typed."""
    from ..errors import UserError

    if isinstance(error, UserError):
        return True, error.format_message()
    frames = "".join(traceback.format_tb(error.__traceback__))
    return False, f"{type(error).__name__} (message withheld: it may hold answers)\n{frames}"


def _quiet_logging() -> None:
    """WeasyPrint's warnings are about our own templates; never print them here."""
    import logging

    logging.getLogger("weasyprint").addHandler(logging.NullHandler())
    logging.getLogger("weasyprint").propagate = False
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def warm_up(options: DocumentOptions) -> None:
    """Load everything a worksheet needs, and lay out one small worksheet."""
    from ..documents import personal_document

    personal_document(Answers(), options, warn=lambda _message: None)


# --- In the server -------------------------------------------------------------------


class _Worker:
    def __init__(self, context: Any, options: DocumentOptions) -> None:
        self.connection, child = context.Pipe()
        self.folder = tempfile.mkdtemp(prefix="worksheets-web-")
        self.process = context.Process(
            target=_worker_main,
            args=(child, options, self.folder),
            name="worksheets-render",
            daemon=True,
        )
        _start_with_signals_held(self.process)
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> None:
        if self.ready:
            return
        if not self.connection.poll(timeout):
            raise RenderProblem(_("The worksheet maker did not start in time."))
        status, detail = self.connection.recv()
        if status != "ready":
            raise RenderProblem(detail[1])
        self.ready = True

    def stop(self, *, now: bool = False) -> None:
        """End the worker: by closing its pipe (it ends by itself), or at once."""
        self.connection.close()
        if not now:
            self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        shutil.rmtree(self.folder, ignore_errors=True)


def _start_with_signals_held(process: Any) -> None:
    """Start `process` with the stopping signals blocked until it is started.

    Ctrl-C reaches every process of the terminal's group; a worker still
    starting up would otherwise print a traceback, as it would if a SIGTERM
    to the server cut its start short. The signal mask, unlike handlers,
    passes on to the new interpreter, which unblocks them once it ignores Ctrl-C.
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        process.start()
        return
    from multiprocessing import resource_tracker

    # Started first: starting it unblocks Ctrl-C again, in the middle of ours.
    resource_tracker.ensure_running()
    with signals_held():
        process.start()


class RenderPool:
    """A few warmed-up worker processes; `render` borrows one at a time."""

    def __init__(
        self,
        options: DocumentOptions,
        *,
        workers: int = 2,
        time_limit: float = DEFAULT_TIME_LIMIT,
        wait_limit: float = DEFAULT_WAIT_LIMIT,
    ) -> None:
        # "spawn": a fresh interpreter, never a fork of a server with threads running.
        self._context = multiprocessing.get_context("spawn")
        self._options = options
        self._time_limit = time_limit
        self._wait_limit = wait_limit
        self._free: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        try:
            for _index in range(workers):
                self._add()
        except BaseException:  # stopped while they start: none is left running
            self.close()
            raise

    def _add(self) -> _Worker:
        worker = _Worker(self._context, self._options)
        with self._lock:
            self._all.append(worker)
        self._free.put(worker)
        return worker

    def wait_ready(self, timeout: float = 120.0) -> None:
        """Wait until every worker has warmed up; raise if one could not."""
        for worker in list(self._all):
            worker.wait_ready(timeout)

    def render(self, answers: Answers, options: DocumentOptions) -> Rendered:
        """The worksheet for `answers`; `RenderProblem` with words for the person."""
        try:
            worker: _Worker | None = self._free.get(timeout=self._wait_limit)
        except queue.Empty:
            raise RenderProblem(
                _("Many worksheets are being made right now. Please try again in a minute.")
            ) from None
        assert worker is not None
        try:
            worker.wait_ready(self._time_limit)
            worker.connection.send((answers, options))
            if not worker.connection.poll(self._time_limit):
                self._replace(worker)
                worker = None
                raise RenderProblem(
                    _("Making the worksheet took too long. Please try again.")
                ) from None
            status, detail = worker.connection.recv()
        except (EOFError, OSError, BrokenPipeError):
            if worker is not None:
                self._replace(worker)
                worker = None
            raise RenderProblem(
                _("The worksheet could not be made this time. Please try again.")
            ) from None
        except RenderProblem:
            if worker is not None:
                self._replace(worker)
                worker = None
            raise
        finally:
            if worker is not None:
                self._free.put(worker)
        if status == "ok":
            data, warnings = detail
            return Rendered(data, warnings)
        fixable, words = detail
        if fixable:
            raise RenderProblem(words)
        # A bug: its place goes to the server's output (never the answers), the person
        # gets a plain apology.
        print(f"worksheets web: a worksheet failed: {words}", file=sys.stderr, flush=True)
        raise RenderProblem(_("Something went wrong making the worksheet. Please try again."))

    def _replace(self, worker: _Worker) -> None:
        """Stop a stuck or broken worker and start a fresh one in its place."""
        worker.stop(now=True)
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
            closed = self._closed
        if not closed:
            self._add()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
        for worker in workers:
            worker.stop()
