"""The reader's pages under other addresses, for tests of URL reversal."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

urlpatterns = i18n_patterns(path("elsewhere/", include("skills.reader.urls")))
