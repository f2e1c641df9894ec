"""Understanding words as people type them: near misses, yes and no, list choices.

Every "Did you mean ...?" of the program comes from `closest` (files, CSV
columns, the bank) or `understand` (the interview), both on rapidfuzz, a
well-kept fuzzy matcher, rather than rules of our own. A file is strict: a near
miss is an error that names the close match. The interview is forgiving: a
clear word is taken, a near miss is asked about, and a word that matches
nothing is said to be so, each word judged on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from . import local_words
from .i18n import _
from .safetext import whole_number

# What a file's near miss must score (out of 100) to be named, as difflib's 0.7 did.
FILE_CUTOFF = 70
# The interview asks "Did you mean ...?" from this score; below it a word is unknown.
ASK_CUTOFF = 80
# Two options closer together than this are both as likely: neither is suggested.
MARGIN = 5


def normalize(value: str) -> str:
    """`Eat comfortably`, `eat-comfortably` and ` EAT_comfortably ` all read `eat_comfortably`."""
    return "_".join(value.strip().lower().replace("-", " ").replace("_", " ").split())


def closest(value: str, allowed: Iterable[object]) -> str | None:
    """The allowed value a file most likely meant ("chemo" -> "chemotherapy"), or None."""
    from rapidfuzz import fuzz, process  # here, so that `--help` never loads it

    options = [str(option) for option in allowed]
    if len(value) >= 3:
        starting = [option for option in options if option.startswith(value)]
        if len(starting) == 1:
            return starting[0]
    found = process.extractOne(value, options, scorer=fuzz.ratio, score_cutoff=FILE_CUTOFF)
    return found[0] if found else None


def did_you_mean(value: str, allowed: Iterable[object]) -> str | None:
    """`Did you mean "work"?` for a value not allowed, or None when nothing is close."""
    match = closest(value, allowed)
    return _('Did you mean "{match}"?').format(match=match) if match else None


def with_suggestion(
    message: str, value: str, allowed: Iterable[object], *, otherwise: str = ""
) -> str:
    """`message`, then ". Did you mean ...?" when a value is close, else ". " + `otherwise`."""
    suggestion = did_you_mean(value, allowed) or otherwise
    return f"{message}. {suggestion}" if suggestion else message


# --- Yes and no ------------------------------------------------------------------------

_YES = frozenset(
    {
        "y",
        "yes",
        "yes please",
        "yes thanks",
        "yes thank you",
        "yep",
        "yup",
        "yeah",
        "yea",
        "ya",
        "sure",
        "ok",
        "okay",
        "of course",
        "please",
        "right",
        "correct",
        "that's right",
        "thats right",
        "it is",
        "si",
        "sí",
    }
)
_NO = frozenset(
    {
        "n",
        "no",
        "no thanks",
        "no thank you",
        "nope",
        "nah",
        "not now",
        "not really",
        "no way",
        "wrong",
        "skip",
    }
)


def yes_or_no(text: str) -> bool | None:
    """True for "yes please", False for "no thanks", None for anything else."""
    plain = " ".join(re.sub(r"[.!,]+", " ", text.lower().replace("\u2019", "'")).split())
    if plain in _YES or plain in (_("yes"), _("y")) or local_words.is_yes(plain):
        return True
    if plain in _NO or plain in (_("no"), _("n")) or local_words.is_no(plain):
        return False
    return None


# --- Choosing from a list -----------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """What one typed word meant: `sure` (taken), `maybe` (ask "Did you mean"), or none."""

    typed: str
    key: str | None = None
    sure: bool = False
    several: tuple[str, ...] = ()  # keys a word fits equally well ("time")
    problem: str = ""  # why a number or word was not taken, in plain words


def understand(
    token: str,
    options: Mapping[str, str],
    synonyms: Mapping[str, str] | None = None,
) -> Reading:
    """What one word typed at a list meant: a number, a value, its label, a synonym,
    a clear part of one, or a near miss.

    `options` maps values to their labels (already in the person's language);
    `synonyms` maps plain words ("chemo") to values.
    """
    synonyms = synonyms or {}
    keys = list(options)
    text = token.strip()
    if text.isdecimal():
        number = whole_number(text) or 0
        if 1 <= number <= len(keys):
            return Reading(text, keys[number - 1], sure=True)
        return Reading(
            text,
            problem=_('"{text}" is not on the list; the numbers go from 1 to {n}.').format(
                text=text, n=len(keys)
            ),
        )
    wanted = normalize(re.sub(r"^(the|my|a|an|in the|in my)\s+", "", text.lower()))
    names: dict[str, str] = {}  # every name of every value -> the value
    for key in keys:
        names[normalize(key)] = key
        names[normalize(options[key])] = key
    for word, key in synonyms.items():
        if key in options:
            names.setdefault(normalize(word), key)
    if wanted in names:
        return Reading(text, names[wanted], sure=True)
    if len(wanted) >= 3:
        partial = sorted({key for name, key in names.items() if wanted in name}, key=keys.index)
        if len(partial) == 1:
            return Reading(text, partial[0], sure=True)
        if len(partial) > 1:
            return Reading(text, several=tuple(partial))
    # In the language spoken: accents or not, and its plain words ("quimio", "rayos").
    local = local_words.find_option(text, options, options)
    if local is not None:
        return Reading(text, local, sure=True)
    if len(wanted) < 3:
        return Reading(text)  # "no", "ok": too short to be a near miss of anything
    # "not being in hospital": a one-word name of an answer inside longer words.
    inside = {key for name, key in names.items() if "_" not in name and name in wanted.split("_")}
    if len(inside) == 1:
        return Reading(text, inside.pop())
    from rapidfuzz import fuzz, process

    found = process.extract(
        text,
        list(names),
        scorer=fuzz.WRatio,
        processor=_content_words,
        limit=None,
        score_cutoff=ASK_CUTOFF,
    )
    best: dict[str, float] = {}
    for name, score, _index in found:
        key = names[name]
        best[key] = max(score, best.get(key, 0))
    ranked = sorted(best.items(), key=lambda item: -item[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= MARGIN):
        return Reading(text, ranked[0][0])
    return Reading(text)  # nothing close, or two near misses alike: not a guess


# Words that say little about which answer is meant: "my" must not make "my dog"
# look like "Keeping up my work".
_LITTLE_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "my",
        "me",
        "i",
        "of",
        "to",
        "for",
        "with",
        "up",
        "on",
        "in",
        "at",
        "be",
        "being",
        "as",
        "much",
        "possible",
    ]
)


def _content_words(name: str) -> str:
    from rapidfuzz import utils

    words = utils.default_process(name.replace("_", " ")).split()
    kept = [word for word in words if word not in _LITTLE_WORDS]
    return " ".join(kept or words)


def split_choices(text: str) -> list[str]:
    """`1,3`, `1 3`, `1 and 3`, `work, travel`: the words typed, one per choice."""
    text = text.strip()
    if re.fullmatch(r"\d+((\s*(,|;|\s|and|&)\s*)\d+)+", text):
        return re.findall(r"\d+", text)
    parts = re.split(r"[,;]|\band\b|&|\n", text)
    return [part.strip(" .") for part in parts if part.strip(" .")]
