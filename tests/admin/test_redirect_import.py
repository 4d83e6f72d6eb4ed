"""Staff add redirects from the old site's addresses without a developer: one at a time in the
admin, or many at once from a CSV of old path → new page. Editors manage them (the data
migration editing/0005); Translators do not."""

import pytest
from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

IMPORT_URL = f"/{settings.ADMIN_URL}redirects/redirect/import/"


def upload(client, text):
    csv_file = SimpleUploadedFile("redirects.csv", text.encode("utf-8"), "text/csv")
    return client.post(IMPORT_URL, {"csv_file": csv_file})


def test_the_redirect_list_offers_the_csv_import(editor_client):
    html = editor_client.get(f"/{settings.ADMIN_URL}redirects/redirect/").content.decode()
    assert IMPORT_URL in html


def test_a_csv_of_old_paths_becomes_redirects_visitors_follow_in_their_language(
    editor_client, client
):
    text = "old path,new page\n/nos-partenaires.html,/fr/partenaires/\n/about-us,https://testserver/en/about/\n"
    text = text.replace("https://testserver", settings.SITE_URL)
    response = upload(editor_client, text)
    assert response.status_code == 302
    assert Redirect.objects.count() == 2
    editor_client.logout()
    answer = client.get("/nos-partenaires.html", HTTP_ACCEPT_LANGUAGE="es")
    assert (answer.status_code, answer["Location"]) == (302, "/es/socios/")
    answer = client.get("/about-us", HTTP_ACCEPT_LANGUAGE="fr")
    assert (answer.status_code, answer["Location"]) == (302, "/fr/a-propos/")


def test_a_row_naming_no_page_of_the_site_is_refused_and_nothing_is_saved(editor_client):
    response = upload(editor_client, "/old,/fr/partenaires/\n/older,/fr/nowhere/\n")
    assert response.status_code == 200
    # The admin speaks French by default: the error names the line.
    assert "Ligne 2 : « /fr/nowhere/ » n’est pas une page de ce site." in response.content.decode()
    assert not Redirect.objects.exists()


def test_importing_again_updates_the_page_of_an_old_path(editor_client):
    upload(editor_client, "/old,/fr/partenaires/\n")
    upload(editor_client, "/old,/fr/a-propos/\n")
    assert list(Redirect.objects.values_list("old_path", "new_path")) == [("/old", "/fr/a-propos/")]


def test_translators_may_not_import_redirects(translator_client):
    assert translator_client.get(f"/{settings.ADMIN_URL}redirects/redirect/").status_code == 403
    assert upload(translator_client, "old path,new page\n/x,/fr/\n").status_code == 403
    assert not Redirect.objects.exists()
