"""Per-language publishing: an unpublished translation behaves as a missing one."""

import pytest

from organisations.models import Organisation
from tests.public.test_languages import (
    english_only,  # noqa: F401 (a fixture)
    hreflang_links,
    notice_languages,
    switcher_links,
)


@pytest.fixture
def english_waiting(english_only):  # noqa: F811
    Organisation.objects.filter(pk=english_only.pk).update(published_en=False)
    english_only.refresh_from_db()
    return english_only


def test_an_unpublished_translation_is_not_offered_anywhere(client, english_waiting):
    html = client.get("/fr/organisations/reseau-europeen/").content.decode()
    # The switcher still helps an English reader (issue 14), but to the closest page that exists
    # in English, never to this page's unpublished English.
    assert switcher_links(html).get("en") != "/en/organisations/european-network/"
    assert "en" not in hreflang_links(html)
    assert notice_languages(html) == []
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/organisations/european-network/" not in sitemap
    assert not english_waiting.readable_in("en")
    assert not Organisation.objects.readable_in("en").filter(pk=english_waiting.pk).exists()


def test_english_readers_get_the_french_text_until_it_is_published(client, english_waiting):
    html = client.get("/en/organisations/reseau-europeen/", follow=True).content.decode()
    assert "Un réseau." in html
    assert "A network." not in html

    Organisation.objects.filter(pk=english_waiting.pk).update(published_en=True)
    from sitecache.generation import bump_generation

    bump_generation()
    html = client.get("/en/organisations/european-network/").content.decode()
    assert "A network." in html


def test_staff_preview_the_unpublished_translation(editor_client, english_waiting):
    html = editor_client.get("/en/organisations/european-network/?preview=1").content.decode()
    assert "A network." in html


def test_editors_set_a_translations_publication_and_contributors_cannot(
    editor_client, django_user_model
):
    from django.urls import reverse

    from tests.admin.forms import PUBLISH, organisation_form
    from tests.editing.conftest import opened_at
    from tests.editing.review import CONTRIBUTORS, change_url, staff_member

    editor_client.post(reverse("admin:organisations_organisation_add"), organisation_form())
    ilo = Organisation.objects.get()
    form = editor_client.get(change_url(ilo)).content.decode()
    assert 'name="published_en"' in form and 'name="published_es"' in form

    _user, camille = staff_member(django_user_model, CONTRIBUTORS, "camille")
    assert 'name="published_en"' not in camille.get(change_url(ilo)).content.decode()

    data = organisation_form(opened_at=opened_at(editor_client, ilo))
    del data["published_en"]  # the English box unticked
    assert editor_client.post(change_url(ilo), {**data, **PUBLISH}).status_code == 302
    ilo.refresh_from_db()
    assert not ilo.published_en and ilo.published_es
