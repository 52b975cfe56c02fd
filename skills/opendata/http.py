"""The API's HTTP, around django-ninja: the methods it answers, as the reader's pages answer
them (reader/http.py): GET; HEAD, a GET without its body (operations/compression.py, for the
whole site); OPTIONS, what is allowed (a CORS preflight is django-cors-headers' to answer,
before this); anything else 405, as JSON like every other error of the API. A middleware,
since django-ninja routes an operation by its one method and its schema would otherwise list
each operation twice. Also: `?lang=` read as a language tag, no cookie ever, and the addresses
whose language is fixed (the schema, the downloads) not varying on Accept-Language."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import override

from skills.framework.languages import read_language_tag
from skills.opendata.api import error, message_language
from skills.opendata.documents import ALL
from skills.page_cache.middleware import SCHEMA_PATH

READ_METHODS = ("GET", "HEAD", "OPTIONS")


class ReadOnlyAPIMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/api/"):
            return self.get_response(request)
        request.GET = with_language_read(request.GET)
        if request.method == "GET":
            return without_cookies(self.get_response(request))
        if request.method == "OPTIONS":
            return HttpResponse(headers={"Allow": ", ".join(READ_METHODS), "Content-Length": "0"})
        with override(message_language(request)):
            message = _("The API is read-only: it answers GET, HEAD and OPTIONS.")
        response = error(request, 405, message)
        response["Allow"] = ", ".join(READ_METHODS)
        return response


def with_language_read(query):
    """The query with its `lang` as Django reads a language tag ("DE", "de-CH" → "de"), so the
    API (and its cache key) sees the site's code; any other value is left for the API to
    refuse."""
    lang = query.get("lang")
    if lang is None or lang == ALL:
        return query
    read = ALL if lang.strip().lower() == ALL else read_language_tag(lang)
    if read is None or read == lang:
        return query
    query = query.copy()
    query["lang"] = read
    return query


def without_cookies(response):
    """The API answers data and never sets a cookie: not the CSRF cookie renewed for a client
    that sent a malformed one, nor an emptied session cookie for one that sent a stale one."""
    response.cookies.clear()
    return response


# The addresses whose language their address fixes: the API's schema (in English, the page
# cache's SCHEMA_PATH), and each download (sfia-de.csv is German whoever asks).
FILES_PATH = "/downloads/"


class FixedLanguageMiddleware:
    """An address that fixes its language does not vary on Accept-Language, though Django's
    LocaleMiddleware says so of every address outside the language prefixes: a cache would
    otherwise keep a copy of the same file for every header. The schema is one document, in
    English, whatever the header says."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path_info
        fixed = path == SCHEMA_PATH or (
            path.startswith(FILES_PATH) and response.status_code in (200, 304)
        )
        if fixed and response.has_header("Vary"):
            kept = [
                value.strip()
                for value in response["Vary"].split(",")
                if value.strip().lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        if path == SCHEMA_PATH:
            response["Content-Language"] = "en"
        return response
