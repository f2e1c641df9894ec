"""Reading YAML that people wrote by hand, keeping line numbers for messages.

PyYAML's safe loader builds plain data but forgets where each value stood. We
compose the node tree ourselves so that every mapping key and list item keeps
its line, refuse what a hand-written file never needs (duplicate keys silently
dropped by PyYAML, aliases that can multiply a small file into gigabytes, tags
that build Python objects), and turn every failure into a plain message.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import InputProblems
from .i18n import _
from .safetext import LINE_SEPARATORS, whole_number
from .yaml_problems import explain

Path_ = tuple[str | int, ...]

MAX_DEPTH = 20
_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass
class YamlDocument:
    """Plain data (dicts, lists, scalars) and the line where each part starts.

    `sources` keeps the text of each plain scalar that YAML turned into
    something else (a number, a date, true/false), so that a text field reads
    what was typed: `phone: 02071234567` is not the octal number 283457911.
    """

    name: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    sources: dict[Path_, str] = field(default_factory=dict)

    def as_typed(self, texts: Iterable[Path_] = (), numbers: Iterable[Path_] = ()) -> YamlDocument:
        """The document with text fields as typed and whole numbers read in decimal.

        Patterns are paths in which "*" stands for any one key or index. A
        number that is not plain decimal digits (`0x10`, `1_0`, `7.5`) is
        kept as its text, for the validator to refuse in words.
        """
        text_patterns, number_patterns = list(texts), list(numbers)
        for path, source in self.sources.items():
            if any(_matches(path, pattern) for pattern in text_patterns):
                _replace(self.data, path, source)
            elif any(_matches(path, pattern) for pattern in number_patterns):
                number = whole_number(source)
                _replace(self.data, path, source if number is None else number)
        return self

    def line(self, path: Path_) -> int | None:
        """The line of `path`, or of its nearest parent that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]

    def where(self, path: Path_, field_name: str | None = None) -> str:
        """`answers.yaml, line 9, priorities` for messages."""
        parts = [self.name]
        line = self.line(path)
        if line is not None:
            parts.append(_("line {n}").format(n=line))
        if field_name:
            parts.append(field_name)
        return ", ".join(parts)


def _matches(path: Path_, pattern: Path_) -> bool:
    return len(path) == len(pattern) and all(
        wanted == "*" or wanted == part for part, wanted in zip(path, pattern, strict=True)
    )


def _replace(data: Any, path: Path_, value: Any) -> None:
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


class _YamlProblem(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_text(path: Path, limit: int, what: str) -> str:
    """The file's text, refusing what is too large, binary or not UTF-8."""
    return text_of(read_bytes(path, limit), limit, path.name, what)


def read_bytes(path: Path, limit: int) -> bytes:
    """The file's first `limit` bytes and one more: enough to tell it is too large."""
    try:
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except FileNotFoundError:
        raise InputProblems([_("{name}: no such file").format(name=path)]) from None
    except IsADirectoryError:
        raise InputProblems([_("{name}: this is a folder, not a file").format(name=path)]) from None
    except OSError as error:
        raise InputProblems(
            [_("{name}: cannot be read ({reason})").format(name=path, reason=error.strerror)]
        ) from None


def text_of(raw: bytes, limit: int, name: str, what: str) -> str:
    """The text of what `read_bytes` read, refusing what is too large, binary or not UTF-8."""
    if len(raw) > limit:
        raise InputProblems(
            [
                _("{name}: the file is larger than {size}, too large for {what}").format(
                    name=name, size=_human_size(limit), what=what
                )
            ]
        )
    return decode_text(raw, name)


def decode_text(raw: bytes, name: str) -> str:
    if (wide := _wide_encoding(raw)) is not None:
        raise InputProblems(
            [
                _(
                    '{name}: the file is saved as {encoding} (sometimes called "Unicode"); '
                    "save it again as UTF-8"
                ).format(name=name, encoding=wide)
            ]
        )
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputProblems(
            [
                _(
                    "{name}, line {n}: the file contains binary data (a NUL byte); "
                    "it must be plain text"
                ).format(name=name, n=line)
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputProblems(
            [
                _("{name}, line {n}: the file is not UTF-8 text; save it again as UTF-8").format(
                    name=name, n=line
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


_ASCII_AT_LEAST = 4  # "a: 1\n" has five


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32, as Windows Notepad and Excel save "Unicode" text, if `raw` is that.

    Told by the byte-order mark, or, without one, by a start that reads as
    text in one of them: no NUL character once read, and some ASCII.
    """
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    if b"\x00" not in raw[:400]:
        return None
    for encoding, width, name in (
        ("utf-32-le", 4, "UTF-32"),
        ("utf-32-be", 4, "UTF-32"),
        ("utf-16-le", 2, "UTF-16"),
        ("utf-16-be", 2, "UTF-16"),
    ):
        sample = raw[:400]
        sample = sample[: len(sample) - len(sample) % width]
        if len(sample) < 2 * width:
            continue
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            try:  # the sample may end in the middle of a pair of surrogates
                text = sample[:-width].decode(encoding)
            except UnicodeDecodeError:
                continue
        readable = "\x00" not in text and all(c.isprintable() or c in "\t\r\n" for c in text)
        # An answers file or a CSV has ASCII in it (its keys, its line breaks)
        # whatever the names in it; bytes of ASCII read two by two give none.
        if readable and sum(c < "\x80" for c in text) >= _ASCII_AT_LEAST:
            return name
    return None


def _human_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:g} MB"
    return f"{size / 1000:g} kB"


# Characters YAML takes for line breaks but a text editor shows inside a line:
# read as YAML does, a "line separator" in a comment would make the rest of the
# comment a real answer, and every line number after it would be off by one.
_HIDDEN_BREAKS = str.maketrans(dict.fromkeys(LINE_SEPARATORS, " "))


def _as_editors_show_it(text: str) -> str:
    """Line breaks as editors count them: CR LF and a lone CR (old Mac files)
    are one break each, and the hidden breaks are spaces."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_HIDDEN_BREAKS)


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Parse one YAML document; every failure becomes an `InputProblems`."""
    doc = YamlDocument(name=name, data=None)
    text = _as_editors_show_it(text)
    # The C parser, where PyYAML has it, reads a bank several times faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as error:
            explained = explain(error, text)
            raise _YamlProblem(explained.line, explained.message) from None
        except RecursionError:
            raise _YamlProblem(None, _("the file is nested too deeply")) from None
        if node is not None:
            doc.data = _Builder(loader, doc.lines, doc.sources).build(node, (), 0)
    except _YamlProblem as problem:
        where = name if problem.line is None else f"{name}, " + _("line {n}").format(n=problem.line)
        raise InputProblems([f"{where}: {problem.message}"]) from None
    finally:
        loader.dispose()
    return doc


class _Builder:
    def __init__(self, loader: Any, lines: dict[Path_, int], sources: dict[Path_, str]) -> None:
        self.loader = loader
        self.lines = lines
        self.sources = sources
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        line = node.start_mark.line + 1
        if depth > MAX_DEPTH:
            raise _YamlProblem(line, _("the file is nested too deeply"))
        if id(node) in self.seen:
            raise _YamlProblem(line, _("YAML anchors and aliases (& and *) are not supported"))
        self.seen.add(id(node))
        self.lines.setdefault(path, line)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
            # e.g. !!python/object/apply: a hand-written file never needs it.
            raise _YamlProblem(line, _("the tag {tag} is not allowed here").format(tag=node.tag))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [
                self.build(item, (*path, index), depth + 1) for index, item in enumerate(node.value)
            ]
        value = self._scalar(node, line)
        if not isinstance(value, str) and value is not None and not getattr(node, "style", None):
            self.sources[path] = node.value  # as typed, for text fields
        return value

    def _scalar(self, node: yaml.Node, line: int) -> Any:
        if node.tag == _STR_TAG:
            return node.value  # most of a bank: no need for the constructor
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError:
            # A tag PyYAML has no constructor for (`!foo 1`): said as the other
            # tags are, not in PyYAML's words.
            raise _YamlProblem(
                line, _("the tag {tag} is not allowed here").format(tag=node.tag)
            ) from None
        except ValueError:
            # A date that does not exist (2026-02-30): keep the text, so that
            # the validator can say which field it is and what to write.
            return str(node.value)
        except Exception:
            # PyYAML's constructors fail in other ways on explicit tags
            # (`!!timestamp 3 December`, `!!bool maybe`): still the file's fault.
            raise _YamlProblem(
                line, _("this value cannot be read ({value})").format(value=node.value)
            ) from None

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise _YamlProblem(key_line, _("a key must be a plain word"))
            key = self._scalar(key_node, key_line)
            if not isinstance(key, str | int):
                key = str(key)
            if key in result:
                raise _YamlProblem(key_line, _('"{key}" is given twice').format(key=key))
            self.lines[(*path, key)] = key_line
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result
