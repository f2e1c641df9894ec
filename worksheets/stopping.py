"""Holding back the signals that stop a run (Ctrl-C, SIGTERM, SIGHUP) while
processes and threads start, so that a stop never cuts a start in half.

A process whose start is cut short prints a traceback of its own (its
parent's instructions never came) or leaves the parent waiting for it for
ever. A signal blocked in one thread is still handed to any other thread that
does not block it, and Python then runs its handler in the main thread at
once; so the threads a run starts are born with these signals blocked (a
thread takes its parent's mask), and the main thread alone takes them, once
it no longer holds them back.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

STOPPING = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold back the stopping signals in this thread, and for good in every
    thread and process it starts meanwhile; they arrive when the block ends."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def take_stopping_signals() -> None:
    """In a new process started while they were held: take them again."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING)
