"""Click's own words ("Usage:", "Options:", "Error: Missing argument") and the
help pages' words, in the language of the run.

Click wraps its words in the standard library's `gettext.gettext` (domain
"messages"), which reads the locale once and knows nothing of `--language`.
So Click's words are carried in our own catalog (catalogs.py extracts them from
Click's source, beside ours), and while a `worksheets` command runs, Click's
modules look them up in the language of the moment (`i18n.current_language`):
the one of `--language`, else the locale's. English goes on through the
standard `gettext`, exactly as before; so does any other program that uses
Click in the same process, outside our runs.

Our own words on the help pages (each command's docstring, each option's
help, the metavars such as FILE) are kept in English on the Click objects, as
written in cli.py, and read through `_` each time they are shown: the classes
below are Click's, with those attributes translated.
"""

from __future__ import annotations

import contextvars
import gettext
import importlib
import inspect
import sys
from typing import Any

import click

from .i18n import SOURCE_LANGUAGE, _, current_language, translations

# Click's modules that take `_` (and `ngettext`) from the standard gettext.
_CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.shell_completion",
    "click.termui",
    "click.types",
    "click.utils",
    "click._termui_impl",
)
HELP_OPTION_HELP = "Show this message and exit."  # Click's words for --help

_in_our_run: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "click_speaks_our_language", default=False
)


def click_gettext(message: str) -> str:
    language = current_language()
    if not _in_our_run.get() or language == SOURCE_LANGUAGE:
        return gettext.gettext(message)
    return translations(language).gettext(message)


def click_ngettext(singular: str, plural: str, n: int) -> str:
    language = current_language()
    if not _in_our_run.get() or language == SOURCE_LANGUAGE:
        return gettext.ngettext(singular, plural, n)
    return translations(language).ngettext(singular, plural, n)


def speak_to_click() -> None:
    """For the rest of this context (one run of the command): Click speaks the
    program's language. Click's modules keep our lookups after the run; outside
    a run they give the standard gettext's answer, as Click's own would."""
    _in_our_run.set(True)
    for name in _CLICK_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # a module of another Click version, or of another system
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = click_gettext  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = click_ngettext  # type: ignore[attr-defined]
    windows = sys.modules.get("click._winconsole")  # loaded by Click on Windows only
    if windows is not None and getattr(windows, "_", None) is gettext.gettext:
        windows._ = click_gettext  # type: ignore[attr-defined]


class _EnglishWords:
    """An attribute of a Click object that keeps the English it is given and
    gives it back in the language of the moment."""

    def __init__(self, *, clean: bool = False) -> None:
        self.clean = clean  # a docstring: without its indentation, as Click shows it

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = f"_english_{name}"

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        text = instance.__dict__.get(self.key)
        if not text:
            return text
        return _(inspect.cleandoc(text) if self.clean else text)

    def __set__(self, instance: Any, value: str | None) -> None:
        instance.__dict__[self.key] = value


class Option(click.Option):
    help = _EnglishWords(clean=True)

    def make_metavar(self, ctx: click.Context) -> str:
        return _(super().make_metavar(ctx))  # FILE, DIR, N...


class Argument(click.Argument):
    def make_metavar(self, ctx: click.Context) -> str:
        return _(super().make_metavar(ctx))  # ANSWERS, INPUT


class Command(click.Command):
    help = _EnglishWords(clean=True)
    options_metavar = _EnglishWords()

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            # Click makes the option once, in the language of that moment.
            option.help = click_gettext(HELP_OPTION_HELP)
        return option


class Group(Command, click.Group):
    command_class = Command
    subcommand_metavar = _EnglishWords()


class WholeNumber(click.IntRange):
    """A whole number within bounds, said in words: "from 1 to 1000", "1 or more".

    Click says a range as "1<=x<=1000", in no language a reader of the
    worksheets speaks, and reads "1_000" or a 5,000-digit number as Python
    would; this reads plain decimal digits, as people type them.
    """

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        from .safetext import shown, too_long_number, whole_number

        number = value if isinstance(value, int) else whole_number(str(value))
        if number is None and too_long_number(str(value)):
            # Far too large (or small): said with its bounds, its digits cut short.
            typed = str(value).strip()
            number = -1 if typed.startswith("-") else sys.maxsize
            value = typed if len(typed) <= 20 else typed[:12] + "…"
        elif number is None:
            self.fail(
                _('"{value}" is not a whole number').format(value=shown(str(value))), param, ctx
            )
        else:
            value = number
        if (self.min is not None and number < self.min) or (
            self.max is not None and number > self.max
        ):
            if self.max is None:
                message = _("{value} is too small: give {min} or more")
            else:
                message = _("{value} is not a number from {min} to {max}")
            self.fail(message.format(value=value, min=self.min, max=self.max), param, ctx)
        return number

    def _describe_range(self) -> str:
        if self.max is None:
            return _("{min} or more").format(min=self.min)
        return _("from {min} to {max}").format(min=self.min, max=self.max)
