"""The local-memory cache (no Redis): Django's cache API, bounded in bytes, shared by a
process's threads."""

import threading

import pytest
from django.core.cache import cache, caches

from skills.page_cache.memory import BoundedMemoryCache

MB = 1024 * 1024


def bounded(max_bytes, location="tests"):
    store = BoundedMemoryCache(location, {"OPTIONS": {"MAX_BYTES": max_bytes}})
    store.clear()
    return store


def test_the_sites_cache_without_redis_is_the_bounded_one():
    assert isinstance(caches["default"], BoundedMemoryCache)
    assert cache.max_bytes == 64 * MB


def test_it_is_bounded_in_bytes_not_entries():
    """300 files of 1.4 MB in Django's LocMemCache (300 entries) grew a worker by 200 MB."""
    store = bounded(8 * MB)
    for number in range(300):
        store.set(f"file-{number}", b"x" * (MB + MB // 2))

    assert store.size <= 8 * MB
    assert len(store) == 5
    assert store.get("file-299") is not None and store.get("file-0") is None


def test_the_least_recently_used_goes_first_and_a_huge_value_is_not_kept():
    store = bounded(4 * MB)
    third = b"x" * (MB - 1024)  # each a little under a quarter
    for key in "abcd":
        store.set(key, third)
    store.get("a")  # used: b is now the oldest
    store.set("e", third)

    assert store.get("b") is None
    assert all(store.get(key) == third for key in "acde")
    store.set("huge", b"h" * (MB + 1))  # over a quarter of the whole
    assert store.get("huge") is None and store.get("a") == third


@pytest.mark.parametrize("timeout", [0, -1])
def test_the_cache_api_as_django_defines_it(timeout):
    store = bounded(MB)
    assert store.add("k", 1) is True and store.add("k", 2) is False
    assert store.get("k") == 1 and store.has_key("k")
    assert store.incr("k") == 2
    assert store.touch("k", 60) and store.delete("k") and not store.delete("k")
    store.set("gone", "x", timeout=timeout)  # expired at once, as Django's backends do
    assert store.get("gone", "default") == "default"
    store.set_many({"x": 1, "y": 2})
    assert store.get_many(["x", "y", "z"]) == {"x": 1, "y": 2}


def test_a_processs_threads_share_one_store():
    store = bounded(MB, location="shared")
    store.set("seen", "by every thread")
    found = []
    other = threading.Thread(
        target=lambda: found.append(bounded_view("shared").get("seen")), daemon=True
    )
    other.start()
    other.join()

    assert found == ["by every thread"]


def bounded_view(location):
    return BoundedMemoryCache(location, {"OPTIONS": {"MAX_BYTES": MB}})
