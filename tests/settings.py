"""Test settings: the real settings, plus what only tests want."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key")

from sfia_site.settings import *  # noqa: E402, F403
from sfia_site.settings import STORAGES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Pages render without collectstatic; production's hashed manifest storage is tested on its own.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The test client speaks plain HTTP; tests of the HTTPS defaults turn this back on.
SECURE_SSL_REDIRECT = False

# SQLite's test database in a file rather than in memory: the live server's threads then get
# their own connections (in memory they share the test's, and a request still finishing races
# the flush after each browser test). One file per test run, so that two runs side by side (a
# developer's and an editor's hook, say) don't flush each other's data.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    (BASE_DIR / "build").mkdir(exist_ok=True)  # noqa: F405
    _test_db = BASE_DIR / "build" / f"test-db-{os.getpid()}.sqlite3"  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(_test_db)}  # noqa: F405

# django-axes announces itself and each reset at INFO; tests don't need to hear it.
AXES_VERBOSE = False

# Pages are cached only where a test asks for it (tests/page_cache/): elsewhere a test's
# rolled-back transaction never commits, so the content version would never move.
SFIA_PAGE_CACHE = False

# The address the test client's requests name: published URIs read http://testserver/….
SFIA_SITE_URL = "http://testserver"

# A test database needs no durability: on PostgreSQL, commits don't wait for the disk, which
# the transactional tests' loads and flushes otherwise wait on at every commit.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
