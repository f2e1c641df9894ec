"""How soon `worksheets web` answers "Make my worksheet" with the PDF.

Run on demand:  .venv/bin/python benchmarks/web.py [--runs 10]

Starts `worksheets web --no-browser` as a person would (WeasyPrint is imported
and warmed before the address is printed), then posts the answers of
examples/maria.yaml to /worksheet, one request at a time, and measures from
the post to the last byte of the PDF (median of several runs). Then ten at once,
as ten people in a waiting room might: the time until the last one has its PDF.
Also: the time from starting the command to the address being printed.
"""

from __future__ import annotations

import argparse
import http.client
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from websupport import MARIA_FORM, start_server


def _session(port: int, token: str) -> tuple[str, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", f"/?token={token}")
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    connection.request("GET", "/", headers={"Cookie": cookie})
    page = connection.getresponse().read().decode()
    found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page)
    assert found
    return cookie, found.group(1)


def _worksheet(port: int, cookie: str, csrf: str) -> float:
    body = urllib.parse.urlencode({**MARIA_FORM, "csrf_token": csrf}, doseq=True)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    started = time.perf_counter()
    connection.request(
        "POST",
        "/worksheet",
        body=body,
        headers={
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"http://127.0.0.1:{port}",
        },
    )
    response = connection.getresponse()
    data = response.read()
    elapsed = time.perf_counter() - started
    assert response.status == 200 and data.startswith(b"%PDF"), response.status
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as home:
        started = time.perf_counter()
        server = start_server(Path(home))
        ready = time.perf_counter() - started
        try:
            cookie, csrf = _session(server.port, server.token)
            times = [_worksheet(server.port, cookie, csrf) for _ in range(runs)]
            together: list[float] = []
            begin = time.perf_counter()
            threads = [
                threading.Thread(
                    target=lambda: together.append(_worksheet(server.port, cookie, csrf))
                )
                for _ in range(10)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            all_ten = time.perf_counter() - begin
        finally:
            server.stop()
    print(f"address printed after: {ready:.2f} s (import and warm-up included)")
    print(
        f"one worksheet (maria.yaml), post to PDF: median {statistics.median(times):.2f} s, "
        f"best {min(times):.2f} s, worst {max(times):.2f} s, of {runs}"
    )
    print(f"ten at once: the last PDF after {all_ten:.2f} s, all {len(together)} served")


if __name__ == "__main__":
    main()
