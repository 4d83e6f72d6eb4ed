from django.contrib.sitemaps import Sitemap
from django.db.models import Prefetch
from django.urls import reverse

from editing.publishing import live
from multilingual.availability import SOURCE_LANGUAGE
from organisations.models import Organisation
from partners.models import Partnership

from .views import page_languages


class MultilingualSitemap(Sitemap):
    """Each page once per language it exists in, with its alternates and an x-default."""

    i18n = True
    alternates = True

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
    def items(self):
        return ["pages:home", "partners:list", "statistics:list", "pages:about"]

    def location(self, item):
        return reverse(item)


class OrganisationSitemap(MultilingualSitemap):
    def items(self):
        published = Partnership.objects.filter(live()).select_related("consultative_status")
        return Organisation.objects.published().prefetch_related(
            Prefetch("partnerships", queryset=published)
        )

    def get_languages_for_item(self, item):
        return page_languages(item, list(item.partnerships.all()))

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": StaticPagesSitemap, "organisations": OrganisationSitemap}
