from django.contrib.sitemaps import Sitemap
from django.db.models import Prefetch
from django.urls import reverse

from config.site_url import site_scheme_and_domain
from editing.publishing import live
from editing.registry import page_models
from multilingual.availability import SOURCE_LANGUAGE, available_languages
from organisations.models import Organisation
from partners.models import Partnership

from .views import page_languages


class MultilingualSitemap(Sitemap):
    """Each page once per language it exists in, with its alternates and an x-default."""

    i18n = True
    alternates = True

    # Addresses on the configured origin, not the requesting host (config/site_url.py).
    def get_protocol(self, protocol=None):
        return site_scheme_and_domain()[0]

    def get_domain(self, site=None):
        return site_scheme_and_domain()[1]

    def get_urls(self, *args, **kwargs):
        # Django's own x-default strips the language prefix, but every URL here has one:
        # x-default is the French page, which always exists.
        urls = super().get_urls(*args, **kwargs)
        for url in urls:
            source = [a for a in url["alternates"] if a["lang_code"] == SOURCE_LANGUAGE]
            if source:
                url["alternates"].append(
                    {"location": source[0]["location"], "lang_code": "x-default"}
                )
        return urls


class StaticPagesSitemap(MultilingualSitemap):
    """The pages made by the site's code (their introductions are pages staff write)."""

    def items(self):
        return ["pages:home", "partners:list", "statistics:list", "organisations:list"]

    def location(self, item):
        return reverse(item)


class ContentSitemap(MultilingualSitemap):
    """The published objects of one content model with pages of its own (editing/registry.py
    `page_models`), each in the languages visitors can read it in. A model's queryset may
    narrow the list with an `in_sitemap()` method."""

    model = None

    def items(self):
        queryset = self.model.objects.published()
        return queryset.in_sitemap() if hasattr(queryset, "in_sitemap") else queryset

    def get_languages_for_item(self, item):
        return available_languages(item)

    def lastmod(self, item):
        return item.updated_at


class OrganisationSitemap(ContentSitemap):
    """An organisation's page also shows its relationships: it exists in a language when they
    do too (pages/views.py `page_languages`)."""

    model = Organisation

    def items(self):
        published = Partnership.objects.filter(live()).select_related("consultative_status")
        return Organisation.objects.published().prefetch_related(
            Prefetch("partnerships", queryset=published)
        )

    def get_languages_for_item(self, item):
        return page_languages(item, list(item.partnerships.all()))


# A model whose page shows more than its own object says so here; any other gets the plain one.
SPECIAL_SITEMAPS = {Organisation: OrganisationSitemap}


def content_sitemap(model):
    if model in SPECIAL_SITEMAPS:
        return SPECIAL_SITEMAPS[model]
    return type(f"{model.__name__}Sitemap", (ContentSitemap,), {"model": model})


def sitemaps():
    """{section: Sitemap}: the code's pages, then every content model with pages."""
    sections = {"pages": StaticPagesSitemap}
    for model in page_models():
        sections[model._meta.label_lower.replace(".", "-")] = content_sitemap(model)
    return sections


SITEMAPS = sitemaps()
