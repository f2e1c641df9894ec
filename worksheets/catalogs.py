"""Keeping the translation catalogs in step with the program's words.

    python -m worksheets.catalogs           extract, update every .po, compile every .mo
    python -m worksheets.catalogs --check   say what is missing or stale; exit 1 if anything

Babel extracts `_()`, `ngettext()` and `N_()` from the code and `_()` from the
templates (babel.cfg says where), and this module adds the labels of
vocabulary.py, which are plain tables written before a language is chosen.
Each language's `.po` is updated from that template (new messages empty,
changed ones marked fuzzy for a translator to look at) and compiled to the
`.mo` that ships in the package. The test suite runs the check, so a new
English sentence without its translation fails the build.

A new language: `python -m worksheets.catalogs --add fr`, translate
`worksheets/locale/fr/LC_MESSAGES/worksheets.po`, run the command again.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from . import i18n

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "babel.cfg"
PROJECT = "worksheets"
# Tables shown as they are: each language's name in that language.
NOT_TRANSLATED = frozenset(
    {"LANGUAGES", "ESAS_R_ITEMS", "OTHER_PROBLEMS"}
)  # names or keys, not words


def runtime_messages() -> Iterator[tuple[str, str]]:
    """(message, where) for the labels of tables that `_` translates when shown."""
    from . import vocabulary

    for name, value in vars(vocabulary).items():
        if name.startswith("_") or not name.isupper() or name in NOT_TRANSLATED:
            continue
        where = f"worksheets/vocabulary.py:{name}"
        if isinstance(value, dict):
            for item in value.values():
                if isinstance(item, str):
                    yield item, where
                elif isinstance(item, tuple):
                    yield from ((s, where) for s in item if isinstance(s, str) and s)
        elif isinstance(value, tuple):
            yield from ((s, where) for s in value if isinstance(s, str) and s)
        elif isinstance(value, str):
            yield value, where


def schema_messages() -> Iterator[tuple[str, str]]:
    """The schema's words for people: labels, prompts, why-we-ask lines, nouns."""
    from . import schema

    for f in schema.FIELDS:
        where = f"worksheets/schema.py:{f.name}"
        for words in (f.label, f.prompt, f.why, f.noun):
            for item in (words,) if isinstance(words, str) else words:
                if item:
                    yield item, where


CLICK_COMMENT = "Click's own words (the help pages, usage errors), shown by every command"


def click_messages() -> Iterator[tuple[str | tuple[str, ...], str]]:
    """Click's own words, from its source: our catalog carries them (see
    click_language.py). A new Click with new words shows here as messages to
    translate."""
    import click

    folder = Path(click.__file__).resolve().parent
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2)}
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        str(folder), [("**.py", "python")], keywords=keywords
    ):
        yield message, f"click/{filename}"


def command_messages() -> Iterator[tuple[str, str]]:
    """The help pages' words of our own: each command's description, each
    option's help, the metavars (FILE, ANSWERS...) and Click's usage pieces."""
    import click

    from .cli import cli

    with i18n.use_language(i18n.SOURCE_LANGUAGE):
        yield from ((words, "worksheets/cli.py") for words in (cli.subcommand_metavar,) if words)
        for command in (cli, *cli.commands.values()):
            where = "worksheets/cli.py"
            context = click.Context(command, info_name=command.name)
            for words in (command.help, command.options_metavar):
                if words:
                    yield words, where
            for param in command.params:
                if isinstance(param, click.Option) and param.help:
                    yield param.help, where
                if isinstance(param, click.Option) and (param.is_flag or param.count):
                    continue
                metavar = param.make_metavar(context)
                if not metavar.startswith("["):  # [pdf|html|json]: the values themselves
                    yield metavar, where


def template_catalog() -> Catalog:
    """Every message the program can show, in English."""
    catalog = Catalog(project=PROJECT, charset="utf-8", fuzzy=False)
    with CONFIG.open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config, str(CONFIG))
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        directory_filter=lambda path: not Path(path).name.startswith("."),
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    for message, where in (*runtime_messages(), *schema_messages(), *command_messages()):
        catalog.add(message, None, [(where, 0)])
    for words, where in click_messages():
        catalog.add(words, None, [(where, 0)], auto_comments=[CLICK_COMMENT])
    return catalog


def po_path(language: str) -> Path:
    return i18n.LOCALE_DIR / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"


def languages() -> list[str]:
    if not i18n.LOCALE_DIR.is_dir():
        return []
    return sorted(p.name for p in i18n.LOCALE_DIR.iterdir() if (p / "LC_MESSAGES").is_dir())


def read_catalog(language: str) -> Catalog:
    with po_path(language).open("rb") as file:
        return read_po(file, locale=language, domain=i18n.DOMAIN)


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    # No line numbers: they would change with every edit of the code.
    write_po(out, catalog, width=100, include_lineno=False, ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def updated(language: str, template: Catalog) -> Catalog:
    catalog = read_catalog(language)
    catalog.update(template, update_header_comment=False)
    return catalog


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return all(strings)


def problems(language: str, template: Catalog) -> list[str]:
    """What stops `language` from being complete and current."""
    found = []
    current = read_catalog(language)
    wanted = {m.id for m in template if m.id}
    have = {m.id for m in current if m.id}
    for new in sorted(wanted - have, key=str):
        found.append(f"{language}: not in the catalog yet: {new!r}")
    for message in current:
        if not message.id or message.id not in wanted:
            continue
        if not _translated(message):
            found.append(f"{language}: not translated: {message.id!r}")
        elif message.fuzzy:
            found.append(f"{language}: marked fuzzy (check and remove the mark): {message.id!r}")
    for old in sorted(have - wanted, key=str):
        found.append(f"{language}: no longer used: {old!r}")
    mo = po_path(language).with_suffix(".mo")
    if not mo.is_file() or mo.read_bytes() != mo_bytes(current):
        found.append(f"{language}: {mo.name} is older than {po_path(language).name}; compile it")
    return found


def main(argv: list[str]) -> int:
    template = template_catalog()
    if argv[:1] == ["--check"]:
        found = [p for language in languages() for p in problems(language, template)]
        for problem in found:
            print(problem)
        return 1 if found else 0
    if argv[:1] == ["--add"] and len(argv) == 2:
        path = po_path(argv[1])
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = Catalog(locale=argv[1], project=PROJECT, domain=i18n.DOMAIN, fuzzy=False)
        path.write_bytes(po_bytes(fresh))
    for language in languages():
        catalog = updated(language, template)
        po_path(language).write_bytes(po_bytes(catalog))
        catalog = read_catalog(language)
        po_path(language).with_suffix(".mo").write_bytes(mo_bytes(catalog))
        missing = sum(1 for m in catalog if m.id and (not _translated(m) or m.fuzzy))
        print(f"{language}: {len(catalog)} messages, {missing} to translate or check")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
