"""Typed text that is safe to print on a terminal, on paper and in a file name.

A value a person typed (or pasted, or a spreadsheet exported) may hold
characters that do something instead of showing: an escape sequence clears the
screen or sets the window title when a message echoes it, a line break forges a
"Wrote ..." line, a bidi control turns `evil\u202efdp.exe` into `evilexe.pdf`.
Messages show such characters escaped, as Python's `repr` would; text fields
refuse them; file names refuse the invisible ones too.
"""

from __future__ import annotations

import re
import unicodedata

from .i18n import _

# Characters that reorder the text around them (bidi controls) or print as
# nothing at all (zero-width): harmless on paper, misleading in a file name.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
LINE_SEPARATORS = "\u2028\u2029\u0085"

# The longest number a person could mean: beyond it, digits are a mistake, and
# converting thousands of them costs Python a ValueError (and time).
MAX_DIGITS = 6
MAX_TYPED = 40  # characters of a number, zeros in front included


def _escape(character: str) -> str:
    code = ord(character)
    if character == "\n":
        return "\\n"
    if character == "\t":
        return "\\t"
    if character == "\r":
        return "\\r"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


_UNSAFE_ON_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f" + _BIDI + LINE_SEPARATORS + "]")


def shown(text: str) -> str:
    """`text` with every character that would act on a terminal escaped.

    For messages: line breaks, tabs, escape sequences and bidi controls come
    out as `\\n`, `\\t`, `\\x1b`, `\\u202e`, so a message is one honest line.
    """
    return _UNSAFE_ON_TERMINAL.sub(lambda found: _escape(found.group()), text)


def shown_lines(text: str) -> str:
    """`shown` for a message of several lines: its own line breaks stay."""
    return "\n".join(shown(line) for line in text.split("\n"))


def control_problem(text: str) -> str | None:
    """Why `text` cannot go in a text field (a name, a question), or None.

    Called on text whose white space is already folded to single spaces.
    """
    for character in text:
        if unicodedata.category(character) == "Cc" or character in LINE_SEPARATORS:
            return _(
                "holds a control character ({character}), which cannot be printed; "
                "type the text again without it"
            ).format(character=_escape(character))
    return None


def hidden_character_problem(text: str) -> str | None:
    """Why `text` cannot name a file: a character that hides or reorders, or None."""
    for character in text:
        if character in _BIDI or character in _ZERO_WIDTH:
            return _(
                "a file name cannot hold an invisible or direction-changing character ({character})"
            ).format(character=_escape(character))
    return None


def whole_number(text: str) -> int | None:
    """The whole number `text` spells in digits (at most a few), else None.

    Decimal digits of any script count (`٣` is 3); superscripts do not.
    """
    text = text.strip()
    digits = text[1:] if text[:1] in "+-" else text
    # Zeros in front count for nothing ("007" is 7), up to a line's worth.
    if not digits or len(digits) > MAX_TYPED or not digits.isdecimal():
        return None
    if len(digits.lstrip("0")) > MAX_DIGITS:
        return None
    return int(text)


def too_long_number(text: str) -> bool:
    """Plain digits, too many of them for `whole_number`: a number too large."""
    text = text.strip()
    digits = text[1:] if text[:1] in "+-" else text
    return digits.isdecimal() and whole_number(text) is None
