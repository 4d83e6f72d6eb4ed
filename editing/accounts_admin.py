"""Users and groups in the admin's language: role names and permissions translated.

Group names and permission names are rows in the database, written once in English: Django
shows them as they are. Here the role groups (editing/roles.py) read through the catalogues,
and every permission is named again in the active language (editing/permission_names.py).
"""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission, User
from django.utils.translation import gettext_lazy as _

from .datetime_fields import ZonedDateTimesMixin
from .permission_names import permission_label
from .roles import role_name


def group_label(group):
    """A group's name, translated for the role groups (editing/roles.py)."""
    return role_name(group.name)


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
class TranslatedUserAdmin(ZonedDateTimesMixin, TranslatedAccountLabels, UserAdmin):
    """Django's user admin, its groups and permissions in the admin's language, its dates
    (last login, date joined) labelled as on every other page."""


@admin.register(Group)
class TranslatedGroupAdmin(TranslatedAccountLabels, GroupAdmin):
    """Django's group admin, the role groups' names in the admin's language."""

    list_display = ("translated_name",)

    @admin.display(description=_("name"), ordering="name")
    def translated_name(self, group):
        return group_label(group)
