from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path(_("about/"), views.about, name="about"),
    # Last of the site's addresses (config/urls.py): a page's slug never hides another one.
    path("<slug:slug>/", views.page_detail, name="page"),
]
