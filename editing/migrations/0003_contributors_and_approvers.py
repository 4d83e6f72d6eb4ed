"""The Contributors and Approvers groups (see editing/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT = (
    ("organisations", "organisation", True),
    ("partners", "partnership", True),
    ("partners", "consultativestatus", False),
    ("statistics", "keyfigure", True),
)
# Frozen here: a migration must not change when roles.py does later.
ROLES = {
    # Write and submit, never publish.
    "Contributors": [
        f"{app}.{action}_{model}"
        for app, model, _publishable in CONTENT
        for action in ("view", "add", "change", "edit_source")
    ],
    # Approve (which publishes) without editing.
    "Approvers": [
        f"{app}.{action}_{model}"
        for app, model, _publishable in CONTENT
        for action in ("view", "publish")
    ]
    + ["editing.view_workflowsettings"],
    # Editors approve others' work, consultative statuses included (published with their page).
    "Editors": ["partners.publish_consultativestatus"],
}


def create_roles(apps, schema_editor):
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
    apps.get_model("auth", "Group").objects.filter(name__in=["Contributors", "Approvers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editing", "0002_review_workflow"),
        ("organisations", "0006_translations_published_per_language"),
        ("partners", "0006_translations_published_per_language"),
        ("statistics", "0010_translations_published_per_language"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
