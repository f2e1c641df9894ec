"""The answer values the contract fixes, and how each reads on a worksheet.

Values may be added but never removed or renamed (../shared/contract.md): saved
answers files and clinics' spreadsheets depend on them. The labels are what a
person sees, in the worksheet's plain words; they pass through i18n when shown.
"""

from __future__ import annotations

# The languages a worksheet can be in, each in its own name (never translated:
# a person looks for their own language's name). Each has a catalog in
# worksheets/locale/ and a folder of the bank's texts in questions/.
LANGUAGES = {
    "en": "English",
    "es": "Español",
}

CANCER_TYPES = {
    "breast": "Breast cancer",
    "prostate": "Prostate cancer",
    "lung": "Lung cancer",
    "colorectal": "Colon or rectal cancer",
    "pancreatic": "Pancreatic cancer",
    "ovarian": "Ovarian cancer",
    "melanoma": "Melanoma",
    "kidney": "Kidney cancer",
    "bladder": "Bladder cancer",
    "other": "Another kind of cancer",
    "unsure": "Not sure of the exact kind",
}

SITES = {
    "bones": "Bones",
    "brain": "Brain",
    "liver": "Liver",
    "lungs": "Lungs",
    "lymph_nodes": "Lymph nodes",
    "peritoneum": "Lining of the belly (peritoneum)",
    "other": "Somewhere else",
    "unsure": "Not sure where",
}

STAGES_OF_CARE = {
    "starting": "Just learned it has spread, or about to start treatment",
    "on_treatment": "On treatment now",
    "changing": "Choosing what comes next (cancer growing or side effects too hard)",
    "stopping": "Thinking about stopping cancer treatment",
    "unsure": "Not sure",
}

TREATMENTS = {
    "chemotherapy": "Chemotherapy",
    "targeted": "Targeted drugs",
    "immunotherapy": "Immunotherapy",
    "hormone": "Hormone therapy",
    "antibody_drug_conjugate": "Antibody-drug conjugate (a drug joined to an antibody)",
    "radiation": "Radiation",
    "surgery": "Surgery",
    "clinical_trial": "A clinical trial",
    "none_yet": "No treatment yet",
    "unsure": "Not sure",
}

# The same, shorter, for the line about the person and the warning signs.
TREATMENTS_SHORT = {**TREATMENTS, "antibody_drug_conjugate": "Antibody-drug conjugate"}

PRIORITIES = {
    "work": "Keeping up my work",
    "travel": "Being able to travel",
    "eat_comfortably": "Eating without nausea or discomfort",
    "family_time": "Time with my family and friends",
    "independence": "Taking care of myself",
    "at_home": "Being at home",
    "clear_mind": "Keeping my mind clear",
    "comfort": "Being comfortable, without pain",
    "more_time": "Having as much time as possible",
    "avoid_hospital": "Staying out of the hospital",
    "faith": "My faith or spiritual life",
    "money": "Not running out of money",
    "activities": "Doing the things I enjoy",
    "not_a_burden": "Not being a burden to others",
}

# The same, shorter, for the one line about the person at the top of the sheet.
STAGES_OF_CARE_SHORT = {
    "starting": "Starting treatment",
    "on_treatment": "On treatment",
    "changing": "Choosing what comes next",
    "stopping": "Thinking about stopping treatment",
    "unsure": "Not sure where I am in my care",
}

INFORMATION = {
    "details": "I want the details, numbers included",
    "big_picture": "I want the big picture, without too many numbers",
    "not_now": "I do not want to talk about what lies ahead right now",
    "family_first": "I would like my care team to talk with my family first",
}

# The symptom snapshot. The first nine are the items of the Edmonton Symptom
# Assessment System, revised (ESAS-r), in its order and with its words and
# explanations, so a clinic can copy the numbers into its record. ESAS-r may
# not be changed under its name: constipation and sleep are "other problems",
# kept apart from the nine. Wellbeing is scored 0 (best) to 10 (worst).
SYMPTOMS = {
    "pain": "Pain",
    "tiredness": "Tiredness (lack of energy)",
    "drowsiness": "Drowsiness (feeling sleepy)",
    "nausea": "Nausea",
    "appetite": "Lack of appetite",
    "breathlessness": "Shortness of breath",
    "low_mood": "Depression (feeling sad)",
    "anxiety": "Anxiety (feeling nervous)",
    "wellbeing": "Wellbeing (how I feel overall; 0 is best)",
    "constipation": "Constipation",
    "sleep": "Trouble sleeping",
}
ESAS_R_ITEMS = (
    "pain",
    "tiredness",
    "drowsiness",
    "nausea",
    "appetite",
    "breathlessness",
    "low_mood",
    "anxiety",
    "wellbeing",
)
OTHER_PROBLEMS = ("constipation", "sleep")
# As ESAS-r prints them: the item, and its explanation where it has one.
ESAS_R_WORDING = {
    "pain": ("Pain", None),
    "tiredness": ("Tiredness", "lack of energy"),
    "drowsiness": ("Drowsiness", "feeling sleepy"),
    "nausea": ("Nausea", None),
    "appetite": ("Lack of appetite", None),
    "breathlessness": ("Shortness of breath", None),
    "low_mood": ("Depression", "feeling sad"),
    "anxiety": ("Anxiety", "feeling nervous"),
    "wellbeing": ("Wellbeing", "how you feel overall"),
    "constipation": ("Constipation", None),
    "sleep": ("Trouble sleeping", None),
}
ESAS_R_SOURCE = "Edmonton Symptom Assessment System, revised (ESAS-r), Alberta Health Services"

SKIP_TOPICS = {
    "prognosis": "What lies ahead",
    "planning_ahead": "Planning ahead",
    "clinical_trials": "Clinical trials",
    "costs": "Costs and money",
}

# Care the person already has: a sheet does not ask for what they already get.
ALREADY_HAVE = {
    "palliative_care": "A palliative care team",
    "hospice": "Hospice care",
}

SYMPTOM_MIN, SYMPTOM_MAX = 0, 10
