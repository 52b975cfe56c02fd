"""The cache each process keeps in its memory when no Redis is configured (CACHE_URL empty):
Django's cache API, the least recently used entry dropped first, bounded in bytes.

Django's LocMemCache is bounded by its number of entries (300): with whole pages and the
Downloads page's files in it (the whole framework's JSON is 1.4 MB), 300 entries grew each
worker by 200 MB. Written as a cache backend, Django's documented extension point (BaseCache),
not by reaching into LocMemCache.
"""

import pickle
import threading
import time
from collections import OrderedDict

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

DEFAULT_MAX_BYTES = 64 * 1024 * 1024


class _Store:
    """One location's entries, shared by the cache objects of a process's threads (Django
    makes one a thread): key → (pickled value, expiry time or None)."""

    def __init__(self):
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()


_STORES = {}
_STORES_LOCK = threading.Lock()


class BoundedMemoryCache(BaseCache):
    """OPTIONS: MAX_BYTES, what the pickled values may weigh together (64 MB unless said); a
    value heavier than a quarter of it is not kept at all."""

    def __init__(self, location, params):
        super().__init__(params)
        self.max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", DEFAULT_MAX_BYTES))
        with _STORES_LOCK:
            self.store = _STORES.setdefault(location, _Store())

    @property
    def size(self):
        """What the kept values weigh, in bytes."""
        return self.store.size

    def __len__(self):
        return len(self.store.entries)

    def _expiry(self, timeout):
        """When an entry set now with `timeout` expires (BaseCache: a time, or None)."""
        return self.get_backend_timeout(timeout)

    def _live(self, key):
        """The entry under `key`, if it has not expired (an expired one is dropped)."""
        entry = self.store.entries.get(key)
        if entry is None:
            return None
        if entry[1] is not None and entry[1] <= time.time():
            self._drop(key)
            return None
        return entry

    def _drop(self, key):
        pickled, _ = self.store.entries.pop(key)
        self.store.size -= len(pickled)

    def _put(self, key, value, timeout):
        pickled = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        if key in self.store.entries:
            self._drop(key)
        if len(pickled) > self.max_bytes // 4:
            return False
        self.store.entries[key] = (pickled, self._expiry(timeout))
        self.store.size += len(pickled)
        while self.store.size > self.max_bytes:
            self._drop(next(iter(self.store.entries)))
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self.store.lock:
            if self._live(key) is not None:
                return False
            return self._put(key, value, timeout)

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self.store.lock:
            entry = self._live(key)
            if entry is None:
                return default
            self.store.entries.move_to_end(key)
            pickled = entry[0]
        return pickle.loads(pickled)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self.store.lock:
            self._put(key, value, timeout)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self.store.lock:
            entry = self._live(key)
            if entry is None:
                return False
            self.store.entries[key] = (entry[0], self._expiry(timeout))
            return True

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self.store.lock:
            if key not in self.store.entries:
                return False
            self._drop(key)
            return True

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self.store.lock:
            return self._live(key) is not None

    def clear(self):
        with self.store.lock:
            self.store.entries.clear()
            self.store.size = 0
