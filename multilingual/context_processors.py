from django.utils.translation import get_language


def language_and_addresses(request):
    """`LANGUAGE_CODE`: the language of the page being rendered."""
    return {"LANGUAGE_CODE": get_language()}
