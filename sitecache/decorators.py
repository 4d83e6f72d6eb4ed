from functools import wraps


def cached_for_visitors(view):
    """Mark a public view whose response the cache may keep for anonymous visitors.

    Only for views whose response depends on nothing but the request's absolute URL (query
    string included), its language and the published content, or that name in `Vary` each
    request header they read (django.utils.patch_vary_headers): those are what the key holds.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    wrapper.cached_for_visitors = True
    return wrapper
