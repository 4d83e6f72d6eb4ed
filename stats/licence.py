"""The open-data licence as public pages read it: kept for the content generation."""

from sitecache.fragments import per_generation

from .models import OpenDataSettings


def licence_for(request):
    """OpenDataSettings.current() for `request`: read once per content generation
    (sitecache/fragments.py), since the partners and key-figures pages name it in their
    Dataset JSON-LD and download links; staff previewing read it afresh."""
    return per_generation("statistics.licence", OpenDataSettings.current, request)
