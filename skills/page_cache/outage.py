"""The shared cache out of reach is a miss, not an error page."""

import logging
import time

import redis

logger = logging.getLogger(__name__)


class CacheOutage:
    """The shared cache failing is a miss, not an error page: pages render from the database
    while Redis is out of reach. After a failure the cache is left alone for
    RETRY_SECONDS (a refused connection is quick, a timed-out one is not), and the outage is
    logged once a minute, not once a request."""

    RETRY_SECONDS = 1
    LOG_EVERY_SECONDS = 60

    def __init__(self):
        self.reset()

    def reset(self):
        """As if the cache had never failed (tests start each with no outage, nor its log)."""
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
