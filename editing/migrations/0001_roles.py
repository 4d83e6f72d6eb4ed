"""The Editors and Translators groups, with their permissions (see editing/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here: a migration must not change when roles.py does later.
ROLES = {
    "Editors": [
        f"{app}.{action}_{model}"
        for app, model, publishable in (
            ("organisations", "organisation", True),
            ("partners", "partnership", True),
            ("partners", "consultativestatus", False),
            ("statistics", "keyfigure", True),
        )
        for action in ("view", "add", "change", "delete", "edit_source")
        + (("publish",) if publishable else ())
    ],
    "Translators": [
        f"{app}.{action}_{model}"
        for app, model in (
            ("organisations", "organisation"),
            ("partners", "partnership"),
            ("partners", "consultativestatus"),
            ("statistics", "keyfigure"),
        )
        for action in ("view", "change")
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    grant_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def grant_roles(Group, Permission):
    """Create the groups with their permissions; tests call it again after emptying the database."""
    for name, labels in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        for label in labels:
            app_label, codename = label.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("organisations", "0002_editing_workflow"),
        ("partners", "0002_editing_workflow"),
        ("statistics", "0002_editing_workflow"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
