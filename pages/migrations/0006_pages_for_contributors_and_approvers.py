"""Contributors write pages and submit them for review; Approvers approve them (editing/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here: a migration must not change when roles.py does later.
ROLES = {
    "Contributors": [f"pages.{action}_page" for action in ("view", "add", "change", "edit_source")],
    "Approvers": ["pages.view_page", "pages.publish_page"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("pages")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    grant_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def grant_roles(Group, Permission):
    """Give the two review roles their pages permissions; tests call it again after emptying
    the database."""
    for name, labels in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        for label in labels:
            app_label, codename = label.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, labels in ROLES.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *group.permissions.filter(
                    content_type__app_label="pages",
                    codename__in=[label.split(".")[1] for label in labels],
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("editing", "0003_contributors_and_approvers"),
        ("pages", "0005_translations_published_per_language"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
