import textwrap

import pytest
from click.testing import CliRunner

from tests.conftest import MARIA, REPO, pdf_text
from worksheets.bank import load_bank
from worksheets.cli import cli
from worksheets.clinic import load_clinic
from worksheets.errors import InputProblems

CLINIC = REPO / "examples" / "clinic.yaml"


def test_the_sample_clinic_file_loads():
    clinic = load_clinic(CLINIC, load_bank())
    assert clinic.name == "Riverside Cancer Center"
    assert (clinic.phone, clinic.after_hours) == ("555-0100", "555-0199")
    (question,) = clinic.questions
    assert question.id == "clinic-parking"
    assert question.core  # a clinic's own questions are for every patient


def write(tmp_path, text):
    path = tmp_path / "clinic.yaml"
    path.write_text(textwrap.dedent(text))
    return path


def test_a_wrong_clinic_file_gets_every_problem(tmp_path):
    bank = load_bank()
    taken = bank.questions[0].id
    path = write(
        tmp_path,
        f"""\
        version: 1
        phone: [1, 2]
        after_ours: 555
        questions:
          - id: {taken}
            section: visit
            text: Where do I park?
            why: To find it.
          - id: clinic-x
            section: nowhere
            text: a?
            why: b.
        """,
    )
    with pytest.raises(InputProblems) as caught:
        load_clinic(path, bank)
    assert caught.value.problems == [
        'clinic.yaml, line 3, after_ours: "after_ours" is not a field this program knows. Did you mean "after_hours"?',
        "clinic.yaml, line 1, name: missing; the clinic's name is printed on every worksheet",
        "clinic.yaml, line 2, phone: should be a short piece of text",
        'clinic.yaml, line 10, section: "nowhere" is not a section of bank.yaml. Choose from: '
        + ", ".join(s.id for s in bank.sections),
        f'clinic.yaml, line 5, id: "{taken}" is already a question of the bank; choose another id',
    ]


BILINGUAL = """\
    version: 1
    name:
      en: Riverside Cancer Center
      es: Centro de Cáncer Riverside
    phone: 555-0100
    ask_for:
      en: the oncology nurse on call
      es: 0800 enfermera de turno
    """


@pytest.mark.parametrize(
    "language, name, ask_for",
    [
        ("en", "Riverside Cancer Center", "the oncology nurse on call"),
        ("es", "Centro de Cáncer Riverside", "0800 enfermera de turno"),
    ],
)
def test_the_clinics_name_and_whom_to_ask_for_can_carry_each_language(
    tmp_path, language, name, ask_for
):
    clinic = load_clinic(write(tmp_path, BILINGUAL), load_bank(None, language))
    assert (clinic.name, clinic.ask_for, clinic.phone) == (name, ask_for, "555-0100")


def test_a_spanish_worksheet_prints_the_clinics_spanish(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, BILINGUAL)
    result = CliRunner().invoke(
        cli, ["blank", "--clinic", "clinic.yaml", "--language", "es", "-o", "b.pdf"]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(tmp_path / "b.pdf").split())
    assert "Centro de Cáncer Riverside" in text
    assert "Pregunte por: 0800 enfermera de turno" in text
    assert "Riverside Cancer Center" not in text


def test_texts_in_languages_are_checked_like_the_banks(tmp_path):
    path = write(
        tmp_path,
        """\
        version: 1
        name: {es: Centro}
        ask_for: {en: the nurse, EN: x, es: [1]}
        """,
    )
    with pytest.raises(InputProblems) as caught:
        load_clinic(path, load_bank())
    assert caught.value.problems == [
        'clinic.yaml, line 2, name: has no text in "en", the bank\'s language',
        'clinic.yaml, line 3, ask_for: "EN" is not a language code such as "es"',
        "clinic.yaml, line 3, ask_for.es: should be a short piece of text",
    ]


@pytest.mark.parametrize(
    "name, told",
    [
        ("{en: null, es: B}", 'name: has no text in "en", the bank\'s language'),
        ('{en: "", es: B}', 'name: has no text in "en", the bank\'s language'),
        (
            "{en: A, fr: B}",
            'name.fr: "fr" is not a language this program speaks. '
            "Choose from: en (English), es (español)",
        ),
    ],
)
def test_a_name_in_languages_without_the_banks_own_is_told_not_a_crash(tmp_path, name, told):
    path = write(tmp_path, f"version: 1\nname: {name}\n")
    with pytest.raises(InputProblems) as caught:
        load_clinic(path, load_bank())
    assert caught.value.problems == [f"clinic.yaml, line 2, {told}"]


def test_an_empty_translation_leaves_the_banks_own_text(tmp_path):
    path = write(tmp_path, "version: 1\nname: {en: Riverside, es: null}\n")
    assert load_clinic(path, load_bank(None, "es")).name == "Riverside"


def test_clinic_details_are_on_personal_and_blank_worksheets(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for command in (["render", str(MARIA)], ["blank"]):
        result = runner.invoke(cli, [*command, "--clinic", str(CLINIC), "-o", "out.pdf", "--force"])
        assert result.exit_code == 0, result.output
        text = pdf_text(tmp_path / "out.pdf")
        assert "Who to call" in text
        assert "Riverside Cancer Center" in text
        assert "Nights, weekends and holidays: 555-0199" in text
        assert "Where can my family park, and is it free?" in text
        # The clinic's name is in the footer of the last page too.
        import pypdf

        last = pypdf.PdfReader(tmp_path / "out.pdf").pages[-1].extract_text()
        assert "Riverside Cancer Center" in last


def test_a_bad_clinic_file_stops_before_writing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, "version: 1\nname: [x]\n")
    result = CliRunner().invoke(cli, ["blank", "--clinic", str(path)])
    assert result.exit_code == 1
    assert result.stderr == "Error: clinic.yaml, line 2, name: should be a short piece of text\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clinic.yaml"]


def test_a_clinic_question_id_given_twice_is_reported(tmp_path):
    path = write(
        tmp_path,
        """\
        version: 1
        name: Riverside
        questions:
          - {id: clinic-a, section: visit, text: Where do I park?, why: To find it.}
          - {id: clinic-a, section: visit, text: Is there a cafe?, why: To eat.}
        """,
    )
    with pytest.raises(InputProblems) as caught:
        load_clinic(path, load_bank())
    assert caught.value.problems == [
        'clinic.yaml, line 5, id: "clinic-a" is used twice (first at clinic.yaml, line 4)'
    ]
