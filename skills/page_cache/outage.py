"""The shared cache out of reach is a miss, not an error page."""

import logging
import time

import redis

logger = logging.getLogger(__name__)


class CacheOutage:
    """The shared cache failing is a miss, not an error page: pages render from the database
    while Redis is out of reach. After a failure, the cache (its calls and the content
    version's subscription, watch.py) is left alone for RETRY_SECONDS, twice as long after
    each failure in a row, up to MAX_RETRY_SECONDS: a refused connection is quick, but a Redis
    that accepts and never answers costs a request its whole timeout, and trying it again
    every second made every request wait a second. The outage is logged once a minute, not
    once a request."""

    RETRY_SECONDS = 1
    MAX_RETRY_SECONDS = 30
    LOG_EVERY_SECONDS = 60

    def __init__(self):
        self.reset()

    def reset(self):
        """As if the cache had never failed (tests start each with no outage, nor its log)."""
        self.retry_at = 0.0
        self.backoff = 0.0
        self.logged_at = None

    def out(self):
        """Whether the cache is being left alone after a failure."""
        return time.monotonic() < self.retry_at

    def call(self, function, *args, default=None):
        """`function(*args)`, or `default` while the cache is out of reach."""
        if self.out():
            return default
        try:
            result = function(*args)
        except (redis.RedisError, OSError) as error:
            self.failed(error)
            return default
        self.backoff = 0.0
        return result

    def failed(self, error):
        now = time.monotonic()
        self.backoff = min(2 * self.backoff or self.RETRY_SECONDS, self.MAX_RETRY_SECONDS)
        self.retry_at = now + self.backoff
        if self.logged_at is None or now - self.logged_at >= self.LOG_EVERY_SECONDS:
            self.logged_at = now
            logger.warning("the cache is out of reach; pages render from the database (%s)", error)


CACHE_OUTAGE = CacheOutage()
