"""The editorial contract's guard: a new content type needs nothing but its own app.

tests/contentapp holds a model subclassing editing.models.PublishableContent, its
translation.py and its admin, as docs/architecture.md says to write one, and nothing else
names it. Installed for these tests only, it must be invalidated, searched, exported,
tracked, listed in "Translations to do" and get its roles' permissions like the real ones.
"""

import json
from importlib import import_module, reload
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import post_migrate
from django.test import Client, override_settings
from django.urls import clear_url_caches, reverse
from django.utils import translation

from editing.roles import APPROVERS, CONTRIBUTORS, EDITORS, TRANSLATORS
from organisations.models import Organisation
from tests.conftest import make_organisation, make_partnership
from tests.factories import role_group

# Schema changes inside a test's transaction are refused by SQLite: these tests commit.
pytestmark = pytest.mark.django_db(transaction=True)

CONTENT_APP = "tests.contentapp"


def rebuild_urls():
    """The admin's URLs are listed when the URLconf is imported: again, for a changed admin."""
    clear_url_caches()
    reload(import_module(settings.ROOT_URLCONF))


def after_migrate(app_label):
    """What `migrate` does once the tables are made: its signal, on which Django creates each
    model's permissions and editing/roles.py gives them to the roles."""
    config = apps.get_app_config(app_label)
    post_migrate.send(
        sender=config,
        app_config=config,
        verbosity=0,
        interactive=False,
        using=connection.alias,
        apps=apps,
        plan=[],
    )


@pytest.fixture
def notice_model():
    """The test-only content type, installed and with its table, as after `migrate`."""
    # The role groups, as their migrations made them (these tests empty the database), before
    # the new type exists: what it gets comes from `migrate` alone.
    role_group(EDITORS)
    with override_settings(INSTALLED_APPS=[*settings.INSTALLED_APPS, CONTENT_APP]):
        model = apps.get_model("contentapp", "Notice")
        if model not in admin.site._registry:
            # Installing the app ran the admin's autodiscovery, which imports a module once
            # per process: a second test registers it again itself.
            reload(import_module(f"{CONTENT_APP}.admin"))
        rebuild_urls()
        with connection.schema_editor() as editor:
            editor.create_model(model)
        with translation.override(None):
            after_migrate("contentapp")
        try:
            yield model
        finally:
            with connection.schema_editor() as editor:
                editor.delete_model(model)
            admin.site.unregister(model)
    rebuild_urls()


def role_permissions(role, app_label):
    """The codenames of `role`'s permissions on `app_label`'s models."""
    return set(
        Group.objects.get(name=role)
        .permissions.filter(content_type__app_label=app_label)
        .values_list("codename", flat=True)
    )


def test_a_new_content_type_gets_the_roles_permissions(notice_model):
    names = dict(Permission.objects.values_list("codename", "name"))
    assert names["publish_notice"] == "Can publish, schedule and order notices"
    # Granted by no migration and no hand: each role holds what it holds on the other types.
    assert role_permissions(EDITORS, "contentapp") == {
        "view_notice",
        "add_notice",
        "change_notice",
        "delete_notice",
        "edit_source_notice",
        "publish_notice",
    }
    assert role_permissions(TRANSLATORS, "contentapp") == {"view_notice", "change_notice"}
    assert role_permissions(CONTRIBUTORS, "contentapp") == {
        "view_notice",
        "add_notice",
        "change_notice",
        "edit_source_notice",
    }
    assert role_permissions(APPROVERS, "contentapp") == {"view_notice", "publish_notice"}


def test_migrating_again_keeps_what_staff_gave_the_roles(notice_model):
    editors = Group.objects.get(name=EDITORS)
    extra = Permission.objects.get(codename="view_user")
    editors.permissions.add(extra)
    before = set(editors.permissions.all())
    after_migrate("contentapp")
    assert set(editors.permissions.all()) == before


def test_saving_new_content_refreshes_visitors_cached_pages(client, notice_model):
    partner = make_organisation(name_fr="Réseau européen", name_en="European network")
    make_partnership(partner)
    client.get("/en/partners/")
    # Changed behind the cache's back (no signal): visitors still get the cached page.
    Organisation.objects.filter(pk=partner.pk).update(name_en="European children's network")
    assert "European children" not in client.get("/en/partners/").content.decode()

    notice_model.objects.create(title_fr="Fermé le 1er mai", is_published=True)

    assert "European children" in client.get("/en/partners/").content.decode()


def test_new_content_is_found_by_search(client, notice_model):
    notice_model.objects.create(title_fr="Fermé", title_en="Closed on 1 May", is_published=True)
    notice_model.objects.create(title_fr="Brouillon", title_en="Closed draft")
    html = client.get("/en/search/", {"q": "closed"}).content.decode()
    assert "Closed on 1 May" in html
    assert "Closed draft" not in html


def test_new_content_is_in_the_export(notice_model):
    notice_model.objects.create(title_fr="Fermé le 1er mai", title_en="Closed on 1 May")
    out = StringIO()
    call_command("export_content", "-", stdout=out, stderr=StringIO())
    assert "Closed on 1 May" in out.getvalue()
    rows = json.loads(out.getvalue())["objects"]
    assert "contentapp.notice" in {row["model"] for row in rows}


def test_new_content_keeps_the_dates_of_its_translations(notice_model):
    notice = notice_model.objects.create(title_fr="Fermé le 1er mai")
    assert notice.source_changed_at is not None
    assert notice.translated_at_en is None
    notice.title_en = "Closed on 1 May"
    notice.save()
    assert notice.translated_at_en > notice.source_changed_at


def test_new_content_is_listed_in_the_translations_to_do(notice_model, editor):
    notice = notice_model.objects.create(title_fr="Fermé le 1er mai", title_en="Closed")
    client = Client()
    client.force_login(editor)
    html = client.get(reverse("translations_to_do")).content.decode()
    english, spanish = html.split('id="todo-es"')
    link = reverse("admin:contentapp_notice_change", args=[notice.pk])
    assert f'href="{link}"' not in english
    assert f'href="{link}"' in spanish
    listing = client.get(
        reverse("admin:contentapp_notice_changelist"), {"translation": "es-missing"}
    )
    assert [str(obj) for obj in listing.context["cl"].result_list] == [str(notice)]
