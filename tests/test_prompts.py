"""The prompt primitives, each with a fake console: exact words, re-asking, skipping."""

from __future__ import annotations

import datetime as dt

import click
import pytest

from worksheets import prompts
from worksheets import vocabulary as v
from worksheets.prompts import Console


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


def test_read_date_asks_again_on_a_bad_date():
    fake = FakeConsole("12/3/2026", "2026-02-30", "2026-12-03")
    day = prompts.read_date(fake.console, "When is your visit?", "It names the file.")
    assert day == dt.date(2026, 12, 3)
    assert fake.lines == [
        "",
        "When is your visit?",
        "  Why we ask: It names the file.",
        "  Type the date as year-month-day, for example 2026-12-03.",
        "Date (Enter skips): 12/3/2026",
        '"12/3/2026" is not a date this program can read. Type it as year-month-day, for example 2026-12-03.',
        "Date (Enter skips): 2026-02-30",
        '"2026-02-30" is not a date this program can read. Type it as year-month-day, for example 2026-12-03.',
        "Date (Enter skips): 2026-12-03",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-03", dt.date(2026, 12, 3)),
        ("2026-12-3", dt.date(2026, 12, 3)),
        (" 2026-1-05 ", dt.date(2026, 1, 5)),
        ("03-12-2026", None),
        ("2026/12/03", None),
        ("20261203", None),
        ("tomorrow", None),
        ("2026-13-01", None),
    ],
)
def test_parse_date_reads_year_month_day_only(text, expected):
    assert prompts.parse_date(text) == expected


def test_read_date_skips_and_keeps():
    assert prompts.read_date(FakeConsole("").console, "When?") is None
    assert prompts.read_date(FakeConsole("not sure").console, "When?") is None
    kept = prompts.read_date(FakeConsole("").console, "When?", current=dt.date(2026, 1, 2))
    assert kept == dt.date(2026, 1, 2)


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
        ("not sure", "unsure"),
        ("Not Sure", "unsure"),
        ("", None),
        ("skip", None),
    ],
)
def test_read_choice_by_number_name_or_label(typed, expected):
    assert prompts.read_choice(FakeConsole(typed).console, "Kind?", None, v.CANCER_TYPES) == (
        expected
    )


def test_read_choice_asks_again_with_a_clear_message():
    fake = FakeConsole("12", "liverr", "2,3", "brst", "1")
    assert prompts.read_choice(fake.console, "Kind?", None, v.CANCER_TYPES) == "breast"
    assert '"12" is not on the list; the numbers go from 1 to 11.' in fake.lines
    assert '"liverr" is not on the list. Type a number from 1 to 11, or a word from the list.' in (
        fake.lines
    )
    assert "Please choose just one." in fake.lines
    assert '"brst" is not on the list. Type a number from 1 to 11, or a word from the list.' in (
        fake.lines
    )


def test_read_choice_names_the_numbers_when_a_word_fits_several():
    fake = FakeConsole("time", "9")
    assert prompts.read_choice(fake.console, "What?", None, v.PRIORITIES) == "more_time"
    assert '"time" fits more than one answer (4, 9); type the number.' in fake.lines


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


def test_read_choices_wording_and_re_asking():
    fake = FakeConsole("1, 9, livr", "1,3")
    chosen = prompts.read_choices(fake.console, "Where has it spread?", "Some places.", v.SITES)
    assert chosen == ("bones", "liver")
    assert fake.lines[-4:] == [
        "  Choose all that fit, with commas between: 1,3 or a word for each.",
        "Numbers or words (Enter skips): 1, 9, livr",
        '"9" is not on the list; the numbers go from 1 to 8. '
        '"livr" is not on the list. Type a number from 1 to 8, or a word from the list.',
        "Numbers or words (Enter skips): 1,3",
    ]


def test_read_choices_keeps_or_clears_the_current_answer():
    kept = prompts.read_choices(FakeConsole("").console, "?", None, v.SITES, current=("liver",))
    assert kept == ("liver",)
    cleared = prompts.read_choices(
        FakeConsole("clear").console, "?", None, v.SITES, current=("liver",)
    )
    assert cleared == ()


# --- Ranking ------------------------------------------------------------------------


def test_read_ranking_puts_the_most_important_first():
    fake = FakeConsole("3,1")
    chosen = ("work", "travel", "faith", "money")
    ranked = prompts.read_ranking(fake.console, "Which matter most?", chosen, v.PRIORITIES)
    assert ranked == ("faith", "work", "travel", "money")
    assert fake.lines == [
        "",
        "Which matter most?",
        "  1. Keeping up my work",
        "  2. Being able to travel",
        "  3. My faith or spiritual life",
        "  4. Not running out of money",
        "  Type up to 3 numbers, the most important first, for example 2,1.",
        "Order (Enter keeps this order): 3,1",
    ]


def test_read_ranking_enter_keeps_the_order_and_one_choice_asks_nothing():
    chosen = ("work", "travel")
    assert prompts.read_ranking(FakeConsole("").console, "?", chosen, v.PRIORITIES) == chosen
    fake = FakeConsole()
    assert prompts.read_ranking(fake.console, "?", ("work",), v.PRIORITIES) == ("work",)
    assert fake.lines == []


def test_read_ranking_at_most_three():
    fake = FakeConsole("1,2,3,4", "money")
    chosen = ("work", "travel", "faith", "money")
    ranked = prompts.read_ranking(fake.console, "?", chosen, v.PRIORITIES)
    assert ranked == ("money", "work", "travel", "faith")
    assert "Please choose at most 3." in fake.lines


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
        lambda io: prompts.read_ranking(io, "?", ("work", "travel"), v.PRIORITIES),
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
