"""The 400 page (handler400), with the headers every other page gets from the middleware.

Django turns a bad request (a Host outside ALLOWED_HOSTS, above all) into this page inside
the middleware that met it, SecurityMiddleware or CommonMiddleware, so the response goes back
only through the middleware before that one: never through the clickjacking middleware, and
past the Content-Security-Policy one only when it sits outside the raise.
"""

from csp.constants import HEADER
from csp.utils import build_policy
from django.conf import settings
from django.views import defaults

from .csp import site_policy_headers


def bad_request(request, exception):
    response = defaults.bad_request(request, exception)
    for header, policy in (site_policy_headers() or {HEADER: build_policy()}).items():
        response[header] = policy
    response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    return response
