from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import data_views, views

app_name = "partners"
urlpatterns = [
    path("", views.partner_list, name="list"),
    # Translators: the file name of the partnerships' CSV download, in its address.
    path(_("data.csv"), data_views.partnership_data, {"file_format": "csv"}, name="data_csv"),
    # Translators: the file name of the partnerships' JSON download, in its address.
    path(_("data.json"), data_views.partnership_data, {"file_format": "json"}, name="data_json"),
]
