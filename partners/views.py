from django.shortcuts import render

from multilingual.alternates import language_context
from sitecache.decorators import cached_for_visitors

from .cards import partners_page, visible_card_rows


@cached_for_visitors
def partner_list(request):
    return render(
        request,
        "partners/partner_list.html",
        {**partners_page(visible_card_rows(request)), **language_context(request)},
    )
