"""WSGI entry point for gunicorn: `gunicorn sfia_site.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sfia_site.settings")

application = get_wsgi_application()
