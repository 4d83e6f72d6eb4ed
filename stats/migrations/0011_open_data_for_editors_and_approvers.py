"""Editors choose the first open-data licence, publish its changes and may delete it (bringing back
CC BY 4.0); Approvers approve its changes, as for every other content (editing/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here: a migration must not change when roles.py does later.
ROLES = {
    "Editors": ["add", "delete", "publish"],
    "Approvers": ["view", "publish"],
}
MODEL = "opendatasettings"


def grant(apps, schema_editor):
    app_config = apps.get_app_config("statistics")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    grant_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def grant_roles(Group, Permission):
    """Give the groups these open-data permissions; tests call it again after emptying the
    database."""
    for name, actions in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        for action in actions:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label="statistics", codename=f"{action}_{MODEL}"
                )
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, actions in ROLES.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *group.permissions.filter(
                    content_type__app_label="statistics",
                    codename__in=[f"{action}_{MODEL}" for action in actions],
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("editing", "0003_contributors_and_approvers"),
        ("statistics", "0010_translations_published_per_language"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
