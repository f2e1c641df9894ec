import pytest

from tests.conftest import pdf_pages, pdf_text
from worksheets.answers import Answers
from worksheets.bank import load_bank
from worksheets.render import css_string, environment, html_to_pdf, render_html, worksheet_context
from worksheets.selection import select


def html_for(answers: Answers, **options) -> str:
    bank = load_bank()
    return render_html(
        "personal.html.j2", worksheet_context(bank, answers, select(bank, answers), **options)
    )


def test_autoescape_is_on_for_every_template_name():
    env = environment()
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    assert env.autoescape is True


def test_a_missing_variable_fails_loudly():
    import jinja2

    with pytest.raises(jinja2.UndefinedError):
        environment().from_string("{{ nope }}").render()


def test_css_string_cannot_break_out():
    assert css_string('a"; } body { x: url(http://e/) } </style>') == (
        '"a\\22 \\3b  \\7d  body \\7b  x: url(http:\\2f \\2f e\\2f ) \\7d  \\3c \\2f style\\3e "'
    )


def test_personal_text_is_escaped_in_html():
    html = html_for(Answers(name='<img src="x">', own_questions=("{{ 7*7 }} <script>",)))
    assert '<img src="x">' not in html
    assert "&lt;img src=&#34;x&#34;&gt;" in html
    assert "{{ 7*7 }} &lt;script&gt;" in html


def test_html_has_language_title_and_no_personal_metadata():
    html = html_for(Answers(name="Maria Lopez"))
    assert '<html lang="en">' in html
    assert "<title>Questions for my care team</title>" in html
    assert 'name="author"' not in html


def test_pdf_is_tagged_titled_and_keeps_personal_data_out_of_metadata():
    import io

    import pypdf

    pdf = html_to_pdf(html_for(Answers(name="Maria Lopez", care_team="Dr. Okafor")))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    meta = reader.metadata
    assert meta.title == "Questions for my care team"
    assert "Maria" not in repr(dict(meta))
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert b"Maria" not in xmp.stream.get_data()
    assert b"Okafor" not in xmp.stream.get_data()
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert "/StructTreeRoot" in root
    assert "Maria Lopez" in pdf_text(pdf)


def test_large_print_and_a4():
    import io

    import pypdf

    pdf = html_to_pdf(html_for(Answers(), paper="a4", large_print=True))
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert pdf_pages(pdf) >= pdf_pages(html_to_pdf(html_for(Answers())))


def test_the_fetcher_serves_only_template_files():
    from worksheets.paths import TEMPLATES_DIR
    from worksheets.render import _template_fetcher

    fetcher = _template_fetcher()
    font = (TEMPLATES_DIR / "fonts" / "AtkinsonHyperlegible-Regular.ttf").as_uri()
    assert fetcher.fetch(font).read(4)
    for url in (
        "file:///etc/passwd",
        (TEMPLATES_DIR / ".." / "pyproject.toml").as_uri(),
        "http://127.0.0.1:9/x",
        "https://example.org/x.css",
        "data:text/plain,hello",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def _form_controls(html: str):
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__()
            self.controls, self.labels, self.tags = [], set(), []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            self.tags.append(tag)
            if tag in ("input", "textarea"):
                self.controls.append(attrs)
            if tag == "label" and "for" in attrs:
                self.labels.add(attrs["for"])

    parser = Collect()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("fillable", [False, True])
def test_html_is_accessible_landmarks_labels_and_real_checkboxes(fillable):
    from worksheets.documents import DocumentOptions, blank_document, personal_document

    for html in (
        personal_document(
            Answers(name="Ana", own_questions=("Mine?",), priorities=("work",)),
            DocumentOptions(format="html", fillable=fillable),
        ).decode(),
        blank_document(DocumentOptions(format="html", fillable=fillable)).decode(),
    ):
        parsed = _form_controls(html)
        assert "main" in parsed.tags and "header" in parsed.tags
        assert any(c.get("type") == "checkbox" for c in parsed.controls)
        ids = [c["id"] for c in parsed.controls]
        assert len(ids) == len(set(ids)), "field names are unique"
        for control in parsed.controls:
            assert control["id"] in parsed.labels or control.get("aria-label"), control


def test_css_string_takes_translated_markup_as_plain_text():
    from markupsafe import Markup

    assert css_string(Markup("St. Mary&#39;s &amp; Co")) == '"St. Mary\\27 s \\26  Co"'


def test_page_one_shows_own_words_in_the_persons_rank():
    from worksheets.schema import OwnPriority, with_priorities

    answers = with_priorities(
        Answers(name="Ana"),
        (
            OwnPriority("Gardening", "activities"),
            OwnPriority("Grandchildren", "family_time"),
            "avoid_hospital",
        ),
    )
    html = html_for(answers)
    ranked = html.split('class="priorities"', 1)[1].split("</ol>", 1)[0]
    assert (
        ranked.index("Gardening")
        < ranked.index("Grandchildren")
        < ranked.index("Staying out of the hospital")
    )
    assert "Doing the things I enjoy" not in ranked
