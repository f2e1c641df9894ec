"""Language per call: the context variable, the locale, codes, dates, catalogs."""

import datetime as dt
import os
import subprocess
import sys
import threading

import pytest

from tests.conftest import REPO, pdf_text
from worksheets import catalogs, i18n
from worksheets import vocabulary as v
from worksheets.bank import load_bank


def test_each_call_speaks_its_own_language():
    assert i18n._("Page") == "Page"
    with i18n.use_language("es"):
        assert i18n._("Page") == "Página"
        with i18n.use_language("en"):
            assert i18n._("Page") == "Page"
        assert i18n._("Page") == "Página"
    assert i18n._("Page") == "Page"


def test_another_thread_keeps_its_own_language():
    seen = []

    def other():
        with i18n.use_language("en"):
            seen.append(i18n._("Page"))

    with i18n.use_language("es"):
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
        assert i18n._("Page") == "Página"
    assert seen == ["Page"]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANG": "es_ES"}, "es"),
        ({"LANG": "es_US.utf8@euro"}, "es"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "es_PR.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "es_MX.UTF-8"}, "en"),
        ({"LANGUAGE": "fr:es", "LANG": "en_US.UTF-8"}, "es"),
        ({"LANGUAGE": "", "LANG": "es_CO.UTF-8"}, "es"),
    ],
)
def test_the_locale_names_the_language(environ, expected):
    assert i18n.locale_language(environ) == expected


@pytest.mark.parametrize("typed", ["es", "ES", " es ", "es_MX", "es-419"])
def test_language_codes_are_read_kindly(typed):
    assert i18n.check_language(typed) == "es"


def test_an_unknown_language_is_an_error_listing_those_there_are():
    with pytest.raises(i18n.UnknownLanguage) as caught:
        i18n.check_language("fr")
    assert str(caught.value) == (
        '"fr" is not a language this program speaks. Choose from: en (English), es (español)'
    )


def test_dates_in_each_language():
    day = dt.date(2026, 12, 3)
    assert i18n.long_date(day, "en") == "Thursday, December 3, 2026"
    assert i18n.long_date(day, "es") == "jueves, 3 de diciembre de 2026"
    assert i18n.short_date(day, "es") == "3 de diciembre"
    with i18n.use_language("es"):
        assert i18n.long_date(dt.date(2026, 12, 15)) == "martes, 15 de diciembre de 2026"


def test_every_catalog_is_complete_current_and_compiled():
    """A new English sentence without its translation, a fuzzy entry or a stale
    .mo fails here: run `python -m worksheets.catalogs` and translate."""
    template = catalogs.template_catalog()
    assert len(template) > 300
    for language in catalogs.languages():
        assert catalogs.problems(language, template) == []


def test_each_language_has_its_catalog_its_name_and_the_banks_texts():
    assert i18n.available_languages() == ("en", "es")
    assert tuple(v.LANGUAGES) == i18n.available_languages()
    bank = load_bank()
    assert bank.translations == ("es",)


def test_the_locale_chooses_spanish_for_a_whole_run(tmp_path):
    env = {k: val for k, val in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    env["LANG"] = "es_MX.UTF-8"
    result = subprocess.run(
        [sys.executable, "-m", "worksheets", "blank", "-o", "hoja.pdf"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "Se escribió hoja.pdf\n"
    text = pdf_text(tmp_path / "hoja.pdf")
    assert "Preguntas para mi equipo médico" in text
    assert "Página 1 de" in text


def test_the_command_line_language_wins_over_the_locale(tmp_path):
    env = {k: val for k, val in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    env["LANG"] = "es_MX.UTF-8"
    result = subprocess.run(
        [
            *(sys.executable, "-m", "worksheets", "render", str(REPO / "examples" / "maria.yaml")),
            *("--language", "en", "--format", "html", "-o", "-"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert '<html lang="en">' in result.stdout
    assert "Thursday, December 3, 2026" in result.stdout
