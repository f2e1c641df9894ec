"""The Spanish bank reads easily, measured with textstat's Spanish formulas.

Fernández-Huerta and Szigriszt-Pazos (the INFLESZ scale) are Flesch's
reading ease recalibrated for Spanish: 100 is very easy, 60 to 70 is
"normal", 70 to 80 "fairly easy", above 80 "easy". textstat 0.7.4 counts
syllables with pyphen's Spanish dictionary, offline.
"""

import statistics
from collections.abc import Iterator

import pytest

from worksheets.bank import load_bank

BANK = load_bank(None, "es")


@pytest.fixture
def spanish() -> Iterator[object]:
    import textstat

    textstat.set_lang("es")
    try:
        yield textstat
    finally:
        textstat.set_lang("en_US")  # the English reading-level test shares the module


def test_the_spanish_bank_is_fairly_easy_or_easier(spanish):
    whole = " ".join(f"{q.text} {q.why}" for q in BANK.questions)
    assert spanish.fernandez_huerta(whole) >= 80
    assert spanish.szigriszt_pazos(whole) >= 75


def test_the_spanish_questions_read_easily_one_by_one(spanish):
    texts = sorted(spanish.fernandez_huerta(q.text) for q in BANK.questions)
    whys = sorted(spanish.fernandez_huerta(q.why) for q in BANK.questions)
    assert statistics.median(texts) >= 75
    assert statistics.median(whys) >= 75
    # The hardest tenth are those that name a medicine or a test; still not hard.
    assert texts[len(texts) // 10] >= 60
    assert whys[len(whys) // 10] >= 65
    hard = {q.id: spanish.fernandez_huerta(q.text) for q in BANK.questions}
    assert not {qid: score for qid, score in hard.items() if score < 45}
