from functools import wraps


def cached_for_visitors(view):
    """Mark a public view whose page the cache may keep for anonymous visitors.

    Only for views whose page depends on nothing but the path and the published content: the
    query string is not part of the cache key (a campaign's ?utm_source=... shares the page).
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    wrapper.cached_for_visitors = True
    return wrapper
