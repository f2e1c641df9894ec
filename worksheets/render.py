"""From a selection to HTML, PDF or JSON.

Templates are Jinja2 with autoescape forced on (whatever the file name) and
StrictUndefined, so a person's text can never become markup and a typo in a
template fails loudly. WeasyPrint gets a URL fetcher that serves the project's
own template folder and nothing else: no network, no other file.
"""

from __future__ import annotations

import base64
import functools
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from . import __version__, i18n, schema
from . import vocabulary as v
from .answers import Answers
from .bank import Bank
from .clinic import Clinic
from .paths import TEMPLATES_DIR
from .selection import Chosen, Selection, implied_treatments, select
from .warning_signs import SIGNS, call_first, signs_for

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration

DOCUMENT_TITLE = i18n.N_("Questions for my care team")
BLANK_SIZE = 6  # questions for everyone on the blank worksheet's front, the closing one aside
BLANK_LARGE_PRINT_SIZE = 4


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs, in the user's cache folder.

    Compiling the templates is a good part of the program's own start-up
    time. The cache holds only the project's templates, never anything a
    person typed; where it cannot be written, templates are simply compiled.
    """
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "worksheets" / f"templates-{__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not os.access(folder, os.W_OK):
            return None
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def make_environment(
    folder: Path, bytecode_cache: jinja2.BytecodeCache | None = None
) -> jinja2.Environment:
    """A Jinja environment for the project's templates in `folder`: the worksheets'
    and the web page's share escaping, strictness and translation."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        bytecode_cache=bytecode_cache,
        autoescape=True,  # every template here makes HTML, whatever its suffix
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Callables, not a fixed catalog: each call asks i18n for the language of
    # the document (or the request) being made, so one environment serves every language.
    env.install_gettext_callables(  # type: ignore[attr-defined]
        lambda message: i18n._(message),
        lambda singular, plural, n: i18n.ngettext(singular, plural, n),
        newstyle=True,
    )
    return env


@functools.cache
def environment() -> jinja2.Environment:
    env = make_environment(TEMPLATES_DIR, _bytecode_cache())
    env.filters["css_string"] = css_string
    env.filters["long_date"] = i18n.long_date
    return env


def css_string(value: object) -> Markup:
    """A CSS string literal that no text can break out of.

    Everything but letters, digits and a few harmless marks becomes a CSS hex
    escape, so neither a quote nor `</style>` can survive into the style sheet.
    """
    # Text already escaped for HTML (a translated string) goes back to plain.
    text = value.unescape() if isinstance(value, Markup) else str(value)
    escaped = "".join(c if c.isalnum() or c in " .,:-_()" else f"\\{ord(c):x} " for c in text)
    return Markup(f'"{escaped}"')


def label(table: dict[str, str], value: str) -> str:
    return i18n._(table[value])


def _common_context(
    bank: Bank, *, paper: str, large_print: bool, fillable: bool, clinic: Clinic | None
) -> dict[str, Any]:
    return {
        "language": i18n.current_language(),
        "paper": paper,
        "large_print": large_print,
        "fillable": fillable,
        "clinic": clinic,
        "bank_version": bank.version,
        "program_version": __version__,
    }


@dataclass(frozen=True)
class Arrangement:
    """How the visit sheet is laid out: chosen by measuring (see layout.py).

    `own_in_full` of the person's own questions are printed in full on page 1;
    the rest are listed on page 2, after the first `first_page` questions of
    the visit sheet (page 1 ends there).
    """

    own_in_full: int = 3
    first_lines: int = 2  # lines to write on under the sheet's first question
    first_why: bool = True  # its explanation; left out only to keep page 1's promise
    scores_in_line: bool = False  # the symptom scores as a line of text, not a chart
    page_one_only: bool = False  # only what page 1 holds, to measure it quickly
    roomy_lines: bool = True  # large print: three lines to write on (two if pages run out)
    # The own questions start a page (page 1 ends before them); not when page 1 could
    # not hold even the first question, which then starts page 2 itself.
    own_on_new_page: bool = True
    first_page: int | None = None  # None: no break; the questions run on
    compact_after_visit: bool = False  # fewer lines to write on, to keep it one page
    split_after_visit: bool = False  # when to call, on a page of its own after it


def worksheet_context(
    bank: Bank,
    answers: Answers,
    selection: Selection,
    *,
    paper: str = "letter",
    large_print: bool = False,
    fillable: bool = False,
    clinic: Clinic | None = None,
    arrangement: Arrangement | None = None,
) -> dict[str, Any]:
    """Everything the personal worksheet template needs, as plain words."""
    arrangement = arrangement or Arrangement()
    own = list(selection.own_questions)
    own_in_full = own[: arrangement.own_in_full]
    own_more = own[arrangement.own_in_full :]
    leading = list(selection.leading)
    split = arrangement.first_page if own_more else None
    if own_more and split is None:
        split = 1
    return {
        **_common_context(
            bank, paper=paper, large_print=large_print, fillable=fillable, clinic=clinic
        ),
        "title": i18n._(DOCUMENT_TITLE),
        "person": {
            "name": answers.name,
            "appointment": answers.appointment,
            "care_team": answers.care_team,
            "helper": answers.helper,
        },
        "situation": situation(answers, selection.treatments),
        # In the person's own words, as they gave them: "Ibrance, letrozole".
        "medicines": list(answers.medicines),
        # In the person's order, their own words ("Gardening") as they typed them.
        "priorities": [
            label(v.PRIORITIES, p) if isinstance(p, str) else p.words
            for p in answers.ranked_priorities()
        ],
        "unasked_priorities": unasked_priorities(answers, selection),
        "information": label(v.INFORMATION, answers.information) if answers.information else None,
        # ESAS-r's items in its order and words, then the other problems apart.
        "symptoms": symptom_chart(answers.symptoms),
        "scores_note": bool(answers.symptoms),
        "own_in_full": own_in_full,
        "own_more": own_more,
        "first_page": leading[:split] if split is not None else leading,
        "later_pages": leading[split:] if split is not None else [],
        "warning_signs": [
            i18n._(sign.text)
            for sign in signs_for(
                answers,
                sign_treatments(answers, selection) or None,
                selection.medicines,
            )
        ],
        "call_first": i18n._(text) if (text := call_first(answers)) else None,
        "after_visit_lines": (2, 1) if arrangement.compact_after_visit else (4, 3),
        "first_lines": arrangement.first_lines,
        "first_why": arrangement.first_why,
        "scores_in_line": arrangement.scores_in_line,
        "page_one_only": arrangement.page_one_only,
        "own_on_new_page": arrangement.own_on_new_page,
        "answer_lines": 3 if large_print and arrangement.roomy_lines else 2,
        "split_after_visit": arrangement.split_after_visit,
        "sections": selection.sections,
    }


def blank_context(
    bank: Bank,
    *,
    paper: str = "letter",
    large_print: bool = False,
    fillable: bool = False,
    clinic: Clinic | None = None,
    all_questions: bool = False,
    size: int | None = None,
) -> dict[str, Any]:
    """The blank worksheet: every choice as a tick box, the questions for everyone."""

    def choices(name: str) -> list[tuple[str, str]]:
        # Each field's choices as the schema lists them, so a new value is a new box.
        return [(key, i18n._(text)) for key, text in schema.BY_NAME[name].choices.items()]

    selection = blank_selection(
        bank, large_print=large_print, all_questions=all_questions, size=size
    )
    return {
        **_common_context(
            bank, paper=paper, large_print=large_print, fillable=fillable, clinic=clinic
        ),
        "title": i18n._(DOCUMENT_TITLE),
        "priorities": choices("priorities"),
        "sites": choices("spread_to"),
        "treatments": choices("treatments"),
        "information": choices("information"),
        "already_have": choices("already_have"),
        # ESAS-r's nine items in its order and words; the others on its "other problem" line.
        "symptoms": [
            (key, *(i18n._(w) if w else None for w in v.ESAS_R_WORDING[key]))
            for key in v.ESAS_R_ITEMS
        ],
        "other_problems": [i18n._(v.ESAS_R_WORDING[key][0]) for key in v.OTHER_PROBLEMS],
        "symptom_source": i18n._(v.ESAS_R_SOURCE),
        "warning_signs": [
            i18n._("{who}: {sign}").format(who=i18n._(sign.label), sign=i18n._(sign.text))
            if sign.label
            else i18n._(sign.text)
            for sign in SIGNS
            if sign.on_blank
        ],
        "leading": selection.leading,
        "sections": selection.sections,
        "call_first": None,
        # Every sign, for whoever fills it in: fewer lines, so the page stays one page.
        "after_visit_lines": (2, 1),
        "split_after_visit": large_print,
    }


def blank_selection(
    bank: Bank, *, large_print: bool = False, all_questions: bool = False, size: int | None = None
) -> Selection:
    """The questions for anyone, ranked as for a person who has said nothing yet."""
    if size is None:
        size = BLANK_LARGE_PRINT_SIZE if large_print else BLANK_SIZE
    return select(bank, Answers(), all_questions=all_questions, size=size)


def symptom_chart(scores: dict[str, int] | Any) -> list[dict[str, Any]]:
    """The chart's rows: ESAS-r's nine items in its order and words, then the
    other problems (constipation, sleep), apart and marked as such."""
    rows = []
    for key in (*v.ESAS_R_ITEMS, *v.OTHER_PROBLEMS):
        if key not in scores:
            continue
        item, explanation = v.ESAS_R_WORDING[key]
        rows.append(
            {
                "key": key,
                "label": i18n._(item),
                "explanation": i18n._(explanation) if explanation else None,
                "score": scores[key],
                "other": key in v.OTHER_PROBLEMS,
            }
        )
    # Rows are placed here, not in the template: explained items take a second
    # line, and the other problems get a heading of their own.
    y = 0
    for row in rows:
        if row["other"] and not any("heading_y" in r for r in rows):
            row["heading_y"] = y + 20
            y += 34
        row["y"] = y
        y += 46 if row["explanation"] else 26
    return rows


def unasked_priorities(answers: Answers, selection: Selection) -> list[str]:
    """What matters most to the person that no question on the visit sheet is for,
    in their order and words: the sheet says so, rather than drop them silently."""
    asked = {r.value for c in selection.leading for r in c.reasons if r.answer == "priorities"}
    missing = []
    for item in answers.ranked_priorities():
        value = item if isinstance(item, str) else item.like
        if value is not None and value not in asked:
            missing.append(label(v.PRIORITIES, item) if isinstance(item, str) else item.words)
    return missing


def situation(answers: Answers, treatments: tuple[str, ...] | None = None) -> list[str]:
    """One line for the care team: kind of cancer, where it spread, treatment, stage.

    `treatments` are those given and those the person's medicines imply."""
    treatments = answers.treatments if treatments is None else treatments
    parts = []
    if answers.cancer_type:
        parts.append(label(v.CANCER_TYPES, answers.cancer_type))
    if answers.spread_to:
        sites = ", ".join(label(v.SITES, s).lower() for s in answers.spread_to)
        parts.append(i18n._("spread to: {sites}").format(sites=sites))
    if treatments:
        parts.append(", ".join(label(v.TREATMENTS_SHORT, t) for t in treatments))
    if answers.stage_of_care:
        parts.append(label(v.STAGES_OF_CARE_SHORT, answers.stage_of_care))
    if answers.already_have:
        have = ", ".join(label(v.ALREADY_HAVE, c).lower() for c in answers.already_have)
        parts.append(i18n._("already has: {care}").format(care=have))
    return parts


def sign_treatments(answers: Answers, selection: Selection) -> tuple[str, ...]:
    """The treatments whose warning signs apply: those given, and those the
    medicines imply, but not "radiation" from a radioactive medicine alone
    (Pluvicto has no treated skin to blister)."""
    radioligand_only = {m.given for m in selection.medicines if "radioligand" in m.families}
    return tuple(
        dict.fromkeys(
            (
                *answers.treatments,
                *(
                    r.value
                    for r in implied_treatments(answers, selection.medicines)
                    if not (r.value == "radiation" and r.medicine in radioligand_only)
                ),
            )
        )
    )


@functools.cache
def _stylesheet() -> Markup:
    # The project's own file, trusted as it is; read once, not for every batch row.
    return Markup((TEMPLATES_DIR / "worksheet.css").read_text(encoding="utf-8"))


_FONT_URL = re.compile(r"url\((fonts/[A-Za-z0-9_.-]+\.ttf)\)")


def standalone_html(html: str) -> str:
    """The HTML with its fonts inside (data: URIs), for the `--format html` file.

    Opened anywhere (mailed, copied to a phone), it shows in the worksheet's
    own font, and refers to no other file. The PDF does not need this: its
    renderer reads the project's own font files, and only those.
    """

    def inline(found: re.Match[str]) -> str:
        path = (TEMPLATES_DIR / found.group(1)).resolve()
        if not path.is_relative_to(TEMPLATES_DIR.resolve()):
            return found.group(0)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:font/ttf;base64,{data})"

    return _FONT_URL.sub(inline, html)


def render_html(template: str, context: dict[str, Any]) -> str:
    return environment().get_template(template).render(stylesheet=_stylesheet(), **context)


def selection_json(bank: Bank, selection: Selection) -> str:
    """The selected questions in printed order, with the answers that chose each."""

    def item(chosen: Chosen, leading: bool) -> dict[str, Any]:
        q = chosen.question
        return {
            "id": q.id,
            "section": q.section,
            "section_title": bank.section(q.section).title,
            "text": q.text,
            "why": q.why,
            "leading": leading,
            "lead": chosen.lead if leading else None,
            "core": q.core,
            "reasons": [_reason(r) for r in chosen.reasons],
        }

    led = {c.question.id for c in selection.leading}
    document = {
        "bank_version": bank.version,
        "language": i18n.current_language(),
        "own_questions": list(selection.own_questions),
        "medicines": [m.to_json() for m in selection.medicines],
        "questions": [item(c, c.question.id in led) for c in selection.all()],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _reason(reason: Any) -> dict[str, Any]:
    item = {"answer": reason.answer, "value": reason.value}
    if reason.medicine is not None:
        item["medicine"] = reason.medicine  # "targeted", because of "Ibrance"
    return item


def blank_json(bank: Bank, *, all_questions: bool = False) -> str:
    """The blank worksheet's questions, for tools."""
    return selection_json(bank, blank_selection(bank, all_questions=all_questions))


# --- PDF -------------------------------------------------------------------------


@functools.cache
def font_configuration() -> FontConfiguration:
    # Building the font configuration is slow; one per process serves every PDF.
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _pdf_options(fillable: bool) -> dict[str, Any]:
    import weasyprint

    options = dict(weasyprint.DEFAULT_OPTIONS)
    options.update(
        pdf_variant="pdf/ua-1",
        pdf_forms=fillable,
        # No author, subject or keywords: health details never go in metadata.
        uncompressed_pdf=False,
    )
    return options


def lay_out(html: str, *, fillable: bool = False) -> Any:
    """The worksheet laid out in pages (a WeasyPrint document), to measure or write."""
    import weasyprint

    return weasyprint.HTML(
        string=html,
        base_url=TEMPLATES_DIR.as_uri() + "/",
        url_fetcher=_template_fetcher(),
    ).render(font_config=font_configuration(), **_pdf_options(fillable))


def document_to_pdf(document: Any, *, fillable: bool = False) -> bytes:
    pdf = document.write_pdf(**_pdf_options(fillable))
    assert pdf is not None
    return bytes(pdf)


def html_to_pdf(html: str, *, fillable: bool = False) -> bytes:
    """A tagged PDF (PDF/UA-1) of the worksheet HTML; with `fillable`, its
    tick boxes and answer spaces are form fields."""
    return document_to_pdf(lay_out(html, fillable=fillable), fillable=fillable)


@functools.cache
def _template_fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    root = TEMPLATES_DIR.resolve()

    class TemplateOnlyFetcher(URLFetcher):  # type: ignore[misc]
        """Serves files under templates/ and refuses every other URL."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            from urllib.parse import urlsplit
            from urllib.request import url2pathname

            parts = urlsplit(url)
            if parts.scheme == "file" and parts.netloc in ("", "localhost"):
                # url2pathname, not the bare path: file:///C:/... on Windows.
                path = Path(url2pathname(parts.path)).resolve()
                if path.is_relative_to(root) and path.is_file():
                    return super().fetch(path.as_uri(), headers)
            raise ValueError("worksheets loads only its own template files")

    return TemplateOnlyFetcher(allowed_protocols=["file"])
