"""The interview: a short, calm conversation that ends with the person's worksheet.

It asks the questions of the answers file in order, each with a line that says
why; shows a summary where any answer can be changed by its number; offers to
keep the answers; then writes the worksheet. Every prompt goes through a
`prompts.Console`, so the whole conversation runs in tests without a terminal.

The worksheet must be ready the moment the person finishes, yet WeasyPrint is
slow to import and a worksheet takes a while to lay out. So one background
thread loads the rendering machinery as soon as the interview starts, and
starts laying out the worksheet as soon as the summary is shown: by the time
the person has read it and pressed Enter, the PDF is (nearly) done. That thread
never writes a file; only the main thread does, after the last answer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io as _io
import itertools
import os
import queue
import signal
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from . import local_words, prompts, schema
from . import vocabulary as v
from .answers import Answers, load_answers, stated_language, validate_answers
from .dates import long_date, parse_iso
from .documents import DocumentOptions, warn_on_stderr
from .errors import InputProblems, UserError
from .i18n import _, ngettext
from .medicines import MedicineList
from .output import (
    STDOUT,
    check_folder,
    check_target,
    default_name,
    output_target,
    write_output,
)
from .output import save_answers as write_answers_file
from .prompts import Console
from .schema import Kind

SAVE_SUGGESTION = "care-answers.yaml"
THREAD_NAME = "worksheets-prepare"
# Tests and demonstrations set the day the interview takes as today (year-month-day).
TODAY_VARIABLE = "WORKSHEETS_TODAY"


def today() -> dt.date:
    """Today, or the day in WORKSHEETS_TODAY, so that a run can be replayed."""
    return parse_iso(os.environ.get(TODAY_VARIABLE, "")) or dt.date.today()


def run_interview(*, start_from: Path | None, document: DocumentOptions, **options: Any) -> None:
    """The interview in its language: the command line's, else the saved
    answers file's, else the locale's."""
    from .i18n import current_language, use_language

    language = document.language or _file_language(start_from) or current_language()
    with use_language(language):
        _run_interview(start_from=start_from, document=document, **options)


def _file_language(path: Path | None) -> str | None:
    # Also when the file is wrong: its problems are then told in its language.
    return None if path is None else stated_language(path)


def _run_interview(
    *,
    start_from: Path | None,
    save_answers: Path | None,
    helper_mode: bool,
    output: str | None,
    force: bool,
    document: DocumentOptions,
    console: Console | None = None,
) -> None:
    """Ask, offer to keep the answers, then write the worksheet where asked.

    Whatever can be refused is refused before the first question (an existing
    `-o` or `--save-answers` file, a broken `--answers` file or `--bank`), so
    nobody answers everything only to be told no.
    """
    to_stdout = output == STDOUT
    io = local_words.with_commands(console or prompts.terminal(err=to_stdout))
    if save_answers is not None:
        _check_answers_target(save_answers, force)
    if output:
        # A folder gets the usual name; the terminal is refused (see output_target).
        target = output_target(output, default_name(None, document.format))
        if not to_stdout:
            check_target(Path(target), force)
    else:
        check_folder(Path(default_name(None, document.format)))  # the current folder
    start = load_answers(start_from) if start_from is not None else Answers()
    if document.bank is not None or document.clinic is not None:
        from .documents import load_sources

        load_sources(document)  # a clinic's own files: report their problems first

    day = today()
    preparer = Preparer(document)
    try:
        conversation = Conversation(io, helper_mode=helper_mode, today=day, bank=document.bank)
        answers = conversation.run(start, on_summary=preparer.prepare)
        if not document.all_questions and offer_booklet(io):
            preparer.use_booklet()
        if save_answers is not None:
            keep: Path | None = save_answers
        elif start_from is not None:
            keep = offer_to_save_over(io, start_from, force)
        else:
            keep = offer_to_save(io, force)
        data, warnings = preparer.result(answers)
    finally:
        preparer.close()
    from .i18n import current_language

    # An interview held in Spanish keeps `language: es` in the saved answers, so that
    # the next `render` of that file is Spanish too (English is the default).
    spoken = current_language()
    language = answers.language or (spoken if spoken != "en" else None)
    answers = dataclasses.replace(answers, saved=day, language=language)
    # The loaded file may be saved over: the person said yes to exactly that.
    over = keep is not None and keep == start_from

    io.echo("")
    for warning in warnings:
        warn_on_stderr(warning)
    if output:
        target = output_target(output, default_name(answers.appointment, document.format))
    else:
        target = _free_default_name(io, answers.appointment, document.format, force)
    try:
        write_output(target, data, force=force, private=True)  # readable by its owner alone
    except UserError:
        # A full disk or a removed stick must not cost the person their answers.
        if keep is not None:
            keep_answers(io, answers, keep, force, over=over)
        raise
    if not to_stdout:
        say_where_it_is(io, Path(target), data, document.format)
    # The worksheet first: an answers file that cannot be written is asked about again.
    if keep is not None:
        try:
            keep_answers(io, answers, keep, force, over=over)
        except (click.Abort, KeyboardInterrupt, EOFError):
            # Stopped while asked for another file name: say what did happen.
            io.echo("\n" + _("Stopped. The worksheet was written; the answers were not kept."))
            raise click.exceptions.Exit(130) from None
    if not to_stdout and document.format == "pdf":
        # Last, where the eye ends: one plain line on what to do with it.
        io.echo(
            _("To print it, open the file and choose Print.")
            + " "
            + (_("Bring it to the visit.") if helper_mode else _("Bring it to your visit."))
        )


def other_language_lines() -> list[str]:
    """One line in each other language, in that language, saying how to switch."""
    from .i18n import available_languages, current_language, use_language

    lines = []
    for code in available_languages():
        if code != current_language():
            with use_language(code):
                lines.append(
                    _("For this interview in English, type: worksheets --language {code}").format(
                        code=code
                    )
                )
    return lines


def say_where_it_is(io: Console, path: Path, data: bytes, fmt: str) -> None:
    """The full path, and how many pages."""
    where = path.resolve()
    if fmt != "pdf":
        io.echo(_("Wrote {path}").format(path=where))
        return
    pages = _page_count(data)
    io.echo(
        ngettext(
            "Wrote the worksheet, {n} page: {path}",
            "Wrote the worksheet, {n} pages: {path}",
            pages,
        ).format(n=pages, path=where)
    )


def _page_count(data: bytes) -> int:
    import pypdf

    return len(pypdf.PdfReader(_io.BytesIO(data)).pages)


# --- The questions ------------------------------------------------------------------

# The same words for everyone, or (to the person, to someone helping them).
Words = str | tuple[str, str]


@dataclass(frozen=True)
class Question:
    """One question, as asked and as shown in the summary: a field of the schema."""

    field: schema.Field
    label: str  # in the summary
    read: Callable[..., Any]  # a prompts.read_* function
    prompt: Words
    why: Words

    @property
    def name(self) -> str:
        return self.field.name

    def value(self, answers: Answers) -> Any:
        if self.field.kind is Kind.RANKED:
            return answers.ranked_priorities()
        return getattr(answers, self.field.name)

    def answered(self, answers: Answers) -> bool:
        value = self.value(answers)
        return bool(value) if isinstance(value, tuple | Mapping) else value is not None

    def shown(self, answers: Answers) -> str:
        value = self.value(answers)
        if not value:
            return ""
        kind = self.field.kind
        if kind is Kind.DATE:
            return long_date(value)
        if kind is Kind.SCORES:
            return _shown_scores(value, self.field.choices)
        if kind is Kind.LINES:
            return _shown_lines(value)
        if kind is Kind.MEDICINES:
            return ", ".join(value)
        if not self.field.choices:
            return str(value)
        items = (value,) if isinstance(value, str) else value
        return "; ".join(
            _(self.field.choices[item]) if isinstance(item, str) else item.words for item in items
        )


_READ: dict[Kind, Callable[..., Any]] = {
    Kind.TEXT: prompts.read_text,
    Kind.DATE: prompts.read_date,
    Kind.CHOICE: prompts.read_choice,
    Kind.CHOICES: prompts.read_choices,
    Kind.RANKED: prompts.read_ranked,
    Kind.SCORES: prompts.read_scores,
    Kind.LINES: prompts.read_lines,
    Kind.MEDICINES: prompts.read_medicines,
}


def questions() -> tuple[Question, ...]:
    """The interview, in order: the schema's asked fields. A function, so that its
    words are translated when asked."""
    return tuple(
        Question(f, _(f.label), _READ[f.kind], _words(f.prompt), _words(f.why))
        for f in schema.ASKED
    )


def _words(words: schema.Words) -> Words:
    return _(words) if isinstance(words, str) else (_(words[0]), _(words[1]))


def _shown_scores(scores: Mapping[str, int], labels: Mapping[str, str]) -> str:
    # The item's short name ("Tiredness"), without the explanation the prompt gives.
    return ", ".join(
        f"{_(v.ESAS_R_WORDING[key][0]) if key in v.ESAS_R_WORDING else _(labels[key])} {score}"
        for key, score in scores.items()
    )


def _shown_lines(lines: tuple[str, ...]) -> str:
    count = ngettext("{n} question", "{n} questions", len(lines)).format(n=len(lines))
    return "\n".join([count, *(f"        - {question}" for question in lines)])


# --- The conversation ---------------------------------------------------------------

# Asked again on the next visit: what belongs to one visit only.
NEW_EACH_VISIT = ("appointment", "symptoms")


class Conversation:
    """The questions, in the words of the person or of someone helping them."""

    def __init__(
        self,
        io: Console,
        *,
        helper_mode: bool = False,
        today: dt.date | None = None,
        bank: Path | None = None,
    ) -> None:
        self.io = io
        self.bank = bank
        self.helper_mode = helper_mode
        self.today = today or globals()["today"]()
        self.last_time: Mapping[str, int] = {}  # last visit's scores, shown on the next

    def medicine_list(self) -> MedicineList:
        """The bank's medicine list, described in the interview's language (the
        background thread has most likely loaded the bank)."""
        from .bank import load_bank
        from .i18n import current_language

        return load_bank(self.bank, current_language()).medicines

    def treatments_of(self, names: Sequence[str]) -> str | None:
        """`The medicines count as: Targeted drugs; Hormone therapy.` for the class list."""
        known = self.medicine_list()
        classes = dict.fromkeys(c for r in known.resolve_all(names) for c in r.classes)
        if not classes:
            return None
        return _("The medicines count as: {kinds}. Add any other treatment.").format(
            kinds="; ".join(_(v.TREATMENTS[c]) for c in classes if c in v.TREATMENTS)
        )

    def say(self, patient: str, helper: str) -> str:
        """The patient's wording, or the helper's ("the person you are helping")."""
        return helper if self.helper_mode else patient

    def words(self, words: Words) -> str:
        return words if isinstance(words, str) else self.say(*words)

    def run(
        self, start: Answers, *, on_summary: Callable[[Answers], None] | None = None
    ) -> Answers:
        """Ask what `start` is missing, then review; the answers the person accepted.

        Answers from a past visit keep what lasts (the name, the cancer, what
        matters most) and ask again for this visit's date and this week's
        symptoms, showing last time's scores.
        """
        all_questions = questions()
        last_visit = start.appointment
        next_visit = last_visit is not None and last_visit < self.today
        if last_visit is not None and next_visit:
            self.last_time = dict(start.symptoms)
            start = dataclasses.replace(start, appointment=None, symptoms={})
        missing = [question for question in all_questions if not question.answered(start)]
        if last_visit is not None and next_visit:
            self.welcome_back(last_visit, start, all_questions, len(missing))
        else:
            self.welcome(len(missing), resumed=start != Answers())
        answers = start
        for number, question in enumerate(missing, start=1):
            progress = _("({number} of {count})").format(number=number, count=len(missing))
            answers = self.ask(question, answers, progress + " ")
        return self.review(answers, all_questions, on_summary)

    def welcome(self, count: int, *, resumed: bool) -> None:
        io = self.io
        io.echo(
            self.say(
                _("Let's make your worksheet: questions to bring to your care team."),
                _(
                    "Let's make a worksheet for the person you are helping: "
                    "questions to bring to their care team."
                ),
            )
        )
        if self.helper_mode:
            io.echo(_("Read each question aloud, or answer for them."))
        if resumed and count:
            io.echo(
                ngettext(
                    "The saved answers are loaded; {n} question is left.",
                    "The saved answers are loaded; {n} questions are left.",
                    count,
                ).format(n=count)
            )
        elif resumed:
            io.echo(_("The saved answers are loaded; every question is answered."))
        else:
            io.echo(
                _("There are {n} short questions; it takes about five minutes.").format(n=count)
            )
        self.how_to_answer()

    def how_to_answer(self) -> None:
        self.io.echo(_('Press Enter alone to skip a question. "not sure" is always a fine answer.'))
        self.io.echo(
            _(
                "Nothing typed here leaves this computer. "
                "To stop at any time, hold the Ctrl key and press C."
            )
        )
        for line in other_language_lines():
            self.io.echo(line)

    def welcome_back(
        self, last_visit: dt.date, start: Answers, all_questions: Sequence[Question], count: int
    ) -> None:
        io = self.io
        io.echo(
            self.say(
                _("Welcome back. Let's make your worksheet for this visit."),
                _("Welcome back. Let's make the worksheet for this visit."),
            )
        )
        io.echo(_("The last visit was on {date}.").format(date=long_date(last_visit)))
        kept = [q.label for q in all_questions if q.answered(start)]
        if kept:
            io.echo(_("Kept from last time: {answers}.").format(answers=", ".join(kept)))
        io.echo(
            ngettext(
                "{n} question is left, starting with the date of this visit and this week's "
                "symptoms.",
                "{n} questions are left, starting with the date of this visit and this week's "
                "symptoms.",
                count,
            ).format(n=count)
        )
        self.how_to_answer()

    def review(
        self,
        answers: Answers,
        all_questions: Sequence[Question],
        on_summary: Callable[[Answers], None] | None = None,
    ) -> Answers:
        """Show the summary until the person accepts it; change answers by number.

        The answers pass the validator every file passes, so an interview can
        never make what a file could not hold.
        """
        io = self.io
        while True:
            if on_summary is not None:
                on_summary(answers)
            io.echo("")
            io.echo(_("Here is what the worksheet will use:"))
            width = len(str(len(all_questions)))
            for number, question in enumerate(all_questions, start=1):
                shown = question.shown(answers) or _("(skipped)")
                io.echo(f"  {number:>{width}}. {question.label}: {shown}")
            choice = prompts.read_number(
                io,
                _("Type a number to change that answer, or press Enter to make the worksheet:"),
                len(all_questions),
            )
            if choice is None:
                try:
                    return checked(answers)
                except InputProblems as problems:
                    for problem in problems.items:
                        io.echo(problem.message)
                    continue
            answers = self.ask(all_questions[choice - 1], answers, "")

    def ask(self, question: Question, answers: Answers, progress: str) -> Answers:
        """Ask `question`; the answers with its field changed (or kept, for Enter alone)."""
        f = question.field
        extra: dict[str, Any] = {}
        if f.choices:
            extra["options"] = f.choices
        if f.synonyms:
            extra["synonyms"] = f.synonyms
        if f.kind is Kind.TEXT:
            extra["max_chars"] = f.max_chars
        elif f.kind in (Kind.LINES, Kind.MEDICINES):
            extra.update(max_lines=f.max_items, max_chars=f.max_chars)
        if f.kind is Kind.MEDICINES:
            extra["medicines"] = self.medicine_list()
        elif f.name == "treatments" and answers.medicines:
            extra["note"] = self.treatments_of(answers.medicines)
        elif f.kind is Kind.DATE:
            extra["today"] = self.today
        elif f.kind is Kind.SCORES and self.last_time:
            extra["last_time"] = self.last_time
        options = extra.pop("options", None)
        answer = question.read(
            self.io,
            progress + self.words(question.prompt),
            self.words(question.why),
            *(() if options is None else (options,)),
            current=question.value(answers),
            **extra,
        )
        if f.kind is Kind.RANKED:
            return schema.with_priorities(answers, tuple(answer))
        return dataclasses.replace(answers, **{f.name: answer})


def checked(answers: Answers) -> Answers:
    """`answers` as the validator of files reads them back."""
    return validate_answers(answers.to_dict())


# --- The booklet --------------------------------------------------------------------


def offer_booklet(io: Console) -> bool:
    """One plain question: the visit sheet alone (default), or the booklet too."""
    return prompts.read_yes_no(io, _("Also print the longer list of questions?"), default=False)


# --- Keeping the answers ------------------------------------------------------------


def _check_answers_target(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise UserError(
            _(
                "{path} already exists; use --force to replace it, "
                "or give --save-answers another name"
            ).format(path=path)
        )
    check_target(path, force)


def offer_to_save(io: Console, force: bool) -> Path | None:
    """Ask whether to keep the answers (default no), then for a file name."""
    io.echo("")
    io.echo(_("The answers can be kept in a file, to start from next time."))
    if not prompts.read_yes_no(io, _("Keep the answers for next time?"), default=False):
        return None
    return ask_file_name(io, _free_name(Path(SAVE_SUGGESTION)), force)


def offer_to_save_over(io: Console, loaded: Path, force: bool) -> Path | None:
    """Next time starts from the file loaded: offer to keep today's answers in it."""
    io.echo("")
    if prompts.read_yes_no(
        io,
        _("Save these answers in {path}, for next time?").format(path=loaded),
        default=False,
    ):
        return loaded
    return None


def ask_file_name(io: Console, suggestion: Path, force: bool) -> Path | None:
    """A file name for the answers; Enter takes `suggestion`, "skip" keeps nothing."""
    while True:
        raw = io.ask(_("Name for the file [{name}]:").format(name=suggestion.stem)).strip()
        if raw.lower() == prompts.SKIP:
            return None
        path = Path(raw).expanduser() if raw else suggestion
        if path.name in ("", ".", ".."):
            io.echo(
                _("Please type a name for the file, for example {name}.").format(
                    name=suggestion.stem
                )
            )
            continue
        if not path.suffix:
            path = path.with_suffix(".yaml")
        if path.exists() and not force:
            io.echo(
                _('{path} already exists. Type another name, or "skip" to keep nothing.').format(
                    path=path
                )
            )
            continue
        try:
            check_target(path, force)
        except UserError as problem:
            io.echo(problem.format_message())
            continue
        return path


def keep_answers(
    io: Console, answers: Answers, path: Path, force: bool, *, over: bool = False
) -> None:
    """Save the answers (owner-only); on failure say why and offer another name.

    `over`: `path` is the file the interview started from, which the person
    agreed to save over; any other name is never replaced without --force.
    """
    target: Path | None = path
    while target is not None:
        try:
            write_answers_file(target, answers, force=force or (over and target == path))
        except UserError as problem:
            io.echo(
                _("The answers were not saved: {reason}").format(reason=problem.format_message())
            )
            target = ask_file_name(io, _free_name(Path(SAVE_SUGGESTION)), force)
            continue
        io.echo(
            _(
                "Saved the answers in {path}. No one else who uses this computer can open it."
            ).format(path=target.resolve())
        )
        return


def _free_name(path: Path) -> Path:
    """`path`, or `name-2.ext`, `name-3.ext`... whichever does not exist yet."""
    if not path.exists():
        return path
    for number in itertools.count(2):
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def _free_default_name(io: Console, day: dt.date | None, fmt: str, force: bool) -> str:
    """The contract's default name; if taken, the next free `-2`, `-3`... beside it.

    After a whole interview, refusing to write because an older worksheet has
    the same date would waste the person's answers, and replacing it would
    lose a file: so the new one gets a new name, and the person is told.
    """
    wanted = Path(default_name(day, fmt))
    if force:
        return str(wanted)
    free = _free_name(wanted)
    if free != wanted:
        io.echo(_("{taken} is already there and was left as it is.").format(taken=wanted))
    return str(free)


# --- Getting the worksheet ready in the background ---------------------------------


@dataclass(eq=False)
class _Job:
    answers: Answers | None  # None: load the machinery only
    options: DocumentOptions | None = None
    done: threading.Event = dataclasses.field(default_factory=threading.Event)
    cancelled: bool = False
    data: bytes | None = None
    warnings: list[str] = dataclasses.field(default_factory=list)
    error: BaseException | None = None


class Preparer:
    """One daemon thread that gets the worksheet ready while the person answers.

    Jobs run one at a time, in order, so WeasyPrint is never used by two
    threads at once: first loading the bank, the templates, WeasyPrint and its
    fonts; then a worksheet for the answers of each summary shown. The thread
    never prints: a failure is kept and raised in the main thread when the
    worksheet is asked for (a failed warm-up is ignored; the render reports it).
    """

    def __init__(self, options: DocumentOptions) -> None:
        from .i18n import current_language

        self._options = options
        # A thread starts with a context of its own: the interview's language is passed on.
        self._language = current_language()
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._latest: _Job | None = None
        self._jobs.put(_Job(None))
        self._thread = threading.Thread(target=self._work, name=THREAD_NAME, daemon=True)
        _start_deaf_to_signals(self._thread)

    def prepare(self, answers: Answers) -> None:
        """Start on the worksheet for `answers`, dropping one for older answers."""
        if self._latest is not None:
            if self._latest.answers == answers:
                return
            self._latest.cancelled = True
        self._latest = _Job(answers, self._options)
        self._jobs.put(self._latest)

    def use_booklet(self) -> None:
        """From now on make the booklet: the visit sheet, then the longer list."""
        self._options = dataclasses.replace(self._options, all_questions=True)
        if self._latest is not None:
            self._latest.cancelled = True
            self._latest = None

    def result(self, answers: Answers) -> tuple[bytes, list[str]]:
        """The finished worksheet for `answers` and its warnings, waiting if need be."""
        self.prepare(answers)
        job = self._latest
        assert job is not None
        job.done.wait()
        if job.error is not None:
            raise job.error
        assert job.data is not None
        return job.data, job.warnings

    def close(self) -> None:
        """Let the thread end after its current job (it never blocks the exit)."""
        self._jobs.put(None)

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                if job.answers is None:
                    self._warm_up()
                elif not job.cancelled:
                    job.data = self._make(job.answers, job.options, job.warnings.append)
            except BaseException as error:  # kept for the main thread, never printed
                job.error = error
            finally:
                job.done.set()

    def _warm_up(self) -> None:
        from . import dates
        from .documents import load_sources
        from .render import environment

        # First what the second question (the visit's date) may need, then the rest.
        dates.warm_up(self._language)

        load_sources(self._options)
        environment().get_template("personal.html.j2")
        if self._options.format == "pdf":
            import weasyprint  # noqa: F401  (about half a second)

            from .render import font_configuration

            font_configuration()

    def _make(
        self, answers: Answers, options: DocumentOptions | None, warn: Callable[[str], None]
    ) -> bytes:
        from .documents import personal_document

        # Warnings are kept for the main thread: nothing prints while the person answers.
        return personal_document(answers, options or self._options, warn=warn)


def _start_deaf_to_signals(thread: threading.Thread) -> None:
    """Start `thread` with every signal blocked in it.

    The kernel may hand Ctrl-C (SIGINT) to any thread that does not block it.
    Had the worker got it, Python would note it there, but the main thread,
    waiting in readline for the next answer, would never wake up to stop. A
    new thread inherits the signal mask of the thread that starts it.
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no such signals
        thread.start()
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
    try:
        thread.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
