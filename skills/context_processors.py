from django.conf import settings


def attribution(request):
    """Who the content belongs to, for every page's footer."""
    return {"SFIA_ATTRIBUTION": settings.SFIA_ATTRIBUTION}
