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
    "radiation": "Radiation",
    "surgery": "Surgery",
    "clinical_trial": "A clinical trial",
    "none_yet": "No treatment yet",
    "unsure": "Not sure",
}

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

SYMPTOMS = {
    "pain": "Pain",
    "tiredness": "Tiredness",
    "nausea": "Nausea",
    "appetite": "Poor appetite",
    "breathlessness": "Shortness of breath",
    "low_mood": "Feeling low or sad",
    "anxiety": "Worry or anxiety",
    "sleep": "Trouble sleeping",
}

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
