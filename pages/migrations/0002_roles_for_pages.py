"""Editors write, publish and order pages and the header menu; Translators translate pages."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here: a migration must not change when roles.py does later.
ROLES = {
    "Editors": [
        *[
            f"pages.{action}_page"
            for action in ("view", "add", "change", "delete", "edit_source", "publish")
        ],
        *[
            f"pages.{action}_navigationitem"
            for action in ("view", "add", "change", "delete", "publish")
        ],
    ],
    "Translators": ["pages.view_page", "pages.change_page", "pages.view_navigationitem"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("pages")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    grant_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def grant_roles(Group, Permission):
    """Give the groups their pages permissions; tests call it again after emptying the
    database."""
    for name, labels in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        for label in labels:
            app_label, codename = label.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="pages"))


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_pages_and_header_menu"), ("editing", "0001_roles")]

    operations = [migrations.RunPython(grant, revoke)]
