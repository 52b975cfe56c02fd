"""What every reader page's footer names: who the content belongs to, and which edition of the
framework it is (a context processor; the other is page_languages.page_languages)."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from skills.framework.models import Edition


def attribution(request):
    """The attribution, and the stored edition (the setting where none is). The edition is
    read only when a page shows it, at most once: the skill pages show the one their own query
    read with the skill (templates/jinja2/base.html), so they cost no query more."""
    return {
        "SFIA_ATTRIBUTION": settings.SFIA_ATTRIBUTION,
        "SFIA_EDITION": SimpleLazyObject(lambda: Edition.current(settings.SFIA_EDITION)),
    }
