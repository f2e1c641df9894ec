"""The one place words pass through on their way to the person.

Everything the program prints or writes in a sentence goes through `_` (Python)
or `{% trans %}`/`_()` (templates), so that a translation can be dropped in
later without touching the code. Only English exists today.
"""

import gettext

LANGUAGE = "en"

_translations: gettext.NullTranslations = gettext.NullTranslations()


def translations() -> gettext.NullTranslations:
    return _translations


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)
