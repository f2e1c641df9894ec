"""The bank in other languages: translation folders, inline texts, the check."""

import dataclasses
import shutil
import textwrap

import pytest
from click.testing import CliRunner

from tests.conftest import MARIA
from worksheets.answers import load_answers
from worksheets.bank import load_bank
from worksheets.bank_languages import translation_warnings
from worksheets.cli import cli
from worksheets.documents import DocumentOptions, personal_document
from worksheets.errors import InputProblems
from worksheets.paths import BANK_DIR
from worksheets.selection import select


def clinic_copy(tmp_path):
    folder = tmp_path / "clinic-bank"
    shutil.copytree(BANK_DIR, folder)
    return folder


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_the_built_in_bank_is_whole_in_spanish():
    english, spanish = load_bank(), load_bank(None, "es")
    assert spanish.language == "es" and spanish.source_language == "en"
    assert spanish.untranslated == {}
    assert translation_warnings(english) == []
    for en, es in zip(english.sections, spanish.sections, strict=True):
        assert en.id == es.id and en.title != es.title, en.id
    for en, es in zip(english.questions, spanish.questions, strict=True):
        assert es.language == "es", es.id
        assert es.text != en.text and es.why != en.why, es.id
        # Only the words change: the same question, chosen the same way.
        assert dataclasses.replace(es, text=en.text, why=en.why, language="en") == en


def test_a_translation_chooses_the_same_questions():
    answers = load_answers(MARIA)
    english = select(load_bank(), answers)
    spanish = select(load_bank(None, "es"), answers)
    assert [c.question.id for c in spanish.all()] == [c.question.id for c in english.all()]


def test_a_missing_translation_prints_as_written_and_the_check_names_it(tmp_path):
    folder = clinic_copy(tmp_path)
    text = (folder / "es" / "visit.yaml").read_text(encoding="utf-8")
    start = text.index("  visit-record:")
    end = text.index("  visit-bring-someone:")
    (folder / "es" / "visit.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    spanish = load_bank(folder, "es")
    assert spanish.untranslated == {"visit-record": ("text", "why")}
    record = next(q for q in spanish.questions if q.id == "visit-record")
    assert record.text == "May I record this visit so I can listen again at home?"
    assert record.language == "en"

    result = CliRunner().invoke(cli, ["questions", "--check", "--bank", str(folder)])
    assert result.exit_code == 0, result.output
    line = next(q.origin for q in load_bank(folder).questions if q.id == "visit-record")
    assert result.stderr == (
        f'Warning: {line}: "visit-record" has no Spanish text and why; it prints as written. '
        "Add it to es/visit.yaml\n"
    )


def test_a_worksheet_says_when_some_questions_have_no_text_in_its_language(tmp_path):
    folder = clinic_copy(tmp_path)
    shutil.rmtree(folder / "es")
    warnings = []
    options = DocumentOptions(format="html", bank=folder, language="es")
    html = personal_document(load_answers(MARIA), options, warn=warnings.append).decode()
    assert '<html lang="es">' in html
    assert "Preguntas para mi equipo médico" in html
    assert "What is my treatment meant to do" in html
    [warning] = warnings
    assert warning.endswith(
        "preguntas de esta hoja no tienen texto en español en el banco de preguntas; "
        "se imprimen tal como están escritas, en su idioma original"
    )


def test_one_question_without_its_language_is_told_in_the_singular(tmp_path):
    folder = clinic_copy(tmp_path)
    goals = folder / "es" / "goals.yaml"
    text = goals.read_text(encoding="utf-8")
    start = text.index("  goals-aim-of-treatment:")
    end = text.index("  goals-best-hope:")
    goals.write_text(text[:start] + text[end:], encoding="utf-8")
    warnings = []
    options = DocumentOptions(format="html", bank=folder, language="es")
    personal_document(load_answers(MARIA), options, warn=warnings.append)
    assert warnings == [
        "1 pregunta de esta hoja no tiene texto en español en el banco de preguntas; "
        "se imprime tal como está escrita, en su idioma original"
    ]


def test_translation_files_get_every_problem_with_file_and_line(tmp_path):
    folder = clinic_copy(tmp_path)
    write(
        folder / "zz-clinic.yaml",
        "questions:\n  - {id: zz-lab, section: visit, text: Where is the lab?, why: To find it.}\n",
    )
    write(
        folder / "es" / "zz.yaml",
        """\
        language: fr
        colour: blue
        sections:
          visits: Mi consulta
        questions:
          visit-recrod:
            text: ¿Puedo grabar la consulta?
          zz-lab:
            text: ""
            whyy: Para encontrarlo.
          visit-record:
            text: ¿Puedo grabar la consulta?
        """,
    )
    with pytest.raises(InputProblems) as caught:
        load_bank(folder, "es")
    assert caught.value.problems == [
        'es/zz.yaml, line 2, colour: "colour" is not a field this program knows',
        'es/zz.yaml, line 1, language: says "fr", but the folder is "es"',
        'es/zz.yaml, line 4, sections: "visits" is not a section. Did you mean "visit"?',
        'es/zz.yaml, line 6, questions: "visit-recrod" is not a question of the bank. '
        'Did you mean "visit-record"?',
        "es/zz.yaml, line 9, zz-lab.text: should be a line of text",
        'es/zz.yaml, line 10, zz-lab.whyy: "whyy" is not a field this program knows. '
        'Did you mean "why"?',
        'es/zz.yaml, line 11, visit-record: "visit-record" is translated twice '
        "(first at es/visit.yaml, line 15)",
    ]


def test_inline_texts_serve_where_there_is_no_folder_and_the_folder_wins(tmp_path):
    folder = clinic_copy(tmp_path)
    write(
        folder / "zz-clinic.yaml",
        """\
        questions:
          - id: zz-parking
            section: visit
            text: {en: Where can my family park?, es: ¿Dónde puede estacionar mi familia?}
            why: {en: Parking is free., es: El estacionamiento es gratis.}
          - id: zz-shuttle
            section: visit
            text: {en: Is there a shuttle?, es: ¿Hay un autobús?}
            why: There is one every hour.
        """,
    )
    write(
        folder / "es" / "zz-clinic.yaml",
        """\
        questions:
          zz-shuttle:
            text: ¿Hay un autobús de la clínica?
        """,
    )
    english, spanish = load_bank(folder), load_bank(folder, "es")
    by_id = {q.id: q for q in spanish.questions}
    assert by_id["zz-parking"].text == "¿Dónde puede estacionar mi familia?"
    assert by_id["zz-parking"].why == "El estacionamiento es gratis."
    assert by_id["zz-shuttle"].text == "¿Hay un autobús de la clínica?"
    assert by_id["zz-shuttle"].why == "There is one every hour."
    assert spanish.untranslated == {"zz-shuttle": ("why",)}
    assert {q.id: q.text for q in english.questions}["zz-parking"] == "Where can my family park?"


def test_a_clinic_files_own_questions_can_carry_spanish(tmp_path):
    clinic = tmp_path / "clinic.yaml"
    write(
        clinic,
        """\
        version: 1
        name: Centro de Cáncer del Valle
        questions:
          - id: clinic-parking
            section: visit
            text: {en: Where can my family park?, es: ¿Dónde puede estacionar mi familia?}
            why: {en: Parking is free., es: El estacionamiento es gratis.}
          - id: clinic-shuttle
            section: visit
            text: Is there a shuttle?
            why: There is one every hour.
        """,
    )
    options = DocumentOptions(format="html", clinic=clinic, language="es")
    warnings = []
    html = personal_document(load_answers(MARIA), options, warn=warnings.append).decode()
    assert "¿Dónde puede estacionar mi familia?" in html
    # The clinic wrote no Spanish for this one: printed as written, and said so.
    assert "Is there a shuttle?" in html
    assert warnings == [
        "1 pregunta de esta hoja no tiene texto en español en el banco de preguntas; "
        "se imprime tal como está escrita, en su idioma original"
    ]


def test_questions_lists_the_bank_in_the_language_asked():
    result = CliRunner().invoke(cli, ["questions", "--language", "es"])
    assert result.exit_code == 0, result.output
    assert "Las metas de mi tratamiento" in result.output
    assert "¿Qué es lo mejor que podemos esperar de este tratamiento?" in result.output


def test_the_medicine_list_is_described_in_spanish():
    english, spanish = load_bank(), load_bank(None, "es")
    assert len(spanish.medicines.medicines) == len(english.medicines.medicines)
    for en, es in zip(english.medicines.medicines, spanish.medicines.medicines, strict=True):
        assert en.name == es.name and es.description != en.description, en.name
    # Found by any of its names, in Spanish.
    assert spanish.medicines.find("Ibrance").description.startswith("Una pastilla que bloquea")


def test_a_medicine_without_spanish_is_named_by_the_check(tmp_path):
    folder = clinic_copy(tmp_path)
    text = (folder / "es" / "medicines.yaml").read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if not line.startswith("  palbociclib:")]
    kept.append("  palbociclibb: Una pastilla.")
    (folder / "es" / "medicines.yaml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(InputProblems) as caught:
        load_bank(folder, "es")
    [problem] = caught.value.problems
    assert 'medicines: "palbociclibb" is not a medicine of medicines.yaml' in problem
    assert 'Did you mean "palbociclib"?' in problem
    (folder / "es" / "medicines.yaml").write_text("\n".join(kept[:-1]) + "\n", encoding="utf-8")
    warnings = translation_warnings(load_bank(folder))
    assert warnings == [
        'medicines.yaml: the medicine "palbociclib" has no Spanish description; add it under '
        '"medicines:" in es/medicines.yaml'
    ]
