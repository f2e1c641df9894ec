import pytest

from worksheets.errors import InputProblems
from worksheets.yamlsource import decode_text, parse_yaml


def test_keeps_the_line_of_every_key_and_item():
    doc = parse_yaml("version: 1\npriorities:\n  - work\n  - travel\n", "a.yaml")
    assert doc.data == {"version": 1, "priorities": ["work", "travel"]}
    assert doc.line(("priorities",)) == 2
    assert doc.line(("priorities", 1)) == 4
    assert doc.where(("priorities", 1), "priorities") == "a.yaml, line 4, priorities"


def test_unknown_path_falls_back_to_its_parent():
    doc = parse_yaml("person:\n  name: Ana\n", "a.yaml")
    assert doc.line(("person", "missing")) == 1


def problems_of(text: str) -> list[str]:
    with pytest.raises(InputProblems) as caught:
        parse_yaml(text, "a.yaml")
    return caught.value.problems


def test_invalid_yaml_names_the_line():
    (problem,) = problems_of("version: 1\npriorities: [work\n")
    assert problem == 'a.yaml, line 2: a list opened with "[" on this line is never closed with "]"'


def test_duplicate_keys_are_refused_not_silently_dropped():
    assert problems_of("version: 1\nversion: 2\n") == ['a.yaml, line 2: "version" is given twice']


def test_aliases_are_refused():
    text = "a: &x [1, 2]\nb: *x\n"
    assert problems_of(text) == [
        "a.yaml, line 1: YAML anchors and aliases (& and *) are not supported"
    ]


def test_python_tags_are_refused():
    (problem,) = problems_of("a: !!python/object/apply:os.system ['true']\n")
    assert (
        problem
        == "a.yaml, line 1: the tag tag:yaml.org,2002:python/object/apply:os.system is not allowed here"
    )


def test_deep_nesting_is_refused():
    (problem,) = problems_of("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "nest" in problem


def test_impossible_date_stays_text_for_the_validator():
    assert parse_yaml("d: 2026-02-30\n", "a.yaml").data == {"d": "2026-02-30"}


def test_binary_and_non_utf8_are_refused_with_the_line():
    with pytest.raises(InputProblems) as caught:
        decode_text(b"version: 1\n\x00\x01", "a.yaml")
    assert caught.value.problems == [
        "a.yaml, line 2: the file contains binary data (a NUL byte); it must be plain text"
    ]
    with pytest.raises(InputProblems) as caught:
        decode_text(b"version: 1\nname: \xff\xfe\n", "a.yaml")
    assert caught.value.problems == [
        "a.yaml, line 2: the file is not UTF-8 text; save it again as UTF-8"
    ]


@pytest.mark.parametrize(
    "encoding, called",
    [
        ("utf-16", "UTF-16"),  # Notepad's "Unicode": a byte-order mark first
        ("utf-16-le", "UTF-16"),  # no mark, every other byte zero
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
    ],
)
@pytest.mark.parametrize("name", ["José", "Σοφία 王芳", "Ana 😀" * 80, "王" * 100])
def test_text_saved_as_utf16_is_told_what_to_do_not_called_binary(encoding, called, name):
    with pytest.raises(InputProblems) as caught:
        decode_text(f"version: 1\nperson:\n  name: {name}\n".encode(encoding), "a.yaml")
    assert caught.value.problems == [
        f'a.yaml: the file is saved as {called} (sometimes called "Unicode"); '
        "save it again as UTF-8"
    ]


def test_byte_order_mark_is_accepted():
    assert decode_text("\ufeffversion: 1".encode(), "a.yaml") == "version: 1"
