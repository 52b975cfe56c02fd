"""The HTTP methods the API answers, as the reader's pages answer them (reader/http.py): GET;
HEAD, a GET's headers without its body; OPTIONS, what is allowed (a CORS preflight is
django-cors-headers' to answer, before this); anything else 405, as JSON like every other
error of the API. A middleware, since django-ninja routes an operation by its one method and
its schema would otherwise list each operation twice."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import override

from skills.opendata.api import error, message_language

READ_METHODS = ("GET", "HEAD", "OPTIONS")


class ReadOnlyAPIMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/api/") or request.method == "GET":
            return self.get_response(request)
        if request.method == "HEAD":
            request.method = "GET"
            response = self.get_response(request)
            length = len(response.content) if not response.streaming else None
            response.content = b""
            if length is not None:
                response["Content-Length"] = length
            return response
        if request.method == "OPTIONS":
            return HttpResponse(headers={"Allow": ", ".join(READ_METHODS), "Content-Length": "0"})
        with override(message_language(request)):
            message = _("The API is read-only: it answers GET, HEAD and OPTIONS.")
        response = error(request, 405, message)
        response["Allow"] = ", ".join(READ_METHODS)
        return response
