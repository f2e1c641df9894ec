"""The `worksheets` command: options and messages only; the work is elsewhere.

Each command imports what it needs inside its function, so `worksheets --help`
starts fast and WeasyPrint is loaded only when a PDF is made.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .i18n import _

EXIT_INTERRUPTED = 130


class WorksheetsGroup(click.Group):
    """Maps interruptions to exit code 130, as the contract says."""

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except (click.Abort, KeyboardInterrupt, EOFError):
            click.echo("\n" + _("Stopped. Nothing was written."), err=True)
            sys.exit(EXIT_INTERRUPTED)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except BrokenPipeError:
            # The reader of `-o -` went away (e.g. `| head`): not our error.
            sys.stderr.close()
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def writing_options(command: Any) -> Any:
    """The options every writing command shares (see the contract)."""
    options = [
        click.option(
            "-o",
            "--output",
            metavar="PATH",
            help=_("Where to write; - writes to standard output."),
        ),
        click.option(
            "--format",
            "fmt",
            type=click.Choice(["pdf", "html", "json"]),
            default="pdf",
            show_default=True,
            help=_("PDF to print, HTML to read on screen, JSON for tools."),
        ),
        click.option(
            "--paper",
            type=click.Choice(["letter", "a4"], case_sensitive=False),
            default="letter",
            show_default=True,
            help=_("Paper size."),
        ),
        click.option(
            "--large-print", is_flag=True, help=_("All text at least 18 pt, for easier reading.")
        ),
        click.option("--force", is_flag=True, help=_("Allow replacing an existing file.")),
        click.option(
            "--bank",
            type=click.Path(file_okay=False, path_type=Path),
            metavar="DIR",
            help=_("Use another question bank folder (a clinic's edited copy)."),
        ),
        click.option(
            "--all-questions",
            is_flag=True,
            help=_("Every question that applies, not only the leading set."),
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.group(cls=WorksheetsGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="worksheets")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Make a worksheet of questions to bring to your cancer care team.

    Run without a command to start the interview.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(interview)


@cli.command()
@click.argument("answers_file", metavar="ANSWERS", type=click.Path(path_type=Path))
@writing_options
def render(answers_file: Path, **options: Any) -> None:
    """Write the worksheet for a saved answers file, asking nothing.

    Example: worksheets render maria.yaml -o maria.pdf
    """
    from .answers import load_answers

    answers = load_answers(answers_file)
    _write_personal(answers, options)


@cli.command()
@click.option(
    "--answers",
    "answers_file",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help=_("Start from a saved answers file and ask only what is missing."),
)
@click.option(
    "--save-answers",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help=_("Keep the answers in this file for next time."),
)
@click.option(
    "--helper",
    "helper_mode",
    is_flag=True,
    help=_('Word the questions for someone helping: "the person you are helping".'),
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
        write=lambda answers: _write_personal(answers, options),
        to_stdout=options.get("output") == "-",
    )


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=_("Plain text to read, or JSON for tools."),
)
@click.option("--check", is_flag=True, help=_("Validate the bank and report every problem."))
@click.option(
    "--bank",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help=_("Use another question bank folder (a clinic's edited copy)."),
)
def questions(fmt: str, check: bool, bank: Path | None) -> None:
    """List the question bank, or check an edited copy.

    Example: worksheets questions --check --bank my-clinic-questions/
    """
    from .bank import load_bank
    from .bank_listing import bank_json, bank_text

    loaded = load_bank(bank)
    if check:
        click.echo(
            _("The question bank is valid: {n} questions in {s} sections (edition {v}).").format(
                n=len(loaded.questions), s=len(loaded.sections), v=loaded.version
            )
        )
        return
    click.echo(bank_json(loaded) if fmt == "json" else bank_text(loaded), nl=False)


def _write_personal(answers: Any, options: dict[str, Any]) -> None:
    from .documents import DocumentOptions, personal_document
    from .output import default_name, refuse_existing, write_output

    fmt = options["fmt"]
    target = options.get("output") or default_name(answers.appointment, fmt)
    if target != "-":
        # Refuse before the slow part, so the person is not kept waiting for nothing.
        refuse_existing(Path(target), options["force"])
    document = personal_document(
        answers,
        DocumentOptions(
            format=fmt,
            paper=options["paper"].lower(),
            large_print=options["large_print"],
            bank=options.get("bank"),
            all_questions=options["all_questions"],
        ),
    )
    write_output(target, document, force=options["force"])
    if target != "-":
        click.echo(_("Wrote {path}").format(path=target), err=True)


def main() -> None:
    cli(prog_name="worksheets")
