"""PyYAML's parse errors reach people in plain words, at the line to change,
in their own language."""

import pytest
import yaml

from worksheets.errors import InputProblems
from worksheets.i18n import use_language
from worksheets.yaml_problems import explain
from worksheets.yamlsource import parse_yaml

# A hand-written file's usual mistakes: the file, and what the person is told.
MISTAKES = {
    "a second colon": (
        "person:\n  name: Rosa: Hernández\n",
        "line 2: this line has one colon (:) too many; if the value holds a colon, "
        "put it in quotes",
    ),
    "no space after a colon, told at that line": (
        "person:\n  name:Rosa\n  phone: 555\n",
        'line 2: put a space after the colon (:) on this line: "name: value"',
    ),
    "a list item after a name": (
        "priorities: - work\n",
        'line 1: a list item ("-") cannot follow a name on the same line; start it on the '
        "next line, indented",
    ),
    "an anchor sign alone": (
        "person:\n  name: & Rosa\n",
        'line 2: a value cannot start with "&"; put the whole value in quotes',
    ),
    "a closing bracket first": (
        "person:\n  name: ]Rosa\n",
        'line 2: a value cannot start with "]"; put the whole value in quotes',
    ),
    "a quote running into a --- line": (
        'version: 1\nperson:\n  name: "Rosa\n---\n',
        'line 3: a quotation mark (") opened on this line is never closed',
    ),
    "a list opened at the end of a line and never closed": (
        "version: 1\npriorities: [\n",
        'line 2: a list opened with "[" on this line is never closed with "]"',
    ),
    "a name with no colon before a named line": (
        "version: 1\npriorities\nlanguage: en\n",
        'line 2: this line has no colon (:); write it as "name: value"',
    ),
    "a line one space too far in": (
        "version: 1\nperson:\n  name: Rosa\n   care_team: Dr. Lee\n",
        "line 4: this line does not line up with the lines above it; check the spaces at "
        "its start, and that nothing follows a closing quotation mark",
    ),
    "a value alone on a line, then more": (
        '"Rosa"\nversion: 1\n',
        "line 2: this line does not belong with the lines above it; does the line above read "
        '"name: value"?',
    ),
    "nesting too deep for the reader": (
        "a:\n" + "".join(" " * n + "a:\n" for n in range(1, 1200)),
        None,
    ),
    "a name one space too far in after a list": (
        "version: 1\npriorities:\n  - work\n  - travel\n   language: en\n",
        "line 5: this line does not line up with the lines above it; check the spaces at "
        "its start, and that nothing follows a closing quotation mark",
    ),
    "a question going on to a line with a colon": (
        "version: 1\nown_questions:\n  - Can I travel\n    in June: or July?\n",
        "line 4: this line has one colon (:) too many; if the value holds a colon, "
        "put it in quotes",
    ),
    "a name too far in after an empty line": (
        "version: 1\nperson:\n  name: Ana\n\n   helper: Bob\n",
        "line 5: this line does not line up with the lines above it; check the spaces at "
        "its start, and that nothing follows a closing quotation mark",
    ),
    "no space after a colon, where YAML wants one": (
        "version: 1\nperson:\n  name: Ana\n  care_team:Dr. X\n",
        'line 4: put a space after the colon (:) on this line: "name: value"',
    ),
    "a tab for indenting": (
        "priorities:\n\t- work\n",
        "line 2: this line is indented with a tab; use spaces instead",
    ),
    "an unclosed double quote, told where it opened": (
        'version: 1\nperson:\n  name: "Rosa\n  phone: 555\n',
        'line 3: a quotation mark (") opened on this line is never closed',
    ),
    "an unclosed single quote": (
        "version: 1\nown_questions:\n  - 'Can I travel?\n",
        "line 3: a quotation mark (') opened on this line is never closed",
    ),
    "an unclosed list, told where it opened": (
        "version: 1\npriorities: [work, family\nsymptoms: {}\n",
        'line 2: a list opened with "[" on this line is never closed with "]"',
    ),
    "an unclosed brace": (
        "version: 1\nsymptoms: {pain: 3\n",
        'line 2: a "{" opened on this line is never closed with "}"',
    ),
    "a line out of line": (
        "person:\n  name: Rosa\n phone: 555\n",
        "line 3: this line does not line up with the lines above it; check the spaces at "
        "its start, and that nothing follows a closing quotation mark",
    ),
    "words after a closing quote": (
        'person:\n  name: "Rosa" Hernández\n',
        "line 2: this line does not line up with the lines above it; check the spaces at "
        "its start, and that nothing follows a closing quotation mark",
    ),
    "a line without a colon, told itself": (
        "version: 1\npriorities\nlanguage: en\n",
        'line 2: this line has no colon (:); write it as "name: value"',
    ),
    "a list item out of line": (
        "- work\nfamily: 1\n",
        "line 2: this line does not line up with the list above it (the lines starting "
        'with "-"); check the spaces at its start',
    ),
    "a backslash in double quotes": (
        'own_questions:\n  - "Is C:\\Users a folder?"\n',
        "line 2: a backslash (\\) inside double quotation marks; put this value in single "
        "quotation marks (') instead",
    ),
    "a wrong \\x code in double quotes": (
        'own_questions:\n  - "Is \\xZZ right?"\n',
        "line 2: a backslash (\\) inside double quotation marks; put this value in single "
        "quotation marks (') instead",
    ),
    "a value starting with @": (
        "person:\n  name: @rosa\n",
        'line 2: a value cannot start with "@"; put the whole value in quotes',
    ),
    "a tag sign with nothing proper after it": (
        "person:\n  name: !!<Rosa\n",
        'line 2: a value cannot start with "!"; put the whole value in quotes',
    ),
    "a question mark where a value starts": (
        "version: 1\nperson: ? Rosa\n",
        'line 2: a value cannot start with "?"; put the whole value in quotes',
    ),
    "a value starting with a backtick": (
        "person:\n  name: `Rosa`\n",
        'line 2: a value cannot start with "`"; put the whole value in quotes',
    ),
    "an alias with no anchor": (
        "person:\n  name: *rosa\n",
        "line 2: YAML anchors and aliases (& and *) are not supported",
    ),
    "two documents": (
        "version: 1\n---\nversion: 1\n",
        'line 2: the file holds more than one document (a line "---" in the middle); keep only one',
    ),
    "a %YAML line": (
        "%YAML 9.9\n---\nversion: 1\n",
        'line 1: the "%YAML" line is not needed; remove it',
    ),
    "a tag with no meaning": (
        "version: !custom 1\n",
        "line 1: the tag !custom is not allowed here",
    ),
}


def problem_of(text: str) -> str:
    with pytest.raises(InputProblems) as caught:
        parse_yaml(text, "answers.yaml")
    (problem,) = caught.value.problems
    return problem


@pytest.mark.parametrize("text, expected", MISTAKES.values(), ids=MISTAKES.keys())
def test_each_usual_mistake_is_told_in_plain_words_at_its_line(text, expected):
    if expected is None:  # told, without a line
        assert problem_of(text).startswith("answers.yaml")
        assert problem_of(text).endswith(": the file is nested too deeply")
    else:
        assert problem_of(text) == f"answers.yaml, {expected}"


SPANISH = {
    "a second colon": "answers.yaml, línea 2: en esta línea sobra un signo de dos puntos (:); si "
    "el valor lleva dos puntos, póngalo entre comillas",
    "a tab for indenting": "answers.yaml, línea 2: esta línea tiene un tabulador (tecla Tab) al "
    "principio; ponga espacios en vez del tabulador",
    "an unclosed double quote, told where it opened": "answers.yaml, línea 3: en esta línea se "
    'abren unas comillas (") que nunca se cierran',
    "an unclosed list, told where it opened": "answers.yaml, línea 2: una lista que se abre con "
    "«[» en esta línea no se cierra nunca con «]»",
    "a line without a colon, told itself": "answers.yaml, línea 2: a esta línea le faltan los "
    "dos puntos (:); escríbala así: «campo: valor»",
}


@pytest.mark.parametrize("mistake", SPANISH)
def test_a_spanish_reader_is_told_in_spanish(mistake):
    with use_language("es"):
        assert problem_of(MISTAKES[mistake][0]) == SPANISH[mistake]


@pytest.mark.parametrize("mistake", MISTAKES)
def test_no_mistake_reaches_a_spanish_reader_in_pyyamls_english(mistake):
    with use_language("es"):
        problem = problem_of(MISTAKES[mistake][0])
    for english in ("found", "expected", "mapping", "scanning", "token", "stream", "line "):
        assert english not in problem


def test_what_is_not_known_here_is_still_told_labelled_as_pyyamls_words():
    # A PyYAML problem this module has no words for (none of today's are).
    error = yaml.MarkedYAMLError(problem="found something new", problem_mark=None)
    assert explain(error, "a: 1\n").message == (
        "this is not valid YAML (the YAML reader says: found something new)"
    )
    with use_language("es"):
        assert explain(error, "a: 1\n").message == (
            "esto no es YAML válido (el lector de YAML dice, en inglés: found something new)"
        )


def test_a_character_no_text_file_holds_is_named_by_its_code():
    assert problem_of("version: 1\nperson:\n  name: Ro\x07sa\n") == (
        "answers.yaml, line 3: this line holds a character (U+0007) that a text file cannot hold"
    )


@pytest.mark.parametrize(
    "text, line",
    [
        # An editor shows a "line separator" inside the comment: it is no line break.
        ("version: 1\n# pain was bad\u2028pain: 9\nperson:\n  name: [Rosa\n", 4),
        ("version: 1\n# note\x85more\nperson:\n  name: [Rosa\n", 4),
        ("version: 1\rperson:\r  name: [Rosa\r", 3),  # an old Mac file: CR alone
        ("version: 1\r\nperson:\r\n  name: [Rosa\r\n", 3),
    ],
)
def test_lines_are_counted_as_an_editor_shows_them(text, line):
    assert problem_of(text) == (
        f'answers.yaml, line {line}: a list opened with "[" on this line is never closed with "]"'
    )


def test_a_line_separator_in_a_comment_never_makes_an_answer():
    doc = parse_yaml("version: 1\nsymptoms:\n  # pain was bad\u2028  pain: 9\n", "a.yaml")
    assert doc.data == {"version": 1, "symptoms": None}


# --- Any hand-made mistake: a plain message at a real line, never a traceback -------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.conftest import MARIA  # noqa: E402

_SIGNS = [":", '"', "'", "[", "]", "{", "}", "\t", "\n", "  ", "- ", "#", "&a", "*a", "!!"]
_SIGNS += ["%", "|", ">", "\r", "\u2028", ",", "?", "...", "---", "\\", "é", "\x00"]
_EDITS = st.lists(
    st.tuples(st.floats(0, 1), st.sampled_from(_SIGNS), st.integers(0, 4)), min_size=1, max_size=4
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_EDITS)
def test_any_mistake_in_a_real_file_is_told_at_a_real_line(edits):
    text = MARIA.read_text(encoding="utf-8")
    for where, sign, cut in edits:
        at = int(where * len(text))
        text = text[:at] + sign + text[at + cut :]
    try:
        parse_yaml(text, "answers.yaml")
    except InputProblems as told:
        (problem,) = told.problems
        if problem.startswith("answers.yaml, line "):
            line = int(problem.split(", line ")[1].split(":")[0])
            lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
            assert 1 <= line <= lines + 1, problem
