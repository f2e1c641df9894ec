"""Warnings about a bank that loads but may print the wrong thing (`questions --check`).

Problems stop a bank from loading (bank.py); warnings do not. A warning points
at a question that is valid but likely to reach the wrong person: today, a
question about cancer treatment that does not say at which stage of care it
applies, and so would be printed for someone who is stopping treatment.
"""

from __future__ import annotations

from .bank import Bank, Question
from .i18n import _

# Sections whose questions are about having cancer treatment.
TREATMENT_SECTIONS = frozenset({"treatment", "side_effects", "clinical_trials"})
# Treatment answers that do not mean a treatment is given.
NOT_A_TREATMENT = frozenset({"none_yet", "unsure"})


def is_treatment_question(question: Question) -> bool:
    """About starting, having or changing cancer treatment, by its section or its `when`."""
    named = question.when.choices.get("treatments", frozenset())
    return question.section in TREATMENT_SECTIONS or bool(named - NOT_A_TREATMENT)


def has_stage_condition(question: Question) -> bool:
    return "stage_of_care" in question.when.choices or any(
        "stage_of_care" in unless.choices for unless in (question.unless, *question.unless_also)
    )


def bank_warnings(bank: Bank) -> list[str]:
    """Every warning for the bank, each with the file and line of its question."""
    warnings = []
    for question in bank.questions:
        if (
            is_treatment_question(question)
            and not question.every_stage
            and not has_stage_condition(question)
        ):
            warnings.append(
                f"{question.origin}: "
                + _(
                    '"{id}" is about cancer treatment but names no stage of care, so it would '
                    "reach someone who is stopping treatment. Add "
                    '"unless: {{stage_of_care: [stopping]}}" (or a "when"), or '
                    '"every_stage: true" if it fits every stage'
                ).format(id=question.id)
            )
    return warnings
