"""Many worksheets at once, from a batch CSV or a folder of answers files.

Three steps. Reading and checking everything comes first, in this process: a
problem with the input as a whole (an unknown column) stops the batch before
anything is written, and each row's own problems, names that clash and files
that already exist are known before the slow part. Rendering then runs in
worker processes, which only turn answers into bytes. Writing stays in this
process, one atomic write per file, so that an interrupt can stop the workers
at once and leave nothing half-written.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import dataclasses
import itertools
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .answers import Answers, load_answers
from .csvinput import MAX_ROWS, OUTPUT_COLUMN, at_column, read_batch_csv
from .documents import DocumentOptions, load_sources, personal_document
from .errors import InputProblems, UserError
from .i18n import _, ngettext
from .output import check_room, check_target, write_output
from .stopping import signals_held, take_stopping_signals

DEFAULT_OUT_DIR = Path("worksheets-out")
ANSWERS_SUFFIXES = (".yaml", ".yml")

# A worker process is replaced after this many worksheets, so that whatever
# WeasyPrint leaves behind in a long batch cannot add up (benchmarks/batch.py
# measures it). A new worker costs about one worksheet's time.
WORKSHEETS_PER_WORKER = 50
# Worksheets handed to the workers ahead of time: enough to keep each busy,
# few enough that a long batch never holds many finished documents at once.
AHEAD_PER_WORKER = 2
# Loaded once in the fork server, so that every worker, recycled ones too,
# starts with them imported (where the fork server exists: Linux, macOS).
_WORKER_PRELOAD = ["worksheets.documents", "worksheets.render", "weasyprint"]


@dataclass(frozen=True)
class Person:
    """One worksheet to make, or the reasons it cannot be made."""

    place: str  # "people.csv, row 5" or "maria.yaml", for messages
    name_place: str  # where the file's name comes from: "people.csv, row 5, column output"
    file_name: str | None = None  # inside the output folder
    answers: Answers | None = None
    problems: tuple[str, ...] = ()
    # The combined PDF's bookmark: "Row 5" or "File 3", never a name (a file
    # name or the output column may hold one) nor anything about health.
    bookmark: str = ""

    def with_problem(self, problem: str) -> Person:
        return Person(self.place, self.name_place, problems=(*self.problems, problem))


@dataclass(frozen=True)
class BatchSettings:
    document: DocumentOptions = field(default_factory=DocumentOptions)
    out_dir: Path | None = DEFAULT_OUT_DIR  # None: the combined PDF only
    combined: Path | None = None
    jobs: int = 1
    force: bool = False


@dataclass(frozen=True)
class BatchPlan:
    people: list[Person]
    unit: str  # "row" or "file": what the summary counts
    skipped: tuple[str, ...] = ()  # files of a folder that were not read, and why

    def ready(self) -> list[tuple[int, Person]]:
        return [(index, person) for index, person in enumerate(self.people) if not person.problems]


@dataclass
class BatchReport:
    written: int
    problems: list[str]  # in the order of the input
    failed: int  # rows or files that got no worksheet
    unit: str
    destinations: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "people.csv, row 4: no installed font..."

    def summary(self) -> str:
        """`27 worksheets written to worksheets-out/; 3 rows had problems`."""
        if self.written and self.destinations:
            text = ngettext(
                "{n} worksheet written to {where}",
                "{n} worksheets written to {where}",
                self.written,
            ).format(n=self.written, where=_(" and ").join(self.destinations))
        else:
            text = _("No worksheets written")
        if self.failed:
            if self.unit == "file":
                had = ngettext("{n} file had problems", "{n} files had problems", self.failed)
            else:
                had = ngettext("{n} row had problems", "{n} rows had problems", self.failed)
            text += "; " + had.format(n=self.failed)
        return text


class BatchStopped(KeyboardInterrupt):
    """Ctrl-C during a batch: what was written before it (whole files only)."""

    def __init__(self, written: int, destinations: list[str], signum: int = signal.SIGINT) -> None:
        super().__init__()
        self.written = written
        self.destinations = destinations
        self.signum = signum  # Ctrl-C, or SIGTERM or SIGHUP

    def message(self) -> str:
        if not self.written:
            return _("Stopped. Nothing was written.")
        return ngettext(
            "Stopped. {n} worksheet was written to {where}; nothing half-written is left.",
            "Stopped. {n} worksheets were written to {where}; nothing half-written is left.",
            self.written,
        ).format(n=self.written, where=_(" and ").join(self.destinations))


def default_jobs() -> int:
    """The CPUs this process may use."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


# --- Step 1: read and check everything --------------------------------------------


def plan_batch(source: Path, settings: BatchSettings) -> BatchPlan:
    """Every person to write, with every problem that can be known before rendering.

    Raises `InputProblems` or `UserError` for what stops the whole batch.
    """
    if settings.combined is not None and settings.document.format != "pdf":
        raise UserError(_("--combined makes a PDF; it does not work with --format"))
    if settings.combined is not None and settings.document.fillable:
        raise UserError(_("--combined is for printing; it does not work with --fillable"))
    fmt = settings.document.format
    if source.is_dir():
        people, skipped = _from_folder(source, fmt)
        plan = BatchPlan(people, "file", tuple(skipped))
    else:
        plan = BatchPlan(_from_csv(source, fmt), "row")
    if settings.combined is not None:
        check_target(settings.combined, settings.force)
    # A wrong bank or clinic file would fail every row: say so once, up front.
    load_sources(settings.document)
    out_dir = settings.out_dir
    if out_dir is not None:
        if out_dir.exists() and not out_dir.is_dir():
            raise UserError(
                _("{path} is a file, not a folder; choose another --out-dir").format(path=out_dir)
            )
        # Found now, not after the first worksheet was laid out.
        check_room(out_dir, _folder_name(out_dir))
        if settings.combined is not None:
            _refuse_combined_over_a_row(plan, out_dir, settings.combined)
        if not settings.force:
            plan = BatchPlan(
                [_refuse_existing(p, out_dir) for p in plan.people], plan.unit, plan.skipped
            )
    return plan


def _from_csv(path: Path, fmt: str) -> list[Person]:
    names = _Names(fmt)
    rows = read_batch_csv(path)
    people = [
        Person(
            row.place,
            at_column(row.place, OUTPUT_COLUMN),
            answers=row.answers,
            problems=row.problems,
            bookmark=_("Row {n}").format(n=row.number),
        )
        for row in rows
    ]
    # The names asked for first, so that a name made from a row number never
    # takes the one another row asked for.
    for index, row in enumerate(rows):
        if row.answers is not None and row.output:
            people[index] = names.assign(people[index], row.output)
    for index, row in enumerate(rows):
        if row.answers is not None and not row.output:
            people[index] = names.assign_free(people[index], f"row-{row.number:03d}")
    return people


def _from_folder(folder: Path, fmt: str) -> tuple[list[Person], list[str]]:
    """The people of a folder of answers files, and what was skipped and why."""
    files: list[Path] = []
    skipped: list[str] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        raise InputProblems(
            [_("{name}: cannot be read ({reason})").format(name=folder, reason=error.strerror)]
        ) from None
    for path in entries:
        if path.suffix.lower() not in ANSWERS_SUFFIXES or path.name.startswith("."):
            continue
        if path.is_file():
            files.append(path)
            continue
        if path.is_symlink() and not path.exists():
            why = _("a link to a file that is not there")
        elif path.is_dir():
            why = _("a folder, not a file")
        else:
            why = _("not a regular file (a pipe or a device)")
        skipped.append(_("{name}: skipped, {why}").format(name=path.name, why=why))
    if not files:
        raise InputProblems(
            [_("{name}: no answers files (*.yaml or *.yml) in this folder").format(name=folder)]
        )
    if len(files) > MAX_ROWS:
        raise InputProblems(
            [
                _("{name}: {n} answers files; at most {limit} fit in one batch").format(
                    name=folder, n=f"{len(files):,}", limit=f"{MAX_ROWS:,}"
                )
            ]
        )
    names = _Names(fmt)
    people = []
    for number, path in enumerate(files, 1):
        try:
            answers = load_answers(path)
        except InputProblems as error:
            people.append(Person(path.name, path.name, problems=tuple(error.problems)))
            continue
        bookmark = _("File {n}").format(n=number)  # in the order of their names
        person = Person(path.name, path.name, answers=answers, bookmark=bookmark)
        people.append(names.assign(person, path.stem))
    return people, skipped


class _Names:
    """File names in the output folder: one per person, never the same twice."""

    def __init__(self, fmt: str) -> None:
        self.suffix = f".{fmt}"
        self.taken: dict[str, str] = {}  # casefolded name -> the place that has it

    def assign(self, person: Person, stem: str) -> Person:
        name = stem if stem.lower().endswith(self.suffix) else stem + self.suffix
        # Folders on macOS and Windows do not tell Maria.pdf from maria.pdf.
        other = self.taken.get(name.casefold())
        if other is not None:
            return person.with_problem(
                f"{person.name_place}: "
                + _("{name} is already the file name for {other}; give each its own").format(
                    name=name, other=other
                )
            )
        self.taken[name.casefold()] = person.place
        return dataclasses.replace(person, file_name=name)

    def assign_free(self, person: Person, stem: str) -> Person:
        """A name made by the program: `row-003.pdf`, else `row-003-2.pdf`, ..."""
        candidate, number = stem, 1
        while (candidate + self.suffix).casefold() in self.taken:
            number += 1
            candidate = f"{stem}-{number}"
        return self.assign(person, candidate)


def _refuse_combined_over_a_row(plan: BatchPlan, out_dir: Path, combined: Path) -> None:
    """--combined naming one of this batch's own files would replace it (even with --force)."""
    target = os.path.normcase(os.path.abspath(combined))
    for person in plan.people:
        if person.file_name is None:
            continue
        if os.path.normcase(os.path.abspath(out_dir / person.file_name)) == target:
            raise UserError(
                _(
                    "--combined {path} is the file name for {place} in --out-dir; "
                    "give the combined PDF a name of its own"
                ).format(path=combined, place=person.place)
            )


def _refuse_existing(person: Person, out_dir: Path) -> Person:
    if person.file_name is None:
        return person
    path = out_dir / person.file_name
    if not os.path.lexists(path):
        return person
    return person.with_problem(
        f"{person.name_place}: "
        + _("{path} already exists; use --force to replace it").format(path=path)
    )


# --- Steps 2 and 3: render in workers, write here ---------------------------------


def run_batch(
    plan: BatchPlan, settings: BatchSettings, advance: Callable[[int], None] | None = None
) -> BatchReport:
    """Write every worksheet of `plan` that has no problem; report the others.

    `advance(1)` is called as each person is done, for a progress bar.
    """
    problems = {index: list(person.problems) for index, person in enumerate(plan.people)}
    ready = plan.ready()
    written: list[int] = []  # people whose worksheet is written (or made, for --combined)
    warnings: list[str] = list(plan.skipped)
    out_dir = settings.out_dir
    if out_dir is not None and ready:
        _make_folder(out_dir)
    combined: CombinedPdf | None = None

    def finished(index: int, outcome: Outcome) -> None:
        person = plan.people[index]
        result, notes = outcome
        warnings.extend(f"{person.place}: {note}" for note in notes)
        document: bytes | None = None
        if isinstance(result, str):
            problems[index].append(f"{person.place}: {result}")
        elif out_dir is not None and (problem := _write_person(person, out_dir, result, settings)):
            problems[index].append(problem)
        else:
            written.append(index)
            document = result
        if combined is not None:
            combined.take(index, document, person.bookmark)
        if advance is not None:
            advance(1)

    destinations = [_folder_name(out_dir)] if out_dir is not None else []
    whole_batch: list[str] = []
    try:
        if settings.combined is not None and ready:
            combined = CombinedPdf(settings.combined, settings.force, [i for i, _p in ready])
        render_all([(index, person.answers) for index, person in ready], settings, finished)
        if combined is not None:
            problem = combined.close()
            if problem:
                whole_batch.append(problem)
                if out_dir is None:
                    written.clear()
            elif combined.added:
                destinations.append(str(settings.combined))
    except KeyboardInterrupt as stop:
        if combined is not None:
            combined.discard()
        files = len(written) if out_dir is not None else 0
        signum = getattr(stop, "signum", signal.SIGINT)
        raise BatchStopped(files, destinations[:1], signum) from None
    except BaseException:
        if combined is not None:
            combined.discard()
        raise
    return BatchReport(
        written=len(written),
        problems=[p for index in sorted(problems) for p in problems[index]] + whole_batch,
        failed=sum(1 for found in problems.values() if found),
        unit=plan.unit,
        destinations=destinations if written else [],
        warnings=warnings,
    )


class CombinedPdf:
    """The combined PDF, written as the worksheets come, in the input's order.

    Workers finish out of order; a finished worksheet waits here only until
    those before it are in, so at most a few are held at once, and the file
    appears whole at the end or not at all.
    """

    def __init__(self, path: Path, force: bool, order: list[int]) -> None:
        from .output import AtomicFile
        from .pdfjoin import PdfJoiner

        self.path = path
        self.position = {index: place for place, index in enumerate(order)}
        self.waiting: dict[int, tuple[bytes | None, str]] = {}
        self.next = 0
        self.added = 0
        self.problem = ""
        self.file = AtomicFile(path, force=force, private=True)
        self.joiner = PdfJoiner(self.file.handle)

    def take(self, index: int, document: bytes | None, bookmark: str) -> None:
        """The worksheet of person `index`, or None if it failed, and its bookmark."""
        self.waiting[self.position[index]] = (document, bookmark)
        while self.next in self.waiting:
            ready, title = self.waiting.pop(self.next)
            self.next += 1
            if ready is None or self.problem:
                continue
            try:
                self.joiner.add(ready, bookmarks=[title])
            except OSError as error:
                from .output import reason_text

                self.problem = _("cannot write {path}: {reason}").format(
                    path=self.path, reason=reason_text(error)
                )
            else:
                self.added += 1

    def close(self) -> str:
        """Finish the file; the problem that kept it from being written, else ""."""
        if self.problem or not self.added:
            self.discard()
            return self.problem
        try:
            self.joiner.finish()
            self.file.commit()
        except OSError as error:
            from .output import reason_text

            self.discard()
            return _("cannot write {path}: {reason}").format(
                path=self.path, reason=reason_text(error)
            )
        except UserError as error:
            return error.format_message()
        return ""

    def discard(self) -> None:
        self.file.discard()


def _write_person(person: Person, out_dir: Path, document: bytes, settings: BatchSettings) -> str:
    """Write one person's worksheet; the problem if it could not be written, else ""."""
    assert person.file_name is not None
    try:
        write_output(out_dir / person.file_name, document, force=settings.force, private=True)
    except UserError as error:
        return f"{person.name_place}: {error.format_message()}"
    return ""


def _make_folder(path: Path) -> None:
    try:
        # A new output folder is its owner's alone, as the worksheets in it are.
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(
            _("cannot make the folder {path}: {reason}").format(
                path=path, reason=error.strerror or error
            )
        ) from None


def _folder_name(path: Path) -> str:
    text = str(path)
    return text if text.endswith(os.sep) else text + os.sep


def render_all(
    tasks: list[tuple[int, Answers | None]],
    settings: BatchSettings,
    finished: Callable[[int, Outcome], None],
) -> None:
    """Render each task, calling `finished(index, document or problem)` in this process."""
    jobs = min(settings.jobs, len(tasks))
    if jobs <= 1:
        for index, answers in tasks:
            finished(index, render_one(answers, settings.document))
        return
    # Each worker's temporary files (WeasyPrint's fonts) go in one folder of
    # the batch's own, removed at the end: a worker stopped mid-page, or ended
    # without running its clean-up, leaves nothing behind.
    scratch = tempfile.mkdtemp(prefix="worksheets-batch-")
    _start_resource_tracker()
    executor = cf.ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_process_context(),
        initializer=_worker_start,
        initargs=(scratch,),
        **_recycling(),
    )
    waiting = iter(tasks)
    running: dict[cf.Future[Outcome], int] = {}
    try:
        while True:
            for index, answers in itertools.islice(waiting, jobs * AHEAD_PER_WORKER - len(running)):
                # A submit may start a worker (and the pool's own thread): never cut in half.
                with signals_held():
                    future = executor.submit(render_one, answers, settings.document)
                running[future] = index
            if not running:
                break
            done, _pending = cf.wait(running, return_when=cf.FIRST_COMPLETED)
            for future in sorted(done, key=running.__getitem__):
                finished(running.pop(future), future.result())
    except BrokenProcessPool:
        _stop_workers(executor)
        raise UserError(
            _(
                "a worker process stopped unexpectedly (was the computer out of memory?); "
                "the worksheets written so far are whole, the others were not written. "
                "Try again with fewer --jobs"
            )
        ) from None
    except BaseException:
        # Ctrl-C, or a bug: the workers write nothing, so they can stop mid-page.
        _stop_workers(executor)
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(scratch, ignore_errors=True)


# A worksheet or the problem that stopped it, and the warnings made on the way.
Outcome = tuple[bytes | str, tuple[str, ...]]


def render_one(answers: Answers | None, options: DocumentOptions) -> Outcome:
    """One worksheet, or the problem that stopped it (a worker's task)."""
    assert answers is not None
    # Warnings travel back with the result, to be printed with the row they
    # belong to, by this process rather than a worker.
    warnings: list[str] = []
    try:
        return personal_document(answers, options, warn=warnings.append), tuple(warnings)
    except UserError as error:
        # Sent back as text: click's exceptions do not survive pickling intact.
        return error.format_message(), tuple(warnings)


def _process_context() -> Any:
    """A fork server where there is one (fork is unsafe with threads), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_WORKER_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def _recycling() -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        return {"max_tasks_per_child": WORKSHEETS_PER_WORKER}
    return {}  # Python 3.10: workers live as long as the batch


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker deaf to SIGHUP, as it already is
    to Ctrl-C and SIGTERM: when a closed terminal hangs up the whole group, it
    must live to clean up after the workers rather than die printing tracebacks."""
    hangup = getattr(signal, "SIGHUP", None)
    if hangup is None:
        return  # Windows
    from multiprocessing import resource_tracker

    previous = signal.signal(hangup, signal.SIG_IGN)  # an ignored signal stays so in the child
    try:
        resource_tracker.ensure_running()
    finally:
        signal.signal(hangup, previous)


def _worker_start(scratch: str) -> None:
    # Ctrl-C reaches every process in the terminal's group; the main process
    # alone decides what happens then, so a worker never prints a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    take_stopping_signals()  # started while they were held: SIGTERM stops it again
    tempfile.tempdir = scratch


def _stop_workers(executor: cf.ProcessPoolExecutor) -> None:
    # The pool has no public way to stop a worker mid-task; waiting for each
    # to finish its page would keep the person at the terminal for nothing.
    workers = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        if process.is_alive():
            process.terminate()
    for process in workers:
        process.join(timeout=5)
    # The fork server would otherwise outlive a stopped batch until this
    # process exits; it holds nothing, so it can simply go.
    with contextlib.suppress(Exception):
        from multiprocessing import forkserver

        forkserver._forkserver._stop()  # type: ignore[attr-defined]
