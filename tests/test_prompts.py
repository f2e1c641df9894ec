"""The prompt primitives, each with a fake console: exact words, re-asking, skipping."""

from __future__ import annotations

import datetime as dt

import click
import pytest

from worksheets import prompts
from worksheets import vocabulary as v
from worksheets.prompts import Console
from worksheets.schema import BY_NAME, OwnPriority


class FakeConsole:
    """Answers from a script; keeps the transcript as the person would see it."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.lines: list[str] = []

    def ask(self, prompt: str) -> str:
        if not self.answers:
            raise click.Abort()  # what click.prompt raises at the end of input
        answer = self.answers.pop(0)
        self.lines.append(f"{prompt} {answer}".rstrip())
        return answer

    def echo(self, line: str) -> None:
        self.lines.append(line)

    @property
    def console(self) -> Console:
        return Console(ask=self.ask, echo=self.echo)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


# --- Text ---------------------------------------------------------------------------


def test_read_text_shows_question_why_and_prompt():
    fake = FakeConsole("  Maria   Lopez ")
    name = prompts.read_text(fake.console, "What name?", "It is printed at the top.")
    assert name == "Maria Lopez"
    assert fake.lines == [
        "",
        "What name?",
        "  Why we ask: It is printed at the top.",
        "Type it here (Enter skips):   Maria   Lopez",
    ]


@pytest.mark.parametrize("typed", ["", "   ", "skip", "not sure", "Don't know"])
def test_read_text_skips(typed):
    assert prompts.read_text(FakeConsole(typed).console, "What name?") is None


def test_read_text_too_long_is_asked_again():
    fake = FakeConsole("x" * 101, "Ana")
    assert prompts.read_text(fake.console, "Who?", max_chars=100) == "Ana"
    assert "That is 101 characters; at most 100 fit. Please make it shorter." in fake.lines


def test_read_text_keeps_or_clears_the_current_answer():
    fake = FakeConsole("")
    assert prompts.read_text(fake.console, "Who?", current="Dr. Okafor") == "Dr. Okafor"
    assert '  Now: Dr. Okafor. Enter alone keeps it; type "clear" to remove it.' in fake.lines
    assert prompts.read_text(FakeConsole("clear").console, "Who?", current="Dr. Okafor") is None
    assert prompts.read_text(FakeConsole("Dr. Li").console, "Who?", current="Dr. Okafor") == (
        "Dr. Li"
    )


# --- Dates --------------------------------------------------------------------------

TODAY = dt.date(2026, 12, 1)  # a Tuesday; never the real date


def read_date(*typed: str, **kwargs) -> tuple[dt.date | None, list[str]]:
    fake = FakeConsole(*typed)
    day = prompts.read_date(
        fake.console, "When is your visit?", "It names the file.", today=TODAY, **kwargs
    )
    return day, fake.lines


def test_read_date_reads_it_back_in_full_to_confirm():
    day, said = read_date("15/12/2026", "")
    assert day == dt.date(2026, 12, 15)
    assert said == [
        "",
        "When is your visit?",
        "  Why we ask: It names the file.",
        "  Any way of writing it is fine, for example: December 15, 12/15/2026 or next Tuesday.",
        "Date (Enter skips): 15/12/2026",
        "Tuesday, December 15, 2026. Is that right? [Y/n]",
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-15", dt.date(2026, 12, 15)),
        ("12/15/2026", dt.date(2026, 12, 15)),
        ("15/12/2026", dt.date(2026, 12, 15)),
        ("Dec 15", dt.date(2026, 12, 15)),
        ("15 December", dt.date(2026, 12, 15)),
        ("tomorrow", dt.date(2026, 12, 2)),
        ("next Tuesday", dt.date(2026, 12, 8)),
        ("Tuesday the 15th", dt.date(2026, 12, 15)),
    ],
)
def test_read_date_takes_dates_as_people_write_them(typed, expected):
    day, said = read_date(typed, "yes please")
    assert day == expected
    assert said[-1].endswith("Is that right? [Y/n] yes please")


def test_read_date_asks_which_of_two_and_never_guesses():
    day, said = read_date("03/12/2026", "2")
    assert day == dt.date(2026, 12, 3)
    assert said[-4:] == [
        '"03/12/2026" could be more than one date:',
        "  1. Thursday, March 12, 2026",
        "  2. Thursday, December 3, 2026",
        "Which one? Type its number (Enter to type the date again): 2",
    ]


def test_read_date_a_weekday_that_does_not_fit_is_asked_about():
    day, said = read_date("tuesday the 14th", "2")
    assert day == dt.date(2026, 12, 15)
    assert "December 14, 2026 is a Monday, not a Tuesday." in said


def test_read_date_a_past_date_gets_a_gentle_question():
    day, said = read_date("11/20/2026", "", "Dec 20", "")
    assert day == dt.date(2026, 12, 20)
    assert said[5:8] == [
        "Friday, November 20, 2026 has already passed. Is that the right date? [y/N]",
        "Please type the date again.",
        "Date (Enter skips): Dec 20",
    ]
    day, _ = read_date("11/20/2026", "y")
    assert day == dt.date(2026, 11, 20)


def test_read_date_no_means_type_it_again():
    day, said = read_date("Dec 15", "no", "Dec 16", "y")
    assert day == dt.date(2026, 12, 16)
    assert "Please type the date again." in said


def test_read_date_asks_again_on_what_is_not_a_date():
    day, said = read_date("soon", "2026-02-30", "2026-12-03", "")
    assert day == dt.date(2026, 12, 3)
    assert (
        said[5]
        == '"soon" is not a date this program can read. Try it like this: December 15, or 12/15/2026.'
    )
    assert (
        said[7]
        == '"2026-02-30" is not a date this program can read. Try it like this: December 15, or 12/15/2026.'
    )


def test_read_date_skips_and_keeps():
    assert read_date("")[0] is None
    assert read_date("not sure")[0] is None
    day, said = read_date("", current=dt.date(2026, 12, 2))
    assert day == dt.date(2026, 12, 2)
    assert (
        '  Now: Wednesday, December 2, 2026. Enter alone keeps it; type "clear" to remove it.'
        in said
    )
    assert said[-1] == "Date (Enter keeps it):"


# --- One choice ---------------------------------------------------------------------


def test_read_choice_lists_the_options_with_numbers():
    fake = FakeConsole("2")
    stage = prompts.read_choice(fake.console, "Where are you now?", "It changes.", v.STAGES_OF_CARE)
    assert stage == "on_treatment"
    assert fake.lines == [
        "",
        "Where are you now?",
        "  Why we ask: It changes.",
        "  1. Just learned it has spread, or about to start treatment",
        "  2. On treatment now",
        "  3. Choosing what comes next (cancer growing or side effects too hard)",
        "  4. Thinking about stopping cancer treatment",
        "  5. Not sure",
        "Type a number or a word (Enter skips): 2",
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("5", "pancreatic"),
        ("pancreatic", "pancreatic"),
        ("Pancreatic cancer", "pancreatic"),
        ("pancr", "pancreatic"),
        ("colon", "colorectal"),
        ("pancreas", "pancreatic"),
        ("not sure", "unsure"),
        ("Not Sure", "unsure"),
        ("", None),
        ("skip", None),
    ],
)
def test_read_choice_by_number_name_or_label(typed, expected):
    kinds = BY_NAME["cancer_type"]
    assert (
        prompts.read_choice(
            FakeConsole(typed).console, "Kind?", None, kinds.choices, synonyms=kinds.synonyms
        )
        == expected
    )


def test_read_choice_asks_again_with_a_clear_message():
    fake = FakeConsole("12", "", "liverr", "", "2,3", "brst", "y")
    assert prompts.read_choice(fake.console, "Kind?", None, v.CANCER_TYPES) == "breast"
    assert fake.lines[-10:] == [
        "Type a number or a word (Enter skips): 12",
        '"12" is not on the list; the numbers go from 1 to 11.',
        "Type that one again, or press Enter to leave it out:",
        "Type a number or a word (Enter skips): liverr",
        '"liverr" is not on the list. Type a number from 1 to 11, or a word from the list.',
        "Type that one again, or press Enter to leave it out:",
        "Type a number or a word (Enter skips): 2,3",
        "Please choose just one.",
        "Type a number or a word (Enter skips): brst",
        '"brst": did you mean "Breast cancer"? [Y/n] y',
    ]


def test_read_choice_names_the_numbers_when_a_word_fits_several():
    fake = FakeConsole("time", "9")
    assert prompts.read_choice(fake.console, "What?", None, v.PRIORITIES) == "more_time"
    assert fake.lines[-4:] == [
        '"time" fits more than one answer:',
        "  4. Time with my family and friends",
        "  9. Having as much time as possible",
        "Type that one again, or press Enter to leave it out: 9",
    ]


def test_read_choice_not_sure_without_an_unsure_value_skips():
    fake = FakeConsole("not sure")
    assert prompts.read_choice(fake.console, "How much?", None, v.INFORMATION) is None


# --- Several choices ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1,3", ("bones", "liver")),
        ("1, 3", ("bones", "liver")),
        ("1 3", ("bones", "liver")),
        ("liver, bones", ("liver", "bones")),
        ("Liver; lymph nodes", ("liver", "lymph_nodes")),
        ("nodes, 3, liver", ("lymph_nodes", "liver")),
        ("not sure", ("unsure",)),
        ("", ()),
    ],
)
def test_read_choices_by_numbers_or_names(typed, expected):
    assert prompts.read_choices(FakeConsole(typed).console, "Where?", None, v.SITES) == expected


def test_read_choices_keeps_the_good_words_and_asks_about_the_others():
    fake = FakeConsole("1, 9, lymph, livr, spleen", "", "y", "belly")
    chosen = prompts.read_choices(fake.console, "Where has it spread?", "Some places.", v.SITES)
    assert chosen == ("bones", "lymph_nodes", "liver", "peritoneum")
    assert fake.lines[-7:] == [
        "  Choose all that fit, with commas between: 1,3 or a word for each.",
        "Numbers or words (Enter skips): 1, 9, lymph, livr, spleen",
        '"9" is not on the list; the numbers go from 1 to 8.',
        "Type that one again, or press Enter to leave it out:",
        '"livr": did you mean "Liver"? [Y/n] y',
        '"spleen" is not on the list. Type a number from 1 to 8, or a word from the list.',
        "Type that one again, or press Enter to leave it out: belly",
    ]


@pytest.mark.parametrize(
    ("typed", "answers", "expected"),
    [
        ("targetted", ["y"], ("targeted",)),
        ("chemo, immuno", [], ("chemotherapy", "immunotherapy")),
        ("Chemo and radiotherapy", [], ("chemotherapy", "radiation")),
        ("chemo, targetted", ["yes please"], ("chemotherapy", "targeted")),
        ("chemo, targetted", ["no", ""], ("chemotherapy",)),
    ],
)
def test_read_choices_plain_synonyms_and_near_misses(typed, answers, expected):
    field = BY_NAME["treatments"]
    fake = FakeConsole(typed, *answers)
    chosen = prompts.read_choices(fake.console, "?", None, field.choices, synonyms=field.synonyms)
    assert chosen == expected


def test_read_choices_keeps_or_clears_the_current_answer():
    kept = prompts.read_choices(FakeConsole("").console, "?", None, v.SITES, current=("liver",))
    assert kept == ("liver",)
    cleared = prompts.read_choices(
        FakeConsole("clear").console, "?", None, v.SITES, current=("liver",)
    )
    assert cleared == ()


# --- Ranking ------------------------------------------------------------------------

PRIORITIES = BY_NAME["priorities"]


def read_ranked(*typed: str, current=()):
    fake = FakeConsole(*typed)
    ranked = prompts.read_ranked(
        fake.console,
        "What matters most?",
        None,
        PRIORITIES.choices,
        synonyms=PRIORITIES.synonyms,
        current=current,
    )
    return ranked, fake.lines


def test_read_ranked_keeps_the_order_typed_and_the_numbers_shown():
    ranked, said = read_ranked("4, 13, 1")
    assert ranked == ("family_time", "activities", "work")
    assert said[2] == "  Type the most important first: the first ones typed count most."
    assert said[3] == "   1. Keeping up my work"
    assert said[-4:] == [
        "In this order:",
        "  1. Time with my family and friends",
        "  2. Doing the things I enjoy",
        "  3. Keeping up my work",
    ]


def test_read_ranked_own_words_closest_in_order():
    ranked, said = read_ranked("gardening, grandchildren, stay out of hospital", "y", "13", "4")
    assert ranked == (
        OwnPriority("Gardening", "activities"),
        OwnPriority("Grandchildren", "family_time"),
        "avoid_hospital",
    )
    assert said[-9:] == [
        '"stay out of hospital": did you mean "Staying out of the hospital"? [Y/n] y',
        '"Gardening" is not on the list; it is kept as typed.',
        'Which one on the list is closest to "Gardening"? Type its number (Enter if none is): 13',
        '"Grandchildren" is not on the list; it is kept as typed.',
        'Which one on the list is closest to "Grandchildren"? Type its number (Enter if none is): 4',
        "In this order:",
        "  1. Gardening",
        "  2. Grandchildren",
        "  3. Staying out of the hospital",
    ]


def test_read_ranked_enter_keeps_and_own_words_may_have_no_closest():
    kept = (OwnPriority("Gardening", "activities"), "work")
    assert read_ranked("", current=kept)[0] == kept
    ranked, said = read_ranked("my dog", "")
    assert (
        said[-1]
        == 'Which one on the list is closest to "My dog"? Type its number (Enter if none is):'
    )
    assert ranked == (OwnPriority("My dog"),)


# --- Scores -------------------------------------------------------------------------


def test_read_scores_wording_re_asking_and_skip_all():
    fake = FakeConsole("", "7", "", "eleven", "11", "5/10", "skip all")
    scores = prompts.read_scores(fake.console, "How much this week?", "Why.", v.SYMPTOMS)
    assert scores == {"tiredness": 7, "nausea": 5}
    assert fake.lines == [
        "",
        "How much this week?",
        "  Why we ask: Why.",
        "  0 means not at all, 10 the worst.",
        '  Enter alone skips one; type "skip all" to skip the rest.',
        "  Pain, 0-10:",
        "  Tiredness (lack of energy), 0-10: 7",
        "  Drowsiness (feeling sleepy), 0-10:",
        "  Nausea, 0-10: eleven",
        '  "eleven" is not a score. Type a whole number from 0 to 10, or press Enter to skip.',
        "  Nausea, 0-10: 11",
        '  "11" is not a score. Type a whole number from 0 to 10, or press Enter to skip.',
        "  Nausea, 0-10: 5/10",
        "  Lack of appetite, 0-10: skip all",
    ]


def test_read_scores_skip_all_at_once():
    assert prompts.read_scores(FakeConsole("skip all").console, "?", None, v.SYMPTOMS) == {}


def test_read_scores_change_keeps_what_is_not_retyped():
    fake = FakeConsole("", "3", "", "clear", "skip all")
    current = {"pain": 4, "tiredness": 7, "nausea": 5, "sleep": 6}
    scores = prompts.read_scores(fake.console, "?", None, v.SYMPTOMS, current=current)
    assert scores == {"pain": 4, "tiredness": 3, "sleep": 6}
    assert "  Pain (now 4), 0-10:" in fake.lines


# --- Lines --------------------------------------------------------------------------


def test_read_lines_until_an_empty_line():
    fake = FakeConsole("Can I travel in June?", "  Will I   lose my hair? ", "")
    lines = prompts.read_lines(fake.console, "Questions of your own?", "They are printed.")
    assert lines == ("Can I travel in June?", "Will I lose my hair?")
    assert fake.lines == [
        "",
        "Questions of your own?",
        "  Why we ask: They are printed.",
        "  One per line. Press Enter on an empty line when done.",
        "1. Can I travel in June?",
        "2.   Will I   lose my hair?",
        "3.",
    ]


def test_read_lines_respects_the_limits():
    fake = FakeConsole("x" * 501, "short", "two", "three")
    lines = prompts.read_lines(fake.console, "?", max_lines=2, max_chars=500)
    assert lines == ("short", "two")
    assert "That is 501 characters; at most 500 fit. Please make it shorter." in fake.lines
    assert fake.lines[-1] == "That is 2, as many as fit on the worksheet."
    assert fake.answers == ["three"]


def test_read_lines_change_adds_and_removes_by_number():
    fake = FakeConsole("1", "5", "New one?", "")
    lines = prompts.read_lines(fake.console, "?", current=("Old one?", "Keep me?"))
    assert lines == ("Keep me?", "New one?")
    assert "  Type a new one to add it, or a number to remove that one." in fake.lines
    assert 'Removed: "Old one?"' in fake.lines
    assert "There is no number 5; the numbers go from 1 to 1." in fake.lines


def test_read_lines_change_of_a_full_list_can_still_remove():
    fake = FakeConsole("Third?", "1", "")
    lines = prompts.read_lines(fake.console, "?", current=("One?", "Two?"), max_lines=2)
    assert lines == ("Two?",)
    assert fake.lines[-5:] == [
        "Number to remove (Enter when done): Third?",
        "That is 2, as many as fit on the worksheet.",
        "Number to remove (Enter when done): 1",
        'Removed: "One?"',
        "2.",
    ]


# --- Yes or no, numbers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "default", "expected"),
    [
        ("", False, False),
        ("", True, True),
        ("y", False, True),
        ("YES", False, True),
        ("n", True, False),
        ("yes please", False, True),
        ("Sure", False, True),
        ("ok", False, True),
        ("yep", False, True),
        ("no thanks", True, False),
        ("nope", True, False),
    ],
)
def test_read_yes_no(typed, default, expected):
    assert prompts.read_yes_no(FakeConsole(typed).console, "Keep?", default=default) is expected


def test_read_yes_no_asks_again():
    fake = FakeConsole("maybe", "y")
    assert prompts.read_yes_no(fake.console, "Keep the answers?") is True
    assert fake.lines == [
        "Keep the answers? [y/N] maybe",
        "Please type y for yes or n for no.",
        "Keep the answers? [y/N] y",
    ]


def test_read_number():
    fake = FakeConsole("0", "x", "14", "3")
    assert prompts.read_number(fake.console, "Which?", 13) == 3
    assert fake.lines.count("Please type a number from 1 to 13, or press Enter alone.") == 3
    assert prompts.read_number(FakeConsole("").console, "Which?", 13) is None


# --- End of input -------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda io: prompts.read_text(io, "?"),
        lambda io: prompts.read_date(io, "?"),
        lambda io: prompts.read_choice(io, "?", None, v.SITES),
        lambda io: prompts.read_choices(io, "?", None, v.SITES),
        lambda io: prompts.read_ranked(io, "?", None, v.PRIORITIES),
        lambda io: prompts.read_scores(io, "?", None, v.SYMPTOMS),
        lambda io: prompts.read_lines(io, "?"),
        lambda io: prompts.read_yes_no(io, "?"),
        lambda io: prompts.read_number(io, "?", 3),
    ],
)
def test_end_of_input_stops_every_prompt(call):
    with pytest.raises(click.Abort):
        call(FakeConsole().console)


def test_terminal_prompts_go_to_standard_error_when_asked(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("liver\n"))
    io = prompts.terminal(err=True)
    io.echo("Where?")
    assert io.ask("Type:") == "liver"
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "Where?\nType: "


def test_terminal_end_of_input_aborts(monkeypatch):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))
    with pytest.raises(click.Abort):
        prompts.terminal(err=True).ask("Type:")


def test_superscript_digits_are_a_wrong_entry_not_a_crash():
    from worksheets.prompts import ChoiceProblem, match_option

    with pytest.raises(ChoiceProblem):
        match_option("²", {"a": "Apple", "b": "Banana"})
    assert match_option("٢", {"a": "Apple", "b": "Banana"}) == "b"  # Arabic-Indic two


def test_letters_the_terminal_could_not_decode_are_asked_again(monkeypatch):
    import click

    from worksheets import prompts

    typed = iter(["Jos\udce9", "José"])
    said = []
    monkeypatch.setattr(click, "prompt", lambda *a, **k: next(typed))
    monkeypatch.setattr(click, "echo", lambda line, **k: said.append(line))
    assert prompts.terminal().ask("Name:") == "José"
    assert said == [
        "Some letters could not be read. Please type it again, or set the terminal to UTF-8."
    ]


@pytest.mark.parametrize("typed", ["no", "No thanks", "none", "nothing"])
def test_no_at_a_list_means_none_of_them(typed):
    assert prompts.read_choices(FakeConsole(typed).console, "?", None, v.SKIP_TOPICS) == ()
    assert prompts.read_choice(FakeConsole(typed).console, "?", None, v.INFORMATION) is None


def test_none_is_an_answer_where_the_list_has_one():
    field = BY_NAME["treatments"]
    chosen = prompts.read_choices(
        FakeConsole("none").console, "?", None, field.choices, synonyms=field.synonyms
    )
    assert chosen == ("none_yet",)


@pytest.mark.parametrize(("typed", "score"), [("seven", 7), ("Zero", 0), ("ten", 10), ("7/10", 7)])
def test_scores_in_words(typed, score):
    assert prompts.parse_score(typed) == score


def test_articles_and_longer_phrases():
    assert prompts.read_choices(FakeConsole("the liver, my bones").console, "?", None, v.SITES) == (
        "liver",
        "bones",
    )
    fake = FakeConsole("not being in hospital", "y")
    ranked = prompts.read_ranked(
        fake.console, "?", None, PRIORITIES.choices, synonyms=PRIORITIES.synonyms
    )
    assert ranked == ("avoid_hospital",)
    assert (
        '"not being in hospital": did you mean "Staying out of the hospital"? [Y/n] y' in fake.lines
    )


# --- Medicines by name ----------------------------------------------------------------


def read_medicines(*typed: str, current=()):
    from worksheets.bank import load_bank

    fake = FakeConsole(*typed)
    names = prompts.read_medicines(
        fake.console, "Which medicines?", None, current=current, medicines=load_bank().medicines
    )
    return names, fake.lines


def test_medicines_are_read_back_with_their_kind_in_plain_words():
    names, said = read_medicines("Ibrance, letrozole")
    assert names == ("Ibrance", "letrozole")
    assert said[-3:] == [
        "Medicine names (Enter skips): Ibrance, letrozole",
        "  Ibrance (palbociclib): a targeted pill",
        "  letrozole: a hormone therapy pill",
    ]


@pytest.mark.parametrize(
    ("typed", "understood"),
    [
        ("ibrence", "Ibrance (palbociclib): a targeted pill"),
        ("FOLFOX", "FOLFOX (fluorouracil, leucovorin, oxaliplatin): a chemotherapy medicine"),
        ("Keytruda", "Keytruda (pembrolizumab): an immunotherapy medicine"),
        ("Enhertu", "Enhertu (trastuzumab deruxtecan): an antibody-drug conjugate medicine"),
        ("Xeloda 500mg", "Xeloda 500mg (capecitabine): a chemotherapy pill"),
    ],
)
def test_each_name_is_understood(typed, understood):
    _names, said = read_medicines(typed)
    assert said[-1] == "  " + understood


def test_in_spanish_the_read_back_is_in_spanish_and_so_are_generic_names():
    from worksheets.bank import load_bank
    from worksheets.i18n import use_language

    with use_language("es"):
        fake = FakeConsole(
            "Zometa, letrozol, capecitabina, 5-FU, Xeloda, ácido zoledrónico, FOLFIRINOX"
        )
        prompts.read_medicines(
            fake.console, "¿Qué medicinas?", None, medicines=load_bank(None, "es").medicines
        )
    assert fake.lines[-7:] == [
        "  Zometa (ácido zoledrónico): un bisfosfonato que se da por la vena cada 4 a 12 semanas; "
        "fortalece los huesos y baja el riesgo de fracturas por cáncer en los huesos",
        "  letrozol: pastilla de terapia hormonal",
        "  capecitabina: pastilla de quimioterapia",
        "  5-FU (fluorouracilo): medicamento de quimioterapia",
        # A brand: the generic name as the list spells it in Spanish.
        "  Xeloda (capecitabina): pastilla de quimioterapia",
        # Never the name typed twice: the list's own name instead.
        "  ácido zoledrónico (zoledronic acid): un bisfosfonato que se da por la vena cada 4 a "
        "12 semanas; fortalece los huesos y baja el riesgo de fracturas por cáncer en los huesos",
        "  FOLFIRINOX (fluorouracilo, leucovorin, irinotecán, oxaliplatino): "
        "medicamento de quimioterapia",
    ]


def test_a_misspelling_is_kept_in_its_right_spelling():
    assert read_medicines("ibrence")[0] == ("Ibrance",)


def test_a_close_name_is_asked_about_and_an_unknown_one_kept_as_typed():
    names, said = read_medicines("Ibranc, my blue pill", "yes please")
    assert names == ("Ibrance", "my blue pill")
    assert '"Ibranc": did you mean "Ibrance"? [Y/n] yes please' in said
    assert (
        '  "my blue pill" is not on this program\'s list of medicines; it is kept as typed.' in said
    )


def test_not_knowing_the_names_is_fine():
    names, said = read_medicines("")
    assert names == ()
    assert (
        "  Not sure of the names? Press Enter: the next question lists kinds of treatment." in said
    )
    assert read_medicines("not sure")[0] == ()
    assert read_medicines("", current=("Ibrance",))[0] == ("Ibrance",)
