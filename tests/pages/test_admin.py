"""Pages in the admin: the rich-text editor under the CSP, the lists its reference buttons
choose from, the roles (translators write English and Spanish only), history, the header menu,
and a key figure's pages listed before it is renamed or unpublished."""

import json
import re

from django.contrib import admin
from django.urls import reverse

from editing import drafts
from pages.models import NavigationItem, Page
from stats.admin import KeyFigureAdmin
from stats.models import KeyFigure
from tests.conftest import make_figure, make_organisation
from tests.editing.review import workflow_url
from tests.pages.conftest import make_page
from tests.pages.test_sanitising import page_form


def test_the_editor_is_in_each_language_tab_and_its_import_map_carries_the_nonce(
    editor_of_the_team,
):
    response = editor_of_the_team.get(reverse("admin:pages_page_add"))
    html = response.content.decode()
    for lang in ("fr", "en", "es"):
        assert re.search(rf'<textarea[^>]*name="body_{lang}"[^>]*data-django-prose-editor', html)
    importmap = re.search(r'<script type="importmap"[^>]*nonce="([^"]+)"', html)
    assert importmap, "the import map is an inline script: without the nonce the CSP blocks it"
    assert f"'nonce-{importmap.group(1)}'" in response["Content-Security-Policy"]
    assert "pages/references.js" in html  # our reference buttons


def test_the_editor_allows_only_the_issues_structure(editor_of_the_team):
    html = editor_of_the_team.get(reverse("admin:pages_page_add")).content.decode()
    config = re.search(r'data-django-prose-editor-configurable="([^"]+)"', html).group(1)
    for wanted in (
        "Heading",
        "Bold",
        "Italic",
        "BulletList",
        "OrderedList",
        "Blockquote",
        "Link",
        "ContentLink",
        "KeyFigure",
    ):
        assert wanted in config
    for refused in ("Image", "Color", "TextStyle", "Table", "Highlight"):
        assert f"&quot;{refused}&quot;" not in config


def test_the_reference_lists_offer_pages_organisations_and_figures(editor_of_the_team):
    page = make_page(title_fr="Politique")
    body = make_organisation(name_fr="UNICEF")
    figure = make_figure(label_fr="sections nationales", key="dci-sections")
    data = editor_of_the_team.get(reverse("admin:pages_page_references")).json()
    assert [page.pk, "Politique"] in data["pages"]
    assert [body.pk, "UNICEF"] in data["organisations"]
    assert [figure.pk, "sections nationales (dci-sections)"] in data["figures"]


def test_visitors_cannot_read_the_reference_lists(client, db):
    response = client.get(reverse("admin:pages_page_references"))
    assert response.status_code == 302


def test_a_translator_writes_english_and_spanish_but_not_the_french(translator, editor_of_the_team):
    page = make_page(title_fr="Titre", slug_fr="titre", body_fr="<p>Français</p>")
    url = reverse("admin:pages_page_change", args=[page.pk])
    form = translator.get(url)
    assert form.status_code == 200
    data = {
        "title_en": "Title",
        "slug_en": "title",
        "summary_en": "Summary.",
        "body_en": "<p>English</p>",
        "title_es": "Título",
        "slug_es": "titulo",
        "summary_es": "Resumen.",
        "body_es": "<p>Español</p>",
        # A hand-made POST that tries to change the French and the publication.
        "title_fr": "Piraté",
        "body_fr": "<p>Piraté</p>",
        "is_published": "",
        "opened_at": form.context["adminform"].form.initial["opened_at"],
        "_submit": "1",
        "workflow_message": "English and Spanish translations.",
    }
    response = translator.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    # The page is live: the translations wait in a draft, submitted for review, without the
    # French and the publication the POST tried to change.
    page.refresh_from_db()
    assert (page.body_en, page.body_es) == (None, None)
    draft = drafts.draft_of(page)
    fields = json.loads(draft.payload)[0]["fields"]
    assert (fields["title_fr"], fields["body_fr"], fields["is_published"]) == (
        "Titre",
        "<p>Français</p>",
        True,
    )
    assert (fields["body_en"], fields["body_es"]) == ("<p>English</p>", "<p>Español</p>")
    # An Editor approves them: now they are live, the French as it was.
    assert editor_of_the_team.post(workflow_url(page), {"action": "approve"}).status_code == 302
    page.refresh_from_db()
    assert (page.title_fr, page.body_fr, page.is_published) == ("Titre", "<p>Français</p>", True)
    assert (page.body_en, page.body_es) == ("<p>English</p>", "<p>Español</p>")
    assert drafts.draft_of(page) is None


def test_an_editor_creates_and_publishes_a_page_with_history(editor_of_the_team):
    response = editor_of_the_team.post(reverse("admin:pages_page_add"), page_form())
    assert response.status_code == 302
    page = Page.objects.get(slug_fr="nouvelle-page")
    assert page.is_published
    history = editor_of_the_team.get(reverse("admin:pages_page_history", args=[page.pk]))
    assert history.status_code == 200


def test_a_translator_cannot_reorder_the_menu(translator, editor_of_the_team):
    page = make_page()
    item = NavigationItem.objects.create(page=page)
    assert translator.get(reverse("admin:pages_navigationitem_changelist")).status_code == 200
    response = translator.get(reverse("admin:pages_navigationitem_change", args=[item.pk]))
    assert b'name="page"' not in response.content
    assert (
        editor_of_the_team.get(
            reverse("admin:pages_navigationitem_change", args=[item.pk])
        ).status_code
        == 200
    )


def figure_in_a_page():
    figure = make_figure(key="dci-sections", label_fr="sections nationales")
    make_page(title_fr="À propos", body_fr=f'<p><span data-figure="{figure.pk}">x</span></p>')
    return figure


def figure_form(figure, **fields):
    data = {
        "label_fr": figure.label_fr,
        "key": figure.key,
        "kind": figure.kind,
        "qualifier": figure.qualifier,
        "value": str(figure.value),
        "order": str(figure.order),
        "is_published": "on",
    }
    data.update(fields)
    return data


def test_unpublishing_a_figure_lists_the_pages_that_show_it_first(admin_client, db):
    figure = figure_in_a_page()
    url = reverse("admin:statistics_keyfigure_change", args=[figure.pk])
    # "Save and publish": unpublishing the live figure at once, not in a draft.
    response = admin_client.post(url, figure_form(figure, is_published="", _publish="1"))
    assert response.status_code == 200
    assert "« À propos »" in response.content.decode() or "“À propos”" in response.content.decode()
    figure.refresh_from_db()
    assert figure.is_published
    response = admin_client.post(
        url, figure_form(figure, is_published="", confirm_pages="on", _publish="1")
    )
    assert response.status_code == 302
    figure.refresh_from_db()
    assert not figure.is_published


def test_renaming_a_figure_lists_the_pages_that_show_it_first(admin_client, db):
    figure = figure_in_a_page()
    url = reverse("admin:statistics_keyfigure_change", args=[figure.pk])
    response = admin_client.post(url, figure_form(figure, key="dci-national-sections"))
    assert response.status_code == 200
    assert "À propos" in response.content.decode()
    figure.refresh_from_db()
    assert figure.key == "dci-sections"


def test_giving_a_figure_an_expiry_date_lists_the_pages_that_show_it_first(admin_client, db):
    figure = figure_in_a_page()
    url = reverse("admin:statistics_keyfigure_change", args=[figure.pk])
    expiry = {"expire_at_0": "31/12/2030", "expire_at_1": "00:00:00", "_publish": "1"}
    response = admin_client.post(url, figure_form(figure, **expiry))
    assert response.status_code == 200
    # In the admin's language (French here), naming the page.
    assert (
        "La page “À propos” affiche ce chiffre : une fois expiré, il disparaît de son texte."
        in response.content.decode()
    )
    figure.refresh_from_db()
    assert figure.expire_at is None
    response = admin_client.post(url, figure_form(figure, confirm_pages="on", **expiry))
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.expire_at is not None


def test_the_pages_that_show_a_figure_are_named_in_the_admins_language(admin_client, db):
    figure = figure_in_a_page()
    url = reverse("admin:statistics_keyfigure_change", args=[figure.pk])
    response = admin_client.post(url, figure_form(figure, key="dci-national-sections"))
    assert (
        "La page “À propos” affiche ce chiffre ; elle continue de l’afficher sous son nouvel "
        "identifiant." in response.content.decode()
    )
    response = admin_client.post(
        url,
        figure_form(figure, is_published="", _publish="1"),
        headers={"accept-language": "es"},
    )
    assert "La página “À propos” muestra esta cifra: si se despublica" in response.content.decode()


def test_moving_a_live_figures_go_live_into_the_future_lists_the_pages_first(admin_client, db):
    figure = figure_in_a_page()
    url = reverse("admin:statistics_keyfigure_change", args=[figure.pk])
    later = {"publish_at_0": "31/12/2030", "publish_at_1": "00:00:00", "_publish": "1"}
    response = admin_client.post(url, figure_form(figure, **later))
    assert response.status_code == 200
    assert (
        "La page “À propos” affiche ce chiffre : jusqu’à sa nouvelle date de mise en ligne, "
        "il disparaît de son texte." in response.content.decode()
    )
    figure.refresh_from_db()
    assert figure.publish_at is None
    response = admin_client.post(url, figure_form(figure, confirm_pages="on", **later))
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.publish_at is not None


def test_the_figures_admin_is_registered_once_with_the_pages_check_added(admin_client, db):
    # stats/ registers its admin and pages/ adds its check to it: nothing is registered again.
    assert type(admin.site._registry[KeyFigure]) is KeyFigureAdmin
    figure = figure_in_a_page()
    change = admin_client.get(reverse("admin:statistics_keyfigure_change", args=[figure.pk]))
    assert 'name="confirm_pages"' in change.content.decode()
    add = admin_client.get(reverse("admin:statistics_keyfigure_add"))
    assert 'name="confirm_pages"' not in add.content.decode()
