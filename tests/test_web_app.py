"""The page's screens, the worksheet and the answers file, through Flask's test client."""

from __future__ import annotations

import html
import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from conftest import MARIA, pdf_text
from websupport import MARIA_FORM, last_questions, post, ready_pool, signed_in

from worksheets.documents import DocumentOptions
from worksheets.web.app import create_app
from worksheets.web.guard import Access
from worksheets.web.rendering import RenderPool

PORT = 48124
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


def problems(page: str) -> list[str]:
    return [
        html.unescape(re.sub(r"<[^>]+>", "", m).strip())
        for m in re.findall(r'<p class="problem"[^>]*>(.*?)</p>', page, re.S)
    ]


# --- Screens ------------------------------------------------------------------------


def test_the_first_screen_offers_helper_wording_larger_text_and_saved_answers(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get(f"{BASE}/").get_data(as_text=True)
    assert "Who is filling this in?" in page
    assert 'name="large_print"' in page
    assert "Start from saved answers" in page
    assert 'enctype="multipart/form-data"' in page


def test_the_questions_are_the_interviews_with_their_why(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    page = post(client, access, "/step", {"screen": "start", "go": "next"}).get_data(as_text=True)
    assert "What name should go at the top of your worksheet?" in page
    assert "Why we ask: It is printed at the top of the worksheet, and nowhere else." in page
    assert '<label for="field-name">' in page


def test_helper_wording(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    page = post(
        client, access, "/step", {"screen": "start", "wording": "helper", "go": "next"}
    ).get_data(as_text=True)
    assert "What is the name of the person you are helping?" in page
    assert 'name="wording" value="helper"' in page
    assert (
        "checked"
        in client.get(f"{BASE}/?helper=1")
        .get_data(as_text=True)
        .split('id="wording-helper"')[1]
        .split(">")[0]
    )


def test_a_mistake_is_shown_at_its_field_and_the_screen_stays(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    response = post(
        client,
        access,
        "/step",
        {"screen": "symptoms", "go": "next", "name": "Maria Lopez", "tiredness": "12"},
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "<h1>How you have been feeling</h1>" in page
    assert problems(page) == [
        'Please check: "12" is not a score; use a whole number from 0 (not at all) to 10 (worst)'
    ]
    field = re.search(r'<input type="number"[^>]*id="field-tiredness"[^>]*>', page)
    assert field is not None
    assert 'aria-invalid="true"' in field.group(0)
    assert "problem-tiredness-1" in field.group(0)  # aria-describedby
    assert 'id="problem-tiredness-1" role="alert"' in page
    # The answers of other screens travel along, hidden.
    assert '<input type="hidden" name="name" value="Maria Lopez">' in page


def test_fixed_it_goes_on(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    response = post(client, access, "/step", {"screen": "symptoms", "go": "next", "tiredness": "7"})
    assert response.status_code == 200
    assert "<h1>Your own questions</h1>" in response.get_data(as_text=True)


def test_priorities_are_put_in_order_with_buttons(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    page = post(
        client,
        access,
        "/step",
        {"screen": "priorities", "go": "next", "priorities": ["work", "travel", "faith"]},
    ).get_data(as_text=True)
    assert "<h1>Put them in order</h1>" in page
    assert 'value="up:faith"' in page and 'value="down:work"' in page
    page = post(
        client,
        access,
        "/step",
        {"screen": "order", "go": "up:faith", "priorities": ["work", "travel", "faith"]},
    ).get_data(as_text=True)
    order = re.findall(r'name="priorities" value="(\w+)"', page)
    assert order == ["work", "faith", "travel"]


def test_own_words_are_kept_in_their_rank_with_the_closest_choice(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    page = post(
        client,
        access,
        "/step",
        {
            "screen": "priorities",
            "go": "next",
            "priorities": ["work", "avoid_hospital"],
            "priorities_own": ["Gardening", "  my   grandchildren ", ""],
            "priorities_own_like": ["activities", "", ""],
        },
    ).get_data(as_text=True)
    assert "<h1>Put them in order</h1>" in page
    ranked = [html.unescape(m) for m in re.findall(r'<span class="ranked">(.*?)</span>', page)]
    assert ranked == [
        "Keeping up my work",
        "Staying out of the hospital",
        "Gardening",
        "my grandchildren",
    ]
    # Moved up, the person's words keep their closest choice.
    page = post(
        client,
        access,
        "/step",
        {
            "screen": "order",
            "go": "up:own: Gardening, like: activities",
            "priorities": [
                "work",
                "avoid_hospital",
                "own: Gardening, like: activities",
                "own: my grandchildren",
            ],
        },
    ).get_data(as_text=True)
    carried = [html.unescape(m) for m in re.findall(r'name="priorities" value="([^"]*)"', page)]
    assert carried == [
        "work",
        "own: Gardening, like: activities",
        "avoid_hospital",
        "own: my grandchildren",
    ]


def test_own_words_are_shown_again_in_their_boxes(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    page = post(
        client,
        access,
        "/step",
        {
            "screen": "order",
            "go": "back",
            "priorities": ["work", "own: Gardening, like: activities"],
        },
    ).get_data(as_text=True)
    assert "<h1>What matters most</h1>" in page
    assert 'name="priorities_own" value="Gardening"' in page
    assert '<option value="activities" selected>' in page
    # Not also a stray tick box of its own.
    assert 'value="own: Gardening' not in html.unescape(page)


def test_own_words_reach_page_one_and_the_saved_answers(
    client, access: Access, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    form = {
        **MARIA_FORM,
        "priorities": ["own: Gardening, like: activities", "work", "own: Grandchildren"],
    }
    text = pdf_text(post(client, access, "/worksheet", form).data)
    assert "Gardening" in text and "Grandchildren" in text
    saved = post(client, access, "/answers", form).get_data(as_text=True)
    assert "- own: Gardening\n  like: activities\n- work\n- own: Grandchildren\n" in saved
    loaded = client.post(
        f"{BASE}/answers/load",
        data={
            "csrf_token": access.csrf_token,
            "answers_file": (io.BytesIO(saved.encode()), "a.yaml"),
        },
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "Gardening; Keeping up my work; Grandchildren" in html.unescape(loaded)


def test_own_words_with_a_semicolon_are_asked_about(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    page = post(
        client,
        access,
        "/step",
        {"screen": "priorities", "go": "next", "priorities_own": ["cats; dogs"]},
    ).get_data(as_text=True)
    assert "<h1>What matters most</h1>" in page
    assert problems(page) == ['Please check: Please use a comma instead of ";" in "cats; dogs".']


def test_one_priority_needs_no_ordering(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    page = post(
        client, access, "/step", {"screen": "priorities", "go": "next", "priorities": "work"}
    ).get_data(as_text=True)
    assert "<h1>What to talk about</h1>" in page


def test_back_and_change(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    page = post(client, access, "/step", {"screen": "cancer", "go": "back"}).get_data(as_text=True)
    assert "<h1>Your visit</h1>" in page
    page = post(client, access, "/step", {"screen": "finish", "go": "to:cancer"}).get_data(
        as_text=True
    )
    assert "<h1>The cancer</h1>" in page


def test_the_last_screen_shows_the_answers_and_the_print_choices(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    page = post(
        client, access, "/step", {**MARIA_FORM, "screen": last_questions(), "go": "next"}
    ).get_data(as_text=True)
    assert "<h1>Make your worksheet</h1>" in page
    assert "Keeping up my work; Eating without nausea or discomfort; Being able to travel" in page
    assert "Tiredness 7, Nausea 5" in page
    for choice in ('name="paper"', 'name="large_print"', 'name="all_questions"'):
        assert choice in page
    assert "Make my worksheet" in page and "Save my answers" in page


# --- The worksheet -------------------------------------------------------------------


def test_letters_no_font_can_print_are_said_before_the_worksheet(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    import worksheets.glyphs as glyphs

    typed = {**MARIA_FORM, "name": "Maria \U00013000", "screen": last_questions(), "go": "next"}
    page = post(client, access, "/step", typed).get_data(as_text=True)
    missing = glyphs.missing_characters(["\U00013000"])
    if not missing:
        pytest.skip("this computer has a font with Egyptian hieroglyphs")
    assert 'class="notice" role="status"' in page
    assert glyphs.font_advice(missing) in html.unescape(page)
    assert "notice" not in post(
        client, access, "/step", {**MARIA_FORM, "screen": last_questions(), "go": "next"}
    ).get_data(as_text=True)


def test_a_complete_set_gets_the_pdf(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    response = post(client, access, "/worksheet", MARIA_FORM)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == (
        'inline; filename="care-questions-2026-12-03.pdf"'
    )
    text = pdf_text(response.data)
    assert "Maria Lopez" in text
    assert "Can I still go to my son's wedding in June?" in text
    metadata = pypdf.PdfReader(io.BytesIO(response.data)).metadata or {}
    assert "Maria" not in str(dict(metadata))


def test_download_large_print_a4_booklet(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    normal = post(client, access, "/worksheet", MARIA_FORM)
    response = post(
        client,
        access,
        "/worksheet",
        {
            **MARIA_FORM,
            "deliver": "download",
            "paper": "a4",
            "large_print": "1",
            "all_questions": "1",
        },
    )
    assert response.headers["Content-Disposition"].startswith("attachment;")
    reader = pypdf.PdfReader(io.BytesIO(response.data))
    width = float(reader.pages[0].mediabox.width)
    assert round(width) == 595  # A4
    assert len(reader.pages) > len(pypdf.PdfReader(io.BytesIO(normal.data)).pages)


def test_a_wrong_set_gets_the_form_at_the_first_problem(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    response = post(client, access, "/worksheet", {**MARIA_FORM, "priorities": "wrk"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "<h1>What matters most</h1>" in page
    assert problems(page) == ['Please check: "wrk" is not a priority. Did you mean "work"?']


def test_a_worksheet_that_takes_too_long_is_stopped_and_said(access: Access) -> None:
    slow = RenderPool(DocumentOptions(), workers=1, time_limit=0.01)
    try:
        slow.wait_ready()
        client = create_app(access, slow).test_client()
        client.get(f"{BASE}/?token={access.token}")
        response = post(client, access, "/worksheet", MARIA_FORM)
        assert response.status_code == 503
        assert "Making the worksheet took too long. Please try again." in response.get_data(
            as_text=True
        )
    finally:
        slow.close()


# --- The answers file ---------------------------------------------------------------


def test_saved_answers_render_to_the_same_worksheet(client, access: Access, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    saved = post(client, access, "/answers", MARIA_FORM)
    assert saved.headers["Content-Disposition"] == 'attachment; filename="care-answers.yaml"'
    assert saved.headers["Cache-Control"] == "no-store"
    answers_file = tmp_path / "care-answers.yaml"
    answers_file.write_bytes(saved.data)
    out = tmp_path / "rendered.pdf"
    subprocess.run(
        [sys.executable, "-m", "worksheets", "render", str(answers_file), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    web_pdf = post(client, access, "/worksheet", MARIA_FORM).data
    assert pdf_text(out) == pdf_text(web_pdf)
    assert len(pypdf.PdfReader(out).pages) == len(pypdf.PdfReader(io.BytesIO(web_pdf)).pages)


def test_start_from_saved_answers(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        f"{BASE}/answers/load",
        data={
            "csrf_token": access.csrf_token,
            "answers_file": (io.BytesIO(MARIA.read_bytes()), "maria.yaml"),
        },
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert "<h1>Make your worksheet</h1>" in page
    assert "Maria Lopez" in page and "Pancreatic cancer" in page


def test_a_wrong_saved_file_is_explained_at_the_upload(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    text = MARIA.read_text().replace("[work, eat_comfortably, travel]", "[wrk]")
    response = client.post(
        f"{BASE}/answers/load",
        data={
            "csrf_token": access.csrf_token,
            "answers_file": (io.BytesIO(text.encode()), "mine.yaml"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert problems(response.get_data(as_text=True)) == [
        'Please check: mine.yaml, line 14, priorities: "wrk" is not a priority. '
        'Did you mean "work"?'
    ]
    for body, expected in (
        (b"\x00\x01binary", "binary data"),
        (
            b"version: 1\nperson: [",
            'mine.yaml, line 2: a list opened with "[" on this line is never closed with "]"',
        ),
        ("version: 1\n".encode("utf-16"), "mine.yaml: the file is saved as UTF-16"),
    ):
        response = client.post(
            f"{BASE}/answers/load",
            data={"csrf_token": access.csrf_token, "answers_file": (io.BytesIO(body), "mine.yaml")},
            content_type="multipart/form-data",
        )
        assert response.status_code == 422
        assert expected in " ".join(problems(response.get_data(as_text=True)))
    response = post(client, access, "/answers/load", {})
    assert problems(response.get_data(as_text=True)) == [
        "Please check: Choose your saved answers file first."
    ]


def test_more_own_questions_than_fit_are_all_shown_with_the_message(client, access: Access) -> None:  # type: ignore[no-untyped-def]
    asked = [f"Question number {n}?" for n in range(1, 22)]
    response = post(client, access, "/worksheet", {**MARIA_FORM, "own_questions": asked})
    assert response.status_code == 422
    page = html.unescape(response.get_data(as_text=True))
    assert "<h1>Your own questions</h1>" in page
    assert "21 questions given; at most 20 fit on the worksheet" in page
    # None lost unseen: the 21st is still in a box, to choose which to leave out.
    assert re.findall(r'name="own_questions" value="([^"]+)"', page) == asked
