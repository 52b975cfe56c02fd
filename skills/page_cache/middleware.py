"""Serves anonymous GETs of reader pages from the cache, and answers revalidations with 304."""

import hashlib
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache as django_cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from skills.framework import narrowing, profiles
from skills.framework.languages import LANGUAGE_CODES, negotiated
from skills.framework.links import absolute
from skills.search.engine import normalised

from .compression import vary_as_compressed
from .outage import CACHE_OUTAGE
from .release import release
from .store import LOCAL_PAGES
from .version import content_version, validators

# The query parameters that change a page, by its path; every other parameter is ignored, so
# no query string makes another cache entry (reader pages take none; sitemaps are paged; the
# API takes its language).
KEYED_QUERY_PARAMETERS = {"/sitemap": ("p",), "/api/": ("lang",)}
# Where a page's language comes from Accept-Language when no query parameter names one (the
# API's): the key holds the language the header chooses, not the header, so the many ways of
# writing a header make no more entries than there are languages.
NEGOTIATED_LANGUAGE = {"/api/": "lang"}
# But for the API's schema: one document, whatever the language.
SCHEMA_PATH = "/api/v1/openapi.json"
# Never cached: what a person changes or logs into, and what isn't a page.
UNCACHED_PATHS = ("/language/", "/healthz", "/static/", "/downloads/")
# Pages made from a query parameter, by the part of their path after the language prefix:
# never in the shared cache, whose keys leave the query string out (and where made-up queries
# would push the pages out), but kept by this process (LOCAL_PAGES, bounded by weight) under
# the query as the page reads it, with the view's own headers (browsers and CDNs are told not
# to keep them): for each, how its key is read from the query string (a QueryDict). A search is
# kept by its normalised query (200 characters at most); a profile by its canonical query and
# the step or download asked for (skills/framework/profiles.py).
PAGES_BY_QUERY = {
    "search/": lambda query: normalised(query.get("q", ""))[0],
    "profile/": profiles.page_key,
}
# Pages a query narrows, by the part of their path after the language prefix: in the shared
# cache like the others, under their canonical query (the skills grid: a category's slug and a
# level, a few dozen pages a language). A query with a value that can't be used is not cached
# at all: the page tells the reader, and made-up values must not fill the cache (nor does a
# well-formed slug that names no category: the grid is then sent as not to be stored).
NARROWED_PAGES = {"skills/": narrowing.page_key}
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Security-Policy",
    "X-Frame-Options",
    "Vary",
)


class PageCacheMiddleware:
    """Serves anonymous GETs of reader pages from the cache, and answers revalidations with
    304. Placed after WhiteNoise and before the session: a hit touches neither session nor
    database (with a shared cache)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        # The key is the site's address, not the Host header: check that header all the same
        # (a host ALLOWED_HOSTS refuses is a 400, DisallowedHost), as rendering the page would.
        request.get_host()
        if by_query := self.page_by_query(request.path_info):
            return self.kept_page(request, by_query)
        if self.narrowed_query(request.path_info, request.GET) is None:
            return self.get_response(request)
        key, variant = self.key(request, release()[0])
        # Each variant of an address (a sitemap's page, the API's language) is its own.
        version, etag, modified = validators(variant)
        stored = LOCAL_PAGES.get(key)
        if stored is None or stored[0] != version:
            stored = CACHE_OUTAGE.call(django_cache.get, key)
        if stored is None or stored[0] != version:
            response = self.get_response(request)
            if not self.cacheable_response(request, response):
                return response
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            stored = (version, response.content, headers)
            CACHE_OUTAGE.call(django_cache.set, key, stored, settings.SFIA_PAGE_CACHE_SECONDS)
        else:
            response = HttpResponse(stored[1], headers=stored[2])
        LOCAL_PAGES.put(key, stored)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(modified)
        response["Cache-Control"] = settings.SFIA_PAGE_CACHE_CONTROL
        response["Content-Length"] = len(stored[1])
        vary_as_compressed(response)
        return get_conditional_response(
            request, etag=etag, last_modified=modified, response=response
        )

    @classmethod
    def cacheable_request(cls, request):
        return (
            settings.SFIA_PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and not request.path_info.startswith(UNCACHED_PATHS)
            and f"/{settings.ADMIN_PATH}" not in request.path_info
            and not cls.signed_in(request)
        )

    @staticmethod
    def page_by_query(path):
        """How the page reads its key from its query if `path` is /<language>/ and one of
        PAGES_BY_QUERY; else None."""
        language, _, page = path.removeprefix("/").partition("/")
        return PAGES_BY_QUERY.get(page) if language in LANGUAGE_CODES else None

    @staticmethod
    def narrowed_query(path, query):
        """The canonical query of a page in NARROWED_PAGES ("" for any other page); None where
        its query has a value that can't be used."""
        language, _, page = path.removeprefix("/").partition("/")
        read = NARROWED_PAGES.get(page) if language in LANGUAGE_CODES else None
        return read(query) if read else ""

    def kept_page(self, request, read):
        """A page made from its query (PAGES_BY_QUERY), as this process last made it for the
        same key `read` from the query and content version; made afresh otherwise, and kept
        if it may be."""
        if request.method != "GET":
            return self.get_response(request)
        version, _ = content_version()
        value = read(request.GET)
        key = ("by-query", absolute(request.path), release()[0], value)
        stored = LOCAL_PAGES.get(key)
        if stored is not None and stored[0] == version:
            return HttpResponse(stored[1], headers=stored[2])
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            headers = dict(response.items())
            LOCAL_PAGES.put(key, (version, response.content, headers))
        return response

    @staticmethod
    def signed_in(request):
        """Whether the request's session is a signed-in user's: only then may a page differ
        from the cached one. Any other cookie, made up or left over, is served the cache."""
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if not session_key:
            return False
        store = import_module(settings.SESSION_ENGINE).SessionStore
        return SESSION_KEY in store(session_key)

    @staticmethod
    def cacheable_response(request, response):
        control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in control
            and "no-store" not in control
            and "Cookie" not in response.get("Vary", "")
        )

    @staticmethod
    def key(request, code):
        """The page's cache key, and what in its query or headers chose it ("" if nothing
        did, else a short digest)."""
        path = request.path
        keyed = next(
            (names for start, names in KEYED_QUERY_PARAMETERS.items() if path.startswith(start)),
            (),
        )
        chosen = [(name, request.GET.get(name, "")) for name in keyed if name in request.GET]
        negotiated_name = next(
            (name for start, name in NEGOTIATED_LANGUAGE.items() if path.startswith(start)),
            None,
        )
        if negotiated_name and negotiated_name not in request.GET and path != SCHEMA_PATH:
            chosen.append(("", negotiated(request.headers.get("Accept-Language", ""))))
        query = urlencode(chosen)
        if narrowed := PageCacheMiddleware.narrowed_query(request.path_info, request.GET):
            query = narrowed
        address = absolute(f"{path}?{query}")
        digest = hashlib.sha256(address.encode()).hexdigest()[:32]
        variant = f"-{hashlib.sha256(query.encode()).hexdigest()[:8]}" if query else ""
        return f"sfia:page:{code}:{digest}", variant
