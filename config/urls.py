from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import path

urlpatterns = [
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    # Uploaded logos, served by Django in development only (production: see the README).
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
