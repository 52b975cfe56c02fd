"""GET /healthz: 200 when the database answers, 503 when it doesn't.

A middleware, first in the chain, so a probe needs no allowed Host header, no HTTPS and no
session, and never touches the page cache. The body also says whether the cache answers:
without it pages still render (from the database), so a load balancer should keep the server,
while an operator's monitor should alert on "cache: unavailable".
"""

import logging

from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpResponse

logger = logging.getLogger(__name__)


def cache_state():
    try:
        caches["default"].get("healthz")
    except Exception:  # whichever backend, whatever its failure (the pages log it): report it
        return "unavailable"
    return "ok"


class HealthCheckMiddleware:
    path = "/healthz"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != self.path:
            return self.get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            logger.exception("health check: the database does not answer")
            response = HttpResponse(f"database unavailable\ncache: {cache_state()}\n", status=503)
        else:
            response = HttpResponse(f"ok\ndatabase: ok\ncache: {cache_state()}\n")
        response["Content-Type"] = "text/plain; charset=utf-8"
        response["Cache-Control"] = "no-store"
        return response
