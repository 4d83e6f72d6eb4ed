"""The two roles of the NGO's staff (groups made by migration editing/0001_roles).

Editors create, edit, publish, schedule, order and delete. Translators edit the English and
Spanish text of existing content only. Superusers can do everything.
"""

EDITORS = "Editors"
TRANSLATORS = "Translators"


def may(user, action, model):
    """True when `user` holds the permission `action` (edit_source, publish…) on `model`."""
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
