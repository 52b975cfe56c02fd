"""The open data's pages in each language (inside i18n_patterns, namespace "opendata"): the
API's reference and the Downloads page; and the Downloads page's files (`files`, which the
root URLs include at /downloads/, without a language: one address a file for every reader).
The API itself is sfia_site/urls.py's, at /api/v1/."""

from django.urls import path, register_converter

from skills.opendata import reference, views
from skills.opendata.converters import DownloadConverter
from skills.reader.http import read_methods_only

# Here rather than in the root URLs, which tests reload (a converter is registered once).
register_converter(DownloadConverter, "download")

app_name = "opendata"

urlpatterns = [
    path("api/", read_methods_only(reference.api_reference), name="api_reference"),
    path("downloads/", read_methods_only(views.downloads_page), name="downloads"),
]

files = [
    path("<download:download>", read_methods_only(views.download_file), name="download"),
]
