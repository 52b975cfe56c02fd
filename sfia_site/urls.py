"""Root URLs: every page under a language prefix (/en/… too), except the few that serve
all languages at once."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path

from skills.opendata import urls as opendata
from skills.opendata.api import api
from skills.reader import views
from skills.reader.http import read_methods_only
from skills.reader.sitemaps import SITEMAPS, at_site_address

urlpatterns = [
    path("language/<str:code>/", views.choose_language, name="choose_language"),
    # An index of sections, each paged small enough to render quickly at any size.
    path(
        "sitemap.xml",
        read_methods_only(at_site_address(sitemaps.index)),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        read_methods_only(at_site_address(sitemaps.sitemap)),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("api/v1/", api.urls),
    # The Downloads page's files: one address for each, whatever the reader's language.
    path("downloads/", include(opendata.files)),
    path("robots.txt", read_methods_only(views.robots_txt), name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path(settings.ADMIN_PATH, admin.site.urls),
    path("", include("skills.reader.urls")),
    path("", include(opendata)),
    prefix_default_language=True,
)

handler400 = "skills.operations.errors.bad_request"
handler404 = "skills.opendata.api.address_not_found"
handler500 = "skills.opendata.api.server_error"
