"""Root URLs: every page under a language prefix (/en/… too), except the few that serve
all languages at once."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from skills import views
from skills.sitemaps import SITEMAPS

urlpatterns = [
    path("language/<str:code>/", views.choose_language, name="choose_language"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path(settings.ADMIN_PATH, admin.site.urls),
    path("", include("skills.urls")),
    prefix_default_language=True,
)
