"""The words the interview understands in each language, beyond its labels.

Every choice's label is already matched in the language being spoken (labels
pass through the catalog). These are the other words people type: "quimio"
for chemotherapy, "sí" and "no gracias", and the interview's own commands
("saltar", "borrar", "no sé"), which stand for the English words the prompts
look for. A language with no table here simply has none; English needs none
(its synonyms are the schema's).
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Mapping
from typing import Any, TypeVar

from .i18n import current_language

# A whole answer that is one of the interview's commands.
COMMANDS: Mapping[str, Mapping[str, str]] = {
    "es": {
        "saltar": "skip",
        "omitir": "skip",
        "pasar": "skip",
        "borrar": "clear",
        "quitar": "clear",
        "eliminar": "clear",
        "saltar todo": "skip all",
        "saltar todos": "skip all",
        "saltar el resto": "skip all",
        "omitir todo": "skip all",
        "no se": "not sure",
        "no lo se": "not sure",
        "no estoy seguro": "not sure",
        "no estoy segura": "not sure",
        "no estoy seguro o segura": "not sure",
        "ni idea": "not sure",
        "nose": "not sure",
    },
}

YES: Mapping[str, frozenset[str]] = {
    "es": frozenset(
        {
            "si",
            "s",
            "claro",
            "claro que si",
            "por supuesto",
            "bueno",
            "esta bien",
            "ok",
            "vale",
            "dale",
            "si por favor",
            "si gracias",
            "de acuerdo",
            "correcto",
            "asi es",
        }
    ),
}
NO: Mapping[str, frozenset[str]] = {
    "es": frozenset(
        {
            "no",
            "n",
            "no gracias",
            "ahora no",
            "por ahora no",
            "todavia no",
            "no quiero",
            "mejor no",
            "para nada",
        }
    ),
}

# Plain words for the values of each answer, folded (no accents, lower case).
SYNONYMS: Mapping[str, Mapping[str, str]] = {
    "es": {
        # cancer.type
        "mama": "breast",
        "seno": "breast",
        "senos": "breast",
        "pecho": "breast",
        "prostata": "prostate",
        "pulmon": "lung",
        "colon": "colorectal",
        "recto": "colorectal",
        "colorrectal": "colorectal",
        "intestino": "colorectal",
        "pancreas": "pancreatic",
        "ovario": "ovarian",
        "ovarios": "ovarian",
        "piel": "melanoma",
        "rinon": "kidney",
        "rinones": "kidney",
        "renal": "kidney",
        "vejiga": "bladder",
        # cancer.spread_to
        "hueso": "bones",
        "huesos": "bones",
        "columna": "bones",
        "cerebro": "brain",
        "cabeza": "brain",
        "higado": "liver",
        "pulmones": "lungs",
        "ganglio": "lymph_nodes",
        "ganglios": "lymph_nodes",
        "glandulas": "lymph_nodes",
        "barriga": "peritoneum",
        "panza": "peritoneum",
        "vientre": "peritoneum",
        "abdomen": "peritoneum",
        "peritoneo": "peritoneum",
        # cancer.stage_of_care
        "empezando": "starting",
        "empiezo": "starting",
        "comenzando": "starting",
        "en tratamiento": "on_treatment",
        "cambiando": "changing",
        "dejando": "stopping",
        "dejar": "stopping",
        "parar": "stopping",
        # treatments
        "quimio": "chemotherapy",
        "quimioterapia": "chemotherapy",
        "inmuno": "immunotherapy",
        "hormonas": "hormone",
        "hormonal": "hormone",
        "dirigida": "targeted",
        "pastillas dirigidas": "targeted",
        "radio": "radiation",
        "radioterapia": "radiation",
        "rayos": "radiation",
        "cirugia": "surgery",
        "operacion": "surgery",
        "ensayo": "clinical_trial",
        "ensayo clinico": "clinical_trial",
        "estudio": "clinical_trial",
        "ninguno": "none_yet",
        "nada todavia": "none_yet",
        "todavia nada": "none_yet",
        # priorities
        "trabajo": "work",
        "trabajar": "work",
        "empleo": "work",
        "viajar": "travel",
        "viajes": "travel",
        "comer": "eat_comfortably",
        "comida": "eat_comfortably",
        "familia": "family_time",
        "amigos": "family_time",
        "hijos": "family_time",
        "nietos": "family_time",
        "independencia": "independence",
        "valerme": "independence",
        "casa": "at_home",
        "hogar": "at_home",
        "mente": "clear_mind",
        "mente clara": "clear_mind",
        "dolor": "comfort",
        "comodidad": "comfort",
        "sin dolor": "comfort",
        "tiempo": "more_time",
        "vivir mas": "more_time",
        "hospital": "avoid_hospital",
        "fe": "faith",
        "dios": "faith",
        "iglesia": "faith",
        "rezar": "faith",
        "oracion": "faith",
        "dinero": "money",
        "cuentas": "money",
        "pasatiempos": "activities",
        "aficiones": "activities",
        "carga": "not_a_burden",
        # information
        "detalles": "details",
        "numeros": "details",
        "idea general": "big_picture",
        "general": "big_picture",
        "ahora no": "not_now",
        "familia primero": "family_first",
        # skip_topics
        "pronostico": "prognosis",
        "futuro": "prognosis",
        "planear": "planning_ahead",
        "estudios": "clinical_trials",
        "ensayos": "clinical_trials",
        "costos": "costs",
        "gastos": "costs",
    },
}


def fold(text: str) -> str:
    """`Quimio`, ` quimio ` and `quimío` alike: lower case, single spaces, no accents."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("_", " ").replace("-", " ").split())


def command(text: str) -> str:
    """The English command a whole answer stands for ("saltar" -> "skip"), else the text."""
    return COMMANDS.get(current_language(), {}).get(fold(text).strip(".!¡¿?"), text)


IO = TypeVar("IO")


def with_commands(io: IO) -> IO:
    """A console (prompts.Console) whose answers have their commands in English,
    so that every prompt understands "saltar" as it understands "skip"."""
    ask: Any = io.ask  # type: ignore[attr-defined]
    return dataclasses.replace(io, ask=lambda prompt: command(ask(prompt)))  # type: ignore[type-var]


def is_yes(text: str) -> bool:
    return fold(text).strip(".!¡") in YES.get(current_language(), frozenset())


def is_no(text: str) -> bool:
    return fold(text).strip(".!¡") in NO.get(current_language(), frozenset())


def find_option(text: str, options: Mapping[str, str], labels: Mapping[str, str]) -> str | None:
    """The one option a word means in the language spoken: its label or a plain
    word for it, accents or not ("higado" for "Hígado", "rayos" for radiation),
    or a clear part of a label. None if no option, or more than one, fits."""
    wanted = fold(text)
    if not wanted:
        return None
    folded = {key: fold(label) for key, label in labels.items()}
    exact = [key for key in options if wanted in (fold(key), folded[key])]
    if len(exact) == 1:
        return exact[0]
    synonym = SYNONYMS.get(current_language(), {}).get(wanted)
    if synonym in options:
        return synonym
    if len(wanted) >= 3:
        partial = [key for key in options if wanted in folded[key]]
        if len(partial) == 1:
            return partial[0]
    return None
