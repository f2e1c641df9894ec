"""Warn when no installed font can print some of the text a person typed.

Pango quietly draws an empty box for a character no font has. A name in
Chinese on a machine without a CJK font would come out as boxes, and nobody
would know until the visit. We ask fontconfig, the library Pango itself uses,
which characters no installed font covers, and say which font package to
install.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import unicodedata
from collections.abc import Iterable

from .i18n import _
from .paths import TEMPLATES_DIR

# Debian packages that cover a script, named in the warning.
_PACKAGES = (
    ("CJK", "fonts-noto-cjk"),
    ("HIRAGANA", "fonts-noto-cjk"),
    ("KATAKANA", "fonts-noto-cjk"),
    ("HANGUL", "fonts-noto-cjk"),
    ("EMOJI", "fonts-noto-color-emoji"),
)
_DEFAULT_PACKAGE = "fonts-noto-core"
MAX_CHECKED = 500


def missing_characters(texts: Iterable[str]) -> list[str]:
    """Characters of `texts` that neither our font nor any installed font has."""
    # In order of appearance, so the warning shows "王小明", not a jumble.
    wanted = list(
        dict.fromkeys(c for text in texts for c in text if c.isprintable() and not c.isspace())
    )
    ours = _bundled_coverage()
    missing = []
    for char in wanted[:MAX_CHECKED]:
        if ord(char) in ours or ord(char) < 0x250:
            continue
        if not _installed_font_has(ord(char)):
            missing.append(char)
    return missing


def font_advice(missing: list[str]) -> str:
    """The warning for `missing` characters: which scripts, and the package to
    install. It names the kind of writing, never the text: that may be a name."""
    packages = sorted({_package_for(c) for c in missing})
    scripts = ", ".join(dict.fromkeys(_script_of(c) for c in missing))
    return _(
        "no installed font has some of the characters typed ({scripts}); they would print "
        "as empty boxes. Install a font that has them, for example: sudo apt-get install "
        "{packages}"
    ).format(scripts=scripts, packages=" ".join(packages))


def _script_of(char: str) -> str:
    """ "Chinese, Japanese or Korean", "emoji", "Thai"... from the character's name."""
    name = unicodedata.name(char, "")
    if ord(char) >= 0x1F000 or "EMOJI" in name:
        return _("emoji")
    if any(word in name for word in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")):
        return _("Chinese, Japanese or Korean")
    return name.split(" ")[0].capitalize() if name else _("unknown")


def _package_for(char: str) -> str:
    name = unicodedata.name(char, "")
    if ord(char) >= 0x1F000:
        return "fonts-noto-color-emoji"
    for word, package in _PACKAGES:
        if word in name:
            return package
    return _DEFAULT_PACKAGE


@functools.cache
def _bundled_coverage() -> frozenset[int]:
    from fontTools.ttLib import TTFont  # installed with WeasyPrint

    font = TTFont(TEMPLATES_DIR / "fonts" / "AtkinsonHyperlegible-Regular.ttf", lazy=True)
    return frozenset(font.getBestCmap())


@functools.cache
def _fontconfig() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("fontconfig")
    if not name:
        return None
    lib = ctypes.CDLL(name)
    for function, restype in (
        ("FcInitLoadConfigAndFonts", ctypes.c_void_p),
        ("FcCharSetCreate", ctypes.c_void_p),
        ("FcPatternCreate", ctypes.c_void_p),
        ("FcObjectSetCreate", ctypes.c_void_p),
        ("FcFontList", ctypes.c_void_p),
    ):
        getattr(lib, function).restype = restype
    lib.FcCharSetAddChar.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
    lib.FcPatternAddCharSet.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
    lib.FcFontList.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    for destroy in (
        "FcCharSetDestroy",
        "FcPatternDestroy",
        "FcObjectSetDestroy",
        "FcFontSetDestroy",
    ):
        getattr(lib, destroy).argtypes = [ctypes.c_void_p]
    lib.config = lib.FcInitLoadConfigAndFonts()  # type: ignore[attr-defined]
    return lib


@functools.cache
def _installed_font_has(code_point: int) -> bool:
    lib = _fontconfig()
    if lib is None:
        return True  # cannot tell: say nothing rather than cry wolf
    charset = lib.FcCharSetCreate()
    pattern = lib.FcPatternCreate()
    objects = lib.FcObjectSetCreate()
    try:
        lib.FcCharSetAddChar(charset, code_point)
        lib.FcPatternAddCharSet(pattern, b"charset", charset)
        fonts = lib.FcFontList(lib.config, pattern, objects)  # type: ignore[attr-defined]
        if not fonts:
            return True
        count = ctypes.cast(fonts, ctypes.POINTER(ctypes.c_int))[0]
        lib.FcFontSetDestroy(fonts)
        return count > 0
    finally:
        lib.FcObjectSetDestroy(objects)
        lib.FcPatternDestroy(pattern)
        lib.FcCharSetDestroy(charset)
