from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path(_("about/"), views.about, name="about"),
    # /fr/pages/<slug>/, /en/pages/…, /es/paginas/…: a slug never hides another address.
    path(format_lazy("{}<slug:slug>/", _("pages/")), views.page_detail, name="page"),
]
