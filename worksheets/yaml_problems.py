"""PyYAML's parse errors, said in plain words and in the reader's language.

PyYAML reports what its parser expected ("did not find expected ',' or ']'")
in English and in its own terms, at the place it gave up, which is often the
line after the mistake. A person who wrote an answers file by hand needs to
know what to change and where: the line where the quote or the list was
opened, the colon that is one too many, the tab that should be spaces.

Each known problem names the mark (PyYAML's "problem" or "context" mark) that
points at the mistake. What is not known here is still reported, with
PyYAML's own words labelled as such.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from .i18n import _


@dataclass(frozen=True)
class YamlProblem:
    line: int | None
    message: str


def explain(error: yaml.YAMLError, text: str) -> YamlProblem:
    """The line and the plain message for a failure of PyYAML's parser on `text`."""
    if isinstance(error, yaml.reader.ReaderError):
        return _reader_problem(error, text)
    if not isinstance(error, yaml.MarkedYAMLError):
        return YamlProblem(None, _said_by_yaml(str(error)))
    problem = error.problem or ""
    context = error.context or ""
    if problem.startswith("mapping values are not allowed") and error.problem_mark is not None:
        return _colon_too_many(error.problem_mark.index, text)
    if problem.startswith("exceeded maximum nesting depth"):
        return YamlProblem(_line(error.problem_mark), _("the file is nested too deeply"))
    if problem == "could not find expected ':'" and error.context_mark is not None:
        lines = text.split("\n")
        line = lines[error.context_mark.line] if error.context_mark.line < len(lines) else ""
        if _COLON_NO_SPACE.search(line):
            # `care_team:Dr. X`: the colon is there, its space is not.
            return YamlProblem(
                error.context_mark.line + 1,
                _('put a space after the colon (:) on this line: "name: value"'),
            )
    mark = error.problem_mark
    if (
        problem == "did not find expected node content"
        and mark is not None
        and mark.index >= len(text.rstrip())
        and (opened := _unclosed_bracket(text)) is not None
    ):
        # `person: [` and the file ends: the bracket is the mistake, not the end.
        return _tell_at(opened, text, _never_closed)
    for matches, mark_of, tell in _KNOWN:
        if matches(problem, context):
            mark = error.context_mark if mark_of == "context" else error.problem_mark
            mark = mark or error.problem_mark or error.context_mark
            if mark is None:
                return YamlProblem(None, tell(""))
            return _tell_at(mark.index, text, tell)
    mark = error.problem_mark or error.context_mark
    return YamlProblem(_line(mark), _said_by_yaml(problem or context or str(error)))


def _tell_at(index: int, text: str, tell: Callable[[str], str]) -> YamlProblem:
    character = text[index] if 0 <= index < len(text) else ""
    return YamlProblem(text.count("\n", 0, index) + 1, tell(character))


def _colon_too_many(index: int, text: str) -> YamlProblem:
    """A colon YAML did not expect at `index`.

    Most often one too many on its line (`name: Rosa: H`). When it is the
    line's first, YAML read this line as the rest of a value above it: that
    line wrote "name:value" without a space, or a bare name without its
    colon, or this line's name stands one space too far in.
    """
    here_line = text.count("\n", 0, index) + 1
    start = text.rfind("\n", 0, index) + 1
    here = text[start:index]
    if not _NAME_COLON.search(here):
        above = text[: max(start - 1, 0)].split("\n")
        for number in range(len(above), 0, -1):
            line = above[number - 1]
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if _COLON_NO_SPACE.search(line):
                return YamlProblem(
                    number, _('put a space after the colon (:) on this line: "name: value"')
                )
            if _BARE_NAME.fullmatch(line.strip()):
                # `priorities` alone, then `language: en`: read as one value.
                return YamlProblem(
                    number, _('this line has no colon (:); write it as "name: value"')
                )
            if _indent(here) > _indent(line) and _BARE_NAME.fullmatch(here.strip()):
                # `   care_team: X` one space too far in: read as the value above.
                return YamlProblem(here_line, _out_of_line(""))
            break
    return YamlProblem(
        here_line,
        _("this line has one colon (:) too many; if the value holds a colon, put it in quotes"),
    )


# A field's name alone on a line, as the answers file spells them.
_BARE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _unclosed_bracket(text: str) -> int | None:
    """Where the last "[" or "{" still open at the end of `text` was opened,
    outside quotes and comments; None if every one is closed."""
    opened: list[int] = []
    quote = ""
    comment = False
    for index, character in enumerate(text):
        before = text[index - 1] if index else "\n"
        if comment:
            comment = character != "\n"
        elif quote:
            quote = "" if character == quote else quote
        elif character == "#" and before in " \t\n":
            comment = True
        elif character in "\"'" and before in " \t\n[{,:":
            quote = character
        elif character in "[{":
            opened.append(index)
        elif character in "]}" and opened:
            opened.pop()
    return opened[-1] if opened else None


def _never_closed(character: str) -> str:
    if character == "{":
        return _('a "{" opened on this line is never closed with "}"')
    return _('a list opened with "[" on this line is never closed with "]"')


def _out_of_line(_character: str) -> str:
    return _(
        "this line does not line up with the lines above it; check the spaces at its "
        "start, and that nothing follows a closing quotation mark"
    )


_NAME_COLON = re.compile(r":(\s|$)")
_COLON_NO_SPACE = re.compile(r"\w:[^\s:/]")


def _said_by_yaml(words: str) -> str:
    # PyYAML's words are English whatever the reader's language: say so.
    return _("this is not valid YAML (the YAML reader says: {problem})").format(
        problem=words.strip()
    )


def _line(mark: Any) -> int | None:
    return mark.line + 1 if mark is not None else None


def _quote(character: str) -> str:
    if character not in ('"', "'"):
        character = '"'
    return _("a quotation mark ({mark}) opened on this line is never closed").format(mark=character)


def _start(character: str) -> str:
    if character == "\t":
        return _tab(character)
    if not character.isprintable() or character.isspace():
        return _("this line holds a character that cannot start a value; put the value in quotes")
    return _('a value cannot start with "{character}"; put the whole value in quotes').format(
        character=character
    )


def _tab(_character: str) -> str:
    return _("this line is indented with a tab; use spaces instead")


def _backslash(_character: str) -> str:
    return _(
        "a backslash (\\) inside double quotation marks; "
        "put this value in single quotation marks (') instead"
    )


def _problem_is(*words: str) -> Callable[[str, str], bool]:
    return lambda problem, _context: problem in words


def _problem_starts(*words: str) -> Callable[[str, str], bool]:
    return lambda problem, _context: problem.startswith(words)


def _quoted(problem: str, context: str) -> bool:
    # A quote never closed runs to the end of the file or into a "---" line.
    ends = ("found unexpected end of stream", "found unexpected document indicator")
    return problem in ends and "quoted scalar" in context


# (does it match?, which mark points at the mistake, the message for it).
# Each message is looked up when it is used, in the reader's language.
_KNOWN: list[tuple[Callable[[str, str], bool], str, Callable[[str], str]]] = [
    (_quoted, "context", _quote),
    (
        _problem_is("did not find expected ',' or ']'", "did not find expected ',' or '}'"),
        "context",
        _never_closed,
    ),
    (_problem_starts("found a tab character"), "problem", _tab),
    (_problem_is("found character that cannot start any token"), "problem", _start),
    # A sign YAML keeps for itself, with nothing proper after it: `name: & x`,
    # `name: > x`, `name: !!x`, `%` or `?` at a line's start.
    (
        _problem_is(
            "did not find expected alphabetic or numeric character",
            "did not find expected comment or line break",
            "did not find expected tag URI",
            "could not find expected directive name",
            "found unknown directive name",
            "found unexpected non-alphabetical character",
            "mapping keys are not allowed in this context",
        ),
        "context",
        _start,
    ),
    (_problem_is("did not find expected node content"), "problem", _start),
    (
        _problem_is("could not find expected ':'"),
        "context",
        lambda _c: _('this line has no colon (:); write it as "name: value"'),
    ),
    (
        _problem_is("block sequence entries are not allowed in this context"),
        "problem",
        lambda _c: _(
            'a list item ("-") cannot follow a name on the same line; '
            "start it on the next line, indented"
        ),
    ),
    (
        _problem_is(
            "did not find expected key", "expected <block end>, but found '<block sequence start>'"
        ),
        "problem",
        _out_of_line,
    ),
    (
        _problem_is("did not find expected '-' indicator"),
        "problem",
        lambda _c: _(
            "this line does not line up with the list above it (the lines starting "
            'with "-"); check the spaces at its start'
        ),
    ),
    (
        _problem_is(
            "found unknown escape character",
            "did not find expected hexdecimal number",
            "found invalid Unicode character escape code",
        ),
        "problem",
        _backslash,
    ),
    (
        _problem_is("found undefined alias", "second occurrence"),
        "problem",
        lambda _c: _("YAML anchors and aliases (& and *) are not supported"),
    ),
    (
        _problem_is("but found another document"),
        "problem",
        lambda _c: _(
            'the file holds more than one document (a line "---" in the middle); keep only one'
        ),
    ),
    (
        # A value alone on a line, or a "..." line, and then more lines.
        _problem_is("did not find expected <document start>"),
        "problem",
        lambda _c: _(
            "this line does not belong with the lines above it; "
            'does the line above read "name: value"?'
        ),
    ),
    (
        _problem_is("found incompatible YAML document"),
        "problem",
        lambda _c: _('the "%YAML" line is not needed; remove it'),
    ),
]


def _reader_problem(error: yaml.reader.ReaderError, text: str) -> YamlProblem:
    """A character YAML does not accept at all, such as a control character."""
    position = error.position if 0 <= error.position <= len(text) else len(text)
    line = text.count("\n", 0, position) + 1
    character = error.character
    shown = f"U+{character:04X}" if isinstance(character, int) else repr(character)
    return YamlProblem(
        line,
        _("this line holds a character ({character}) that a text file cannot hold").format(
            character=shown
        ),
    )
