"""Whole reader pages from the cache, and conditional GET.

Every cached page is stored with the content version it was rendered from, under a key made
of the release (code and templates) and the page's address; a page stored with another
version is rendered afresh. Saving or deleting any content row, in any process (the admin,
import_sources, loaddata, a revert), bumps the version in the database once its transaction
commits, and where the cache is shared (Redis) announces it on a Redis channel. Each process
then keeps the version it last read until an announcement comes (or VERSION_RECHECK_SECONDS
pass, in case one was lost), so a page served from the cache costs no query and no round trip
for its version: each request only polls its subscription for announcements. A process with
no subscription (its cache is process-local, or Redis is out of reach) reads the version from
the database on every request: one small query. Each process also keeps recent pages in
memory, so a hit usually costs nothing but the response.
"""

import hashlib
import logging
import os
import threading
import time
from collections import OrderedDict
from datetime import UTC, datetime
from functools import cache, partial
from importlib import import_module
from pathlib import Path
from urllib.parse import urlencode

import redis
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache as django_cache
from django.db import transaction
from django.db.models import F
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from .models import ContentVersion

logger = logging.getLogger(__name__)

VERSION_CHANNEL = "sfia:content-version"
# The cache that every process shares, and whose server carries the announcements.
REDIS_CACHE = "django.core.cache.backends.redis.RedisCache"
VERSION_RECHECK_SECONDS = 30


class LocalPages:
    """The pages this process served last, by key: (version, content, headers), the least
    recently used dropped first once they weigh more than `max_bytes` (a count would let a few
    large pages, a sitemap section say, take gigabytes)."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.pages = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()  # threaded workers share it

    def get(self, key):
        with self.lock:
            stored = self.pages.get(key)
            if stored is not None:
                self.pages.move_to_end(key)
            return stored

    def put(self, key, stored):
        weight = len(stored[1])
        if weight > self.max_bytes:
            return
        with self.lock:
            if key in self.pages:
                self.size -= len(self.pages.pop(key)[1])
            self.pages[key] = stored
            self.size += weight
            while self.size > self.max_bytes:
                _, dropped = self.pages.popitem(last=False)
                self.size -= len(dropped[1])

    def clear(self):
        with self.lock:
            self.pages.clear()
            self.size = 0


LOCAL_PAGES = LocalPages(max_bytes=32 * 1024 * 1024)
# The query parameters that change a page, by its path; every other parameter is ignored, so
# no query string makes another cache entry (reader pages take none; sitemaps are paged).
KEYED_QUERY_PARAMETERS = {"/sitemap": ("p",)}
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


class CacheOutage:
    """The shared cache failing is a miss, not an error page: pages render from the database
    while Redis is out of reach. After a failure the cache is left alone for
    RETRY_SECONDS (a refused connection is quick, a timed-out one is not), and the outage is
    logged once a minute, not once a request."""

    RETRY_SECONDS = 1
    LOG_EVERY_SECONDS = 60

    def __init__(self):
        self.retry_at = 0.0
        self.logged_at = None

    def call(self, function, *args, default=None):
        """`function(*args)`, or `default` while the cache is out of reach."""
        if time.monotonic() < self.retry_at:
            return default
        try:
            return function(*args)
        except (redis.RedisError, OSError) as error:
            self.failed(error)
            return default

    def failed(self, error):
        now = time.monotonic()
        self.retry_at = now + self.RETRY_SECONDS
        if self.logged_at is None or now - self.logged_at >= self.LOG_EVERY_SECONDS:
            self.logged_at = now
            logger.warning("the cache is out of reach; pages render from the database (%s)", error)


CACHE_OUTAGE = CacheOutage()


def content_version():
    """(version, changed_at) of the content."""
    watch = ContentVersionWatch.for_this_process()
    if watch is None:
        return read_content_version()
    return watch.current()


def read_content_version():
    row = ContentVersion.objects.filter(pk=1).values_list("version", "changed_at").first()
    return row or (0, datetime.fromtimestamp(0, UTC))


def bump_content_version(using=None, **kwargs):
    """Connected to every content model's post_save and post_delete (apps.py): the version
    moves once when the transaction commits, however many rows it saved.

    Every save asks for a bump after the commit; the first of those callbacks bumps and the
    others, run right after it, find nothing pending. A rolled-back transaction drops its
    callbacks and leaves the flag set, which only means the next commit's first callback
    bumps, as it would anyway."""
    _pending_bumps.databases.add(using)
    transaction.on_commit(partial(_bump_if_pending, using), using=using, robust=True)


class _PendingBumps(threading.local):
    """The databases whose transactions, in this thread, changed content not yet bumped for."""

    def __init__(self):
        self.databases = set()


_pending_bumps = _PendingBumps()


def _bump_if_pending(using):
    if using in _pending_bumps.databases:
        _pending_bumps.databases.discard(using)
        _bump()


def _bump():
    now = timezone.now()
    if not ContentVersion.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
        ContentVersion.objects.create(pk=1, version=2, changed_at=now)
    # This process needn't wait for its own announcement.
    ContentVersionWatch.forget_in_this_process()
    watch = ContentVersionWatch.for_this_process()
    if watch is not None:
        CACHE_OUTAGE.call(watch.announce)


class ContentVersionWatch:
    """The content version as this process last read it, kept while its Redis subscription
    brings no news.

    Each request first takes the announcements already waiting on the subscription's socket
    (a poll: no round trip), so a change announced before a request arrives is never missed.
    A listening thread could not promise that: a request could be served between the thread
    receiving an announcement and acting on it.

    Announcements go through a redis-py client of the watch's own, to the cache's server: the
    cache API has no publish/subscribe, and Django's backend keeps its client private.
    """

    # One for each process (gunicorn forks its workers) and cache.
    watches = {}
    watches_lock = threading.Lock()

    @classmethod
    def for_this_process(cls):
        """This process's watch, where the cache is Redis; None for a process-local cache."""
        cache = settings.CACHES["default"]
        if cache["BACKEND"] != REDIS_CACHE:
            return None
        key = (os.getpid(), cache["LOCATION"], cache.get("KEY_PREFIX", ""))
        if key not in cls.watches:
            with cls.watches_lock:
                if key not in cls.watches:
                    cls.watches[key] = cls(*key[1:], options=cache.get("OPTIONS", {}))
        return cls.watches[key]

    @classmethod
    def forget_in_this_process(cls):
        for (pid, *_), watch in list(cls.watches.items()):
            if pid == os.getpid():
                watch.forget()

    def __init__(self, location, key_prefix, options):
        # The cache's OPTIONS are redis-py's connection options (Django passes them to its
        # pool), its timeouts included.
        self.redis = redis.Redis.from_url(location, **options)
        # Named like the cache's keys, with its prefix, so two sites sharing a Redis server
        # don't hear each other.
        self.channel = f"{key_prefix}:{VERSION_CHANNEL}"
        # Threaded workers share the subscription: one request reads it at a time.
        self.lock = threading.Lock()
        self.subscription = None
        self.subscribe_after = 0.0
        # (version, changed_at, read at), kept only while subscribed.
        self.known = None

    def current(self):
        with self.lock:
            quiet = self.quiet()
            known = self.known
            if quiet and known and time.monotonic() - known[2] < VERSION_RECHECK_SECONDS:
                return known[:2]
            version, changed_at = read_content_version()
            if self.subscription is not None:
                self.known = (version, changed_at, time.monotonic())
            return version, changed_at

    def forget(self):
        with self.lock:
            self.known = None

    def announce(self):
        """Tells every process that the content changed."""
        self.redis.publish(self.channel, "")

    def quiet(self):
        """Whether the subscription has heard nothing since it was last asked; not if it heard
        an announcement, or if there is no subscription (one is then tried, once a second)."""
        if self.subscription is None:
            self.subscribe()
            return False
        try:
            heard = False
            while self.subscription.get_message(timeout=0) is not None:
                heard = True
            return not heard
        except (redis.RedisError, OSError) as error:
            CACHE_OUTAGE.failed(error)
            self.subscription.close()
            self.subscription = None
            return False

    def subscribe(self):
        if time.monotonic() < self.subscribe_after:
            return
        self.subscribe_after = time.monotonic() + 1
        try:
            subscription = self.redis.pubsub()
            subscription.subscribe(self.channel)
            # Only once Redis confirms the subscription can no announcement be missed.
            if subscription.get_message(timeout=1) is None:
                subscription.close()
                raise redis.TimeoutError("Redis did not confirm the subscription")
        except (redis.RedisError, OSError) as error:
            CACHE_OUTAGE.failed(error)  # meanwhile the version is read every request
            return
        self.subscription = subscription


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
            and f"/{settings.ADMIN_PATH}" not in request.path_info
            and not cls.signed_in(request)
        )

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
