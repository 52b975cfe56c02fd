"""Whole reader pages from the cache, and conditional GET.

Every cached page is stored with the content version it was rendered from, under a key made
of the release (code and templates) and the page's address. Saving or deleting any content
row, in any process (the admin, import_sources, loaddata, a revert), bumps the version once
its transaction commits; a page stored with another version is rendered afresh. Where the
cache is shared (Redis), the version is read from it, so a cached page costs no query; a
process-local cache can't see another process's bump, so there the version is read from the
database, one small query a request. Each process also keeps recent pages in memory, so a hit
costs one small read of the version and nothing else.
"""

import hashlib
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as django_cache
from django.db import transaction
from django.db.models import F
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from .models import ContentVersion

VERSION_KEY = "sfia:content-version"
# The pages this process served last, by key: (version, content, headers).
LOCAL_PAGES = {}
LOCAL_PAGES_MAX = 512
# Never cached: what a person changes or logs into, and what isn't a page.
UNCACHED_PATHS = ("/language/", "/healthz", "/static/")
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Security-Policy",
    "X-Frame-Options",
    "Vary",
)


@cache
def release():
    """(digest, time) of the code, templates and translations this process serves."""
    base = Path(settings.BASE_DIR)
    files = sorted(
        path
        for folder in ("skills", "sfia_site", "templates", "locale", "static")
        for path in (base / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(base)).encode())
        digest.update(path.read_bytes())
    newest = max((path.stat().st_mtime for path in files), default=0)
    return digest.hexdigest()[:12], datetime.fromtimestamp(int(newest), UTC)


def shared_cache():
    return "redis" in settings.CACHES["default"]["BACKEND"].lower()


def content_version():
    """(version, changed_at) of the content."""
    if shared_cache():
        found = django_cache.get(VERSION_KEY)
        if found is not None:
            return found
    row = ContentVersion.objects.filter(pk=1).values_list("version", "changed_at").first()
    found = row or (0, datetime.fromtimestamp(0, UTC))
    if shared_cache():
        django_cache.set(VERSION_KEY, found, timeout=None)
    return found


def bump_content_version(**kwargs):
    """Connected to every content model's post_save and post_delete (apps.py)."""
    transaction.on_commit(_bump, robust=True)


def _bump():
    now = timezone.now()
    if not ContentVersion.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
        ContentVersion.objects.create(pk=1, version=2, changed_at=now)
    django_cache.delete(VERSION_KEY)


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
            stored = django_cache.get(key)
        if stored is None or stored[0] != version:
            response = self.get_response(request)
            if not self.cacheable_response(request, response):
                return response
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            stored = (version, response.content, headers)
            django_cache.set(key, stored, settings.SFIA_PAGE_CACHE_SECONDS)
        else:
            response = HttpResponse(stored[1], headers=stored[2])
        if len(LOCAL_PAGES) >= LOCAL_PAGES_MAX:
            LOCAL_PAGES.clear()
        LOCAL_PAGES[key] = stored
        response["ETag"] = etag
        response["Last-Modified"] = http_date(modified)
        response["Cache-Control"] = settings.SFIA_PAGE_CACHE_CONTROL
        return get_conditional_response(
            request, etag=etag, last_modified=modified, response=response
        )

    @staticmethod
    def cacheable_request(request):
        return (
            settings.SFIA_PAGE_CACHE
            and request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(UNCACHED_PATHS)
            and f"/{settings.ADMIN_PATH}" not in request.path_info
        )

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
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()[:32]
        return f"sfia:page:{code}:{digest}"
