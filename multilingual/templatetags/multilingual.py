from django import template
from django.urls import reverse
from django.utils.translation import get_language, get_language_info, override

from multilingual.availability import LANGUAGE_CODES, falls_back
from multilingual.markup import lang_attribute

register = template.Library()


@register.filter
def lang_if_fallback(obj, field):
    """` lang="fr"` on an element whose text is the French fallback, for screen readers."""
    return lang_attribute(obj, field, get_language())


@register.filter
def shown_in_french(obj):
    """True when part of the object's text is the French fallback in the visitor's language."""
    return any(falls_back(obj, field, get_language()) for field in obj.translation_core_fields)


@register.filter
def language_name(code):
    """A language's name in that language: Français, English, Español."""
    return get_language_info(code)["name_local"]


@register.inclusion_tag("multilingual/also_available.html", takes_context=True)
def also_available(context):
    """The notice at the end of a content page, naming its real translations."""
    return {"other_languages": context.get("other_languages", [])}


@register.inclusion_tag("multilingual/switcher.html", takes_context=True)
def language_switcher(context):
    alternates = context.get("alternates")
    if not alternates:
        # A page with no language versions of its own (an error page): each home page.
        current = get_language()
        alternates = []
        for code in LANGUAGE_CODES:
            with override(code):
                url = reverse("pages:home")
            alternates.append({"code": code, "url": url, "is_current": code == current})
    return {"alternates": alternates}
