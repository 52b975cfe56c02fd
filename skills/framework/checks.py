"""System checks of the project's own settings (`manage.py check --deploy`)."""

import os

from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def site_url_is_configured(app_configs, **kwargs):
    """Outside development, the canonical address should be said, not guessed from the first
    allowed host (settings.SFIA_SITE_URL)."""
    if os.environ.get("DJANGO_SITE_URL"):
        return []
    return [
        checks.Warning(
            "DJANGO_SITE_URL is not set: the published URIs and the cache keys use "
            "https://<the first of DJANGO_ALLOWED_HOSTS>.",
            hint="Set DJANGO_SITE_URL to the site's address, such as https://sfia.example.org.",
            id="sfia.W001",
        )
    ]
