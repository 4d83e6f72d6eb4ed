from django.shortcuts import render

from multilingual.alternates import language_context
from sitecache.decorators import cached_for_visitors

from .cards import card_rows, partners_page
from .models import Partnership


@cached_for_visitors
def partner_list(request):
    # No lookup names a translated field, so modeltranslation need not rewrite them.
    rows = list(card_rows(Partnership.objects.rewrite(False).visible_to(request)))
    return render(
        request,
        "partners/partner_list.html",
        {**partners_page(rows), **language_context(request)},
    )
