"""The web page in Spanish: chosen on the first screen, carried to the worksheet."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator

import pytest
from conftest import pdf_text
from websupport import MARIA_FORM, post, ready_pool, signed_in

from worksheets.documents import DocumentOptions
from worksheets.web.guard import Access
from worksheets.web.rendering import RenderPool

PORT = 48125
BASE = f"http://127.0.0.1:{PORT}"


@pytest.fixture(scope="module")
def pool() -> Iterator[RenderPool]:
    yield from ready_pool(workers=1)


@pytest.fixture(scope="module")
def access() -> Access:
    return Access(port=PORT)


def client_of(pool: RenderPool, access: Access, language: str | None = None):  # type: ignore[no-untyped-def]
    return signed_in(pool, access, DocumentOptions(language=language))


def test_the_first_screen_offers_each_language_in_its_own_name(pool, access) -> None:  # type: ignore[no-untyped-def]
    page = client_of(pool, access).get(f"{BASE}/").get_data(as_text=True)
    assert '<html lang="en">' in page
    assert '<span aria-current="true" lang="en">English</span>' in page
    assert '<a href="/?language=es" lang="es" hreflang="es">Español</a>' in page


def test_choosing_spanish_turns_the_page_and_the_worksheet_spanish(pool, access) -> None:  # type: ignore[no-untyped-def]
    client = client_of(pool, access)
    page = client.get(f"{BASE}/?language=es&helper=1").get_data(as_text=True)
    assert '<html lang="es">' in page
    assert "¿Quién está llenando esto?" in page
    assert '<input type="hidden" name="language" value="es">' in page
    assert '<a href="/?language=en&amp;helper=1" lang="en" hreflang="en">English</a>' in page

    page = post(client, access, "/step", {"screen": "start", "go": "next", "language": "es"})
    text = page.get_data(as_text=True)
    assert '<html lang="es">' in text
    assert "Por qué preguntamos:" in text

    response = post(client, access, "/worksheet", {**MARIA_FORM, "language": "es"})
    assert response.status_code == 200, response.get_data(as_text=True)
    worksheet = pdf_text(response.data)
    assert "Preguntas para mi equipo médico" in worksheet
    assert "jueves, 3 de diciembre de 2026" in worksheet


def test_the_servers_language_is_the_default_and_answers_files_keep_theirs(pool, access) -> None:  # type: ignore[no-untyped-def]
    client = client_of(pool, access, "es")
    page = client.get(f"{BASE}/").get_data(as_text=True)
    assert '<html lang="es">' in page and "Empezar" in page
    saved = post(client, access, "/answers", {**MARIA_FORM, "language": "es"})
    assert b"language: es" in saved.data
    refused = client.get(f"{BASE}/nowhere").get_data(as_text=True)
    assert '<html lang="es">' in refused and "No hay nada en esta dirección." in refused


def test_a_language_this_page_does_not_speak_is_said_where_languages_are_chosen(
    pool, access
) -> None:  # type: ignore[no-untyped-def]
    client = client_of(pool, access)
    response = post(client, access, "/worksheet", {**MARIA_FORM, "language": "xx"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "<h1>Welcome</h1>" in page and '<a href="/?language=es"' in page
    box = re.search(r'<div class="problems" role="alert">(.*?)</div>', page, re.S)
    assert box is not None
    assert '"xx" is not a language this program speaks' in html.unescape(box.group(1))
    # Not carried on: the next screen speaks the page's language, without the problem.
    assert 'name="language" value="xx"' not in page


def test_a_too_large_upload_keeps_the_language_chosen(pool, access) -> None:  # type: ignore[no-untyped-def]
    client = client_of(pool, access)
    first = client.get(f"{BASE}/?language=es").get_data(as_text=True)
    assert 'formaction="/answers/load?language=es"' in first
    big = io.BytesIO(b"version: 1\n" + b"#" * 1_200_000)
    response = client.post(
        f"{BASE}/answers/load?language=es",
        data={"csrf_token": access.csrf_token, "language": "es", "answers_file": (big, "big.yaml")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert '<html lang="es">' in page
    assert '<input type="hidden" name="language" value="es">' in page
