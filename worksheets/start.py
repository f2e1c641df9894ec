"""The command's entry point: as little as possible before Ctrl-C is handled.

Loading the program takes a moment (Click, the schema, the words); a Ctrl-C
in it must not print a traceback. From the first command on, cli.py handles
it; this module handles the moment before.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import cli
    except KeyboardInterrupt:
        _stopped_while_loading()
    cli(prog_name="worksheets")


def _stopped_while_loading() -> None:
    message = "Stopped. Nothing was written."
    try:
        from .i18n import _

        message = _(message)
    except (ImportError, KeyboardInterrupt):
        pass  # in English, then
    sys.stderr.write("\n" + message + "\n")
    sys.exit(130)
