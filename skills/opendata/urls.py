"""The open data pages, under each language's prefix (sfia_site/urls.py includes them)."""

from django.urls import path

from skills.opendata import reference
from skills.reader.http import read_methods_only

app_name = "opendata"

urlpatterns = [
    path("api/", read_methods_only(reference.api_reference), name="api_reference"),
]
