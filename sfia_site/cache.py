"""Django's Redis cache backend, with one redis-py client per connection pool, and
publish/subscribe.

Django's RedisCacheClient makes a new redis.Redis for every cache call, and redis-py 8 sets
up some 170 response callbacks in each: on a page served from the cache that cost more than
the round trip to Redis. A client is only a thread-safe front to its pool, so one will do.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if id(pool) not in self._clients:
            self._clients[id(pool)] = self._client(connection_pool=pool)
        return self._clients[id(pool)]


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    # Announcements between processes (skills/page_cache.py), on channels named like keys (with
    # the cache's prefix), so two sites sharing a Redis server don't hear each other.
    def publish(self, channel, message=""):
        self._cache.get_client(write=True).publish(self.make_key(channel), message)

    def subscribe(self, channel):
        """A redis-py PubSub on its own connection, subscribed to `channel`."""
        pubsub = self._cache.get_client().pubsub()
        pubsub.subscribe(self.make_key(channel))
        return pubsub
