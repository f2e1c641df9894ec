"""Private by construction: token, Host, CSRF and Origin, limits, headers, odd posts."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from websupport import MARIA_FORM, ready_pool, signed_in

from worksheets.web.app import create_app
from worksheets.web.guard import CONTENT_SECURITY_POLICY, Access
from worksheets.web.rendering import RenderPool

PORT = 48123
BASE = f"http://127.0.0.1:{PORT}"


@pytest.fixture(scope="module")
def pool() -> Iterator[RenderPool]:
    yield from ready_pool(workers=2)


@pytest.fixture(scope="module")
def access() -> Access:
    return Access(port=PORT)


@pytest.fixture
def client(pool: RenderPool, access: Access):  # type: ignore[no-untyped-def]
    return signed_in(pool, access)


@pytest.fixture
def stranger(pool: RenderPool, access: Access):  # type: ignore[no-untyped-def]
    return create_app(access, pool).test_client()


def _post(client, path: str, data: dict, **headers: str):  # type: ignore[no-untyped-def]
    return client.post(f"{BASE}{path}", data=data, headers=headers)


def _with_csrf(access: Access, data: dict) -> dict:
    return {"csrf_token": access.csrf_token, **data}


# --- The token ----------------------------------------------------------------------


def test_without_the_token_everything_is_refused(stranger, access: Access) -> None:  # type: ignore[no-untyped-def]
    for path in ("/", "/static/web.css", "/static/AtkinsonHyperlegible-Regular.ttf", "/nothing"):
        response = stranger.get(f"{BASE}{path}")
        assert response.status_code == 403, path
        assert b"needs its key" in response.data
    response = _post(stranger, "/worksheet", _with_csrf(access, MARIA_FORM))
    assert response.status_code == 403
    assert b"%PDF" not in response.data


def test_a_wrong_token_is_refused(stranger) -> None:  # type: ignore[no-untyped-def]
    assert stranger.get(f"{BASE}/?token=guess").status_code == 403
    stranger.set_cookie(f"worksheets-{PORT}", "guess", domain="127.0.0.1")
    assert stranger.get(f"{BASE}/").status_code == 403


def test_the_token_becomes_a_strict_cookie_and_leaves_the_address(stranger, access: Access) -> None:  # type: ignore[no-untyped-def]
    response = stranger.get(f"{BASE}/?token={access.token}&helper=1")
    assert response.status_code == 303
    assert response.headers["Location"] == "/?helper=1"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"worksheets-{PORT}={access.token};")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert stranger.get(f"{BASE}/").status_code == 200


def test_the_token_leads_to_the_first_screen_only(stranger, access: Access) -> None:  # type: ignore[no-untyped-def]
    response = stranger.get(f"{BASE}//evil.example/?token={access.token}")
    assert response.headers["Location"] == "/"
    response = stranger.get(f"{BASE}/?token={access.token}&language=es&large_print=1&x=<")
    assert response.headers["Location"] == "/?large_print=1&language=es"


def test_each_run_has_its_own_token() -> None:
    assert Access(port=1).token != Access(port=1).token
    assert len(Access(port=1).token) >= 32


# --- Host (DNS rebinding) -------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    ["evil.example:48123", "127.0.0.1:80", "127.0.0.1", "localhost.evil.example:48123", ""],
)
def test_another_host_header_is_refused(client, host: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"{BASE}/", headers={"Host": host})
    assert response.status_code == 403
    assert b"answers only at the address" in response.data


@pytest.mark.parametrize("host", ["127.0.0.1:48123", "localhost:48123", "[::1]:48123"])
def test_this_computers_names_are_served(stranger, access: Access, host: str) -> None:  # type: ignore[no-untyped-def]
    response = stranger.get(f"{BASE}/?token={access.token}", headers={"Host": host})
    assert response.status_code == 303


def test_hosts_on_a_network() -> None:
    everywhere = Access(port=8000, bound="0.0.0.0")
    assert everywhere.host_allowed("192.168.1.20:8000")
    assert not everywhere.host_allowed("attacker.example:8000")  # a name: rebinding
    one = Access(port=8000, bound="192.168.1.20")
    assert one.host_allowed("192.168.1.20:8000")
    assert not one.host_allowed("192.168.1.21:8000")
    assert one.url().startswith("http://192.168.1.20:8000/?token=")


# --- CSRF and Origin -------------------------------------------------------------------


def test_a_post_without_the_csrf_token_is_refused(client) -> None:  # type: ignore[no-untyped-def]
    response = _post(client, "/worksheet", MARIA_FORM)
    assert response.status_code == 403
    response = _post(client, "/worksheet", {**MARIA_FORM, "csrf_token": "x" * 64})
    assert response.status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://127.0.0.1:9999"},
        {"Origin": "https://127.0.0.1:48123"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
def test_a_cross_site_post_is_refused(client, access: Access, headers: dict) -> None:  # type: ignore[no-untyped-def]
    response = _post(client, "/worksheet", _with_csrf(access, MARIA_FORM), **headers)
    assert response.status_code == 403
    assert b"only from itself" in response.data


def test_a_same_origin_post_is_served(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    response = _post(
        client,
        "/worksheet",
        _with_csrf(access, MARIA_FORM),
        Origin=BASE,
        **{"Sec-Fetch-Site": "same-origin"},
    )
    assert response.status_code == 200
    assert response.data.startswith(b"%PDF")


def test_every_form_carries_the_csrf_token(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    page = client.get(f"{BASE}/").get_data(as_text=True)
    assert page.count("<form") == 1
    assert page.count(f'name="csrf_token" value="{access.csrf_token}"') == 1


# --- Headers ------------------------------------------------------------------------


def test_pages_and_pdfs_are_never_stored_and_load_nothing_from_outside(
    client, access: Access
) -> None:  # type: ignore[no-untyped-def]
    responses = [
        client.get(f"{BASE}/"),
        _post(client, "/step", _with_csrf(access, {**MARIA_FORM, "screen": "visit"})),
        _post(client, "/worksheet", _with_csrf(access, MARIA_FORM)),
        _post(client, "/answers", _with_csrf(access, MARIA_FORM)),
        client.get(f"{BASE}/static/web.css"),
    ]
    for response in responses:
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert "default-src 'self'" in CONTENT_SECURITY_POLICY
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
    page = responses[0].get_data(as_text=True)
    assert "http" not in page.replace('href="/static/web.css"', "")  # no outside address
    css = responses[-1].get_data(as_text=True)
    assert "http" not in css and "@import" not in css


# --- Limits and odd posts ---------------------------------------------------------------


def test_an_oversized_post_gets_the_form_with_a_message(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    response = _post(client, "/worksheet", _with_csrf(access, {"name": "x" * 2_000_000}))
    assert response.status_code == 413
    assert b"more than this page takes at once (1 MB)" in response.data
    assert b"<form" in response.data


def test_an_oversized_upload_gets_the_form_with_a_message(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    big = io.BytesIO(b"version: 1\n" + b"#" * 1_200_000)
    response = client.post(
        f"{BASE}/answers/load",
        data={"csrf_token": access.csrf_token, "answers_file": (big, "big.yaml")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    assert b"more than this page takes" in response.data


def test_too_many_fields_are_refused_plainly(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    data = _with_csrf(access, {f"f{n}": "x" for n in range(1000)})
    response = client.post(f"{BASE}/worksheet", data=data, content_type="multipart/form-data")
    assert response.status_code in (400, 413)
    assert b"<form" in response.data


def test_over_the_answers_limits_gets_messages_at_the_fields(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    data = _with_csrf(access, {"own_questions": [f"Question {n}?" for n in range(25)]})
    response = _post(client, "/worksheet", data)
    assert response.status_code == 422
    assert b"25 questions given; at most 20 fit on the worksheet" in response.data
    response = _post(client, "/worksheet", _with_csrf(access, {"own_questions": "q" * 501}))
    assert b"a question is 501 characters long; at most 500 fit" in response.data


@pytest.mark.parametrize(
    "body,content_type",
    [
        (b"\xff\xfe\x00garbage", "application/x-www-form-urlencoded"),
        (b"--x\r\nbroken", "multipart/form-data; boundary=x"),
        (b"{}", "application/json"),
        (b"name=%ZZ%00&pain=%E2%82", "application/x-www-form-urlencoded"),
    ],
)
def test_odd_posts_never_break_the_page(client, access: Access, body, content_type) -> None:  # type: ignore[no-untyped-def]
    for path in ("/worksheet", "/step", "/answers", "/answers/load"):
        response = client.post(
            f"{BASE}{path}?csrf_token={access.csrf_token}", data=body, content_type=content_type
        )
        assert response.status_code in (400, 403, 413, 422), (path, response.status_code)
        assert b"Traceback" not in response.data


def test_odd_values_get_messages_not_errors(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    data = _with_csrf(
        access,
        {
            "name": "<script>alert(1)</script>",
            "pain": "-1",
            "tiredness": "1e9",
            "cancer_type": "\x00",
            "priorities": ["work"] * 50,
            "screen": "nowhere",
            "go": "to:nowhere",
        },
    )
    for path in ("/step", "/worksheet", "/answers"):
        response = _post(client, path, data)
        assert response.status_code in (200, 422), path
        page = response.get_data(as_text=True)
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;" in page


def test_unknown_addresses_and_methods(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get(f"{BASE}/admin").status_code == 404
    assert client.get(f"{BASE}/static/../worksheets/cli.py").status_code == 404
    assert client.get(f"{BASE}/worksheet").status_code == 405
    assert client.delete(f"{BASE}/").status_code == 405
