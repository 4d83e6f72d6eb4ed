from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from editing.views import awaiting_review, translations_to_do
from pages.sitemaps import SITEMAPS
from pages.views import robots_txt
from sitecache.decorators import cached_for_visitors
from translation_files.views import export_view, import_view

urlpatterns = [
    # The admin's address comes from the ADMIN_URL setting.
    path(
        f"{settings.ADMIN_URL}translations/",
        admin.site.admin_view(translations_to_do),
        name="translations_to_do",
    ),
    path(
        f"{settings.ADMIN_URL}translations/export/",
        admin.site.admin_view(export_view),
        name="translation_export",
    ),
    path(
        f"{settings.ADMIN_URL}translations/import/",
        admin.site.admin_view(import_view),
        name="translation_import",
    ),
    path(
        f"{settings.ADMIN_URL}awaiting-review/",
        admin.site.admin_view(awaiting_review),
        name="awaiting_review",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    # The admin's language chooser posts here (Django's set_language view).
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", cached_for_visitors(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

# Every public URL carries its language, and its path is translated (/fr/partenaires/,
# /en/partners/, /es/socios/). "/" redirects to the visitor's language (LocaleMiddleware).
urlpatterns += i18n_patterns(
    path("", include("pages.urls")),
    path(_("partners/"), include("partners.urls")),
    path(_("organisations/"), include("pages.organisation_urls")),
    path(_("key-figures/"), include("stats.urls")),
    path(_("search/"), include("search.urls")),
)

if settings.DEBUG:
    # Uploaded logos, served by Django in development only (production: see the README).
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "pages.errors.bad_request"
# A refusal inside the admin: its design and language, what the role allows (editing/).
handler403 = "editing.refusals.permission_denied"
handler500 = "pages.errors.server_error"
