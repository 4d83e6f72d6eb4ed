"""Editors manage the redirects from old addresses (django.contrib.redirects), CSV import
included: staff add them without a developer (README, "Addresses that still work")."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here: a migration must not change when roles.py does later.
ROLES = {
    "Editors": [f"redirects.{action}_redirect" for action in ("view", "add", "change", "delete")],
}


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    grant_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def grant_roles(Group, Permission):
    """Add the permissions to the groups; tests call it again after emptying the database."""
    for name, labels in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        for label in labels:
            app_label, codename = label.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, labels in ROLES.items():
        for label in labels:
            app_label, codename = label.split(".")
            Group.objects.get(name=name).permissions.remove(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("editing", "0004_drafts_keep_live_rows_and_approver"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
