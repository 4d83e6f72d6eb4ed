from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "statistics"
urlpatterns = [
    path("", views.figure_list, name="list"),
    # Translators: the file name of the key figures' CSV download, in its address.
    path(_("data.csv"), views.figure_data, {"file_format": "csv"}, name="data_csv"),
    # Translators: the file name of the key figures' JSON download, in its address.
    path(_("data.json"), views.figure_data, {"file_format": "json"}, name="data_json"),
]
