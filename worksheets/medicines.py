"""The medicine list (questions/medicines.yaml): names people know, mapped to
what the bank reasons about.

People know the names on their pill boxes and infusion bags ("Ibrance"), not
"targeted therapy". The list maps each brand, generic name, short name and
common misspelling to one medicine: its generic name, its treatment class and
its drug families, so that questions can be about the person's own drug. A
regimen (FOLFOX) is a name for several medicines given together.

A name that is not on the list is never an error: the person's word is kept,
printed as typed, and reported as a warning with the closest name on the list.
The list is part of the bank's public format: a clinic's copy (`--bank DIR`)
can add the local names its patients use.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import vocabulary as v
from .errors import InputProblems
from .i18n import _
from .words import closest
from .yamlsource import Path_, YamlDocument, parse_yaml, read_text

MEDICINES_FILE = "medicines.yaml"
MEDICINES_FORMAT = 1
MAX_FILE_BYTES = 2_000_000
MAX_DESCRIPTION_CHARS = 300
FAMILY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
FIELDS = (
    "name",
    "brands",
    "also_called",
    "misspellings",
    "class",
    "family",
    "regimen",
    "description",
    "source",
)
# Classes a medicine may imply: the treatments of the contract a drug can be.
MEDICINE_CLASSES = tuple(
    key for key in v.TREATMENTS if key not in ("surgery", "clinical_trial", "none_yet", "unsure")
)
# "letrozole 2.5 mg", "Xeloda 500mg tablets": the dose is not part of the name.
_DOSE = re.compile(r"\s+\d[\d.,]*\s*(mg|mcg|µg|g|ml|units?|iu)\b.*$", re.IGNORECASE)


@dataclass(frozen=True)
class Medicine:
    """One medicine, or one regimen of several (FOLFOX)."""

    name: str  # the generic name ("palbociclib"), or the regimen's ("FOLFOX")
    brands: tuple[str, ...] = ()
    also_called: tuple[str, ...] = ()  # short names: "5-FU", "T-DXd"
    misspellings: tuple[str, ...] = ()
    treatment_class: str | None = None  # None: not a cancer treatment class (denosumab)
    families: tuple[str, ...] = ()
    regimen: tuple[str, ...] = ()  # the generic names of a regimen's medicines
    description: str = ""
    sources: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.brands, *self.also_called, *self.misspellings)


@dataclass(frozen=True)
class Resolved:
    """A name as the person gave it, and the medicine it stands for (None: unknown)."""

    given: str
    medicine: Medicine | None = None
    # What a regimen is made of, and the classes and families of all of it.
    generic_names: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    suggestion: str | None = None  # for an unknown name, the closest name on the list

    def to_json(self) -> dict[str, Any]:
        if self.medicine is None:
            return {"given": self.given, "name": None, "class": None, "family": None}
        item: dict[str, Any] = {
            "given": self.given,
            "name": self.medicine.name,
            "class": self.classes[0] if len(self.classes) == 1 else list(self.classes) or None,
            "family": self.families[0] if len(self.families) == 1 else list(self.families) or None,
        }
        if self.medicine.regimen:
            item["regimen"] = list(self.medicine.regimen)
        return item


@dataclass(frozen=True)
class MedicineList:
    medicines: tuple[Medicine, ...] = ()
    by_key: Mapping[str, Medicine] = field(default_factory=dict)
    # For close matches: each spelling as written, by its key.
    spellings: Mapping[str, str] = field(default_factory=dict)

    @property
    def families(self) -> frozenset[str]:
        return frozenset(f for m in self.medicines for f in m.families)

    def find(self, name: str) -> Medicine | None:
        key = name_key(name)
        found = self.by_key.get(key)
        if found is None:
            without_dose = name_key(_DOSE.sub("", name.strip()))
            found = self.by_key.get(without_dose)
        return found

    def resolve(self, name: str) -> Resolved:
        medicine = self.find(name)
        if medicine is None:
            return Resolved(given=name, suggestion=self.suggest(name))
        parts = [self.by_key[name_key(part)] for part in medicine.regimen] or [medicine]
        return Resolved(
            given=name,
            medicine=medicine,
            generic_names=_unique([medicine.name, *(p.name for p in parts)]),
            classes=_unique([medicine.treatment_class, *(p.treatment_class for p in parts)]),
            families=_unique([*medicine.families, *(f for p in parts for f in p.families)]),
        )

    def resolve_all(self, names: Iterable[str]) -> tuple[Resolved, ...]:
        return tuple(self.resolve(name) for name in names)

    def suggest(self, name: str) -> str | None:
        key = name_key(name)
        if not key:
            return None
        match = closest(key, self.spellings)
        return self.spellings[match] if match else None


def families_of(medicines: Iterable[Resolved]) -> frozenset[str]:
    """The drug families of the person's medicines, as the bank's `medicine_family`."""
    return frozenset(f for m in medicines for f in m.families)


def name_key(name: str) -> str:
    """The form names are compared in: any case, without spaces, dashes, marks or accents.

    "Lutetium-177 PSMA", "lutetium 177 psma" and "Xgeva®" all match their entry, and
    "acido zoledronico" (typed without accents) matches "ácido zoledrónico".
    """
    return re.sub(r"[^0-9a-zà-ÿ]", "", unaccented(name))


def unaccented(name: str) -> str:
    """`name` in lower case without its accents: "ácido" is "acido"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _unique(items: Iterable[str | None]) -> tuple[str, ...]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return tuple(seen)


# --- Reading the list ----------------------------------------------------------------


def load_medicines(path: Path, problems: list[str]) -> MedicineList:
    """Read and check a medicines file; its problems are appended to `problems`."""
    try:
        document = parse_yaml(read_text(path, MAX_FILE_BYTES, _("a bank file")), path.name)
    except InputProblems as error:
        problems.extend(error.problems)
        return MedicineList()
    return read_medicines(document, problems)


def read_medicines(doc: YamlDocument, problems: list[str]) -> MedicineList:
    def problem(path: Path_, name: str, message: str) -> None:
        problems.append(f"{doc.where(path, name)}: {message}")

    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("medicines"), list):
        problem(
            (), "medicines", _('a medicine list holds "format: 1" and a list under "medicines:"')
        )
        return MedicineList()
    for key in data:
        if key not in ("format", "medicines"):
            problem(
                (key,), str(key), _('"{key}" is not a field this program knows').format(key=key)
            )
    fmt = data.get("format")
    if isinstance(fmt, bool) or not isinstance(fmt, int) or fmt < 1:
        problem(("format",), "format", _('missing or wrong; write "format: 1"'))
    elif fmt > MEDICINES_FORMAT:
        problem(
            ("format",),
            "format",
            _(
                "this list is format {value}, newer than this program reads ({ours}); update "
                "worksheets, or use a list written for format {ours}"
            ).format(value=fmt, ours=MEDICINES_FORMAT),
        )
    medicines: list[Medicine] = []
    places: dict[str, Path_] = {}
    for i, raw in enumerate(data["medicines"]):
        medicine = _read_medicine(raw, ("medicines", i), problem)
        if medicine is not None:
            medicines.append(medicine)
            places[medicine.name] = ("medicines", i)
    by_key: dict[str, Medicine] = {}
    spellings: dict[str, str] = {}
    owner: dict[str, str] = {}
    for medicine in medicines:
        for spelling in medicine.names():
            key = name_key(spelling)
            if key in by_key and by_key[key] is not medicine:
                problem(
                    places[medicine.name],
                    "name",
                    _('"{spelling}" is already a name of {other}').format(
                        spelling=spelling, other=owner[key]
                    ),
                )
                continue
            by_key[key] = medicine
            owner[key] = medicine.name
            if spelling not in medicine.misspellings:
                spellings.setdefault(key, spelling)
    # A regimen names medicines of the list, and a medicine is not a regimen of regimens.
    for medicine in medicines:
        for part in medicine.regimen:
            found = by_key.get(name_key(part))
            if found is None or found.regimen:
                message = _('"{part}" is not a single medicine of this list').format(part=part)
                match = closest(name_key(part), spellings)
                if match:
                    message += ". " + _('Did you mean "{match}"?').format(match=spellings[match])
                problem((*places[medicine.name], "regimen"), "regimen", message)
    return MedicineList(tuple(medicines), by_key, spellings)


def _texts(value: Any) -> tuple[str, ...] | None:
    """A list of names (or one name); None if it is not that."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not all(
        isinstance(item, str | int | float) and not isinstance(item, bool) for item in items
    ):
        return None
    texts = tuple(" ".join(str(item).split()) for item in items)
    return None if any(not text for text in texts) else texts


def _read_medicine(raw: Any, path: Path_, problem: Any) -> Medicine | None:
    if not isinstance(raw, dict):
        problem(
            path, "", _("each medicine needs at least a name, a class or regimen, and a source")
        )
        return None
    ok = True

    def bad(sub: Path_, name: str, message: str) -> None:
        nonlocal ok
        ok = False
        problem(sub, name, message)

    for key in raw:
        if key not in FIELDS:
            message = _('"{key}" is not a field this program knows').format(key=key)
            match = closest(str(key), FIELDS)
            if match:
                message += ". " + _('Did you mean "{match}"?').format(match=match)
            bad((*path, key), str(key), message)
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        bad(path, "name", _("missing; every medicine needs its generic name"))
        name = ""
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("brands", "also_called", "misspellings", "regimen", "source", "family"):
        texts = _texts(raw.get(key))
        if texts is None:
            bad((*path, key), key, _("should be a list of names, e.g. [Ibrance]"))
            texts = ()
        lists[key] = texts
    for family in lists["family"]:
        if not FAMILY_PATTERN.match(family):
            bad(
                (*path, "family"),
                "family",
                _(
                    '"{family}" is not a usable family; use lower case and _, like cdk46_inhibitor'
                ).format(family=family),
            )
    treatment_class = raw.get("class")
    if treatment_class is not None and treatment_class not in MEDICINE_CLASSES:
        message = _('"{value}" is not a treatment class').format(value=treatment_class)
        match = closest(str(treatment_class), MEDICINE_CLASSES)
        message += ". " + (
            _('Did you mean "{match}"?').format(match=match)
            if match
            else _("Choose from: {values}").format(values=", ".join(MEDICINE_CLASSES))
        )
        bad((*path, "class"), "class", message)
    if lists["regimen"] and len(lists["regimen"]) < 2:
        bad((*path, "regimen"), "regimen", _("a regimen names two or more medicines"))
    if lists["regimen"] and treatment_class is not None:
        bad((*path, "class"), "class", _("a regimen takes its classes from its medicines"))
    if not lists["regimen"] and treatment_class is None and not lists["family"]:
        bad(path, "class", _("missing; give the treatment class, or a family for other medicines"))
    if not lists["source"]:
        bad(path, "source", _("missing; name the organisations whose guidance it follows"))
    description = raw.get("description")
    if description is None or not isinstance(description, str) or not description.strip():
        bad(path, "description", _("missing; say in plain words what the medicine is"))
        description = ""
    description = " ".join(description.split())
    if len(description) > MAX_DESCRIPTION_CHARS:
        bad(
            (*path, "description"),
            "description",
            _("is {n} characters long; keep it under {limit}").format(
                n=len(description), limit=MAX_DESCRIPTION_CHARS
            ),
        )
    if not ok:
        return None
    return Medicine(
        name=" ".join(name.split()),
        brands=lists["brands"],
        also_called=lists["also_called"],
        misspellings=lists["misspellings"],
        treatment_class=treatment_class,
        families=lists["family"],
        regimen=lists["regimen"],
        description=description,
        sources=lists["source"],
    )
