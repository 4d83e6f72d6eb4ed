from adminsortable2.admin import SortableAdminMixin
from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from editing.admin import EditorialAdmin, SortableEditorialMixin
from organisations.admin import HTTPS_URL_FIELDS, translated

from .formatting import figure_display
from .models import KeyFigure, OpenDataSettings


class SourceFilter(admin.SimpleListFilter):
    title = _("source")
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return [("missing", _("Source missing")), ("given", _("Source given"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.missing_source()
        if self.value() == "given":
            return queryset.with_source()
        return queryset


@admin.register(KeyFigure)
class KeyFigureAdmin(
    SortableEditorialMixin, SortableAdminMixin, EditorialAdmin, TabbedTranslationAdmin
):
    formfield_overrides = HTTPS_URL_FIELDS
    # Few columns, so that the drag handle, the state and both translations fit at 1280 px.
    list_display = ("label", "figure", "scope", "year", "source", "is_published")
    list_filter = ("is_published", "kind", SourceFilter)
    list_select_related = ("source_organisation",)
    search_fields = ("key", *translated("label", "scope", "source_title"))
    prepopulated_fields = {"key": ("label",)}
    autocomplete_fields = ("about_organisation", "source_organisation")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "label",
                    "key",
                    ("kind", "qualifier"),
                    ("value", "ratio_total"),
                    "scope",
                    "note",
                    "year",
                    "about_organisation",
                )
            },
        ),
        (
            _("Source"),
            {
                "description": _(
                    "Leave all three empty only while the source is unknown: the figure is then "
                    "marked “source missing” for visitors and never highlighted on the home page."
                ),
                "fields": (
                    "source_organisation",
                    "source_title",
                    "source_url",
                    "source_consulted_on",
                ),
            },
        ),
        (_("Publication"), {"fields": ("order", "is_published", ("publish_at", "expire_at"))}),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Numbers typed as the admin's language writes them: "22,5" in French and Spanish.
        if isinstance(db_field, models.DecimalField):
            kwargs["localize"] = True
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    # The fields other apps' checks add at the end of a figure's change page (add_form_check).
    check_fields = ()

    @classmethod
    def add_form_check(cls, wrap, field):
        """Let another app check a figure's changes before they are saved: `wrap(form)` returns
        the admin form (a ModelForm class) with the check, and its form field named `field` is
        shown at the end of the change page's last fieldset (pages/ asks for a confirmation
        before a figure its pages show is renamed or unpublished: pages/figure_use.py).

        Called once by that app's admin module (admin autodiscovery imports it after this one,
        as it imports this one); the registered admin reads the class's form on each request,
        so this app needs to know none of them and nothing is registered twice.
        """
        if field in cls.check_fields:
            return
        cls.form = wrap(cls.form)
        cls.check_fields = (*cls.check_fields, field)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.check_fields:
            return fieldsets
        *rest, (title, options) = fieldsets
        fields = [*options["fields"], *self.check_fields]
        return [*rest, (title, {**options, "fields": fields})]

    @admin.display(description=_("value"), ordering="value")
    def figure(self, figure):
        """The value as the public site writes it: “plus de 1,2 million”, “7 sur 10”."""
        return figure_display(figure)

    @admin.display(description=_("source"))
    def source(self, figure):
        if figure.source_missing:
            return format_html('<strong class="source-missing">⚠ {}</strong>', _("Source missing"))
        return figure.source_organisation or figure.source_title or figure.source_url


@admin.register(OpenDataSettings)
class OpenDataSettingsAdmin(EditorialAdmin, TabbedTranslationAdmin):
    """The one row of open-data settings: never added twice; deleting it brings back the
    default licence (CC BY 4.0), and the history can restore it."""

    formfield_overrides = HTTPS_URL_FIELDS
    list_display = ("licence_name", "licence_url", "updated_at")
    fieldsets = (
        (
            None,
            {
                "description": _(
                    "The licence is stated in the downloadable key figures and partnerships "
                    "(CSV and JSON) and on their pages. Until these settings are saved, and "
                    "after they are deleted, the licence is CC BY 4.0."
                ),
                "fields": ("licence_name", "licence_url"),
            },
        ),
    )

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not OpenDataSettings.objects.exists()
