"""The partnerships as downloadable data, beside the partners page (partners/dataset.py)."""

from config.site_url import absolute_url
from sitecache.decorators import cached_for_visitors
from stats.datafiles import data_response

from .dataset import partnership_dataset


@cached_for_visitors
def partnership_data(request, file_format):
    """The published partnerships as CSV or JSON, in the URL's language; never drafts."""
    return data_response(partnership_dataset(absolute_url), file_format)
