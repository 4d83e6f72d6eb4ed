"""The roles of the NGO's staff (groups made by migration editing/0001_roles).

Editors create, edit, publish, schedule, order and delete. Translators edit the English and
Spanish text of existing content only. Superusers can do everything.

What each role may do on content is written once, in ROLE_ACTIONS: after every `migrate`,
`grant_content_roles` gives it on every content model of the registry, so a new content type
needs no data migration (docs/architecture.md, "Adding a content type").
"""

from django.db import DEFAULT_DB_ALIAS
from django.utils.translation import gettext_lazy as _

EDITORS = "Editors"
TRANSLATORS = "Translators"


def may(user, action, model):
    """True when `user` holds the permission `action` (edit_source, publish…) on `model`."""
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")


# The review workflow's roles (migration editing/0003_contributors_and_approvers): Contributors
# write and submit but never publish; Approvers (the director) approve without editing.
CONTRIBUTORS = "Contributors"
APPROVERS = "Approvers"

# The groups' names as the admin shows them, in the admin's language.
ROLE_NAMES = {
    EDITORS: _("Editors"),
    TRANSLATORS: _("Translators"),
    CONTRIBUTORS: _("Contributors"),
    APPROVERS: _("Approvers"),
}


def role_name(name):
    """A group's name in the admin's language (its own name for a group staff made)."""
    return str(ROLE_NAMES.get(name, name))


# What each role may do on every content type: the actions (Django's view, add, change, delete
# and the contract's edit_source and publish, editing/models.py) the role migrations granted on
# organisations, partnerships, consultative statuses, key figures and pages.
ROLE_ACTIONS = {
    EDITORS: ("view", "add", "change", "delete", "edit_source", "publish"),
    TRANSLATORS: ("view", "change"),
    CONTRIBUTORS: ("view", "add", "change", "edit_source"),
    APPROVERS: ("view", "publish"),
}


def role_actions(model):
    """{role: (action, …)} on content `model`: ROLE_ACTIONS, less the roles the model leaves
    out in its `roles_left_out` (the open-data settings leave Contributors out)."""
    left_out = getattr(model, "roles_left_out", ())
    return {role: actions for role, actions in ROLE_ACTIONS.items() if role not in left_out}


def grant_content_roles(models=None, using=DEFAULT_DB_ALIAS):
    """Give each role its ROLE_ACTIONS permissions on `models` (default: every content model of
    editing/registry.py). Returns how many (group, permission) grants were missing.

    Only adds, so running it twice changes nothing and nothing staff gave a group in the admin
    is taken away (a role permission staff took away comes back at the next `migrate`:
    ROLE_ACTIONS is the rule). Groups that do not exist (made by editing/migrations/0001_roles.py
    and 0003_contributors_and_approvers.py, or deleted by staff) are not made again; permissions
    not yet created are skipped."""
    from django.contrib.auth.models import Group, Permission

    from .registry import content_models

    groups = {
        group.name: group for group in Group.objects.using(using).filter(name__in=ROLE_ACTIONS)
    }
    added = 0
    for model in content_models() if models is None else models:
        opts = model._meta
        permissions = {
            permission.codename: permission
            for permission in Permission.objects.using(using).filter(
                content_type__app_label=opts.app_label, content_type__model=opts.model_name
            )
        }
        for role, actions in role_actions(model).items():
            group = groups.get(role)
            if group is None:
                continue
            wanted = {
                permissions[c] for a in actions if (c := f"{a}_{opts.model_name}") in permissions
            }
            missing = wanted - set(group.permissions.filter(pk__in=[p.pk for p in wanted]))
            group.permissions.add(*missing)
            added += len(missing)
    return added


def grant_after_migrate(sender, app_config=None, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate handler (editing/apps.py): the roles' grants on the content models of the
    app just migrated, once Django's own handler has created their permissions."""
    from django.contrib.auth.models import Permission
    from django.db import router

    from .registry import content_models

    if app_config is None or not router.allow_migrate_model(using, Permission):
        return
    models = [model for model in content_models() if model._meta.app_label == app_config.label]
    if models:
        grant_content_roles(models, using=using)
