"""Private by construction: who may use the page, and what it never keeps.

- The address carries a random token; the first visit exchanges it for a
  cookie (HttpOnly, SameSite=Strict), and every request without one or the
  other is refused (403): another program or person on this computer cannot
  read the page.
- The Host header must name the address served, so a web site whose name
  was pointed at 127.0.0.1 (DNS rebinding) is refused.
- Every post carries the CSRF token, and its Origin (when the browser sends
  one) must be this page's own.
- Uploads and posts are read into memory only (never Werkzeug's temporary
  files), and are limited in size.
- Every response says `Cache-Control: no-store` and has a Content-Security-
  Policy that allows nothing from outside.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field
from io import BytesIO
from typing import IO, Any

from flask import Request

# A saved answers file is at most 1 MB (the contract); a post or an upload gets a
# little more for the form's own fields and the multipart envelope.
MAX_REQUEST_BYTES = 1_100_000
MAX_FORM_PARTS = 400  # far more fields than the form has (about 60)

TOKEN_PARAMETER = "token"

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
    "object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Not "no-referrer": with it, browsers send "Origin: null" on the page's own posts.
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


class MemoryOnlyRequest(Request):
    """A request whose uploads stay in memory: no temporary file, ever."""

    max_content_length = MAX_REQUEST_BYTES
    max_form_memory_size = MAX_REQUEST_BYTES
    max_form_parts = MAX_FORM_PARTS

    def _get_file_stream(  # type: ignore[override]
        self,
        total_content_length: int | None,
        content_type: str | None,
        filename: str | None = None,
        content_length: int | None = None,
    ) -> IO[bytes]:
        return BytesIO()


@dataclass(frozen=True)
class Access:
    """The keys of one server run and the addresses it answers to."""

    port: int
    bound: str = "127.0.0.1"  # the address listened on
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))

    @property
    def cookie_name(self) -> str:
        # Cookies do not tell ports apart: two servers must not share one.
        return f"worksheets-{self.port}"

    @property
    def csrf_token(self) -> str:
        return hmac.new(self.token.encode(), b"csrf", "sha256").hexdigest()

    def url(self, path: str = "/") -> str:
        host = "127.0.0.1" if _is_wildcard(self.bound) else self.bound
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.port}{path}?{TOKEN_PARAMETER}={self.token}"

    def host_allowed(self, header: str | None) -> bool:
        """Whether a Host header names this server (and not some other web site)."""
        if not header:
            return False
        host, port = _split_host(header)
        if port != self.port or host is None:
            return False
        if host in ("localhost", "127.0.0.1", "::1"):
            return True
        if _is_wildcard(self.bound):
            # Listening on every network: any address of this computer, but never a
            # name, which is what DNS rebinding needs.
            return _is_ip(host)
        return host == self.bound

    def origin_allowed(self, origin: str | None) -> bool:
        """A post's Origin, when the browser sends one, must be this page's."""
        if origin is None:
            return True  # not a browser (a script or a test posting a complete set)
        scheme, _sep, rest = origin.partition("://")
        return scheme == "http" and self.host_allowed(rest)

    def token_matches(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def csrf_matches(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.csrf_token.encode())


def _split_host(header: str) -> tuple[str | None, int | None]:
    header = header.strip().lower()
    if header.startswith("["):
        host, _sep, rest = header[1:].partition("]")
        port_text = rest.removeprefix(":") if rest.startswith(":") else ""
    else:
        host, _sep, port_text = header.rpartition(":")
        if not _sep:
            host, port_text = header, ""
    if not port_text.isdigit():
        return host or None, None
    return host or None, int(port_text)


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _is_wildcard(address: str) -> bool:
    return address in ("0.0.0.0", "::", "")


def add_headers(headers: Any) -> None:
    for name, value in SECURITY_HEADERS.items():
        headers[name] = value
