"""Parts of pages kept in Django's cache for one content generation: a page's drawn text, the
header menu, a structured page's introduction, the open-data licence.

Every public page shows some of them, and they change only with content. A whole page is kept
by the page cache (sitecache/middleware.py) only when it may be; a search page, a first visit
after an edit or a page cached for a short time still draws its header and introduction, so
these are kept on their own, under the same generation: any content save, and the clock's
scheduled changes, draw a new one (sitecache/generation.py), so a fragment is never staler
than the pages around it.
"""

from django.core.cache import cache
from django.utils.translation import get_language

from editing.preview import is_preview

from .generation import current_generation

# How long a fragment is kept at most, in seconds: a new generation makes it stale sooner.
# Independent of PAGE_CACHE_SECONDS: search pages are never cached whole, yet show these.
FRAGMENT_SECONDS = 3600
_MISSING = object()


def per_generation(name, draw, request, seconds=FRAGMENT_SECONDS):
    """`draw()`'s value, kept in Django's cache for the current generation and language.

    `name`: what the fragment is, unique per kind and object ("pages.body.12"); the active
    language is added to the key. `draw`: a function of no argument returning a picklable value
    (None included). Staff previewing (drafts visible) always get it drawn afresh, and so does
    everyone when the generation is unknown (the cache or the database does not answer).
    """
    generation = _generation(request)
    if generation is None:
        return draw()
    key = _key(generation, name)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = draw()
        cache.set(key, value, generation.seconds_left(seconds))
    return value


def many_per_generation(names, draw_missing, request, seconds=FRAGMENT_SECONDS):
    """{name: value} for each of `names`, each kept as `per_generation()` keeps one, read with
    one cache call (one Redis round trip) instead of one per name.

    `draw_missing(missing)`: given the list of names not kept, returns {name: value} for every
    one of them (picklable values), drawn together: one query per kind of object, not one per
    name. Previews and an unknown generation draw them all, keeping nothing.
    """
    names = list(dict.fromkeys(names))
    generation = _generation(request)
    if generation is None:
        return draw_missing(names) if names else {}
    keys = {_key(generation, name): name for name in names}
    values = {keys[key]: value for key, value in cache.get_many(list(keys)).items()}
    missing = [name for name in names if name not in values]
    if missing:
        drawn = draw_missing(missing)
        cache.set_many(
            {_key(generation, name): drawn[name] for name in missing},
            generation.seconds_left(seconds),
        )
        values.update(drawn)
    return values


def _generation(request):
    """The generation fragments are kept under for `request` (None: outside any request, the
    current one), or None when nothing may be kept: a staff preview, an unknown generation."""
    if request is not None and is_preview(request):
        return None
    return request_generation(request)


def _key(generation, name):
    """The cache key of fragment `name` in the active language under `generation`."""
    return f"{generation.key_prefix}.{name}.{get_language()}"


def request_generation(request):
    """The generation `request`'s fragments are read under: read once per request (the page
    cache's, when it read one), so that a page never mixes fragments of two generations and
    pays one cache read, not one per fragment. None: unknown, nothing is kept."""
    if request is None:
        return current_generation()
    if not hasattr(request, "fragments_generation"):
        request.fragments_generation = (
            getattr(request, "public_page_generation", None) or current_generation()
        )
    return request.fragments_generation
