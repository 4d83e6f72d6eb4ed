from django.shortcuts import render

from multilingual.alternates import language_context
from sitecache.decorators import cached_for_visitors

from .cards import CARD_FIELDS, partners_page
from .models import Partnership


@cached_for_visitors
def partner_list(request):
    partnerships = list(
        Partnership.objects.visible_to(request)
        .select_related("organisation", "consultative_status")
        .only(*CARD_FIELDS)
    )
    return render(
        request,
        "partners/partner_list.html",
        {**partners_page(partnerships), **language_context(request)},
    )
