"""The after-visit page's "When to call right away": signs that fit the person.

Each sign is printed for the person only when it fits them: a sign of a
treatment they are having or of a place the cancer has reached, plus a short
list for everyone. A sign also names the bank questions it already answers,
so the worksheet does not ask them again ("During chemo, what counts as a
fever?" is answered by the fever line of the list).

Sources, by topic: NCI, ASCO and ACS patient guidance on symptoms to report
during treatment; NCCN and ESMO on spinal cord compression, raised pressure in
the brain, bowel blockage and high calcium; hospice and palliative care
programmes (CAPC, NHPCO) on calling the hospice line before 911.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .answers import Answers
from .i18n import N_
from .medicines import Resolved, families_of

DRUG_TREATMENTS = ("chemotherapy", "targeted", "immunotherapy", "hormone", "clinical_trial")


Fit = tuple[str, tuple[str, ...]]  # (answer, values), as a bank question's `when`


@dataclass(frozen=True)
class Sign:
    text: str
    # (answer, values): the sign fits a person whose answer is any of these; None: everyone.
    # "medicine_family" and "medicine" are the families and the generic names of the
    # person's medicines, as in the bank.
    fits: Fit | None = None
    answers: frozenset[str] = frozenset()  # ids of bank questions this sign answers
    label: str | None = None  # who it is for, on the blank worksheet
    # Other answers it also fits: (("cancer_type", ("lung",)),).
    also_fits: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # On the blank worksheet's list of every sign (drug-specific ones are left to the
    # personal sheet, so that the blank's list stays on one page).
    on_blank: bool = True
    # Left out if any of these fits (a sign said better by another line).
    unless: tuple[Fit, ...] = ()
    # Printed only if each of these fits as well.
    needs: tuple[Fit, ...] = ()
    # Gone within days of the last dose: not said once treatment stops.
    ends_with_treatment: bool = False


# The person's own signs first (treatments, then places), then those for everyone.
SIGNS: tuple[Sign, ...] = (
    Sign(
        N_(
            "A temperature of 100.4°F (38°C) or higher, or shaking chills "
            "(your white blood cells may be low)"
        ),
        ("treatments", ("chemotherapy",)),
        frozenset({"effects-chemo-fever"}),
        N_("Chemotherapy, or pills like Ibrance"),
        # CDK4/6 and PARP inhibitors, and most antibody-drug conjugates, lower the white
        # cells too (FDA labels; sacituzumab's is a boxed warning).
        also_fits=(
            (
                "medicine_family",
                ("cdk46_inhibitor", "parp_inhibitor", "deruxtecan_adc", "vedotin_adc", "trop2_adc"),
            ),
        ),
    ),
    Sign(
        N_(
            "Diarrhea 4 or more times a day more than usual, or at night, or mouth sores "
            "that stop you eating or drinking"
        ),
        # The call that matters most on 5-FU, capecitabine or irinotecan (FDA labels).
        ("medicine_family", ("fluoropyrimidine", "topoisomerase_inhibitor")),
        on_blank=False,
    ),
    Sign(
        N_("Fainting, or a racing, pounding or uneven heartbeat"),
        ("medicine_family", ("qt_prolonging",)),  # ribociclib (Kisqali) label: QT prolongation
        on_blank=False,
    ),
    Sign(
        N_("New diarrhea, a new cough or shortness of breath, a rash, or yellow skin or eyes"),
        ("treatments", ("immunotherapy",)),
        frozenset({"effects-immuno-warning-signs"}),
        N_("Immunotherapy"),
    ),
    Sign(
        N_("Diarrhea or a rash that is new or getting worse"),
        ("treatments", ("targeted",)),
        label=N_("Targeted drugs"),
        ends_with_treatment=True,  # these pills leave the body within days
    ),
    Sign(
        N_("A swollen, painful leg (a sign of a blood clot)"),
        ("treatments", DRUG_TREATMENTS),
        frozenset({"effects-blood-clot-signs"}),
        N_("Drug treatment"),
    ),
    # Antibody-drug conjugates: each drug's own call, from its label's boxed warning
    # (FDA labels of Enhertu, Datroway, Elahere, Tivdak and Padcev); the general
    # line only when no medicine says which.
    Sign(
        N_("A new cough, shortness of breath or fever, or new trouble seeing"),
        ("treatments", ("antibody_drug_conjugate",)),
        label=N_("Antibody-drug conjugate"),
        unless=(
            ("medicine_family", ("deruxtecan_adc", "eye_toxic_adc", "vedotin_adc", "trop2_adc")),
        ),
    ),
    Sign(
        N_("A new cough, shortness of breath or fever (the lungs may be inflamed)"),
        ("medicine_family", ("deruxtecan_adc",)),
        on_blank=False,
    ),
    Sign(
        N_("Eye pain, blurred vision or any new trouble seeing"),
        ("medicine_family", ("eye_toxic_adc",)),
        on_blank=False,
    ),
    Sign(
        N_(
            "A rash with blisters or peeling skin, or mouth sores; or feeling very thirsty "
            "and peeing a lot (high blood sugar)"
        ),
        ("medicine", ("enfortumab vedotin",)),
        on_blank=False,
    ),
    Sign(
        N_("Skin that blisters or breaks open where you are treated"),
        ("treatments", ("radiation",)),
        label=N_("Radiation"),
    ),
    Sign(
        N_("Fever, or a wound that is red, swollen or leaking"),
        ("treatments", ("surgery",)),
        frozenset({"effects-surgery-warning-signs"}),
        N_("Surgery"),
    ),
    Sign(
        N_("Any new or worse side effect: call the trial team"),
        ("treatments", ("clinical_trial",)),
        label=N_("A clinical trial"),
    ),
    Sign(
        N_("A seizure, a very bad headache, throwing up, or new weakness on one side"),
        ("spread_to", ("brain",)),
        frozenset({"spread-brain-warning"}),
        N_("Spread to the brain"),
    ),
    Sign(
        N_("Sudden, sharp pain in a bone"),
        ("spread_to", ("bones",)),
        label=N_("Spread to the bones"),
    ),
    Sign(
        N_(
            "Feeling very thirsty, mixed up or constipated (signs of too much calcium in the blood)"
        ),
        ("spread_to", ("bones",)),
        frozenset({"spread-bones-high-calcium"}),
        N_("Spread to the bones"),
    ),
    Sign(
        N_("Yellow skin or eyes, dark urine, or a belly that swells quickly"),
        ("spread_to", ("liver",)),
        frozenset({"spread-liver-warning"}),
        N_("Spread to the liver"),
        unless=(("treatments", ("immunotherapy",)),),
    ),
    Sign(
        # Yellow skin is already on the immunotherapy line: said once.
        N_("Dark urine, or a belly that swells quickly"),
        ("spread_to", ("liver",)),
        frozenset({"spread-liver-warning"}),
        needs=(("treatments", ("immunotherapy",)),),
        on_blank=False,
    ),
    Sign(
        N_("Coughing up blood"),
        ("spread_to", ("lungs",)),
        frozenset({"spread-lungs-blood-chest-pain"}),
        N_("Spread to the lungs"),
        also_fits=(("cancer_type", ("lung",)),),  # more likely still from a lung tumour
    ),
    Sign(
        N_("Throwing up again and again with a swollen belly, and no stool or gas"),
        ("spread_to", ("peritoneum",)),
        frozenset({"spread-peritoneum-blockage"}),
        N_("Spread to the lining of the belly"),
    ),
    Sign(
        N_(
            "New back pain with weakness or numbness in the legs, or trouble controlling "
            "bladder or bowels"
        ),
        answers=frozenset({"spread-spinal-cord"}),
    ),
    # The calls hospice and palliative nurses get most (NCI PDQ; NHPCO family teaching).
    Sign(N_("Pain that is new, or that your pain medicine does not ease")),
    Sign(
        N_("Not able to swallow your medicines, or throwing up so you cannot keep them down"),
        ("stage_of_care", ("stopping",)),
        also_fits=(("already_have", ("hospice",)),),
        on_blank=False,
    ),
    # Sudden breathlessness is also a clot's sign: said here once, for everyone.
    Sign(N_("Trouble breathing, new shortness of breath, or chest pain")),
    Sign(N_("Sudden confusion, or being very hard to wake")),
    Sign(N_("Bleeding or vomiting that does not stop")),
)


def fits(
    sign: Sign,
    answers: Answers,
    treatments: tuple[str, ...] | None = None,
    medicines: tuple[Resolved, ...] = (),
) -> bool:
    """Whether the sign is for this person. `treatments`: those given and those
    their medicines imply, when known; `medicines`: their medicines, resolved."""

    def holds(fit: Fit) -> bool:
        answer, values = fit
        given: Iterable[str] | str | None
        if answer == "medicine_family":
            given = families_of(medicines)
        elif answer == "medicine":
            given = {name for m in medicines for name in m.generic_names}
        elif answer == "treatments" and treatments is not None:
            given = treatments
        else:
            given = getattr(answers, answer)
        if isinstance(given, str):  # stage_of_care, cancer_type: one value
            given = (given,)
        return any(value in (given or ()) for value in values)

    if any(holds(fit) for fit in sign.unless) or not all(holds(fit) for fit in sign.needs):
        return False
    if sign.ends_with_treatment and answers.stage_of_care == "stopping":
        return False
    return sign.fits is None or any(holds(fit) for fit in (sign.fits, *sign.also_fits))


def _about_treatment(sign: Sign) -> bool:
    return sign.fits is not None and sign.fits[0] in ("treatments", "medicine_family", "medicine")


def signs_for(
    answers: Answers,
    treatments: tuple[str, ...] | None = None,
    medicines: tuple[Resolved, ...] = (),
) -> tuple[Sign, ...]:
    """The signs to print for this person, their own first.

    For someone stopping treatment, the signs of the places the cancer has
    reached and those for everyone come first, the treatment's after them: what
    the cancer itself may do matters more from now on (NCI PDQ, Last Days of Life).
    """
    chosen = tuple(sign for sign in SIGNS if fits(sign, answers, treatments, medicines))
    if answers.stage_of_care == "stopping":
        return (
            *(sign for sign in chosen if not _about_treatment(sign)),
            *(sign for sign in chosen if _about_treatment(sign)),
        )
    return chosen


def answered_by_signs(
    answers: Answers,
    treatments: tuple[str, ...] | None = None,
    medicines: tuple[Resolved, ...] = (),
) -> frozenset[str]:
    """Ids of the questions the person's list of signs already answers."""
    signs = signs_for(answers, treatments, medicines)
    return frozenset(qid for sign in signs for qid in sign.answers)


def call_first(answers: Answers) -> str | None:
    """Whom to call before 911, for a person with hospice or stopping treatment.

    Hospice and palliative teams can often treat a crisis at home; an ambulance
    takes the person to the emergency room, where they may get treatments
    they did not want.
    """
    if "hospice" in answers.already_have:
        return N_(
            "Call your hospice team first, day or night, for any of these: they can often "
            "help at home. Call 911 only for an emergency you want treated in the hospital."
        )
    if answers.stage_of_care == "stopping" or "palliative_care" in answers.already_have:
        return N_(
            "Call your palliative care team or your care team's night line first, day or "
            "night: they may help without a trip to the emergency room. Call 911 in an "
            "emergency."
        )
    return None
