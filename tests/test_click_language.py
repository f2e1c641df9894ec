"""Click's own words and the help pages follow the run's language; English stays as it was."""

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from worksheets.cli import cli


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def run(runner, args):
    # Help pages are wrapped to the terminal: the tests use one of 80 columns (text to 78).
    return runner.invoke(cli, args, prog_name="worksheets", terminal_width=78)


RENDER_HELP_ES = """\
Uso: worksheets render [OPCIONES] RESPUESTAS

  Escribe la hoja de un archivo de respuestas guardado, sin preguntar nada.

  Ejemplo: worksheets render maria.yaml -o maria.pdf

Opciones:
  -o, --output RUTA         Dónde escribir; - escribe en la salida estándar.
  --format [pdf|html|json]  PDF para imprimir, HTML para leer en pantalla,
                            JSON para otros programas.  [predeterminado: pdf]
  --paper [letter|a4]       Tamaño del papel.  [predeterminado: letter]
  --large-print             Todo el texto de 18 pt o más, para leer más fácil.
  --force                   Permite reemplazar un archivo que ya existe.
  --bank CARPETA            Usa otra carpeta de banco de preguntas (la copia
                            editada de una clínica).
  --all-questions           Todas las preguntas que correspondan, no solo las
                            principales.
  --clinic ARCHIVO          Los datos de la clínica (nombre, teléfonos,
                            preguntas propias) para cada página.
  --fillable                Las casillas y los espacios para respuestas se
                            vuelven campos de formulario, para llenar en una
                            tableta.
  --language CÓDIGO         El idioma de todo lo que se imprime y se pregunta:
                            en, es.  [predeterminado: el del archivo de
                            respuestas, si no el de su computadora, si no en]
  --help                    Muestra este mensaje y termina.
"""


@pytest.mark.parametrize(
    "args",
    [
        ["--language", "es", "render", "--help"],  # before the command
        ["render", "--help", "--language", "es"],  # after --help
        ["render", "--language=es", "--help"],
    ],
)
def test_the_help_page_in_spanish_wherever_the_language_is_given(runner, args):
    result = run(runner, args)
    assert result.exit_code == 0
    assert result.stdout == RENDER_HELP_ES


def test_blank_help_in_spanish(runner):
    result = run(runner, ["blank", "--language", "es", "--help"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Uso: worksheets blank [OPCIONES]"
    assert "  Escribe una hoja en blanco para llenar a mano." in lines
    assert "Opciones:" in lines
    assert "  --copies N                Cuántas copias en un solo PDF, para imprimir." in lines
    assert "                            [predeterminado: 1; de 1 a 1000]" in lines
    assert lines[-1] == "  --help                    Muestra este mensaje y termina."


@pytest.mark.parametrize("args", [["--language", "es", "--help"], ["--help", "--language=es"]])
def test_the_main_help_and_version_in_spanish(runner, args):
    result = run(runner, args)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Uso: worksheets [OPCIONES] [COMANDO] [ARGUMENTOS]..."
    assert "  --version  Muestra la versión y termina." in lines
    assert "Comandos:" in lines
    assert "  blank      Escribe una hoja en blanco para llenar a mano." in lines
    version = run(runner, ["--language", "es", "--version"])
    assert version.stdout.startswith("worksheets, versión ")


USAGE_ERRORS_ES = {
    "missing argument": (
        ["--language", "es", "render"],
        "Uso: worksheets render [OPCIONES] RESPUESTAS\n"
        "Para ver la ayuda, escriba 'worksheets render --help'.\n\n"
        "Error: Falta el argumento 'RESPUESTAS'.\n",
    ),
    "unknown option": (
        ["blank", "--bogus", "--language", "es"],  # the language after the wrong option
        "Uso: worksheets blank [OPCIONES]\n"
        "Para ver la ayuda, escriba 'worksheets blank --help'.\n\n"
        "Error: No existe la opción '--bogus'.\n",
    ),
    "not a number": (
        ["blank", "--language", "es", "--copies", "abc"],
        "Uso: worksheets blank [OPCIONES]\n"
        "Para ver la ayuda, escriba 'worksheets blank --help'.\n\n"
        "Error: Valor no válido para '--copies': «abc» no es un número entero\n",
    ),
    "out of range": (
        ["blank", "--copies", "0", "--language", "es"],
        "Uso: worksheets blank [OPCIONES]\n"
        "Para ver la ayuda, escriba 'worksheets blank --help'.\n\n"
        "Error: Valor no válido para '--copies': 0 no es un número de 1 a 1000\n",
    ),
    "too few workers": (
        ["batch", "people.csv", "--jobs", "0", "--language", "es"],
        "Uso: worksheets batch [OPCIONES] ENTRADA\n"
        "Para ver la ayuda, escriba 'worksheets batch --help'.\n\n"
        "Error: Valor no válido para '--jobs': 0 es un número muy bajo: ponga 1 o más\n",
    ),
    "not a choice": (
        ["blank", "--paper", "legal", "--language", "es"],
        "Uso: worksheets blank [OPCIONES]\n"
        "Para ver la ayuda, escriba 'worksheets blank --help'.\n\n"
        "Error: Valor no válido para '--paper': 'legal' no es ninguna de estas: "
        "'letter', 'a4'.\n",
    ),
    "missing batch input": (
        ["batch", "--language", "es"],
        "Uso: worksheets batch [OPCIONES] ENTRADA\n"
        "Para ver la ayuda, escriba 'worksheets batch --help'.\n\n"
        "Error: Falta el argumento 'ENTRADA'.\n",
    ),
    "misspelled command": (
        ["--language", "es", "rendr"],
        "Uso: worksheets [OPCIONES] [COMANDO] [ARGUMENTOS]...\n"
        "Para ver la ayuda, escriba 'worksheets --help'.\n\n"
        "Error: No existe el comando 'rendr'. ¿Quiso decir 'render'?\n",
    ),
}


@pytest.mark.parametrize("case", USAGE_ERRORS_ES)
def test_usage_errors_in_spanish_exit_2(runner, case):
    args, expected = USAGE_ERRORS_ES[case]
    result = run(runner, args)
    assert result.exit_code == 2
    assert result.stderr == expected
    assert result.stdout == ""


def test_the_language_before_the_command_is_the_commands(runner, tmp_path):
    result = run(runner, ["--language", "es", "blank", "--format", "html", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert '<html lang="es">' in result.stdout


BLANK_HELP_EN = """\
Usage: worksheets blank [OPTIONS]

  Write a blank worksheet to fill in by hand.

  Example: worksheets blank --copies 50 --clinic riverside.yaml

Options:
  --copies N                How many copies in one PDF, for printing.
                            [default: 1; from 1 to 1000]
  -o, --output PATH         Where to write; - writes to standard output.
  --format [pdf|html|json]  PDF to print, HTML to read on screen, JSON for
                            tools.  [default: pdf]
  --paper [letter|a4]       Paper size.  [default: letter]
  --large-print             All text at least 18 pt, for easier reading.
  --force                   Allow replacing an existing file.
  --bank DIR                Use another question bank folder (a clinic's
                            edited copy).
  --all-questions           Every question that applies, not only the leading
                            set.
  --clinic FILE             The clinic's details (name, phone numbers, own
                            questions) for every page.
  --fillable                Tick boxes and answer spaces become form fields,
                            to fill in on a tablet.
  --language CODE           The language of everything printed and asked: en,
                            es.  [default: the answers file's, else your
                            computer's, else en]
  --help                    Show this message and exit.
"""


def test_english_help_and_errors_are_as_they_were(runner):
    # Spanish first: nothing of it stays behind for the next run in this process.
    assert run(runner, ["blank", "--language", "es", "--help"]).exit_code == 0
    assert run(runner, ["blank", "--help"]).stdout == BLANK_HELP_EN
    assert run(runner, ["blank", "--language", "en", "--help"]).stdout == BLANK_HELP_EN
    result = run(runner, ["blank", "--copies", "abc"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Usage: worksheets blank [OPTIONS]\n"
        "Try 'worksheets blank --help' for help.\n\n"
        "Error: Invalid value for '--copies': \"abc\" is not a whole number\n"
    )
    assert run(runner, ["--version"]).stdout.startswith("worksheets, version ")


@pytest.mark.parametrize(
    "args, told",
    [
        (["blank", "--copies", "1001"], "'--copies': 1001 is not a number from 1 to 1000"),
        (["blank", "--copies", "1_000"], "'--copies': \"1_000\" is not a whole number"),
        (["blank", "--copies", "9" * 5000], "'--copies': 999999999999… is not a number from 1"),
        (["blank", "--copies", "0000000005", "-o", "-"], None),  # zeros in front: 5
        (["blank", "--copies", "\x1b[2J"], "'--copies': \"\\x1b[2J\" is not a whole number"),
        (["batch", "people.csv", "--jobs", "-1"], "'--jobs': -1 is too small: give 1 or more"),
        (["web", "--port", "65536"], "'--port': 65536 is not a number from 0 to 65535"),
    ],
)
def test_numbers_out_of_bounds_are_told_in_words(runner, args, told):
    result = run(runner, args)
    if told is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2
    assert f"Error: Invalid value for {told}" in result.stderr
    assert "Traceback" not in result.output


def _locale_run(lang, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    env.update(LANG=lang, COLUMNS="80")
    return subprocess.run(
        [sys.executable, "-m", "worksheets", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_locale_speaks_spanish_when_no_language_is_given():
    result = _locale_run("es_MX.UTF-8", "render")
    assert result.returncode == 2
    assert result.stderr == (
        "Uso: worksheets render [OPCIONES] RESPUESTAS\n"
        "Para ver la ayuda, escriba 'worksheets render --help'.\n\n"
        "Error: Falta el argumento 'RESPUESTAS'.\n"
    )
    help_page = _locale_run("es_MX.UTF-8", "blank", "--help")
    assert help_page.stdout.startswith("Uso: worksheets blank [OPCIONES]\n")
    # --language wins over the locale, for Click's words and ours.
    english = _locale_run("es_MX.UTF-8", "blank", "--help", "--language", "en")
    assert english.stdout == BLANK_HELP_EN.replace("Usage: worksheets", "Usage: worksheets")
