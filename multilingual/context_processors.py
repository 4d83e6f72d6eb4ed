from .addresses import address_setup


def language_and_addresses(request):
    """The language and address set-up of the page being rendered, read once: its templates'
    `_()`, `url()` and fallback marks ask for them dozens of times (docs/performance.md)."""
    setup = address_setup()
    return {"LANGUAGE_CODE": setup[0], "address_setup": setup}
