"""django-reversion-compare's compare page, in the viewer's language throughout.

The package writes a few values as Python does: a boolean as "False changed to: True", an empty
foreign key or text as "None" (it also reports a foreign key as changed whenever any other field of
the version changed), and its title with the object's name as the author saw it when saving. Here
they read as the rest of the admin does.
"""

from django.contrib.admin.utils import unquote
from django.db import models
from django.template.loader import render_to_string
from django.utils.encoding import force_str
from django.utils.translation import gettext
from reversion_compare.admin import CompareVersionAdmin
from reversion_compare.helpers import html_diff


def yes_no(value):
    """ "Yes", "No" or "Unknown" (for None) in the active language, as the admin lists say them."""
    return {True: gettext("Yes"), False: gettext("No")}.get(value, gettext("Unknown"))


class ReadableCompareAdmin(CompareVersionAdmin):
    """CompareVersionAdmin whose differences and title read in the viewer's language."""

    def compare_BooleanField(self, obj_compare):
        context = {"bool1": yes_no(obj_compare.value1), "bool2": yes_no(obj_compare.value2)}
        return render_to_string("reversion-compare/compare_BooleanField.html", context)

    compare_NullBooleanField = compare_BooleanField

    def compare_ForeignKey(self, obj_compare):
        """Related objects by their names; a missing one as the admin's "(empty)"."""
        related1, related2 = obj_compare.get_related()
        if related1 is None and related2 is None:
            return ""
        empty = gettext("(empty)")
        value1 = empty if related1 is None else force_str(related1)
        value2 = empty if related2 is None else force_str(related2)
        return self.generic_add_remove(related1, related2, value1, value2)

    def fallback_compare(self, obj_compare):
        """The package's text difference, an empty value (None) as no text, not "None"."""
        text1, text2 = obj_compare.to_string()
        value1 = "" if obj_compare.value1 is None else text1
        value2 = "" if obj_compare.value2 is None else text2
        return html_diff(value1, value2)

    def compare(self, obj, version1, version2):
        """The package's ([{"field", "is_related", "follow", "diff"}], has unfollowed fields),
        without the foreign keys that point to the same object in both versions (the package
        compares them by the whole version's values); the footnote on unfollowed fields only
        when one of them is shown."""
        diffs, has_unfollowed = super().compare(obj, version1, version2)
        kept = [d for d in diffs if not _same_foreign_key(d, version1, version2)]
        return kept, has_unfollowed and any(d["is_related"] and not d["follow"] for d in kept)

    def compare_view(self, request, object_id, extra_context=None):
        """The page titled with the object's name in the viewer's language, as on its history."""
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            title = gettext("Compare %(name)s") % {"name": obj}
            extra_context = {"title": title, **(extra_context or {})}
        return super().compare_view(request, object_id, extra_context)


def _same_foreign_key(diff, version1, version2):
    field = diff["field"]
    # A reverse relation (an organisation's partnerships) says "ForeignKey" as its type too.
    if not isinstance(field, models.ForeignKey):
        return False
    return version1.field_dict.get(field.attname) == version2.field_dict.get(field.attname)
