"""The content version as this process last read it, kept while Redis announces no change."""

import os
import threading
import time
from datetime import UTC, datetime

import redis
from django.conf import settings

from skills.framework.models import ContentVersion

from .outage import CACHE_OUTAGE

VERSION_CHANNEL = "sfia:content-version"
# The cache that every process shares, and whose server carries the announcements.
REDIS_CACHE = "django.core.cache.backends.redis.RedisCache"
VERSION_RECHECK_SECONDS = 30


def read_content_version():
    row = ContentVersion.objects.filter(pk=1).values_list("version", "changed_at").first()
    return row or (0, datetime.fromtimestamp(0, UTC))


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
        # Not while the cache is left alone after a failure: a Redis that accepts and never
        # answers would cost a request the whole timeout, once a second.
        if CACHE_OUTAGE.out() or time.monotonic() < self.subscribe_after:
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
