"""Root URLs: every page under a language prefix (/en/… too)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("skills.urls")),
    prefix_default_language=True,
)
