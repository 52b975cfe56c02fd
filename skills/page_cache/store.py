"""The pages this process served last, kept in its memory."""

import threading
from collections import OrderedDict


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
