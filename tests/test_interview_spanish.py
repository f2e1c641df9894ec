"""The whole interview in Spanish: prompts, Spanish words and dates, the worksheet."""

from __future__ import annotations

import datetime as dt
import os
import threading

import pytest
import yaml
from click.testing import CliRunner

from tests.conftest import pdf_text
from tests.interviewsupport import script
from worksheets import dates, local_words
from worksheets.cli import cli
from worksheets.i18n import use_language
from worksheets.interview import THREAD_NAME

# Rosa answers in her own words: Spanish names for every choice, accents or not.
# By field; a question not named here is skipped (see interviewsupport).
ROSA_SESSION = script(
    {
        "name": ["Rosa Hernández"],
        "appointment": [
            "2026-12-03",
            "",  # "jueves, 3 de diciembre de 2026. ¿Es correcto? [S/n]"
        ],
        "care_team": ["Dra. Morales"],
        "helper": ["mi hijo Daniel"],  # quién acompaña
        "cancer_type": ["mama"],
        "spread_to": ["huesos, higado"],
        "stage_of_care": ["en tratamiento"],
        "medicines": [""],  # no sabe los nombres
        "treatments": ["hormonas, rayos"],
        "priorities": ["familia, dolor, fe"],  # lo más importante primero
        "information": ["idea general"],
        "symptoms": ["6", "7", "saltar todo"],  # dolor, cansancio
        "skip_topics": ["saltar"],  # temas para otro día
        "own_questions": ["¿Puedo viajar a Puerto Rico en febrero?", ""],
    }
)
ACCEPT = ["", "no gracias"]  # the summary; "¿Imprimir también la lista larga?"
DONT_SAVE = ["no"]


def lines(*parts: list[str]) -> str:
    return "".join(f"{line}\n" for part in parts for line in part)


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return CliRunner()


@pytest.fixture(autouse=True)
def no_preparer_left_running():
    yield
    for thread in threading.enumerate():
        if thread.name == THREAD_NAME:
            thread.join(timeout=300)


def test_the_whole_interview_in_spanish(runner, tmp_path):
    result = runner.invoke(cli, ["--language", "es"], input=lines(ROSA_SESSION, ACCEPT, DONT_SAVE))
    assert result.exit_code == 0, result.output
    output = result.output
    for said in (
        "Vamos a hacer su hoja: preguntas para llevar a su equipo médico.",
        "For this interview in English, type: worksheets --language en",
        "¿Qué nombre debe ir arriba en su hoja?",
        "Por qué preguntamos: Se imprime arriba en la hoja, y en ningún otro lugar.",
        "¿Qué tipo de cáncer es? (dónde empezó)",
        "Esto es lo que va a usar la hoja:",
        "¿Imprimir también la lista larga de preguntas? [s/N]",
        "Se escribió la hoja, ",
        "care-questions-2026-12-03.pdf",
        "Para imprimirla, abra el archivo y elija Imprimir. Llévela a su consulta.",
    ):
        assert said in output, said
    assert "What name" not in output
    text = pdf_text(tmp_path / "care-questions-2026-12-03.pdf")
    for printed in (
        "Rosa Hernández · Consulta del jueves, 3 de diciembre de 2026",
        "Cáncer de mama (seno) · extendido a: huesos, hígado",
        "Terapia hormonal, Radiación",
        "Tiempo con mi familia y mis amigos",
        "Estar a gusto, sin dolor",
        "Mi fe o mi vida espiritual",
        "¿Puedo viajar a Puerto Rico en febrero?",
    ):
        assert printed in text, printed


def test_the_locale_runs_the_interview_in_spanish_and_says_how_to_switch(runner, monkeypatch):
    monkeypatch.setattr("worksheets.i18n._locale_default", lambda: "es")
    result = runner.invoke(cli, [], input=lines(["", "", ""]))
    # Three Enters, then the end of input: stopped, nothing written.
    assert result.exit_code == 130
    assert "¿Qué nombre debe ir arriba en su hoja?" in result.output
    assert "For this interview in English, type: worksheets --language en" in result.output
    assert "Se detuvo. No se escribió nada." in result.output


def test_english_says_how_to_have_it_in_spanish(runner):
    result = runner.invoke(cli, [], input=lines([""]))
    assert "Para esta entrevista en español, escriba: worksheets --language es" in result.output


def test_a_saved_spanish_file_makes_the_interview_spanish(runner, tmp_path):
    (tmp_path / "rosa.yaml").write_text(
        yaml.safe_dump({"version": 1, "language": "es", "person": {"name": "Rosa"}}),
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["interview", "--answers", "rosa.yaml"], input=lines([""]))
    assert "¿Cuándo es su consulta?" in result.output
    assert os.listdir(tmp_path) == ["rosa.yaml"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("15 de diciembre", dt.date(2026, 12, 15)),
        ("el martes que viene", dt.date(2026, 12, 8)),
        ("el próximo martes", dt.date(2026, 12, 8)),
        ("mañana", dt.date(2026, 12, 2)),
        ("pasado mañana", dt.date(2026, 12, 3)),
        ("hoy", dt.date(2026, 12, 1)),
        ("el 15", dt.date(2026, 12, 15)),
        ("jueves 3 de diciembre", dt.date(2026, 12, 3)),
        ("15 de enero", dt.date(2027, 1, 15)),
    ],
)
def test_spanish_dates(typed, meant):
    with use_language("es"):
        assert dates.understand(typed, dt.date(2026, 12, 1)).dates == (meant,)


def test_a_spanish_weekday_that_does_not_fit_is_asked_about():
    with use_language("es"):
        reading = dates.understand("martes 14 de diciembre", dt.date(2026, 12, 1))
    assert reading.dates == (dt.date(2026, 12, 14), dt.date(2026, 12, 15))
    assert reading.note == "El 14 de diciembre de 2026 es lunes, no martes."


@pytest.mark.parametrize(
    ("typed", "options", "meant"),
    [
        ("quimio", "treatments", "chemotherapy"),
        ("Quimioterapia", "treatments", "chemotherapy"),
        ("rayos", "treatments", "radiation"),
        ("operación", "treatments", "surgery"),
        ("trabajo", "priorities", "work"),
        ("higado", "spread_to", "liver"),
        ("riñón", "cancer_type", "kidney"),
        ("familia", "information", "family_first"),
        ("familia", "priorities", "family_time"),
    ],
)
def test_spanish_words_for_the_choices(typed, options, meant):
    from worksheets import prompts, schema

    with use_language("es"):
        assert prompts.match_option(typed, schema.BY_NAME[options].choices) == meant


@pytest.mark.parametrize(
    ("typed", "command"),
    [("Saltar", "skip"), ("borrar", "clear"), ("saltar todo", "skip all"), ("No sé", "not sure")],
)
def test_spanish_commands(typed, command):
    with use_language("es"):
        assert local_words.command(typed) == command
    assert local_words.command(typed) == typed  # in English they are plain words


@pytest.mark.parametrize(
    ("typed", "answer"),
    [("sí", True), ("si", True), ("claro", True), ("no gracias", False), ("ahora no", False)],
)
def test_spanish_yes_and_no(typed, answer):
    from worksheets.words import yes_or_no

    with use_language("es"):
        assert yes_or_no(typed) is answer


def test_answers_saved_from_a_spanish_interview_render_in_spanish(runner, tmp_path):
    result = runner.invoke(
        cli,
        ["--language", "es", "--save-answers", "mias.yaml"],
        input=lines(ROSA_SESSION, ACCEPT),
    )
    assert result.exit_code == 0, result.output
    saved = yaml.safe_load((tmp_path / "mias.yaml").read_text(encoding="utf-8"))
    assert saved["language"] == "es"
    again = runner.invoke(cli, ["render", "mias.yaml", "-o", "otra.pdf"])
    assert again.exit_code == 0, again.output
    assert "Consulta del jueves, 3 de diciembre de 2026" in pdf_text(tmp_path / "otra.pdf")


def test_the_spanish_interview_describes_medicines_in_spanish():
    from worksheets.interview import Conversation

    with use_language("es"):
        [zometa] = Conversation(None).medicine_list().resolve_all(["Zometa"])  # type: ignore[arg-type]
    assert zometa.medicine is not None
    assert zometa.medicine.description.startswith("Un bisfosfonato que se da por la vena")
