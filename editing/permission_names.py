"""Permission names in the admin's language.

Django writes each permission's name once, in English, in the database ("Can add
organisation"), and shows it as it is. The admin's permission widgets name them again here, at
display time, from what the name was made of: Django's four default actions and the model's
translated plural, the editorial contract's permissions (editing/models.py
`contract_permissions`) with the source language named in the admin's language, and a model's own
`Meta.permissions` through the catalogues.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from multilingual.languages import LANGUAGE_NAMES, SOURCE_LANGUAGE

from .models import contract_permissions
from .registry import is_content

# Django's default actions (Options.default_permissions), as its `create_permissions` names them.
DEFAULT_ACTIONS = {
    "add": _("Can add {items}"),
    "change": _("Can change {items}"),
    "delete": _("Can delete {items}"),
    "view": _("Can view {items}"),
}


def declared_names(model):
    """{codename: name} for the permissions `model` declares, the contract's included, each
    name lazily translated; the source language is named in the active language."""
    names = dict(model._meta.permissions)
    if is_content(model):
        stored = dict(contract_permissions(model))
        shown = dict(contract_permissions(model, language_name=LANGUAGE_NAMES[SOURCE_LANGUAGE]))
        for codename, name in stored.items():
            # A model's own declaration of the codename wins over the contract's (give_permissions).
            if str(names.get(codename)) == str(name):
                names[codename] = shown[codename]
    return names


def permission_name(permission):
    """The name of `permission` (a django.contrib.auth Permission) in the active language.

    A permission of a model that no longer exists keeps its stored name, through the catalogues.
    """
    model = permission.content_type.model_class()
    if model is None:
        return gettext(permission.name)
    opts = model._meta
    for action in opts.default_permissions:
        if permission.codename == f"{action}_{opts.model_name}" and action in DEFAULT_ACTIONS:
            return str(format_lazy(DEFAULT_ACTIONS[action], items=opts.verbose_name_plural))
    declared = declared_names(model)
    if permission.codename in declared:
        return str(declared[permission.codename])
    return gettext(permission.name)


def permission_label(permission):
    """ "app | model | name", as Django's Permission.__str__ writes it, in the active language."""
    return f"{permission.content_type} | {permission_name(permission)}"
