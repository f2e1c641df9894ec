"""`worksheets web` as a person starts it: the address, Ctrl-C, many at once, no traces."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
from conftest import pdf_text
from websupport import MARIA_FORM, Server, files_under, private_environment, start_server

# What must never be left anywhere: Maria's words.
SECRETS = ("Maria", "Okafor", "wedding", "pancreatic", "eat_comfortably")


def _open(server: Server) -> tuple[http.client.HTTPConnection, str]:
    """A connection with the cookie the token gives."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    connection.request("GET", f"/?token={server.token}")
    response = connection.getresponse()
    response.read()
    assert response.status == 303
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    return connection, cookie


def _csrf(connection: http.client.HTTPConnection, cookie: str) -> str:
    connection.request("GET", "/", headers={"Cookie": cookie})
    page = connection.getresponse().read().decode()
    found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page)
    assert found
    return found.group(1)


def _post(
    connection: http.client.HTTPConnection, cookie: str, path: str, fields: dict, origin: str
) -> http.client.HTTPResponse:
    body = urllib.parse.urlencode(fields, doseq=True)
    connection.request(
        "POST",
        path,
        body=body,
        headers={
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": origin,
        },
    )
    return connection.getresponse()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def test_prints_the_address_with_its_key_and_how_to_stop(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    try:
        lines = server.first_lines  # type: ignore[attr-defined]
        assert re.fullmatch(
            r"Your worksheet page: http://127\.0\.0\.1:\d+/\?token=[\w-]{32}\n", lines[0]
        )
        assert lines[1] == "To stop, hold the Ctrl key and press C.\n"
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        connection.request("GET", "/")
        assert connection.getresponse().status == 403
        # It listens on this computer only.
        addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None)}
        for address in addresses - {"127.0.0.1", "::1", "127.0.1.1"}:
            with pytest.raises(OSError), socket.create_connection((address, server.port), 2):
                pass
    finally:
        _out, err = server.stop()
    assert server.process.returncode == 130
    assert "Stopped. Nothing was written." in err


def test_many_people_at_once_all_get_their_worksheet_and_nothing_is_kept(
    tmp_path: Path,
) -> None:
    server = start_server(tmp_path)
    results: list[bytes] = []
    failures: list[str] = []
    connection, cookie = _open(server)
    csrf = _csrf(connection, cookie)

    def one(number: int) -> None:
        try:
            own = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
            fields = {**MARIA_FORM, "csrf_token": csrf, "care_team": f"Dr. Okafor {number}"}
            response = _post(own, cookie, "/worksheet", fields, server.base)
            data = response.read()
            if response.status != 200 or response.getheader("Cache-Control") != "no-store":
                failures.append(f"{number}: {response.status}")
            results.append(data)
        except Exception as error:  # reported below
            failures.append(f"{number}: {error!r}")

    try:
        threads = [threading.Thread(target=one, args=(n,)) for n in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=180)
        assert failures == []
        assert len(results) == 10
        texts = " ".join(pdf_text(data) for data in results)
        for number in range(10):
            assert f"Dr. Okafor {number}" in texts
        # The answers file too, then a wrong post: all in memory, nothing in the output.
        saved = _post(
            connection, cookie, "/answers", {**MARIA_FORM, "csrf_token": csrf}, server.base
        )
        assert b"Maria Lopez" in saved.read()
        wrong = _post(
            connection,
            cookie,
            "/worksheet",
            {"csrf_token": csrf, "name": "Maria " * 30},
            server.base,
        )
        assert wrong.status == 422
        wrong.read()
        workers = _children(server.process.pid)
        assert workers  # the worksheet makers run beside the server
    finally:
        out, err = server.stop()
    for secret in SECRETS:
        assert secret not in out + err, secret
    for path in files_under(tmp_path):
        data = path.read_bytes()
        for secret in SECRETS:
            assert secret.encode() not in data, (path, secret)
    assert not any(files_under(tmp_path / "tmp"))
    # No worker process is left running.
    time.sleep(0.5)
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text()


@pytest.mark.parametrize("stop, code", [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_stop_it_with_its_workers(tmp_path: Path, stop, code) -> None:
    # Sent the moment the address is shown, as a service manager may.
    server = start_server(tmp_path)
    workers = _children(server.process.pid)
    server.process.send_signal(stop)
    _out, err = server.process.communicate(timeout=30)
    assert server.process.returncode == code, err
    assert "Traceback" not in err
    time.sleep(0.5)
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text()


def test_sigterm_while_it_starts_stops_it_too(tmp_path: Path) -> None:
    # Stopped while the worksheet makers start, before any address is shown.
    process = subprocess.Popen(
        [sys.executable, "-m", "worksheets", "web", "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=private_environment(tmp_path),
        cwd=tmp_path,
    )
    deadline = time.monotonic() + 60
    while not _children(process.pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    workers = _children(process.pid)
    assert workers
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 143, err
    assert "Your worksheet page" not in out
    assert "Traceback" not in err
    time.sleep(0.5)
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text()


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worksheets", "web", "--no-browser", *args],
        capture_output=True,
        text=True,
        env=private_environment(tmp_path),
        timeout=120,
    )


def test_a_network_address_needs_allow_network(tmp_path: Path) -> None:
    result = _run(tmp_path, "--host", "0.0.0.0")
    assert result.returncode == 2
    assert "--host 0.0.0.0 would let other computers reach the page; add --allow-network" in (
        result.stderr
    )


def test_a_port_in_use_is_said_plainly(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _run(tmp_path, "--port", str(port))
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        f"Error: port {port} is already in use; choose another with --port, "
        "or leave --port out to use a free one"
    )
    assert "Traceback" not in result.stderr


def test_help_stays_fast_without_flask() -> None:
    code = "import sys, worksheets.cli; print('flask' in sys.modules, 'waitress' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False False"
    assert os.path.exists(sys.executable)


@pytest.mark.parametrize("after", [0.8, 1.6, 2.4])
def test_ctrl_c_while_starting_stops_it_plainly(tmp_path: Path, after: float) -> None:
    # Ctrl-C at a terminal reaches the whole process group, workers starting up included.
    process = subprocess.Popen(
        [sys.executable, "-m", "worksheets", "web", "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=private_environment(tmp_path),
        start_new_session=True,
    )
    time.sleep(after)
    os.killpg(process.pid, signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    assert "Traceback" not in err
    # On a busy machine the signal may come before Python itself is ready for it.
    assert process.returncode in (130, -signal.SIGINT)
    if process.returncode == 130:
        assert err.strip() == "Stopped. Nothing was written."


def test_a_big_file_chosen_by_mistake_gets_the_page_back_and_nothing_is_logged(
    tmp_path: Path,
) -> None:
    # A 5 MB photo chosen as "saved answers": the page's own message, not the web
    # server's bare "Request Entity Too Large"; and waitress says nothing.
    server = start_server(tmp_path)
    try:
        connection, cookie = _open(server)
        csrf = _csrf(connection, cookie)
        boundary = "worksheets-test-boundary"
        body = (
            (
                f"--{boundary}\r\n"
                'Content-Disposition: form-data; name="csrf_token"\r\n\r\n'
                f"{csrf}\r\n"
                f"--{boundary}\r\n"
                'Content-Disposition: form-data; name="answers_file"; filename="photo.jpg"\r\n'
                "Content-Type: image/jpeg\r\n\r\n"
            ).encode()
            + b"\xff" * (5 * 1024 * 1024)
            + f"\r\n--{boundary}--\r\n".encode()
        )
        connection.request(
            "POST",
            "/answers/load",
            body=body,
            headers={
                "Cookie": cookie,
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Origin": server.base,
            },
        )
        response = connection.getresponse()
        page = response.read().decode()
        assert response.status == 413
        assert "more than this page takes at once (1 MB)" in page
        assert "Request Entity Too Large" not in page
    finally:
        out, err = server.stop()
    assert "Request Entity" not in out + err and "Traceback" not in out + err
