"""The `worksheets` command: options and messages only; the work is elsewhere.

Each command imports what it needs inside its function, so `worksheets --help`
starts fast and WeasyPrint is loaded only when a PDF is made.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import __version__
from .click_language import Argument, Group, Option, WholeNumber, click_gettext, speak_to_click
from .errors import UserError
from .i18n import N_, _
from .safetext import shown

EXIT_INTERRUPTED = 130

# Click's option and argument, with their help and metavar in the run's language.
option = functools.partial(click.option, cls=Option)
argument = functools.partial(click.argument, cls=Argument)


class WorksheetsGroup(Group):
    """`worksheets` alone is the interview; interruptions exit with 130."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # Click's words (help, usage errors) speak the --language of the command
        # line wherever it stands, even before it or when another option is wrong.
        language = _language_given(args)
        if language is not None:
            from .i18n import set_language

            set_language(language)
        return super().parse_args(ctx, _routed(args))

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        # --language sets the language for this run only: in a copy of the
        # context, so that a caller running the command in-process keeps its own.
        import contextvars

        return contextvars.copy_context().run(self._main, *args, **kwargs)

    def _main(self, *args: Any, **kwargs: Any) -> Any:

        kwargs["standalone_mode"] = False
        speak_to_click()
        _stop_on_signals()
        try:
            result = super().main(*args, **kwargs)
        except (click.Abort, KeyboardInterrupt, EOFError) as stop:
            click.echo("\n" + _("Stopped. Nothing was written."), err=True)
            signal = _stopping_signal(stop)
            sys.exit(128 + signal if signal is not None else EXIT_INTERRUPTED)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except UserError as error:
            click.echo(_("Error: {message}").format(message=error.format_message()), err=True)
            sys.exit(error.exit_code)
        except BrokenPipeError:
            # The reader of `-o -` went away (e.g. `| head`): not our error.
            sys.stderr.close()
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def _routed(args: list[str]) -> list[str]:
    """The command line as Click reads it.

    The contract makes `worksheets` the same as `worksheets interview`, so
    `worksheets --helper -o -` passes its options to the interview. A
    `--language` first goes to the command after it: `worksheets --language es
    render rosa.yaml` is `worksheets render rosa.yaml --language es`."""
    lead: list[str] = []
    if args[:1] == ["--language"] and len(args) > 1:
        lead, args = args[:2], args[2:]
    elif args[:1] and args[0].startswith("--language="):
        lead, args = args[:1], args[1:]
    if args[:1] in (["--help"], ["--version"]):
        # The language is already spoken (see parse_args): Click need not see it.
        codes = _language_codes(args)
        return [arg for index, arg in enumerate(args) if index not in codes]
    if not args or args[0].startswith("-"):
        return ["interview", *lead, *args]
    return [args[0], *lead, *args[1:]]


def _language_codes(args: list[str]) -> dict[int, str]:
    """Where `--language CODE` (or `--language=CODE`) stands: the code by the
    place of each word of it."""
    found: dict[int, str] = {}
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--language" and index + 1 < len(args):
            found[index] = found[index + 1] = args[index + 1]
        elif arg.startswith("--language="):
            found[index] = arg.partition("=")[2]
    return found


def _language_given(args: list[str]) -> str | None:
    """The language of `--language CODE` (the last one, as Click takes it), if
    the command line has one that the program speaks."""
    from .i18n import UnknownLanguage, check_language

    codes = _language_codes(args)
    if not codes:
        return None
    try:
        return check_language(codes[max(codes)])
    except UnknownLanguage:
        return None  # said when Click reads the option


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        words = click_gettext("%(prog)s, version %(version)s")
        click.echo(words % {"prog": "worksheets", "version": __version__})
        ctx.exit()


def _stopping_signal(stop: BaseException) -> int | None:
    """The SIGTERM or SIGHUP behind `stop`, if one was. Click turns every
    KeyboardInterrupt, ours included, into an Abort, raised from it or (at a
    prompt) while handling it."""
    from .errors import Stopped

    seen: BaseException | None = stop
    while seen is not None:
        if isinstance(seen, Stopped):
            return seen.signum
        seen = seen.__cause__ or seen.__context__
    return None


def _stop_on_signals() -> None:
    """SIGTERM and SIGHUP (a closed terminal, a stopped service) end the program
    the way Ctrl-C does: temporary files removed, workers stopped, then exit
    143 or 129."""
    import signal

    from .errors import Stopped

    def stop(signum: int, _frame: Any) -> None:
        raise Stopped(signum)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError):  # not the main thread: the caller decides
                signal.signal(number, stop)


def _language_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """`--language es` (also `ES`, `es_MX`): the program speaks it from here on."""
    if value is None:
        return None
    from .i18n import UnknownLanguage, check_language, set_language

    try:
        code = check_language(value)
    except UnknownLanguage as error:
        raise click.BadParameter(str(error), ctx, param) from None
    set_language(code)
    return code


def language_option() -> Any:
    return option(
        "--language",
        metavar="CODE",
        callback=_language_option,
        is_eager=True,  # so that the messages about other options are in it too
        expose_value=True,
        help=N_(
            "The language of everything printed and asked: en, es.  "
            "[default: the answers file's, else your computer's, else en]"
        ),
    )


def writing_options(command: Any) -> Any:
    """The options every writing command shares (see the contract)."""
    options = [
        option(
            "-o",
            "--output",
            metavar="PATH",
            help=N_("Where to write; - writes to standard output."),
        ),
        option(
            "--format",
            "fmt",
            type=click.Choice(["pdf", "html", "json"]),
            default="pdf",
            show_default=True,
            help=N_("PDF to print, HTML to read on screen, JSON for tools."),
        ),
        option(
            "--paper",
            type=click.Choice(["letter", "a4"], case_sensitive=False),
            default="letter",
            show_default=True,
            help=N_("Paper size."),
        ),
        option(
            "--large-print", is_flag=True, help=N_("All text at least 18 pt, for easier reading.")
        ),
        option("--force", is_flag=True, help=N_("Allow replacing an existing file.")),
        option(
            "--bank",
            type=click.Path(file_okay=False, path_type=Path),
            metavar="DIR",
            help=N_("Use another question bank folder (a clinic's edited copy)."),
        ),
        option(
            "--all-questions",
            is_flag=True,
            help=N_("Every question that applies, not only the leading set."),
        ),
        option(
            "--clinic",
            type=click.Path(dir_okay=False, path_type=Path),
            metavar="FILE",
            help=N_("The clinic's details (name, phone numbers, own questions) for every page."),
        ),
        option(
            "--fillable",
            is_flag=True,
            help=N_("Tick boxes and answer spaces become form fields, to fill in on a tablet."),
        ),
        language_option(),
    ]
    for add in reversed(options):
        command = add(command)
    return command


@click.group(cls=WorksheetsGroup, invoke_without_command=True)
@option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help=N_("Show the version and exit."),
)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Make a worksheet of questions to bring to your cancer care team.

    Run without a command to start the interview.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(interview)


@cli.command()
@argument("answers_file", metavar="ANSWERS", type=click.Path(path_type=Path))
@writing_options
def render(answers_file: Path, **options: Any) -> None:
    """Write the worksheet for a saved answers file, asking nothing.

    Example: worksheets render maria.yaml -o maria.pdf
    """
    from .answers import load_answers, stated_language
    from .i18n import use_language

    # A file that says `language: es` is answered in Spanish ("Se escribió rosa.pdf"),
    # as its worksheet is, and so are its problems, even those found before its
    # `language:` is read (too large, not UTF-8, not valid YAML); --language wins,
    # as for the worksheet.
    with use_language(options.get("language") or stated_language(answers_file)):
        answers = load_answers(answers_file)
        _write_personal(answers, options)


@cli.command()
@option(
    "--answers",
    "answers_file",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help=N_("Start from a saved answers file and ask only what is missing."),
)
@option(
    "--save-answers",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help=N_("Keep the answers in this file for next time."),
)
@option(
    "--helper",
    "helper_mode",
    is_flag=True,
    help=N_('Word the questions for someone helping: "the person you are helping".'),
)
@writing_options
def interview(
    answers_file: Path | None, save_answers: Path | None, helper_mode: bool, **options: Any
) -> None:
    """Ask about the person's situation and priorities, then write their worksheet."""
    from .interview import run_interview

    run_interview(
        start_from=answers_file,
        save_answers=save_answers,
        helper_mode=helper_mode,
        output=options.get("output"),
        force=options["force"],
        document=_document_options(options),
    )


@cli.command()
@option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=N_("Plain text to read, or JSON for tools."),
)
@option("--check", is_flag=True, help=N_("Validate the bank and report every problem."))
@option(
    "--bank",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help=N_("Use another question bank folder (a clinic's edited copy)."),
)
@language_option()
def questions(fmt: str, check: bool, bank: Path | None, language: str | None) -> None:
    """List the question bank, or check an edited copy.

    Example: worksheets questions --check --bank my-clinic-questions/
    """
    from .bank import load_bank
    from .bank_listing import bank_json, bank_text
    from .i18n import current_language

    loaded = load_bank(bank)
    if check:
        from .bank_check import bank_warnings
        from .bank_languages import read_translation, translation_warnings

        # Each translation folder is read, so that its problems are reported too.
        for code in loaded.translations:
            if loaded.folder is not None:
                read_translation(loaded.folder / code, loaded, code)
        # Warnings do not make the bank invalid: they go to standard error, exit 0.
        for warning in [*bank_warnings(loaded), *translation_warnings(loaded)]:
            click.echo(_("Warning: {warning}").format(warning=warning), err=True)
        click.echo(
            _("The question bank is valid: {n} questions in {s} sections (edition {v}).").format(
                n=len(loaded.questions), s=len(loaded.sections), v=loaded.version
            )
        )
        return
    shown = load_bank(bank, language or current_language())
    click.echo(bank_json(shown) if fmt == "json" else bank_text(shown), nl=False)


def _write_personal(answers: Any, options: dict[str, Any]) -> None:
    from .documents import personal_document
    from .output import default_name, output_target

    target = output_target(options.get("output"), default_name(answers.appointment, options["fmt"]))
    _write_document(
        target,
        options["force"],
        lambda: personal_document(answers, _document_options(options)),
        private=True,  # a person's worksheet, like their answers file
    )


def _write_document(
    target: str, force: bool, make: Callable[[], bytes], *, private: bool = False
) -> None:
    """Make a document and write it whole to `target` ("-": standard output)."""
    from .output import STDOUT, check_target, write_output

    if target != STDOUT:
        # Refuse before the slow part, so the person is not kept waiting for nothing.
        check_target(Path(target), force)
    write_output(target, make(), force=force, private=private)
    if target != STDOUT:
        click.echo(_("Wrote {path}").format(path=shown(str(target))), err=True)


def _document_options(options: dict[str, Any]) -> Any:
    from .documents import DocumentOptions

    return DocumentOptions(
        format=options["fmt"],
        paper=options["paper"].lower(),
        large_print=options["large_print"],
        bank=options.get("bank"),
        all_questions=options.get("all_questions", False),
        fillable=options["fillable"],
        clinic=options.get("clinic"),
        language=options.get("language"),
    )


@cli.command()
@option(
    "--copies",
    type=WholeNumber(1, 1000),
    metavar="N",
    default=1,
    show_default=True,
    help=N_("How many copies in one PDF, for printing."),
)
@writing_options
def blank(copies: int, **options: Any) -> None:
    """Write a blank worksheet to fill in by hand.

    Example: worksheets blank --copies 50 --clinic riverside.yaml
    """
    from .documents import blank_document

    if copies > 1 and options["fmt"] != "pdf":
        raise click.UsageError(_("--copies works with PDF only"))
    from .output import output_target

    target = output_target(options.get("output"), f"blank-worksheet.{options['fmt']}")
    _write_document(
        target,
        options["force"],
        lambda: blank_document(_document_options(options), copies=copies),
    )


# --- web -----------------------------------------------------------------------------

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@cli.command()
@option("--no-browser", is_flag=True, help=N_("Only print the address; open no browser."))
@option(
    "--port",
    type=WholeNumber(0, 65535),
    default=0,
    metavar="N",
    help=N_("The port to listen on.  [default: a free one]"),
)
@option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    metavar="ADDRESS",
    help=N_("The address to listen on; another than this computer's needs --allow-network."),
)
@option(
    "--allow-network",
    is_flag=True,
    help=N_("Allow --host to listen on a network: answers then cross that network."),
)
@option(
    "--bank",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help=N_("Use another question bank folder (a clinic's edited copy)."),
)
@option(
    "--clinic",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help=N_("The clinic's details (name, phone numbers, own questions) for every page."),
)
@language_option()
def web(
    no_browser: bool,
    port: int,
    host: str,
    allow_network: bool,
    bank: Path | None,
    clinic: Path | None,
    language: str | None,
) -> None:
    """The interview as a private page in the browser, on this computer only.

    Example: worksheets web
    """
    from .documents import DocumentOptions, load_sources
    from .web.server import serve

    host = "127.0.0.1" if host == "localhost" else host
    if host not in _LOOPBACK and not allow_network:
        raise click.UsageError(
            _("--host {host} would let other computers reach the page; add --allow-network").format(
                host=host
            )
        )
    if host not in _LOOPBACK:
        click.echo(
            _(
                "Warning: the page listens on the network ({host}). Anyone on that network "
                "who has the address can reach it, and answers cross the network unencrypted."
            ).format(host=host),
            err=True,
        )
    # The page's language until the person chooses on its first screen.
    from .i18n import current_language

    document = DocumentOptions(bank=bank, clinic=clinic, language=language or current_language())
    if bank is not None or clinic is not None:
        load_sources(document)  # a clinic's own files: their problems first, plainly
    serve(host=host, port=port, open_browser=not no_browser, document=document)


# --- batch ---------------------------------------------------------------------------


def _without_output(command: Any) -> Any:
    """`batch` writes many files: --out-dir and --combined stand in for -o."""
    command.__click_params__ = [p for p in command.__click_params__ if p.name != "output"]
    return command


@cli.command()
@argument("source", metavar="INPUT", required=False, type=click.Path(path_type=Path))
@option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help=N_("Folder for the worksheets, one file per person.  [default: worksheets-out]"),
)
@option(
    "--combined",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="PATH",
    help=N_("Also (or, without --out-dir, only) all the worksheets in one PDF, for printing."),
)
@option(
    "--jobs",
    type=WholeNumber(min=1),
    metavar="N",
    help=N_("Worksheets made at the same time.  [default: the number of CPUs]"),
)
@option(
    "--template", is_flag=True, help=N_("Print an example CSV (every column, two people) and stop.")
)
@_without_output
@writing_options
def batch(
    source: Path | None,
    out_dir: Path | None,
    combined: Path | None,
    jobs: int | None,
    template: bool,
    **options: Any,
) -> int:
    """Write many worksheets from a CSV file or a folder of answers files.

    The CSV has one row per person; "worksheets batch --template" prints an
    example. Problems in a row are reported and the row skipped; the others
    are still written.

    Example: worksheets batch people.csv --out-dir worksheets-out/
    """
    from .batch import (
        DEFAULT_OUT_DIR,
        BatchSettings,
        BatchStopped,
        default_jobs,
        plan_batch,
        run_batch,
    )
    from .csvinput import example_csv

    if template:
        click.echo(example_csv(), nl=False)
        return 0
    context = click.get_current_context()
    if source is None:
        raise click.UsageError(_("Missing argument 'INPUT'."), context)
    if combined is not None and options["fmt"] != "pdf":
        raise click.UsageError(_("--combined makes a PDF; leave out --format"), context)
    if combined is not None and options["fillable"]:
        raise click.UsageError(_("--combined is for printing; leave out --fillable"), context)
    settings = BatchSettings(
        document=_document_options(options),
        out_dir=out_dir if out_dir is not None or combined is not None else DEFAULT_OUT_DIR,
        combined=combined,
        jobs=jobs or default_jobs(),
        force=options["force"],
    )
    plan = plan_batch(source, settings)
    try:
        with _batch_progress(len(plan.ready())) as bar:
            report = run_batch(plan, settings, bar.update if bar else None)
    except BatchStopped as stopped:
        click.echo("\n" + stopped.message(), err=True)
        return 128 + stopped.signum
    for warning in report.warnings:
        click.echo(_("Warning: {warning}").format(warning=shown(warning)), err=True)
    for problem in report.problems:
        click.echo(_("Error: {problem}").format(problem=shown(problem)), err=True)
    click.echo(shown(report.summary()), err=True)
    return 1 if report.problems else 0


def _batch_progress(total: int) -> Any:
    """A progress bar on standard error, for a person at a terminal only."""
    import contextlib

    if total == 0 or not sys.stderr.isatty():
        return contextlib.nullcontext(None)
    return click.progressbar(
        length=total, label=_("Writing worksheets"), show_pos=True, file=sys.stderr
    )


def main() -> None:
    cli(prog_name="worksheets")
