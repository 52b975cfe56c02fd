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

from skills.framework.languages import LANGUAGE_CODES

from .outage import CACHE_OUTAGE
from .release import release
from .store import LOCAL_PAGES
from .version import content_version

# The query parameters that change a page, by its path; every other parameter is ignored, so
# no query string makes another cache entry (reader pages take none; sitemaps are paged).
KEYED_QUERY_PARAMETERS = {"/sitemap": ("p",)}
# Never cached: what a person changes or logs into, and what isn't a page.
UNCACHED_PATHS = ("/language/", "/healthz", "/static/")
# Never cached in any language (the part of the path after its language prefix): pages made
# from their query string, which the keys leave out; caching them by it would let anyone fill
# the cache.
UNCACHED_PAGES = ("search/",)
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
        version, changed_at = content_version()
        code, released_at = release()
        etag = f'"{code}-{version}"'
        modified = int(max(changed_at, released_at).timestamp())
        key = self.key(request, code)
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
        if request.method == "HEAD":
            response.content = b""  # a GET's headers, Content-Length included, and no body
        return get_conditional_response(
            request, etag=etag, last_modified=modified, response=response
        )

    @classmethod
    def cacheable_request(cls, request):
        return (
            settings.SFIA_PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and not request.path_info.startswith(UNCACHED_PATHS)
            and not cls.uncached_page(request.path_info)
            and f"/{settings.ADMIN_PATH}" not in request.path_info
            and not cls.signed_in(request)
        )

    @staticmethod
    def uncached_page(path):
        """Whether `path` is /<language>/ and one of UNCACHED_PAGES."""
        language, _, page = path.removeprefix("/").partition("/")
        return language in LANGUAGE_CODES and page in UNCACHED_PAGES

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
        path = request.path
        keyed = next(
            (names for start, names in KEYED_QUERY_PARAMETERS.items() if path.startswith(start)),
            (),
        )
        query = urlencode(
            [(name, request.GET.get(name, "")) for name in keyed if name in request.GET]
        )
        address = f"{request.scheme}://{request.get_host()}{path}?{query}"
        digest = hashlib.sha256(address.encode()).hexdigest()[:32]
        return f"sfia:page:{code}:{digest}"
