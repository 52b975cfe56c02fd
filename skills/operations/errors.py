"""The 400 page (handler400), with the headers every other page gets from the middleware.

Django turns a bad request (a Host outside ALLOWED_HOSTS, above all) into this page inside
the middleware that met it, SecurityMiddleware or CommonMiddleware, so the response goes back
only through the middleware before that one: never through the clickjacking middleware, and
past the Content-Security-Policy one only when it sits outside the raise. So the page goes
through django-csp's middleware itself, as a view decorator (which writes no second header
when the outer one runs too).
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils.decorators import decorator_from_middleware
from django.views import defaults


@decorator_from_middleware(CSPMiddleware)
def bad_request(request, exception):
    response = defaults.bad_request(request, exception)
    response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    return response
