"""Only the editor's structure is kept, whichever way a page's text comes in: the admin's
form, import_content, a plain save in the shell, or a row written behind the model's back
(a data migration), which is sanitised again when shown."""

import io
import json

from django.core.management import call_command
from django.urls import reverse

from pages.models import Page
from tests.pages.conftest import make_page

HOSTILE = (
    '<h1>Big title</h1><p onclick="steal()" style="color:red" class="MsoNormal">Hello'
    '<script>alert(1)</script> <a href="javascript:alert(1)">click</a> '
    '<a href="https://www.ohchr.org/" target="_blank" onmouseover="x()">OHCHR</a> '
    '<a href="mailto:info@example.org">write</a>'
    '<o:p></o:p><span style="mso-bidi-font-weight:bold"><font face="Calibri">Word</font></span>'
    '<img src="x" onerror="alert(2)"><iframe src="https://evil.example"></iframe></p>'
    "<h2>Kept</h2><ul><li><strong>bold</strong> <em>italic</em></li></ul><blockquote>q</blockquote>"
)


def assert_clean(html):
    for forbidden in (
        "<script",
        "onclick",
        "onmouseover",
        "onerror",
        "style=",
        "class=",
        "javascript:",
        "<o:p",
        "<font",
        "<img",
        "<iframe",
        "<h1",
        "target=",
    ):
        assert forbidden not in html, forbidden
    for kept in (
        "<h2>Kept</h2>",
        "<strong>bold</strong>",
        "<em>italic</em>",
        "<ul><li>",
        "<blockquote>q</blockquote>",
        'href="https://www.ohchr.org/"',
        'href="mailto:info@example.org"',
        "Hello",
        "Word",
    ):
        assert kept in html, kept


def page_form(**fields):
    data = {
        "title_fr": "Nouvelle page",
        "slug_fr": "nouvelle-page",
        "summary_fr": "Un résumé.",
        "body_fr": "<p>Texte</p>",
        "placement": "",
        "is_published": "on",
        **{
            f"{name}_{lang}": ""
            for name in ("title", "slug", "summary", "body")
            for lang in ("en", "es")
        },
    }
    data.update(fields)
    return data


def test_the_admin_form_keeps_only_the_allowed_structure(editor_of_the_team):
    response = editor_of_the_team.post(
        reverse("admin:pages_page_add"), page_form(body_fr=HOSTILE, body_en=HOSTILE)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.get(slug_fr="nouvelle-page")
    assert_clean(page.body_fr)
    assert_clean(page.body_en)


def test_a_plain_save_in_the_shell_is_sanitised(db):
    page = make_page(body_fr=HOSTILE, body_es=HOSTILE)
    page.refresh_from_db()
    assert_clean(page.body_fr)
    assert_clean(page.body_es)


def test_a_row_written_behind_the_models_back_is_sanitised_when_shown(client, db):
    page = make_page(slug_fr="migree")
    # As a data migration or raw SQL would: no save(), no signal.
    Page.objects.filter(pk=page.pk).update(body_fr=HOSTILE)
    html = client.get("/fr/pages/migree/").content.decode()
    body = html[html.index('class="page-body">') + len('class="page-body">') :]
    body = body[: body.index("</div>")]
    assert_clean(body)


def test_import_content_sanitises_the_rows_it_loads(db, tmp_path):
    from tests.backups.conftest import empty_the_content

    make_page(slug_fr="importee")
    path = tmp_path / "content.json"
    call_command("export_content", str(path))
    document = json.loads(path.read_text(encoding="utf-8"))
    for row in document["objects"]:
        if row["model"] == "pages.page":
            row["fields"]["body_fr"] = HOSTILE
    path.write_text(json.dumps(document), encoding="utf-8")
    empty_the_content()
    call_command("import_content", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert_clean(Page.objects.get(slug_fr="importee").body_fr)
