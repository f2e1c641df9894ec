"""Worksheets in Spanish: what a Spanish-speaking person holds in their hands."""

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

from tests.conftest import MARIA, REPO, pdf_pages, pdf_text, write_answers
from worksheets.cli import cli
from worksheets.csvinput import COLUMNS, example_csv

ROSA = REPO / "examples" / "rosa.yaml"

# English words that have no place on a Spanish worksheet: none is a Spanish
# word, a medical name or a brand that the Spanish texts keep.
NEVER_ON_A_SPANISH_SHEET = (
    "the", "and", "you", "your", "my", "of", "to", "for", "with", "what", "when",
    "which", "how", "should", "will", "can", "is", "are", "does", "this", "that",
    "from", "about", "after", "before", "worksheet", "question", "questions",
    "treatment", "page", "visit", "care", "team", "doctor", "call", "night", "week",
    "pain", "help", "side", "effects", "bank", "today", "tick", "answer", "notes",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "December", "Saturday",
)  # fmt: skip


def english_words(text: str) -> list[str]:
    words = set(re.findall(r"[A-Za-z]+", text))
    never = {w.lower() for w in NEVER_ON_A_SPANISH_SHEET}
    return sorted(w for w in words if w.lower() in never)


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_the_spanish_sample_gives_a_worksheet_with_no_english(runner, tmp_path):
    result = runner.invoke(cli, ["render", str(ROSA)])
    assert result.exit_code == 0, result.output
    assert result.stderr == "Se escribió care-questions-2026-12-03.pdf\n"  # the file says es
    text = pdf_text(tmp_path / "care-questions-2026-12-03.pdf")
    for expected in (
        "Preguntas para mi equipo médico",
        "Rosa Hernández · Consulta del jueves, 3 de diciembre de 2026",
        "Me atiende: Dra. Morales",
        "Me acompaña: mi hijo Daniel",
        "Cáncer de mama (seno)",
        "extendido a: huesos, hígado",
        "Lo que más me importa",
        "Mis preguntas para hoy",
        "¿Puedo viajar a Puerto Rico en febrero para la boda de mi nieta?",
        "Después de la consulta",
        "Cuándo llamar enseguida, de día o de noche",
        "Banco de preguntas 2026.12",
        "Página 1 de",
    ):
        assert expected in text, expected
    assert english_words(text) == []


@pytest.mark.parametrize(
    "options", [[], ["--large-print", "--paper", "a4"], ["--fillable"], ["--all-questions"]]
)
def test_every_spanish_variant_is_free_of_english(runner, tmp_path, options):
    result = runner.invoke(cli, ["render", str(ROSA), "--language", "es", "-o", "m.pdf", *options])
    assert result.exit_code == 0, result.output
    assert result.stderr == "Se escribió m.pdf\n"
    assert english_words(pdf_text(tmp_path / "m.pdf")) == []


def test_the_blank_spanish_worksheet(runner, tmp_path):
    result = runner.invoke(cli, ["blank", "--language", "es"])
    assert result.exit_code == 0, result.output
    text = pdf_text(tmp_path / "blank-worksheet.pdf")
    for expected in ("Mi nombre:", "Fecha de mi consulta:", "Marque todo lo que le importa"):
        assert expected in text, expected
    assert english_words(text) == []


def test_the_spanish_sheet_is_no_longer_than_the_english_by_more_than_a_page(runner, tmp_path):
    # Spanish runs about a fifth longer than English; the layout must absorb it.
    for language in ("en", "es"):
        result = runner.invoke(cli, ["render", str(MARIA), "--language", language, "-o", language])
        assert result.exit_code == 0, result.output
    assert pdf_pages(tmp_path / "es") <= pdf_pages(tmp_path / "en") + 1


def test_html_and_json_say_their_language(runner):
    html = runner.invoke(cli, ["render", str(ROSA), "--format", "html", "-o", "-"]).stdout
    assert '<html lang="es">' in html
    result = runner.invoke(cli, ["render", str(ROSA), "--format", "json", "-o", "-"])
    document = json.loads(result.stdout)
    assert document["language"] == "es"
    first = document["questions"][0]
    assert first["text"].startswith("¿") and first["section_title"]


def test_the_command_line_language_wins_over_the_answers_file(runner):
    html = runner.invoke(
        cli, ["render", str(ROSA), "--language", "en", "--format", "html", "-o", "-"]
    ).stdout
    assert '<html lang="en">' in html
    assert "Thursday, December 3, 2026" in html


def test_an_unknown_language_is_a_usage_error_listing_the_languages(runner):
    result = runner.invoke(cli, ["blank", "--language", "fr"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for '--language': \"fr\" is not a language this program "
        "speaks. Choose from: en (English), es (español)\n"
    )


def test_an_unknown_language_in_an_answers_file_is_bad_input(runner, tmp_path):
    path = write_answers(tmp_path, {"version": 1, "language": "fr"})
    result = runner.invoke(cli, ["render", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        'Error: answers.yaml, line 2, language: "fr" is not a language this program speaks. '
        "Choose from: en, es\n"
    )


def test_messages_follow_the_language_asked_for(runner, tmp_path):
    result = runner.invoke(cli, ["render", "nowhere.yaml", "--language", "es"])
    assert result.exit_code == 1
    assert result.stderr == "Error: nowhere.yaml: ese archivo no existe\n"


def test_one_batch_mixes_languages(runner, tmp_path):
    (tmp_path / "people.csv").write_text(
        "output,language,name,appointment,priorities\n"
        "rosa,es,Rosa Hernández,2026-12-03,family_time\n"
        "james,en,James Carter,2026-12-10,work\n"
        "ana,,Ana Ruiz,2026-12-11,travel\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["batch", "people.csv", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    rosa = pdf_text(tmp_path / "worksheets-out" / "rosa.pdf")
    james = pdf_text(tmp_path / "worksheets-out" / "james.pdf")
    ana = pdf_text(tmp_path / "worksheets-out" / "ana.pdf")
    assert "jueves, 3 de diciembre de 2026" in rosa and english_words(rosa) == []
    assert "Thursday, December 10, 2026" in james and "Preguntas" not in james
    assert "Friday, December 11, 2026" in ana  # no language: the locale's (English here)


def test_a_clinic_text_without_spanish_is_printed_as_written(runner, tmp_path):
    result = runner.invoke(
        cli,
        ["blank", "--language", "es", "--clinic", str(REPO / "examples" / "clinic.yaml")],
    )
    assert result.exit_code == 0, result.output
    text = pdf_text(tmp_path / "blank-worksheet.pdf")
    assert "A quién llamar" in text and "Riverside Cancer Center" in text
    assert "Pregunte por: the oncology nurse on call" in text
    assert "Where can my family park, and is it free?" in text
    assert "1 pregunta de esta hoja no tiene texto en español" in result.stderr


def test_a_spanish_answers_file_is_answered_in_spanish(runner):
    result = runner.invoke(cli, ["render", str(ROSA), "-o", "rosa.pdf"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "Se escribió rosa.pdf\n"
    english = runner.invoke(cli, ["render", str(ROSA), "-o", "r2.pdf", "--language", "en"])
    assert english.stderr == "Wrote r2.pdf\n"


def test_the_spanish_batch_template_is_filled_in_spanish_and_renders(runner, tmp_path):
    result = runner.invoke(cli, ["batch", "--template", "--language", "es"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header == list(COLUMNS)  # the contract's column names, in any language
    assert [(row["language"], row["name"], row["output"]) for row in rows] == [
        ("es", "Rosa Hernández", "familia-12"),
        ("es", "José Ramírez", ""),
    ]
    assert rows[0]["own_questions"].splitlines()[0] == (
        "¿Puedo viajar a Puerto Rico en febrero para la boda de mi nieta?"
    )
    # As printed, the template is a batch that runs: every row written, in Spanish.
    (tmp_path / "plantilla.csv").write_text(result.stdout, encoding="utf-8")
    batch = runner.invoke(cli, ["batch", "plantilla.csv", "--jobs", "2"])
    assert batch.exit_code == 0, batch.output
    # The batch reports to the person running it, in the command line's language.
    assert batch.stderr == "2 worksheets written to worksheets-out/\n"
    rosa = pdf_text(tmp_path / "worksheets-out" / "familia-12.pdf")
    jose = pdf_text(tmp_path / "worksheets-out" / "row-003.pdf")
    assert "Rosa Hernández · Consulta del jueves, 3 de diciembre de 2026" in rosa
    assert "Mis medicinas contra el cáncer: letrozol, Ibrance" in rosa
    assert "José Ramírez · Consulta del jueves, 10 de diciembre de 2026" in jose
    assert "¿Puedo seguir manejando?" in jose
    assert english_words(rosa) == [] and english_words(jose) == []


def test_the_batch_template_follows_the_locale_but_english_stays_as_it_was(runner):
    english = runner.invoke(cli, ["batch", "--template"]).stdout
    assert english == example_csv("en")
    assert [row["name"] for row in csv.DictReader(io.StringIO(english))] == [
        "Maria Lopez",
        "James Carter",
    ]
    assert example_csv("es") != english


# A Spanish answers file with a problem found before its `language:` is read:
# told in Spanish all the same (its `language: es` line is found in its text).
EARLY_PROBLEMS_ES = {
    "not valid YAML": (
        b"version: 1\nlanguage: es\npriorities: [work\n",
        "Error: answers.yaml, línea 3: una lista que se abre con «[» en esta línea no se cierra "
        "nunca con «]»\n",
    ),
    "a key twice": (
        b"version: 1\nlanguage: es\nperson: {name: Rosa}\nperson: {name: Ana}\n",
        'Error: answers.yaml, línea 4: "person" aparece dos veces\n',
    ),
    "not UTF-8": (
        "version: 1\nlanguage: es\nperson:\n  name: Rosa Hernández\n".encode("cp1252"),
        "Error: answers.yaml, línea 4: el archivo no es texto UTF-8; guárdelo otra vez como UTF-8\n",
    ),
    "saved as UTF-16": (
        "version: 1\nlanguage: es\n".encode("utf-16"),
        "Error: answers.yaml: el archivo está guardado como UTF-16 (a veces llamado «Unicode»); "
        "guárdelo otra vez como UTF-8\n",
    ),
    "too large": (
        ("version: 1\nlanguage: es\nown_questions:\n  - " + "x" * 1_000_000 + "\n").encode(),
        "Error: answers.yaml: el archivo pasa de 1 MB, es demasiado grande para un archivo de "
        "respuestas\n",
    ),
    "quoted, with a comment, Windows line ends": (
        b'version: 1\r\nlanguage: "es"   # espa\xc3\xb1ol\r\npriorities: [work\r\n',
        "Error: answers.yaml, línea 3: una lista que se abre con «[» en esta línea no se cierra "
        "nunca con «]»\n",
    ),
    "a wrong value": (
        b"version: 1\nlanguage: es\npriorities: [wrk]\n",
        'Error: answers.yaml, línea 3, priorities: "wrk" no es una prioridad. '
        '¿Quiso decir "work"?\n',
    ),
}


@pytest.mark.parametrize("case", EARLY_PROBLEMS_ES)
def test_a_spanish_files_problems_are_told_in_spanish(runner, tmp_path, case):
    content, expected = EARLY_PROBLEMS_ES[case]
    (tmp_path / "answers.yaml").write_bytes(content)
    result = runner.invoke(cli, ["render", "answers.yaml"])
    assert result.exit_code == 1
    assert result.stderr == expected


def test_several_problems_are_headed_in_the_files_language(runner, tmp_path):
    (tmp_path / "answers.yaml").write_text(
        "version: 1\nlanguage: es\npriorities: [wrk]\nsymptoms:\n  pain: 11\n", encoding="utf-8"
    )
    result = runner.invoke(cli, ["render", "answers.yaml"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: 2 problemas:\n  answers.yaml, línea 3, priorities: ")
    english = runner.invoke(cli, ["render", "answers.yaml", "--language", "en"])
    assert english.stderr.startswith("Error: 2 problems:\n  answers.yaml, line 3, priorities: ")


def test_the_command_line_language_wins_for_the_files_problems(runner, tmp_path):
    content, _expected = EARLY_PROBLEMS_ES["not UTF-8"]
    (tmp_path / "answers.yaml").write_bytes(content)
    result = runner.invoke(cli, ["render", "answers.yaml", "--language", "en"])
    assert result.stderr == (
        "Error: answers.yaml, line 4: the file is not UTF-8 text; save it again as UTF-8\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "version: 1\nlanguage: es\nlanguage: en\n",  # two languages: which one is meant?
        "version: 1\nperson:\n  language: es\n  name: [Rosa\n",  # not the file's own key
        "version: 1\n# language: es\npriorities: [work\n",  # a comment
        "version: 1\nlanguage: fr\npriorities: [work\n",  # one the program does not speak
    ],
)
def test_without_a_clear_language_the_command_lines_stands(runner, tmp_path, text):
    (tmp_path / "answers.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["render", "answers.yaml"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: answers.yaml, line ")


def test_the_interview_tells_a_spanish_files_problems_in_spanish(runner, tmp_path):
    (tmp_path / "rosa.yaml").write_text(
        "version: 1\nlanguage: es\npriorities: [work\n", encoding="utf-8"
    )
    result = runner.invoke(cli, ["interview", "--answers", "rosa.yaml", "-o", "r.pdf"], input="")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: rosa.yaml, línea 3: una lista que se abre con «[» en esta línea no se cierra "
        "nunca con «]»\n"
    )


def test_a_batch_reports_to_the_person_running_it_in_their_language(runner, tmp_path):
    # Many files, one report: in the command line's language, whatever each file's.
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "rosa.yaml").write_text(
        "version: 1\nlanguage: es\npriorities: [work\n", encoding="utf-8"
    )
    result = runner.invoke(cli, ["batch", "people", "--format", "json"])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        'Error: rosa.yaml, line 3: a list opened with "[" on this line is never closed with "]"\n'
    )
