from django.contrib.sitemaps import Sitemap
from django.db.models import Prefetch
from django.urls import reverse

from organisations.models import Organisation
from organisations.views import page_languages
from partners.models import Partnership


class MultilingualSitemap(Sitemap):
    """Each page once per language it exists in, with its alternates and an x-default."""

    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(MultilingualSitemap):
    def items(self):
        return ["pages:home", "partners:list", "statistics:list", "pages:about"]

    def location(self, item):
        return reverse(item)


class OrganisationSitemap(MultilingualSitemap):
    def items(self):
        published = Partnership.objects.filter(is_published=True).select_related(
            "consultative_status"
        )
        return Organisation.objects.published().prefetch_related(
            Prefetch("partnerships", queryset=published)
        )

    def get_languages_for_item(self, item):
        return page_languages(item, list(item.partnerships.all()))

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": StaticPagesSitemap, "organisations": OrganisationSitemap}
