from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from editing.admin import EditorialAdmin
from multilingual.languages import LANGUAGE_CODES

from .models import Organisation
from .validators import LogoFormField

# A web address typed without its scheme is taken as https://.
HTTPS_URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


def translated(*fields):
    """Every language's column of each field, for admin search."""
    return tuple(
        build_localized_fieldname(field, lang) for field in fields for lang in LANGUAGE_CODES
    )


@admin.register(Organisation)
class OrganisationAdmin(EditorialAdmin, TabbedTranslationAdmin):
    formfield_overrides = {
        **HTTPS_URL_FIELDS,
        models.ImageField: {"form_class": LogoFormField},
    }
    # Few columns, so that the state and both translations fit at 1280 px.
    list_display = ("name", "acronym", "kind", "is_published", "updated_at")
    list_display_links = ("name",)
    list_filter = ("is_published", "kind")
    search_fields = translated("name", "acronym", "summary")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("parent",)
    # Filled by the apps that know organisations (partners: its partnerships), through
    # add_inline: this app knows none of them.
    inlines = ()
    fieldsets = (
        (None, {"fields": ("name", "acronym", "slug", "kind", "parent", "summary", "description")}),
        (
            _("Identity"),
            {
                "fields": (
                    "website",
                    "logo",
                    "logo_alt",
                    "founded_year",
                    "headquarters_city",
                    "headquarters_country",
                )
            },
        ),
        (_("Members"), {"fields": ("member_count", "member_country_count", "members_note")}),
        (_("Publication"), {"fields": ("is_published", ("publish_at", "expire_at"))}),
    )

    @classmethod
    def add_inline(cls, inline):
        """Show `inline`, an InlineModelAdmin of another app's model pointing to Organisation,
        on every organisation's admin page, below those added before it.

        Called once by that app's admin module (admin autodiscovery imports it after this one,
        as it imports this one); the registered admin reads the class's inlines on each request.
        """
        if inline not in cls.inlines:
            cls.inlines = (*cls.inlines, inline)
