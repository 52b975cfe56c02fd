import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from skills.content.sources import read_framework

SOURCES = Path(settings.SFIA_SOURCES_DIR)
SLMO = SOURCES / "SLMO"
SHARED_SOURCES = Path(settings.BASE_DIR).parent / "shared" / "source-texts"


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in English: a request leaves its language active in the thread."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing cached: the local-memory cache outlives a test."""
    from django.core.cache import cache

    from skills.opendata.downloads import FAILED
    from skills.page_cache.outage import CACHE_OUTAGE
    from skills.page_cache.store import LOCAL_PAGES
    from skills.page_cache.watch import ContentVersionWatch

    cache.clear()
    FAILED.clear()  # a file that could not be made, remembered for a version of another test
    LOCAL_PAGES.clear()
    ContentVersionWatch.forget_in_this_process()
    CACHE_OUTAGE.reset()  # no outage carried over, nor its log


@pytest.fixture(scope="session")
def framework():
    return read_framework(settings.SFIA_FRAMEWORK_FILE)


@pytest.fixture
def sources_dir(tmp_path):
    """A fresh folder of skill sources holding a copy of SLMO."""
    root = tmp_path / "sources"
    root.mkdir()
    shutil.copytree(SLMO, root / "SLMO")
    return root


def slmo_text(language):
    return (SLMO / f"{language}.txt").read_text(encoding="utf-8")


def content_snapshot():
    """Every content row, keyed by natural keys, with every per-language column (never the
    bare translated field, whose value is undetermined). Equal snapshots: equal content."""
    from skills.framework.models import CONTENT_MODELS
    from skills.framework.translation import translated_fields

    snapshot = {}
    for model in CONTENT_MODELS:
        bare = set(translated_fields(model))
        rows = {}
        for instance in model.objects.all():
            row = {}
            for field in model._meta.concrete_fields:
                if field.name in bare or (field.primary_key and field.auto_created):
                    continue
                row[field.name] = natural(getattr(instance, field.name))
            key = natural(instance)
            rows[key] = row
        snapshot[model.__name__] = rows
    return snapshot


def natural(value):
    """A model instance as its natural key (or primary key); anything else as it is."""
    if hasattr(value, "natural_key"):
        return value.natural_key()
    return getattr(value, "pk", value)


# Browser tests: Debian's Chromium, started so that it reaches no other host (TOOLS.md).
# The Redis databases tests may fill and empty: the page cache's tests' and a production
# deployment's. Two runs sharing one Redis at once (CI runs SQLite's and PostgreSQL's side by
# side) name others: SFIA_TEST_REDIS_DBS=11,12.
PAGE_CACHE_REDIS_DB, PRODUCTION_REDIS_DB = (
    int(number) for number in os.environ.get("SFIA_TEST_REDIS_DBS", "13,15").split(",")
)
TEST_REDIS = f"redis://127.0.0.1:6379/{PAGE_CACHE_REDIS_DB}"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
]
NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"


def manage(env, *args, cwd=settings.BASE_DIR, check=True):
    """`manage.py ARGS` in a process of its own, with `env`; raises if it fails (`check`)."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=cwd,
        env=env,
        check=check,
        capture_output=True,
        text=True,
    )


# A command run as a person at a bare terminal would: the test settings, a database of its own
# that dies with it, nothing on PATH.
BARE_COMMAND_ENV = {
    "DJANGO_SETTINGS_MODULE": "tests.settings",
    "DATABASE_URL": "sqlite:///:memory:",
    "PATH": "",
}


def require_tool(path, how):
    """Skip without `path` on a developer's machine (saying how to get it); fail under CI."""
    if Path(path).exists():
        return
    message = f"{path} is missing: {how}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must install it: {message}")
    pytest.skip(message)


def require_service(name, port):
    """Skip unless `name` answers on 127.0.0.1:`port` (saying so); fail under CI."""
    import socket

    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except OSError:
        message = f"{name} is not running on 127.0.0.1:{port}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs {name}: {message}")
        pytest.skip(message)


@pytest.fixture(scope="module")
def chromium():
    require_tool(CHROMIUM, "apt-get install chromium (never `playwright install`)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, which Django's guard against
    # blocking calls in async code mistakes for async code: lift it only while a browser is up.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


class Watched:
    """A page that records every request it makes and every console error."""

    def __init__(self, page):
        self.page = page
        self.requests = []
        self.console_errors = []
        self.in_flight = set()
        page.on("request", self.started)
        page.on("requestfinished", lambda request: self.in_flight.discard(request))
        page.on("requestfailed", lambda request: self.in_flight.discard(request))
        page.on(
            "console",
            lambda message: message.type == "error" and self.console_errors.append(message.text),
        )

    def started(self, request):
        self.requests.append(request.url)
        self.in_flight.add(request)

    def settle(self, seconds=5):
        """Wait for the requests still under way: the live server must be done with the
        database before the test's data is flushed (an admin view holds its locks until it
        answers, and would deadlock with the flush)."""
        deadline = time.monotonic() + seconds
        while self.in_flight and time.monotonic() < deadline:
            self.page.wait_for_timeout(20)


def sign_in(browser_page, live_server, user):
    """`browser_page`'s page, signed in to the live server's admin as `user`."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    page = browser_page.page
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context(viewport={"width": 1100, "height": 900})
    watched = Watched(context.new_page())
    yield watched
    watched.settle()
    context.close()


@pytest.fixture
def live_content(live_server, transactional_db, settings):
    """The live server, serving the SFIA content and the invented attributes (tests/pages.py),
    as the site's address (what its pages print and publish as theirs)."""
    from tests.attributes import load_page_content

    settings.SFIA_SITE_URL = live_server.url

    load_page_content()
    return live_server


@pytest.fixture
def content(db):
    """The pages' content: the SLMO fixture and the invented attributes (tests/pages.py)."""
    from tests.attributes import load_page_content

    load_page_content()


@pytest.fixture
def translator(content, client):
    """A German translator, signed in with `client`."""
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    call_command("setup_roles", stdout=io.StringIO())
    user = User.objects.create_user("dora", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translator (German)"))
    client.force_login(user)
    return user
