"""Editors keep the open-data licence; translators translate its name (see editing/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here, like editing/migrations/0001_roles.py: a migration must not change later.
ROLES = {
    "Editors": ["view", "change", "edit_source"],
    "Translators": ["view", "change"],
}
MODEL = "opendatasettings"


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("statistics")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    grant_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def grant_roles(Group, Permission):
    """Give the groups their open-data permissions; tests call it again after emptying the
    database, as they call editing/migrations/0001_roles.py's."""
    for name, actions in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        for action in actions:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label="statistics", codename=f"{action}_{MODEL}"
                )
            )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="statistics", codename__endswith=f"_{MODEL}"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("editing", "0001_roles"),
        ("statistics", "0006_open_data_licence_and_source_consulted"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
