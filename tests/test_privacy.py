"""Nothing typed can make the program fetch, leak or leave anything behind."""

from __future__ import annotations

import http.server
import io
import os
import shutil
import threading
from typing import ClassVar

import pypdf
import pytest
import yaml
from click.testing import CliRunner

from tests.conftest import pdf_text, write_answers
from worksheets.cli import cli
from worksheets.paths import BANK_DIR


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self):
        type(self).hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback():
    _Counter.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()


def payloads(port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}"
    return [
        f'<img src="{url}/img">',
        f"<link rel=stylesheet href={url}/link>",
        f"</style><style>@import url({url}/import);</style>",
        f"x{{background:url({url}/css)}}",
        f'<svg><image href="{url}/svg"/></svg>',
        f'<iframe src="{url}/frame"></iframe>',
        "file:///etc/passwd",
        '<object data="file:///etc/passwd"></object>',
        "{{ 7*7 }} {% raw %}",
    ]


def test_every_free_text_field_is_printed_literally_and_nothing_is_fetched(
    tmp_path, loopback, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    texts = payloads(loopback)
    answers = write_answers(
        tmp_path,
        {
            "version": 1,
            "person": {"name": texts[0], "care_team": texts[1][:100], "helper": texts[4][:100]},
            "own_questions": texts,
        },
    )
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text(
        yaml.safe_dump(
            {
                "version": 1,
                "name": texts[5][:100],
                "phone": texts[6],
                "after_hours": texts[3][:100],
                "ask_for": texts[8],
                "questions": [
                    {"id": "clinic-x", "section": "visit", "text": texts[2] + "?", "why": texts[7]}
                ],
            }
        )
    )
    bank = tmp_path / "bank"
    shutil.copytree(BANK_DIR, bank)
    (bank / "zz-clinic.yaml").write_text(
        yaml.safe_dump(
            {
                "questions": [
                    {
                        "id": "zz-hostile",
                        "section": "visit",
                        "text": texts[3] + "?",
                        "why": texts[0],
                        "core": True,
                    },
                ]
            }
        )
    )
    # The booklet (--all-questions), so that the hostile question for everyone is printed too.
    common = ["--clinic", str(clinic), "--bank", str(bank), "--fillable", "--all-questions"]
    runner = CliRunner()
    for command, out in ((["render", str(answers)], "personal.pdf"), (["blank"], "blank.pdf")):
        result = runner.invoke(cli, [*command, *common, "-o", out])
        assert result.exit_code == 0, result.output
        text = pdf_text(tmp_path / out)
        assert texts[5][:100] in text
        assert texts[3] + "?" in text
        if command[0] == "render":
            for payload in texts:
                assert payload in text, payload
    html = runner.invoke(
        cli, ["render", str(answers), *common, "--format", "html", "-o", "-"]
    ).stdout
    assert "<img src" not in html and "<iframe" not in html
    assert _Counter.hits == []


def test_no_personal_data_in_metadata_or_file_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    answers = write_answers(
        tmp_path,
        {
            "version": 1,
            "person": {
                "name": "Maria Lopez",
                "care_team": "Dr. Okafor",
                "helper": "Ana",
                "appointment": "2026-12-03",
            },
            "cancer": {"type": "pancreatic"},
            "own_questions": ["Can I go to the wedding?"],
        },
    )
    result = CliRunner().invoke(cli, ["render", str(answers)])
    assert result.exit_code == 0
    assert sorted(os.listdir(tmp_path)) == ["answers.yaml", "care-questions-2026-12-03.pdf"]
    pdf = (tmp_path / "care-questions-2026-12-03.pdf").read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    metadata = repr(dict(reader.metadata)) + reader.xmp_metadata.stream.get_data().decode()
    for private in ("Maria", "Lopez", "Okafor", "Ana", "pancrea", "wedding"):
        assert private not in metadata
    assert "Maria Lopez" in pdf_text(pdf)


def test_errors_name_only_the_wrong_value(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    answers = write_answers(
        tmp_path,
        {
            "version": 1,
            "person": {"name": "Maria Lopez"},
            "own_questions": ["Is it safe?"],
            "priorities": ["wrk"],
        },
    )
    result = CliRunner().invoke(cli, ["render", str(answers)])
    assert result.exit_code == 1
    assert "Maria" not in result.output
    assert "Is it safe" not in result.output


def test_a_failed_render_leaves_no_file_and_no_temporary_file(tmp_path, monkeypatch):
    import worksheets.render as render

    monkeypatch.chdir(tmp_path)
    answers = write_answers(tmp_path, "version: 1\n")

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "lay_out", broken)
    result = CliRunner().invoke(cli, ["render", str(answers), "-o", "out.pdf"])
    assert result.exit_code == 130
    assert os.listdir(tmp_path) == ["answers.yaml"]
