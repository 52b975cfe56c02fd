"""The attribution every reader page carries (a context processor; the other is
page_languages.page_languages)."""

from django.conf import settings

# The edition of the framework that the content (fixtures/sources/) is, as printed pages name it.
SFIA_EDITION = "SFIA 9"


def attribution(request):
    """Who the content belongs to, for every page's footer, and which edition it is."""
    return {"SFIA_ATTRIBUTION": settings.SFIA_ATTRIBUTION, "SFIA_EDITION": SFIA_EDITION}
