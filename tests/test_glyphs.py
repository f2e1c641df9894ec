import pytest
from click.testing import CliRunner

from tests.conftest import pdf_text, write_answers
from worksheets.cli import cli
from worksheets.glyphs import _installed_font_has, font_advice, missing_characters

NAMES = {
    "accents": "José Müller-Øberg",
    "Greek": "Γιώργος Παπαδόπουλος",
    "Cyrillic": "Алексей Иванов",
    "Arabic": "محمد الأحمد",
    "Hebrew": "דוד כהן",
    "Chinese": "王小明",
    "emoji": "Nana 😀",
}


def test_latin_greek_cyrillic_arabic_hebrew_are_covered_here():
    assert (
        missing_characters([NAMES[k] for k in ("accents", "Greek", "Cyrillic", "Arabic", "Hebrew")])
        == []
    )


def test_advice_names_the_package():
    assert font_advice(["王", "小"]) == (
        "no installed font has some of the characters typed (Chinese, Japanese or Korean); "
        "they would print as empty boxes. Install a font that has them, for example: "
        "sudo apt-get install fonts-noto-cjk"
    )
    assert "(emoji)" in font_advice(["\U0001f9ec"])
    assert "fonts-noto-color-emoji" in font_advice(["\U0001f9ec"])
    assert "(Thai)" in font_advice(["\u0e01"])


def test_the_warning_never_repeats_the_text():
    assert "王" not in font_advice(["王", "小"])


# Where a script has no font, WeasyPrint notes the empty boxes it drew: that is
# the very case the program warns about.
@pytest.mark.weasyprint_may_warn(".notdef glyph rendered")
def test_names_in_many_scripts_render_and_missing_fonts_are_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for script, name in NAMES.items():
        path = write_answers(
            tmp_path, {"version": 1, "person": {"name": name}, "own_questions": [f"{name}?"]}
        )
        result = runner.invoke(cli, ["render", str(path), "-o", f"{script}.pdf"])
        assert result.exit_code == 0, result.output
        text = pdf_text(tmp_path / f"{script}.pdf")
        lacking = [
            c
            for c in name
            if not c.isspace() and ord(c) >= 0x250 and not _installed_font_has(ord(c))
        ]
        if lacking:
            assert "Warning: no installed font has some of the characters typed" in result.stderr
            assert name not in result.stderr
        else:
            assert "Warning" not in result.stderr
            if script not in ("Arabic", "Hebrew"):  # right-to-left text extracts reordered
                assert name in text
