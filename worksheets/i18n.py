"""The one place words pass through on their way to the person.

Everything the program prints or writes in a sentence goes through `_` (Python)
or `_()` (templates). Which language `_` speaks is a context variable, not a
global: each document is made inside `use_language(...)`, so one batch can
write one person's worksheet in Spanish and the next in English, and the
templates (whose `_` calls back here) follow along.

English is written in the code. Every other language is a gettext catalog in
`locale/<code>/LC_MESSAGES/worksheets.po`, compiled to `.mo` beside it
(`python scripts/catalog.py` extracts, updates and compiles); a language is
available when its compiled catalog is there.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import functools
import gettext
import os
from collections.abc import Iterator
from pathlib import Path

SOURCE_LANGUAGE = "en"
DOMAIN = "worksheets"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


@functools.cache
def available_languages() -> tuple[str, ...]:
    """English, then every language with a compiled catalog, by code."""
    found = []
    if LOCALE_DIR.is_dir():
        found = sorted(
            folder.name
            for folder in LOCALE_DIR.iterdir()
            if (folder / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
        )
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


def locale_language(environ: os._Environ[str] | dict[str, str] | None = None) -> str:
    """The user's language from the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG,
    the order gettext reads them), if it is one we have; else English."""
    environ = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if not value:
            continue
        # LANGUAGE may list several ("es_MX:en"); the first we have wins.
        for entry in value.split(":"):
            code = entry.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in available_languages():
                return code
        if variable != "LANGUAGE":
            # The first locale variable that is set decides, as in gettext.
            return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


# Unset: the locale's language, read once.
_current: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "worksheets_language", default=None
)


@functools.cache
def _locale_default() -> str:
    return locale_language()


def current_language() -> str:
    return _current.get() or _locale_default()


class UnknownLanguage(ValueError):
    """A language code with no catalog; the message lists those there are."""

    def __init__(self, code: object) -> None:
        self.code = code
        super().__init__(
            _('"{code}" is not a language this program speaks. Choose from: {codes}').format(
                code=code, codes=", ".join(describe(c) for c in available_languages())
            )
        )


def check_language(code: object) -> str:
    """`code` if it is an available language (any case, "es_MX" as "es"), else raise."""
    if isinstance(code, str):
        short = code.strip().replace("-", "_").split("_")[0].lower()
        if short in available_languages():
            return short
    raise UnknownLanguage(code)


def describe(code: str) -> str:
    """`es (español)`: a code with the language's own name, for lists of choices."""
    return f"{code} ({language_name(code, code)})"


def language_name(code: str, in_language: str | None = None) -> str:
    from babel import Locale

    return Locale.parse(code).get_display_name(in_language or current_language()) or code


def set_language(code: str) -> None:
    """For the rest of this context (a command-line run): speak `code`."""
    _current.set(check_language(code))


@contextlib.contextmanager
def use_language(code: str | None) -> Iterator[str]:
    """Speak `code` inside the block (None: keep the current language)."""
    language = current_language() if code is None else check_language(code)
    token = _current.set(language)
    try:
        yield language
    finally:
        _current.reset(token)


@functools.cache
def translations(language: str | None = None) -> gettext.NullTranslations:
    language = language or SOURCE_LANGUAGE
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, [language], fallback=True)


def _(message: str) -> str:
    return translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(current_language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for the catalog where it is written; `_` translates it
    where it is shown (tables of labels, written before any language is known)."""
    return message


def long_date(value: dt.date, language: str | None = None) -> str:
    """ "Thursday, December 3, 2026", "jueves, 3 de diciembre de 2026"."""
    from babel.dates import format_date

    return format_date(value, format="full", locale=language or current_language())


def short_date(value: dt.date, language: str | None = None) -> str:
    """ "December 3", "3 de diciembre": a date in a sentence this year."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMMd", value, locale=language or current_language())
