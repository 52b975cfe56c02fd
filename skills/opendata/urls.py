"""The open data's pages in each language (inside i18n_patterns): the API's reference and the
Downloads page. The files they offer, and the API, are at addresses without a language, in
the root URLs (sfia_site/urls.py)."""

from django.urls import path

from skills.opendata import reference, views
from skills.reader.http import read_methods_only

app_name = "opendata"

urlpatterns = [
    path("api/", read_methods_only(reference.api_reference), name="api_reference"),
    path("downloads/", read_methods_only(views.downloads_page), name="downloads"),
]
