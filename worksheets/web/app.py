"""The Flask application: the interview's screens, the worksheet, the answers file.

Routes:
- `GET /`: the first screen (`?helper=1` words it for someone helping);
- `POST /step`: the next (or previous) screen, the answers so far carried along;
- `POST /worksheet`: the whole set of answers at once; the PDF, or the form
  with its messages;
- `POST /answers`: the answers file (the same YAML as `--save-answers`);
- `POST /answers/load`: start from a saved answers file;
- `GET /static/...`: the page's own style sheet and fonts.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from flask import Flask, Response, abort, g, redirect, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from .. import i18n
from .. import vocabulary as v
from ..answers import answers_from_document
from ..documents import DocumentOptions
from ..errors import InputProblems
from ..i18n import _
from ..output import answers_yaml, default_name
from ..paths import TEMPLATES_DIR
from ..yamlsource import decode_text, parse_yaml
from . import guard
from .form import (
    FINISH,
    ORDER,
    PAPER_SIZES,
    SCORE_RANGE,
    START,
    FormQuestion,
    Screen,
    form_questions,
    screens,
)
from .rendering import RenderPool, RenderProblem
from .state import (
    ANSWER_COLUMNS,
    MAX_OWN_PRIORITIES,
    FormState,
    answers_of,
    moved,
    own_priority,
    state_from_answers,
    state_from_form,
)

WEB_TEMPLATES = TEMPLATES_DIR / "web"
FONTS = TEMPLATES_DIR / "fonts"
_STATIC = {
    "web.css": (WEB_TEMPLATES / "web.css", "text/css; charset=utf-8"),
    "AtkinsonHyperlegible-Regular.ttf": (FONTS / "AtkinsonHyperlegible-Regular.ttf", "font/ttf"),
    "AtkinsonHyperlegible-Bold.ttf": (FONTS / "AtkinsonHyperlegible-Bold.ttf", "font/ttf"),
}
SAVED_ANSWERS_NAME = "care-answers.yaml"
UPLOAD_FIELD = "answers_file"


@functools.cache
def _environment() -> jinja2.Environment:
    from ..render import make_environment

    return make_environment(WEB_TEMPLATES)


def create_app(
    access: guard.Access, pool: RenderPool, document: DocumentOptions | None = None
) -> Flask:
    """The page for one server run: its keys, its worker pool, the bank and clinic."""
    app = Flask("worksheets.web", static_folder=None)
    app.request_class = guard.MemoryOnlyRequest
    app.config.update(MAX_CONTENT_LENGTH=guard.MAX_REQUEST_BYTES, PROPAGATE_EXCEPTIONS=False)
    base_options = document or DocumentOptions()
    # Worker threads start in a fresh context: the server's language is passed on.
    default_language = base_options.language or i18n.current_language()

    @app.before_request
    def choose_language() -> None:
        """The page speaks the language chosen on the first screen (carried in
        every form as `language`), else the server's."""
        try:
            asked = request.values.get("language", "")
        except RequestEntityTooLarge:
            # Too large to read: the upload's address still says the language.
            asked = request.args.get("language", "")
        try:
            code = i18n.check_language(asked) if asked else default_language
        except i18n.UnknownLanguage:
            code = default_language
        g.language = i18n.use_language(code)
        g.language.__enter__()

    @app.teardown_request
    def forget_language(_error: BaseException | None) -> None:
        speaking = g.pop("language", None)
        if speaking is not None:
            speaking.__exit__(None, None, None)

    @app.before_request
    def check_access() -> Any:
        if not access.host_allowed(request.headers.get("Host")):
            return _refusal(_("This page answers only at the address worksheets web printed."), 403)
        given = request.args.get(guard.TOKEN_PARAMETER)
        if request.method == "GET" and access.token_matches(given):
            # The key goes into a cookie and out of the address bar and history; the
            # first screen is the one page there is to open.
            kept = {
                name: request.args[name]
                for name in ("helper", "large_print", "language")
                if request.args.get(name, "").isalnum()
            }
            response = redirect("/?" + urlencode(kept) if kept else "/", code=303)
            response.set_cookie(
                access.cookie_name, access.token, httponly=True, samesite="Strict", path="/"
            )
            return response
        if not access.token_matches(request.cookies.get(access.cookie_name)):
            return _refusal(
                _(
                    "This page needs its key. Open the whole address that worksheets web "
                    "printed, the part after the question mark included."
                ),
                403,
            )
        if request.method == "POST":
            fetch_site = request.headers.get("Sec-Fetch-Site")
            if not access.origin_allowed(request.headers.get("Origin")) or fetch_site not in (
                None,
                "same-origin",
                "none",
            ):
                return _refusal(_("This page takes answers only from itself."), 403)
            if not access.csrf_matches(request.form.get("csrf_token")):
                return _refusal(
                    _("This form has expired. Go back to the first page and start again."), 403
                )
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        guard.add_headers(response.headers)
        return response

    def page(state: FormState, screen_id: str, status: int = 200) -> Response:
        return _page(state, screen_id, access.csrf_token, status)

    @app.get("/")
    def start() -> Response:
        state = FormState(
            helper=request.args.get("helper") == "1",
            large_print=request.args.get("large_print") == "1",
        )
        state.values["language"] = [i18n.current_language()]
        return page(state, START)

    @app.post("/step")
    def step() -> Response:
        state = state_from_form(request.form.to_dict(flat=False))
        answers_of(state)
        order = _screen_order(state)
        current = request.form.get("screen", START)
        if current not in order:
            current = START
        go = request.form.get("go", "next")
        if go.startswith(("up:", "down:")):
            where, _sep, item = go.partition(":")
            state.values["priorities"] = moved(
                state.items("priorities"), item, -1 if where == "up" else 1
            )
            return page(state, ORDER if ORDER in order else current)
        if go.startswith("to:") and go[3:] in order:
            return page(state, go[3:])
        index = order.index(current)
        if go == "back":
            return page(state, order[max(index - 1, 0)])
        if _screen_problems(state, current):
            return page(state, current, 422)
        return page(state, order[min(index + 1, len(order) - 1)])

    @app.post("/worksheet")
    def worksheet() -> Response:
        state = state_from_form(request.form.to_dict(flat=False))
        answers = answers_of(state)
        if answers is None or state.problems:
            return page(state, _first_problem_screen(state), 422)
        options = DocumentOptions(
            language=i18n.current_language(),
            format="pdf",
            paper=state.paper,
            large_print=state.large_print,
            all_questions=state.all_questions,
            bank=base_options.bank,
            clinic=base_options.clinic,
        )
        try:
            made = pool.render(answers, options)
        except RenderProblem as problem:
            state.problem("", str(problem))
            return page(state, FINISH, 503)
        disposition = "attachment" if request.form.get("deliver") == "download" else "inline"
        name = default_name(answers.appointment, "pdf")
        return Response(
            made.data,
            mimetype="application/pdf",
            headers={"Content-Disposition": f'{disposition}; filename="{name}"'},
        )

    @app.post("/answers")
    def save_answers() -> Response:
        state = state_from_form(request.form.to_dict(flat=False))
        answers = answers_of(state)
        if answers is None or state.problems:
            return page(state, _first_problem_screen(state), 422)
        return Response(
            answers_yaml(answers).encode("utf-8"),
            mimetype="application/yaml",
            headers={"Content-Disposition": f'attachment; filename="{SAVED_ANSWERS_NAME}"'},
        )

    @app.post("/answers/load")
    def load_answers() -> Response:
        helper = request.form.get("wording") == "helper"
        large = request.form.get("large_print") in ("1", "on")
        upload = request.files.get(UPLOAD_FIELD)
        problem_state = FormState(helper=helper, large_print=large)
        problem_state.values["language"] = [i18n.current_language()]
        if upload is None or not upload.filename:
            problem_state.problem(UPLOAD_FIELD, _("Choose your saved answers file first."))
            return page(problem_state, START, 422)
        name = Path(upload.filename.replace("\\", "/")).name or SAVED_ANSWERS_NAME
        try:
            document = parse_yaml(decode_text(upload.read(), name), name)
            answers = answers_from_document(document)
        except InputProblems as error:
            for message in error.problems:
                problem_state.problem(UPLOAD_FIELD, message)
            return page(problem_state, START, 422)
        state = state_from_answers(answers, helper=helper)
        state.large_print = large
        # The file's own language, else the one this page speaks now.
        state.values.setdefault("language", [i18n.current_language()])
        return page(state, FINISH)

    @app.get("/static/<name>")
    def static_file(name: str) -> Response:
        if name not in _STATIC:
            abort(404)
        path, mimetype = _STATIC[name]
        return Response(path.read_bytes(), mimetype=mimetype)

    @app.get("/favicon.ico")
    def favicon() -> Response:
        return Response(status=204)

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(_error: Exception) -> Response:
        state = FormState()
        state.values["language"] = [i18n.current_language()]
        state.problem(
            "",
            _(
                "That was more than this page takes at once (1 MB). A saved answers file "
                "is much smaller: check that you chose the right file."
            ),
        )
        return page(state, START, 413)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        if error.code == 400:
            state = FormState()
            state.problem("", _("The page could not read what was sent. Please try again."))
            return page(state, START, 400)
        return _refusal(_("There is nothing at this address."), error.code or 404)

    @app.errorhandler(Exception)
    def bug(error: Exception) -> Response:
        _report_bug(error)
        return _refusal(_("Something went wrong. Please go back and try again."), 500)

    return app


# --- Screens -------------------------------------------------------------------------


def _screen_order(state: FormState) -> list[str]:
    """The screens this person goes through: ordering only with two priorities or more."""
    all_screens = screens(form_questions(helper=state.helper))
    return [s.id for s in all_screens if s.id != ORDER or len(state.items("priorities")) > 1]


def _columns_of(screen: Screen, questions: dict[str, FormQuestion]) -> tuple[str, ...]:
    columns: list[str] = []
    for field in screen.fields:
        columns.extend(questions[field].columns)
    if screen.id == FINISH:
        columns.extend(("", "paper", "large_print", "all_questions"))
    if screen.id == START:
        columns.append(UPLOAD_FIELD)
    return tuple(columns)


def _screen_problems(state: FormState, screen_id: str) -> bool:
    questions = {q.field: q for q in form_questions(helper=state.helper)}
    screen = _screen(state, screen_id)
    return any(state.problems.get(c) for c in _columns_of(screen, questions))


def _screen(state: FormState, screen_id: str) -> Screen:
    for screen in screens(form_questions(helper=state.helper)):
        if screen.id == screen_id:
            return screen
    raise KeyError(screen_id)


def _first_problem_screen(state: FormState) -> str:
    if state.problems.get("language"):
        return START  # where the languages are offered
    questions = {q.field: q for q in form_questions(helper=state.helper)}
    for screen in screens(tuple(questions.values())):
        if screen.id in (START, FINISH):
            continue
        if any(state.problems.get(c) for c in _columns_of(screen, questions)):
            return screen.id
    return FINISH


def _page(state: FormState, screen_id: str, csrf_token: str, status: int) -> Response:
    questions = form_questions(helper=state.helper)
    by_field = {q.field: q for q in questions}
    all_screens = screens(questions)
    order = _screen_order(state)
    screen = _screen(state, screen_id)
    shown = set(_columns_of(screen, by_field))
    hidden = [
        (column, item)
        for column in ANSWER_COLUMNS
        if column not in shown
        # An unknown language is said at the top of this page, not carried on.
        and not (column == "language" and state.problems.get(column))
        for item in state.items(column)
    ]
    step_number = order.index(screen.id) + 1 if screen.id in order else 1
    problem_screens = {
        s.id: s.title
        for s in all_screens
        if s.id not in (START, FINISH)
        and any(state.problems.get(c) for c in _columns_of(s, by_field))
    }
    html = (
        _environment()
        .get_template("page.html.j2")
        .render(
            screen=screen,
            state=state,
            questions=[by_field[f] for f in screen.fields],
            review=_review(state, questions, all_screens),
            hidden=hidden,
            csrf_token=csrf_token,
            step_number=step_number,
            step_count=len(order),
            is_first=screen.id == START,
            is_last=screen.id == FINISH,
            problem_screens=problem_screens,
            score_range=SCORE_RANGE,
            paper_sizes=PAPER_SIZES,
            priority_labels=by_field["priorities"].options if "priorities" in by_field else {},
            own_priority=own_priority,
            max_own_priorities=MAX_OWN_PRIORITIES,
            font_advice=_font_advice(state) if screen.id == FINISH else None,
            upload_field=UPLOAD_FIELD,
            language=i18n.current_language(),
            languages=_language_links(state),
        )
    )
    return Response(html, status=status, mimetype="text/html")


def _review(
    state: FormState, questions: tuple[FormQuestion, ...], all_screens: tuple[Screen, ...]
) -> list[dict[str, Any]]:
    """Each answer as the interview's summary shows it, with the screen to change it."""
    screen_of = {field: s.id for s in all_screens for field in s.fields}
    rows = []
    for question in questions:
        if question.kind == "scores":
            # The item's short name ("Tiredness"), as the interview's summary shows it.
            parts = [
                f"{_(v.ESAS_R_WORDING[c][0]) if c in v.ESAS_R_WORDING else question.options[c]} "
                f"{state.value(c)}"
                for c in question.columns
                if state.items(c) and c in question.options
            ]
            shown = ", ".join(parts)
        elif question.options:
            items = state.items(question.field)
            shown = "; ".join(state.label(question.field, item, question.options) for item in items)
        elif question.kind == "date":
            shown = "; ".join(_long_date(item) for item in state.items(question.field))
        else:
            shown = "; ".join(state.items(question.field))
        rows.append(
            {
                "label": question.label,
                "shown": shown,
                "lines": state.items(question.field) if question.kind == "lines" else [],
                "screen": screen_of.get(question.field, FINISH),
            }
        )
    return rows


def _font_advice(state: FormState) -> str | None:
    """Said before the worksheet is made: typed letters no installed font can print.

    (The worksheet itself comes back as a PDF, where a warning cannot be shown.)
    """
    from ..glyphs import font_advice, missing_characters

    typed = [item for column in _TYPED for item in state.items(column)]
    missing = missing_characters(typed)
    return font_advice(missing) if missing else None


_TYPED = ("name", "care_team", "helper", "own_questions", "medicines")


def _long_date(text: str) -> str:
    """`Thursday, December 3, 2026` for a valid date; anything else as typed."""
    import datetime as dt

    from ..i18n import long_date

    try:
        return long_date(dt.date.fromisoformat(text))
    except ValueError:
        return text


def _language_links(state: FormState) -> list[dict[str, Any]]:
    """The first screen's choice of language: each in its own name, the
    person's other choices kept."""
    from urllib.parse import urlencode

    from .. import vocabulary as v

    links = []
    for code in i18n.available_languages():
        query = {"language": code}
        if state.helper:
            query["helper"] = "1"
        if state.large_print:
            query["large_print"] = "1"
        links.append(
            {
                "code": code,
                "name": v.LANGUAGES.get(code, code),
                "href": "/?" + urlencode(query),
                "current": code == i18n.current_language(),
            }
        )
    return links


def _refusal(message: str, status: int) -> Response:
    html = (
        _environment()
        .get_template("refused.html.j2")
        .render(message=message, language=i18n.current_language())
    )
    return Response(html, status=status, mimetype="text/html")


def _report_bug(error: Exception) -> None:
    """A bug's place for the server's output; its message might quote answers."""
    import sys
    import traceback

    frames = "".join(traceback.format_tb(error.__traceback__))
    print(
        f"worksheets web: {type(error).__name__} (message withheld)\n{frames}",
        file=sys.stderr,
        flush=True,
    )
