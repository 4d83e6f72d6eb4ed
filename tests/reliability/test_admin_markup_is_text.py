"""Markup typed in the admin is text: saved as typed, and shown escaped on every public page
that shows it, in each language."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import conditional_escape

from organisations.models import Organisation
from partners.models import ConsultativeStatus, Partnership
from stats.models import KeyFigure
from tests.admin.forms import FIGURE_VALUES, ORGANISATION_VALUES, PARTNERSHIP_VALUES
from tests.reliability.admin_errors import LANGUAGES, submit_in
from tests.webforms import add_inline_row, fill, main_form

pytestmark = pytest.mark.django_db


def marked(tag):
    return f'<b>{tag}</b><script>alert("{tag}")</script>'


def in_each_language(*fields):
    return {f"{f}_{lang}": marked(f"{f}-{lang}") for f in fields for lang in LANGUAGES}


def tags(*fields):
    return [f"{f}-{{language}}" for f in fields]


ORGANISATION_TEXT = ("name", "summary", "description", "headquarters_city", "members_note")
PARTNERSHIP_TEXT = ("role", "description", "benefits")
FIGURE_TEXT = ("label", "scope", "note", "source_title")
# Each public page, and the texts of the fields it shows, as "field-language".
SHOWN_ON = {
    "organisations:detail": [
        *tags(*ORGANISATION_TEXT, *(f"p-{f}" for f in PARTNERSHIP_TEXT), "privileges"),
        *tags(*FIGURE_TEXT),
    ],
    "partners:list": tags("name", *(f"p-{f}" for f in PARTNERSHIP_TEXT), "privileges"),
    "statistics:list": tags(*FIGURE_TEXT),
    "search:results": tags("name", "label"),
}


def add_form(app, model):
    """The main form of the add page of `model`, opened in the django-webtest `app`."""
    opts = model._meta
    return main_form(app.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")))


def saved(form):
    """Submit `form` as staff reading French; the admin accepts it."""
    assert submit_in(form, "fr").status_code == 302


@pytest.fixture
def content_with_markup(editor_browser):
    """An organisation, its partnership and status, and a figure, saved through the admin with
    markup in every text field, in each language."""
    organisation = {
        **ORGANISATION_VALUES,
        **in_each_language(*ORGANISATION_TEXT),
        **{f"acronym_{lang}": f"<b>{lang}</b>" for lang in LANGUAGES},
        "slug_es": "oit-es",
    }
    # Searched for below; markup around a word must not stop it being found.
    organisation.update(
        {f"name_{lang}": "Zorglub " + organisation[f"name_{lang}"] for lang in LANGUAGES}
    )
    saved(fill(add_form(editor_browser, Organisation), organisation))
    body = Organisation.objects.get()

    texts = {f"{f}_{lang}": marked(f"p-{f}-{lang}") for f in PARTNERSHIP_TEXT for lang in LANGUAGES}
    form = fill(
        add_form(editor_browser, Partnership),
        {"organisation": str(body.pk), **PARTNERSHIP_VALUES, **texts},
    )
    row = add_inline_row(form, "consultative_status")
    privileges = in_each_language("privileges")
    saved(fill(form, {f"consultative_status-{row}-{k}": v for k, v in privileges.items()}))

    figure = {
        **FIGURE_VALUES,
        **in_each_language(*FIGURE_TEXT),
        "about_organisation": str(body.pk),
        "source_url": "https://www.ilo.org/",
    }
    figure.update({f"label_{lang}": "Zorglub " + figure[f"label_{lang}"] for lang in LANGUAGES})
    saved(fill(add_form(editor_browser, KeyFigure), figure))
    assert ConsultativeStatus.objects.filter(privileges_es=marked("privileges-es")).exists()
    assert KeyFigure.objects.filter(label_en="Zorglub " + marked("label-en")).exists()
    return body


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", list(SHOWN_ON))
def test_markup_saved_in_the_admin_is_shown_as_text_on_the_public_pages(
    content_with_markup, page, language
):
    with translation.override(language):
        if page == "organisations:detail":
            url = content_with_markup.get_absolute_url()
        else:
            url = reverse(page)
    response = Client().get(url, {"q": "Zorglub"} if page == "search:results" else {})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<b>" not in html
    assert "<script>alert(" not in html
    for tag in SHOWN_ON[page]:
        # Jinja2 (the public pages) escapes quotes as &#34; and &#39;; Django as &quot; and &#x27;.
        django_escapes = html.replace("&#34;", "&quot;").replace("&#39;", "&#x27;")
        assert conditional_escape(marked(tag.format(language=language))) in django_escapes, tag
    if page == "organisations:detail":
        # The "also available in" notice names the two other languages, and nothing else.
        notice = html[html.index('class="also-available"') :]
        notice = notice[: notice.index("</aside>")]
        others = [lang for lang in LANGUAGES if lang != language]
        assert re.findall(r'hreflang="(\w+)"', notice) == others
        assert "&lt;" not in notice
