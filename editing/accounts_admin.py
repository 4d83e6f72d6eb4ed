"""Users and groups in the admin's language: role names and our permissions translated.

Group names and permission names are rows in the database, written once in English: Django
shows them as they are. Here the role groups (editing/roles.py) read through the catalogues,
and the permissions of the editorial contract are named again, in the active language, from
`contract_permissions` (editing/models.py).
"""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission, User
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import contract_permissions
from .roles import EDITORS, TRANSLATORS

ROLE_NAMES = {EDITORS: _("Editors"), TRANSLATORS: _("Translators")}


def group_label(group):
    """A group's name, translated for the role groups."""
    return str(ROLE_NAMES.get(group.name, group.name))


def permission_label(permission):
    """ "app | model | name" as Django writes it, the name in the active language for the
    contract's permissions (and Django's own where its catalogue has it)."""
    model = permission.content_type.model_class()
    name = permission.name
    if model is not None:
        names = dict(contract_permissions(model))
        name = str(names.get(permission.codename, gettext(name)))
    return f"{permission.content_type} | {name}"


class TranslatedAccountLabels:
    """Choices of groups and permissions labelled in the admin's language."""

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.related_model is Group:
            field.label_from_instance = group_label
        elif field is not None and db_field.related_model is Permission:
            field.label_from_instance = permission_label
        return field


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class TranslatedUserAdmin(TranslatedAccountLabels, UserAdmin):
    """Django's user admin, its groups and permissions in the admin's language."""


@admin.register(Group)
class TranslatedGroupAdmin(TranslatedAccountLabels, GroupAdmin):
    """Django's group admin, the role groups' names in the admin's language."""

    list_display = ("translated_name",)

    @admin.display(description=_("name"), ordering="name")
    def translated_name(self, group):
        return group_label(group)
