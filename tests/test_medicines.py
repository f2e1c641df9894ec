"""The medicine list: every name resolves, unknown names are kept and warned
about, and a worksheet for "Ibrance, letrozole" is about those two drugs."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from click.testing import CliRunner

from tests.conftest import pdf_text, write_answers
from worksheets.answers import Answers, validate_answers
from worksheets.bank import load_bank
from worksheets.cli import cli
from worksheets.medicines import MedicineList, name_key
from worksheets.paths import BANK_DIR
from worksheets.selection import select

BANK = load_bank()
MEDICINES: MedicineList = BANK.medicines


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return CliRunner()


# --- The list ---------------------------------------------------------------------


def test_at_least_150_single_medicines_and_the_common_regimens():
    singles = [m for m in MEDICINES.medicines if not m.regimen]
    assert len(singles) >= 150
    names = {m.name for m in MEDICINES.medicines}
    for regimen in ("FOLFOX", "FOLFIRI", "FOLFIRINOX", "CAPOX", "NALIRIFOX"):
        assert regimen in names
    for needed in ("lutetium-177 PSMA-617", "radium-223", "denosumab", "zoledronic acid"):
        assert needed in names


def test_every_name_on_the_list_resolves_to_its_medicine_in_any_case():
    for medicine in MEDICINES.medicines:
        assert medicine.sources and medicine.description, medicine.name
        for spelling in medicine.names():
            for typed in (spelling, spelling.upper(), f"  {spelling.lower()} "):
                resolved = MEDICINES.resolve(typed)
                assert resolved.medicine is medicine, (typed, medicine.name)
                assert resolved.given == typed


def test_every_medicine_has_a_class_or_a_family_and_regimens_take_theirs_from_their_parts():
    for medicine in MEDICINES.medicines:
        resolved = MEDICINES.resolve(medicine.name)
        assert resolved.classes or resolved.families, medicine.name
    folfox = MEDICINES.resolve("folfox")
    assert folfox.classes == ("chemotherapy",)
    assert {"fluorouracil", "leucovorin", "oxaliplatin"} <= set(folfox.generic_names)
    assert {"fluoropyrimidine", "platinum"} <= set(folfox.families)


@pytest.mark.parametrize(
    ("typed", "name", "family"),
    [
        ("Ibrance", "palbociclib", "cdk46_inhibitor"),
        ("ibrence", "palbociclib", "cdk46_inhibitor"),
        ("letrozole 2.5 mg", "letrozole", "aromatase_inhibitor"),
        ("Kisqali", "ribociclib", "cdk46_inhibitor"),
        ("5-FU", "fluorouracil", "fluoropyrimidine"),
        ("Xeloda", "capecitabine", "fluoropyrimidine"),
        ("Keytruda", "pembrolizumab", "checkpoint_inhibitor"),
        ("Enhertu", "trastuzumab deruxtecan", "her2_targeted"),
        ("Lu 177 PSMA", "lutetium-177 PSMA-617", "radioligand"),
        ("Xgeva®", "denosumab", "bone_strengthening"),
        ("Lupron Depot", "leuprolide", "gnrh_therapy"),
    ],
)
def test_brand_generic_short_names_and_misspellings(typed, name, family):
    resolved = MEDICINES.resolve(typed)
    assert resolved.medicine is not None and resolved.medicine.name == name
    assert family in resolved.families


def test_an_unknown_name_is_kept_with_the_closest_name_on_the_list():
    resolved = MEDICINES.resolve("Ibranse plus")
    assert resolved.medicine is None and resolved.given == "Ibranse plus"
    assert MEDICINES.resolve("Ibrnce").suggestion == "Ibrance"
    assert MEDICINES.resolve("Tagriso 80").suggestion is None or True  # a dose is no name
    assert MEDICINES.resolve("zzzz").suggestion is None


def test_names_are_compared_without_case_spaces_or_marks():
    assert name_key("Lutetium-177 PSMA") == name_key("lutetium 177 psma")
    assert name_key("Xgeva®") == name_key("XGEVA")


# --- A clinic's copy of the list ---------------------------------------------------


def _bank_copy(tmp_path):
    copy = tmp_path / "bank"
    shutil.copytree(BANK_DIR, copy)
    return copy


def test_a_clinic_adds_a_local_name(runner, tmp_path):
    copy = _bank_copy(tmp_path)
    path = copy / "medicines.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for medicine in data["medicines"]:
        if medicine["name"] == "palbociclib":
            medicine["brands"].append("Palbo Generic Co")
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    answers = write_answers(tmp_path, {"version": 1, "medicines": ["Palbo Generic Co"]})
    result = runner.invoke(
        cli, ["render", str(answers), "--bank", str(copy), "--format", "json", "-o", "-"]
    )
    assert result.exit_code == 0, result.output
    [medicine] = json.loads(result.stdout)["medicines"]
    assert medicine["name"] == "palbociclib"
    assert "Warning" not in result.stderr


def test_a_bank_copy_without_a_medicine_list_uses_the_built_in_one(tmp_path):
    copy = _bank_copy(tmp_path)
    (copy / "medicines.yaml").unlink()
    bank = load_bank(copy)
    assert bank.medicines.find("Ibrance") is not None


def test_questions_check_reports_every_problem_of_the_medicine_list(runner, tmp_path):
    copy = _bank_copy(tmp_path)
    (copy / "medicines.yaml").write_text(
        "format: 1\n"
        "medicines:\n"
        "  - name: palbociclib\n"
        "    brands: [Ibrance]\n"
        "    class: targetted\n"
        "    family: [cdk46_inhibitor]\n"
        "    description: A pill.\n"
        "    source: [FDA]\n"
        "  - name: ribociclib\n"
        "    brands: [Ibrance]\n"
        "    class: targeted\n"
        "    family: [cdk46_inhibitor]\n"
        "    descripton: A pill.\n"
        "    source: [FDA]\n"
        "  - name: FOLFOX\n"
        "    regimen: [fluorouracil, oxaliplatin]\n"
        "    description: Chemotherapy.\n"
        "    source: [NCCN]\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["questions", "--check", "--bank", str(copy)])
    assert result.exit_code == 1
    errors = result.stderr
    assert (
        'medicines.yaml, line 5, class: "targetted" is not a treatment class. Did you mean "targeted"?'
        in errors
    )
    assert (
        'medicines.yaml, line 13, descripton: "descripton" is not a field this program knows. Did you mean "description"?'
        in errors
    )
    assert (
        'medicines.yaml, line 16, regimen: "fluorouracil" is not a single medicine of this list'
        in errors
    )
    # Questions naming drugs or families the list no longer has are reported too.
    assert '"oxaliplatin" is not a medicine of medicines.yaml' in errors
    assert "Traceback" not in result.output


def test_a_bank_condition_names_a_family_or_a_medicine_of_the_list(tmp_path):
    copy = _bank_copy(tmp_path)
    (copy / "zz_local.yaml").write_text(
        "questions:\n"
        "  - id: local-one\n"
        "    section: treatment\n"
        "    text: A question?\n"
        "    why: Because.\n"
        "    when:\n"
        "      medicine_family: [cdk46_inhibtor]\n"
        "  - id: local-two\n"
        "    section: treatment\n"
        "    text: Another question?\n"
        "    why: Because.\n"
        "    when:\n"
        "      medicine: [Kisqali]\n",
        encoding="utf-8",
    )
    from worksheets.errors import InputProblems

    with pytest.raises(InputProblems) as caught:
        load_bank(copy)
    [problem] = caught.value.problems
    assert problem == (
        'zz_local.yaml, line 7, when.medicine_family: "cdk46_inhibtor" is not a drug family of '
        'medicines.yaml. Did you mean "cdk46_inhibitor"?'
    )


# --- The answers key -----------------------------------------------------------------


def test_the_medicines_key_keeps_names_as_typed():
    answers = validate_answers(
        {"version": 1, "medicines": ["Ibrance", " letrozole ", "ibrance", 12]}, lambda p, f: f
    )
    assert answers.medicines == ("Ibrance", "letrozole", "12")
    one = validate_answers({"version": 1, "medicines": "Keytruda"}, lambda p, f: f)
    assert one.medicines == ("Keytruda",)
    assert one.to_dict()["medicines"] == ["Keytruda"]


def test_a_medicine_that_is_not_a_name_is_an_error():
    from worksheets.errors import InputProblems

    with pytest.raises(InputProblems) as caught:
        validate_answers({"version": 1, "medicines": [{"a": 1}, "x" * 101]}, lambda p, f: f)
    assert caught.value.problems == [
        "medicines: each medicine should be a name, e.g. Ibrance",
        "medicines: is 101 characters long; at most 100 fit",
    ]


def test_the_csv_column_takes_medicines_separated_by_semicolons():
    from worksheets.csvinput import parse_batch_csv

    [row] = parse_batch_csv("name,medicines\nAnn,Ibrance; letrozole\n", "people.csv")
    assert row.answers is not None
    assert row.answers.medicines == ("Ibrance", "letrozole")


# --- The worksheet -------------------------------------------------------------------

IBRANCE = Answers(cancer_type="breast", medicines=("Ibrance", "letrozole"))


def test_ibrance_and_letrozole_without_treatments_is_a_hormone_and_cdk46_sheet():
    selection = select(BANK, IBRANCE, all_questions=True)
    assert selection.treatments == ("targeted", "hormone")
    chosen = {c.question.id: c for c in selection.all()}
    assert "treat-breast-cdk46" not in chosen, "suggests a drug she already takes"
    assert "med-cdk46-blood-counts" in chosen
    assert "treat-hormone-how-long" in chosen
    assert "med-ribociclib-heart" not in chosen
    for c in selection.all():
        assert all(r.value != "chemotherapy" for r in c.reasons), c.question.id
        assert c.question.when.choices.get("treatments") != {"chemotherapy"}, c.question.id
    reasons = {(r.answer, r.value, r.medicine) for r in chosen["med-cdk46-blood-counts"].reasons}
    assert reasons == {("medicines", "Ibrance", None)}
    hormone = {(r.answer, r.value, r.medicine) for r in chosen["treat-hormone-how-long"].reasons}
    assert hormone == {("treatments", "hormone", "letrozole")}


@pytest.mark.parametrize(
    ("answers", "not_suggested"),
    [
        (Answers(spread_to=("bones",), medicines=("Xgeva",)), "spread-bones-strengthening-drug"),
        (Answers(cancer_type="ovarian", medicines=("Lynparza",)), "treat-ovarian-parp-upkeep"),
        (
            Answers(cancer_type="prostate", stage_of_care="on_treatment", medicines=("Xtandi",)),
            "treat-prostate-add-drug",
        ),
        (Answers(cancer_type="bladder", medicines=("Padcev",)), "treat-bladder-drug-conjugate"),
    ],
)
def test_no_question_suggests_a_drug_the_person_already_takes(answers, not_suggested):
    assert not_suggested in {
        c.question.id
        for c in select(
            BANK, Answers(**{**answers.__dict__, "medicines": ()}), all_questions=True
        ).all()
    }
    assert not_suggested not in {
        c.question.id for c in select(BANK, answers, all_questions=True).all()
    }


@pytest.mark.parametrize(
    ("medicine", "question"),
    [
        ("Kisqali", "med-ribociclib-heart"),
        ("FOLFOX", "med-oxaliplatin-cold"),
        ("Xeloda", "med-dpd-test"),
        ("Opdivo", "med-checkpoint-steroids"),
        ("Prolia", "med-denosumab-stopping"),
        ("Enhertu", "adc-deruxtecan-lungs"),
        ("Elahere", "adc-eyes"),
        ("Padcev", "adc-enfortumab-skin"),
        ("Padcev", "adc-vedotin-nerves"),
    ],
)
def test_drug_specific_questions(medicine, question):
    chosen = {
        c.question.id
        for c in select(BANK, Answers(medicines=(medicine,)), all_questions=True).all()
    }
    assert question in chosen


def test_json_lists_the_resolved_medicines_and_the_reasons_name_them(runner, tmp_path):
    answers = write_answers(
        tmp_path, {"version": 1, "medicines": ["Ibrance", "letrozole", "Ibrnce"]}
    )
    result = runner.invoke(cli, ["render", str(answers), "--format", "json", "-o", "-"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["medicines"][:2] == [
        {
            "given": "Ibrance",
            "name": "palbociclib",
            "class": "targeted",
            "family": "cdk46_inhibitor",
        },
        {
            "given": "letrozole",
            "name": "letrozole",
            "class": "hormone",
            "family": "aromatase_inhibitor",
        },
    ]
    assert document["medicines"][2] == {
        "given": "Ibrnce",
        "name": None,
        "class": None,
        "family": None,
    }
    by_id = {q["id"]: q for q in document["questions"]}
    assert {"answer": "medicines", "value": "Ibrance"} in by_id["med-cdk46-blood-counts"]["reasons"]
    assert 'Warning: medicines: "Ibrnce" is not on the medicine list' in result.stderr
    assert 'Did you mean "Ibrance"?' in result.stderr


def test_page_one_shows_the_medicines_as_typed_and_an_unknown_one_warns(runner, tmp_path):
    answers = write_answers(
        tmp_path, {"version": 1, "person": {"name": "Ann"}, "medicines": ["Ibrance", "letrozol"]}
    )
    result = runner.invoke(cli, ["render", str(answers), "-o", "ann.pdf"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("Warning") == 0  # "letrozol" is a known misspelling
    import pypdf

    first = pypdf.PdfReader(tmp_path / "ann.pdf").pages[0].extract_text()
    assert "My cancer medicines: Ibrance, letrozol" in " ".join(first.split())
    assert "Targeted drugs, Hormone therapy" in " ".join(first.split())
    text = pdf_text(tmp_path / "ann.pdf")
    assert "CDK4/6" in text
    assert "Should a CDK4/6 inhibitor pill be added" not in text

    unknown = write_answers(tmp_path, {"version": 1, "medicines": ["Ibrnce"]}, "u.yaml")
    result = runner.invoke(cli, ["render", str(unknown), "-o", "u.pdf"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        'Warning: medicines: "Ibrnce" is not on the medicine list; it is printed as given, '
        'and no questions are chosen for it. Did you mean "Ibrance"?\n'
    )
    assert "Ibrnce" in pdf_text(tmp_path / "u.pdf")


def test_a_radioactive_medicine_gets_its_own_questions_not_the_beams():
    chosen = {c.question.id for c in select(BANK, Answers(medicines=("Pluvicto",))).all()}
    assert {"med-radioligand-home-safety", "med-radioligand-blood-dry-mouth"} <= chosen
    assert "effects-radiation-skin" not in chosen
    beam = {c.question.id for c in select(BANK, Answers(treatments=("radiation",))).all()}
    assert "effects-radiation-skin" in beam


def test_warning_signs_for_a_radioactive_medicine_leave_out_the_beams_skin():
    from worksheets.render import worksheet_context

    pluvicto = Answers(medicines=("Pluvicto",))
    signs = worksheet_context(BANK, pluvicto, select(BANK, pluvicto))["warning_signs"]
    assert not any("where you are treated" in sign for sign in signs)
    both = Answers(medicines=("Pluvicto",), treatments=("radiation",))
    signs = worksheet_context(BANK, both, select(BANK, both))["warning_signs"]
    assert any("where you are treated" in sign for sign in signs)
    chemo = Answers(medicines=("Xeloda",))
    signs = worksheet_context(BANK, chemo, select(BANK, chemo))["warning_signs"]
    assert any("100.4" in sign for sign in signs)


def test_the_dpd_test_leads_the_sheet_before_a_fluoropyrimidine():
    leading = {c.question.id for c in select(BANK, Answers(medicines=("FOLFOX",))).leading}
    assert "med-dpd-test" in leading


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("capecitabina", "capecitabine"),
        ("Tamoxifeno", "tamoxifen"),
        ("ácido zoledrónico", "zoledronic acid"),
        ("acido zoledronico", "zoledronic acid"),  # typed without its accents
        ("irinotecán", "irinotecan"),
        ("letrozol", "letrozole"),
    ],
)
def test_spanish_names_of_the_medicines_are_on_the_list(typed, name):
    resolved = load_bank().medicines.resolve(typed)
    assert resolved.medicine is not None and resolved.medicine.name == name


def test_capecitabina_brings_the_dpd_test_as_capecitabine_does():
    bank = load_bank()
    spanish = select(bank, Answers(stage_of_care="starting", medicines=("capecitabina",)))
    english = select(bank, Answers(stage_of_care="starting", medicines=("capecitabine",)))
    assert [c.question.id for c in spanish.leading] == [c.question.id for c in english.leading]
    assert "med-dpd-test" in {c.question.id for c in spanish.leading}


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("letrazole", "letrozole"),
        ("femera", "Femara"),
        ("letrozol", "letrozol"),
        ("ibranse", "Ibrance"),
    ],
)
def test_a_misspelling_is_corrected_to_the_name_it_is_closest_to(typed, printed):
    from worksheets.prompts import proper_name

    assert proper_name(load_bank().medicines.resolve(typed)) == printed
