import reversion
from adminsortable2.admin import SortableAdminMixin
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import Max
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
)

from editing.admin import EditorialAdmin, EditorialInlineMixin, SortableEditorialMixin
from editing.conflicts import ConflictCheckingForm
from organisations.admin import HTTPS_URL_FIELDS, OrganisationAdmin, translated
from organisations.models import Organisation

from .models import ConsultativeStatus, Partnership

PARTNERSHIP_FIELDS = (
    "kind",
    ("since_year", "until_year"),
    "role",
    "description",
    "benefits",
    "evidence_url",
    ("order", "is_published"),
    ("publish_at", "expire_at"),
)


class NextPositionFormSet(BaseInlineFormSet):
    """A partnership added on its organisation's page takes the next position in the
    partnerships list, as one added on its own page does (adminsortable2's save_model): the
    order field's default, 0, would put it, and its kind's section, first on the partners page."""

    def save_new(self, form, commit=True):
        partnership = super().save_new(form, commit=False)
        last = Partnership.objects.aggregate(last=Max("order"))["last"] or 0
        partnership.order = last + 1
        if commit:
            partnership.save()
        return partnership


class PartnershipInline(EditorialInlineMixin, TranslationStackedInline):
    model = Partnership
    formset = NextPositionFormSet
    fields = PARTNERSHIP_FIELDS
    formfield_overrides = HTTPS_URL_FIELDS
    extra = 0
    show_change_link = True


# Versions: an organisation's keep its partnerships, a partnership's keeps its status, so that
# restoring one brings back the other. Registered here, where both are known.
for model in (Organisation, Partnership, ConsultativeStatus):
    if reversion.is_registered(model):
        reversion.unregister(model)
reversion.register(ConsultativeStatus)
reversion.register(Partnership, follow=["consultative_status"])
reversion.register(Organisation, follow=["partnerships"])

# Organisations know nothing of partnerships; this app adds its inline to their admin page.
OrganisationAdmin.add_inline(PartnershipInline)


class ConsultativeStatusInlineForm(ConflictCheckingForm):
    """On its partnership's page, the status's partnership is the page itself, a hidden field:
    an error about it is shown above the status instead, where it can be read."""

    def add_error(self, field, error):
        if field is None and "partnership" in getattr(error, "error_dict", {}):
            errors = error.error_dict
            errors[NON_FIELD_ERRORS] = [
                *errors.get(NON_FIELD_ERRORS, []),
                *errors.pop("partnership"),
            ]
        super().add_error(field, error)


class ConsultativeStatusInline(EditorialInlineMixin, TranslationStackedInline):
    model = ConsultativeStatus
    form = ConsultativeStatusInlineForm
    fields = ("category", "granted_year", "privileges")
    extra = 0
    max_num = 1


@admin.register(Partnership)
class PartnershipAdmin(
    SortableEditorialMixin, SortableAdminMixin, EditorialAdmin, TabbedTranslationAdmin
):
    formfield_overrides = HTTPS_URL_FIELDS
    # The drag handle gives the order: its column would push the translations out of view.
    list_display = ("organisation", "kind", "since_year", "until_year", "is_published")
    list_filter = ("is_published", "kind")
    list_select_related = ("organisation",)
    search_fields = translated("organisation__name", "organisation__acronym", "role")
    autocomplete_fields = ("organisation",)
    fields = ("organisation", *PARTNERSHIP_FIELDS)
    inlines = [ConsultativeStatusInline]


@admin.register(ConsultativeStatus)
class ConsultativeStatusAdmin(EditorialAdmin, TabbedTranslationAdmin):
    list_display = ("body_name", "category", "granted_year")
    list_filter = ("category",)
    list_select_related = ("partnership__organisation",)
    search_fields = translated(
        "partnership__organisation__name", "partnership__organisation__acronym"
    )
    autocomplete_fields = ("partnership",)
    fields = ("partnership", "category", "granted_year", "privileges")

    @admin.display(description=_("body"), ordering="partnership__organisation__name")
    def body_name(self, status):
        return status.body
