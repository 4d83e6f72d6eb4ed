"""Editors do everything; translators change English and Spanish text of existing content only.

Each boundary is checked through the admin screens and with hand-made requests that try to
cross it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from reversion.models import Version

from organisations.models import Organisation
from stats.models import KeyFigure, OpenDataSettings
from tests.admin.forms import organisation_form
from tests.conftest import make_figure, make_organisation
from tests.factories import restore_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def ilo():
    return make_organisation(
        name_fr="Organisation internationale du Travail",
        slug_fr="oit",
        summary_fr="L’agence de l’ONU pour le travail.",
        is_published=False,
    )


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def test_the_data_migration_made_both_groups():
    restore_roles()  # as the migrations left them, whatever an earlier browser test emptied
    editors = Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    translators = Group.objects.get(name="Translators").permissions.values_list(
        "codename", flat=True
    )
    assert {"add_organisation", "delete_keyfigure", "publish_partnership"} <= set(editors)
    assert {"edit_source_organisation", "edit_source_consultativestatus"} <= set(editors)
    assert set(translators) == {
        f"{action}_{model}"
        for action in ("view", "change")
        for model in (
            "organisation",
            "partnership",
            "consultativestatus",
            "keyfigure",
            "opendatasettings",
            "page",
        )
    } | {"view_navigationitem"}
    assert {"add_page", "publish_page", "publish_navigationitem"} <= set(editors)


def test_an_editor_creates_publishes_and_deletes(editor_of_the_team):
    response = editor_of_the_team.post(
        reverse("admin:organisations_organisation_add"), organisation_form()
    )
    assert response.status_code == 302
    ilo = Organisation.objects.get()
    assert ilo.is_published
    url = reverse("admin:organisations_organisation_delete", args=[ilo.pk])
    assert editor_of_the_team.post(url, {"post": "yes"}).status_code == 302
    assert not Organisation.objects.exists()


# The README says Editors choose the open-data licence (CC BY 4.0 until they do), and delete it
# to bring the default back (stats/migrations/0011_open_data_for_editors_and_approvers.py).
LICENCE = {
    "licence_name_fr": "CC BY-SA 4.0",
    "licence_url": "https://creativecommons.org/licenses/by-sa/4.0/",
}


def test_an_editor_chooses_the_open_data_licence_while_none_is_saved(editor_of_the_team):
    response = editor_of_the_team.post(reverse("admin:statistics_opendatasettings_add"), LICENCE)
    assert response.status_code == 302
    assert OpenDataSettings.current().licence_name_fr == "CC BY-SA 4.0"


def test_an_editor_deletes_the_open_data_licence_to_bring_back_the_default(editor_of_the_team):
    saved = OpenDataSettings.objects.create(**LICENCE)
    url = reverse("admin:statistics_opendatasettings_delete", args=[saved.pk])
    assert editor_of_the_team.post(url, {"post": "yes"}).status_code == 302
    assert OpenDataSettings.current().licence_name_fr == OpenDataSettings.DEFAULT_LICENCE_NAME


def test_a_translator_sees_the_french_but_can_only_type_english_and_spanish(translator, ilo):
    response = translator.get(change_url(ilo))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert {"name_en", "name_es", "summary_en", "slug_en"} <= set(form.fields)
    assert not {"name_fr", "summary_fr", "is_published", "publish_at", "kind"} & set(form.fields)
    html = response.content.decode()
    assert "Organisation internationale du Travail" in html  # shown, read-only
    assert 'name="name_fr"' not in html
    assert 'name="is_published"' not in html


def test_a_translators_hand_made_post_cannot_change_french_or_publish(translator, ilo):
    data = organisation_form(
        name_fr="Nom piraté",
        slug_fr="pirate",
        name_en="International Labour Organization",
        slug_en="ilo",
        is_published="on",
        kind="ngo",
    )
    response = translator.post(change_url(ilo), data)
    assert response.status_code == 302
    ilo.refresh_from_db()
    assert ilo.name_en == "International Labour Organization"
    assert ilo.name_fr == "Organisation internationale du Travail"
    assert ilo.slug_fr == "oit"
    assert ilo.kind == Organisation.Kind.NGO  # the organisation_form default, unchanged
    assert not ilo.is_published


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:organisations_organisation_add",
        "admin:partners_partnership_add",
        "admin:statistics_keyfigure_add",
    ],
)
def test_a_translator_cannot_create_content(translator, url_name):
    assert translator.get(reverse(url_name)).status_code == 403
    assert translator.post(reverse(url_name), organisation_form()).status_code == 403
    assert not Organisation.objects.exists()


def test_a_translator_cannot_delete_content(translator, ilo):
    url = reverse("admin:organisations_organisation_delete", args=[ilo.pk])
    assert translator.get(url).status_code == 403
    assert translator.post(url, {"post": "yes"}).status_code == 403
    assert Organisation.objects.filter(pk=ilo.pk).exists()
    changelist = reverse("admin:organisations_organisation_changelist")
    action = {"action": "delete_selected", "_selected_action": [ilo.pk], "post": "yes"}
    translator.post(changelist, action)
    assert Organisation.objects.filter(pk=ilo.pk).exists()


def test_a_translator_cannot_reorder_the_key_figures(translator):
    first, second = make_figure(order=1), make_figure(order=2)
    url = reverse("admin:statistics_keyfigure_sortable_update")
    body = {"updatedItems": [[first.pk, 2], [second.pk, 1]]}
    response = translator.post(url, body, content_type="application/json")
    assert response.status_code == 403
    assert list(KeyFigure.objects.values_list("pk", flat=True)) == [first.pk, second.pk]


def test_a_translator_cannot_restore_an_old_version(translator, editor_of_the_team, ilo):
    editor_of_the_team.post(change_url(ilo), organisation_form(slug_fr="oit"))
    history = reverse("admin:organisations_organisation_history", args=[ilo.pk])
    assert translator.get(history).status_code == 200  # reading the history is allowed
    version = Version.objects.get_for_object(ilo).first()
    url = reverse("admin:organisations_organisation_revision", args=[ilo.pk, version.pk])
    assert translator.get(url).status_code == 403
    assert translator.post(url, {}).status_code == 403
    recover = reverse("admin:organisations_organisation_recoverlist")
    assert translator.get(recover).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, ilo):
    for url in (change_url(ilo), reverse("translations_to_do")):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    client.post(change_url(ilo), organisation_form(name_fr="Changé"))
    ilo.refresh_from_db()
    assert ilo.name_fr == "Organisation internationale du Travail"
