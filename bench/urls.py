from django.urls import path

from config.urls import handler500
from config.urls import urlpatterns as site_urlpatterns

from .views import bare

urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/bare/<int:size>/", bare, name="bench_bare_sized"),
    *site_urlpatterns,
]

__all__ = ["handler500", "urlpatterns"]
