"""Serving the page: waitress on 127.0.0.1, the address with its key, Ctrl-C.

waitress is a well-kept production WSGI server: no HTTP handling of our own.
It is set up to never write what people send to disk (it buffers large
requests and responses in temporary files by default) and to log nothing
about requests: it has no access log, and Flask's is not used.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import threading
import webbrowser
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from ..documents import DocumentOptions
from ..errors import UserError
from ..i18n import _
from .guard import Access

THREADS = 8  # requests served at once; rendering itself is limited by the workers
# Buffers that stay in memory: waitress would otherwise spill larger requests and
# responses (a long large-print booklet) into temporary files.
_IN_MEMORY = 64 * 1024 * 1024


def serve(
    *,
    host: str,
    port: int,
    open_browser: bool,
    document: DocumentOptions,
    workers: int | None = None,
    out: TextIO | None = None,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Run the page until Ctrl-C (or SIGTERM/SIGHUP); never returns normally."""
    import waitress.server

    from ..stopping import signals_held
    from .app import create_app
    from .rendering import RenderPool, RenderProblem

    out = out or sys.stdout
    _quiet_waitress()
    try:
        # Waitress starts its threads here: born deaf to the stopping signals.
        with signals_held():
            server: Any = waitress.server.create_server(
                _placeholder_app,
                host=host,
                port=port,
                threads=THREADS,
                ident="worksheets",
                # Far above the page's own limit, so that a too-large upload (a photo
                # chosen by mistake) gets the form back with a message from the page,
                # not the server's bare "Request Entity Too Large".
                max_request_body_size=_IN_MEMORY,
                inbuf_overflow=_IN_MEMORY,
                outbuf_overflow=_IN_MEMORY,
                expose_tracebacks=False,
                clear_untrusted_proxy_headers=True,
            )
    except OSError as error:
        raise UserError(_port_problem(error, port)) from None
    pool = RenderPool(document, workers=workers or min(2, os.cpu_count() or 1))
    try:
        access = Access(port=int(server.effective_port), bound=host)
        server.application = create_app(access, pool, document)
        # Everything loaded and one worksheet laid out before the address is shown,
        # so the first worksheet comes as fast as the next.
        try:
            pool.wait_ready()
        except RenderProblem as problem:
            raise UserError(str(problem)) from None
        url = access.url()
        # The signals are taken before the address is shown: a SIGTERM sent as
        # soon as it is (a service manager, a test) is kept for the exit code.
        with _stop_on_signals() as stopped, contextlib.suppress(KeyboardInterrupt):
            print(_("Your worksheet page: {url}").format(url=url), file=out, flush=True)
            print(_("To stop, hold the Ctrl key and press C."), file=out, flush=True)
            if on_ready is not None:
                on_ready(url)
            if open_browser:
                threading.Thread(target=_open, args=(url,), daemon=True).start()
            server.run()  # returns once a signal stopped it (waitress swallows it)
    finally:
        server.close()
        pool.close()
    if stopped.number in (None, signal.SIGINT):
        raise KeyboardInterrupt  # the command says "Stopped." and exits with 130
    raise SystemExit(128 + stopped.number)


def _quiet_waitress() -> None:
    """The server prints its address and nothing else: not waitress's "Task queue
    depth is 2" under load, nor a traceback when a request is cut off at Ctrl-C."""
    import logging

    logger = logging.getLogger("waitress")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False


def _placeholder_app(environ: Any, start_response: Any) -> list[bytes]:
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"Starting"]


def _port_problem(error: OSError, port: int) -> str:
    if error.errno == errno.EADDRINUSE:
        return _(
            "port {port} is already in use; choose another with --port, or leave --port out "
            "to use a free one"
        ).format(port=port)
    if error.errno in (errno.EACCES, errno.EPERM):
        return _("port {port} needs special permission; choose one above 1024").format(port=port)
    if error.errno == errno.EADDRNOTAVAIL:
        return _("that address does not belong to this computer")
    return _("cannot listen for the page: {reason}").format(reason=error.strerror or error)


def _open(url: str) -> None:
    """Open the default browser, but never a text browser in this very terminal."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return
    with contextlib.suppress(Exception):
        webbrowser.open(url, new=2)


class _Stopped:
    number: int | None = None


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[_Stopped]:
    """Ctrl-C, SIGTERM and SIGHUP stop the server, workers included; which one is kept
    for the exit code (130, 143, 129)."""
    stopped = _Stopped()

    def stop(number: int, _frame: Any) -> None:
        stopped.number = number
        raise KeyboardInterrupt

    previous = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, stop)
    try:
        yield stopped
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
