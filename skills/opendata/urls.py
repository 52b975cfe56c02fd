"""The open data's pages in each language (inside i18n_patterns). The files they offer are at
addresses without a language, in the root URLs (sfia_site/urls.py)."""

from django.urls import path

from skills.opendata import views
from skills.reader.http import read_methods_only

app_name = "opendata"

urlpatterns = [
    path("downloads/", read_methods_only(views.downloads_page), name="downloads"),
]
