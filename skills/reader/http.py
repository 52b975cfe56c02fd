"""The HTTP methods a reader's page answers: GET and HEAD (both from the page cache),
OPTIONS with what is allowed and no page, anything else 405 (TRACE included)."""

import functools

from django.http import HttpResponse, HttpResponseNotAllowed

READ_METHODS = ("GET", "HEAD", "OPTIONS")


def read_methods_only(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if request.method == "OPTIONS":
            # As Django's View.options answers: the methods, and no body.
            response = HttpResponse(headers={"Allow": ", ".join(READ_METHODS)})
            response["Content-Length"] = "0"
            return response
        return HttpResponseNotAllowed(READ_METHODS)

    return wrapper
