"""The roles of the NGO's staff (groups made by migration editing/0001_roles).

Editors create, edit, publish, schedule, order and delete. Translators edit the English and
Spanish text of existing content only. Superusers can do everything.
"""

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
