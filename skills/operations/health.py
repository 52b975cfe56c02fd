"""GET /healthz: 200 when the database answers, 503 when it doesn't.

A middleware, first in the chain, so a probe needs no allowed Host header, no HTTPS and no
session, and never touches the page cache. The body also says whether the cache answers:
without it pages still render (from the database), so a load balancer should keep the server,
while an operator's monitor should alert on "cache: unavailable".
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseNotAllowed

logger = logging.getLogger(__name__)


def cache_state():
    try:
        caches["default"].get("healthz")
    except Exception:  # whichever backend, whatever its failure (the pages log it): report it
        return "unavailable"
    return "ok"


def health_response():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("health check: the database does not answer")
        return HttpResponse(f"database unavailable\ncache: {cache_state()}\n", status=503)
    return HttpResponse(f"ok\ndatabase: ok\ncache: {cache_state()}\n")


class HealthCheckMiddleware:
    path = "/healthz"
    methods = ("GET", "HEAD")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != self.path:
            return self.get_response(request)
        if request.method not in self.methods:
            response = HttpResponseNotAllowed(self.methods)
        else:
            response = health_response()
            if request.method == "HEAD":
                response.content = b""
        response["Content-Type"] = "text/plain; charset=utf-8"
        response["Cache-Control"] = "no-store"
        # The answer never passes the security and clickjacking middleware (it sits before
        # them), so it carries their headers itself.
        response["X-Content-Type-Options"] = "nosniff"
        response["Referrer-Policy"] = settings.SECURE_REFERRER_POLICY
        response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
        return response
