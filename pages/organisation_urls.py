"""The list of organisations, and an organisation's page, under the name organisations:detail
that Organisation's get_absolute_url reverses; its view is composed in this app (pages/views.py)."""

from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
]
