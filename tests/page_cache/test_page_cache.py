"""Whole pages from the cache, retired by any content change from any process; conditional
GET; and the page budgets."""

import gzip
import io
import os
import shutil
import socket
import subprocess
import sys
import threading
import time

import pytest
import redis
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db.models import F

from sfia_site.settings import cache_from_url
from skills.framework.models import ContentVersion, Edition, GenericAttribute, Skill
from skills.page_cache import watch as watch_module
from skills.page_cache.middleware import PageCacheMiddleware
from skills.page_cache.outage import CACHE_OUTAGE
from skills.page_cache.release import release
from skills.page_cache.store import LOCAL_PAGES, LocalPages
from skills.page_cache.version import content_version
from skills.page_cache.watch import ContentVersionWatch, read_content_version
from tests.attributes import add_invented_attributes
from tests.conftest import SLMO, TEST_REDIS, require_service

# Transactions must commit for the content version to move, as they do in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cached(settings):
    settings.SFIA_PAGE_CACHE = True
    # As every start loads it: an import after it then follows the changed source.
    call_command("load_content", stdout=io.StringIO())


def test_the_second_request_is_served_from_the_cache(client, cached, django_assert_num_queries):
    first = client.get("/de/skills/slmo/")
    # With a process-local cache, the version comes from the database: one small query.
    with django_assert_num_queries(1):
        second = client.get("/de/skills/slmo/")

    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Language"] == "de"
    assert "script-src 'self'" in second["Content-Security-Policy"]
    assert second["Cache-Control"] == "public, max-age=0, must-revalidate, s-maxage=60"
    assert second["Last-Modified"].endswith("GMT")


@pytest.mark.parametrize(
    "path", ["/de/skills/", "/de/levels/5/", "/de/attributes/", "/de/attributes/zeal/"]
)
def test_the_framework_pages_come_from_the_cache_too(
    client, cached, django_assert_num_queries, path
):
    add_invented_attributes()
    first = client.get(path)
    with django_assert_num_queries(1):  # the version, as above: not the edition again
        second = client.get(path)

    assert second.status_code == 200
    assert second.content == first.content


def test_a_change_to_an_attribute_or_the_edition_shows_on_the_next_request(client, cached):
    add_invented_attributes()
    heading = '<h1><bdi class="code" translate="no">ZEAL</bdi> {}</h1>'
    assert heading.format("Eifer") in client.get("/de/attributes/zeal/").text

    attribute = GenericAttribute.objects.get(code="ZEAL")
    attribute.name_de = "Tatkraft"
    attribute.save()
    edition = Edition.objects.get(pk=1)
    edition.name = "SFIA 10"
    edition.save()

    page = client.get("/de/attributes/zeal/").text
    assert heading.format("Tatkraft") in page
    assert '<bdi translate="no">SFIA 10</bdi>' in page
    assert '<bdi translate="no">SFIA 10</bdi>' in client.get("/de/skills/slmo/").text


def test_a_revalidation_answers_304_with_no_body(client, cached):
    etag = client.get("/ar/skills/slmo/5/")["ETag"]

    response = client.get("/ar/skills/slmo/5/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_a_page_comes_compressed_to_a_browser_from_the_cache_and_revalidates(client, cached):
    plain = client.get("/ar/skills/slmo/")
    assert "Content-Encoding" not in plain  # to a client that takes no gzip
    for _ in range(2):  # made, then from the cache
        response = client.get("/ar/skills/slmo/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert response["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.content) == plain.content
        # Within a new connection's first round trip (TCP's initial window, 14,600 bytes).
        assert int(response["Content-Length"]) < 14_600 < len(plain.content)
        assert "Accept-Encoding" in response["Vary"]

    # The browser sends back the ETag as given (weak, for a compressed body): still a 304.
    assert response["ETag"].startswith('W/"')
    again = client.get(
        "/ar/skills/slmo/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=response["ETag"]
    )
    assert again.status_code == 304


def test_an_admin_save_shows_on_the_next_request(client, admin_client, cached):
    from tests.forms import form_fields

    before = client.get("/de/skills/slmo/")
    skill = Skill.objects.get(code="SLMO")
    url = f"/en/admin/skills/skill/{skill.pk}/change/"
    fields = form_fields(admin_client.get(url).text, "skill_form")
    assert admin_client.post(url, {**fields, "name_de": "Dienstgüte"}).status_code == 302

    after = client.get("/de/skills/slmo/")
    assert "Dienstgüte" in after.text
    assert after["ETag"] != before["ETag"]
    assert client.get("/de/skills/slmo/", HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200


def test_an_import_from_another_process_shows_at_once(client, cached, tmp_path):
    assert "Überwacht die Leistungskennzahlen" in client.get("/de/skills/slmo/3/").text
    sources = tmp_path / "sources"
    shutil.copytree(SLMO, sources / "SLMO")
    german = sources / "SLMO" / "de.txt"
    german.write_text(
        german.read_text(encoding="utf-8").replace("Überwacht die", "Prüft die"), encoding="utf-8"
    )
    subprocess.run(
        [sys.executable, "manage.py", "import_sources", str(sources)],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DATABASE_URL": database_url(),
            "DJANGO_SETTINGS_MODULE": "tests.settings",
        },
        check=True,
        capture_output=True,
    )

    assert "Prüft die Leistungskennzahlen" in client.get("/de/skills/slmo/3/").text


def database_url():
    """The test database, for another process."""
    name = settings.DATABASES["default"]["NAME"]
    if "sqlite" in settings.DATABASES["default"]["ENGINE"]:
        return f"sqlite:///{name}"
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def test_a_change_without_the_version_stays_cached_until_one_comes(client, cached):
    """Proves the page really comes from the cache (and what a raw SQL edit would miss)."""
    client.get("/it/skills/slmo/")
    Skill.objects.filter(code="SLMO").update(name_it="Nome nuovo")  # no save(), no bump

    assert "Nome nuovo" not in client.get("/it/skills/slmo/").text
    skill = Skill.objects.get(code="SLMO")
    skill.save()
    assert "Nome nuovo" in client.get("/it/skills/slmo/").text


def test_a_request_with_a_session_is_never_served_from_the_cache(client, admin_client, cached):
    client.get("/it/skills/slmo/")
    Skill.objects.filter(code="SLMO").update(name_it="Nome nuovo")  # the cached page is stale

    assert "Nome nuovo" in admin_client.get("/it/skills/slmo/").text
    assert "ETag" not in admin_client.get("/it/skills/slmo/")


def test_admin_pages_and_errors_are_never_cached(
    admin_client, client, cached, django_assert_max_num_queries
):
    for _ in range(2):
        response = admin_client.get("/en/admin/skills/skill/")
        assert "ETag" not in response
    assert "ETag" not in client.get("/en/admin/login/")
    assert "ETag" not in client.get("/en/skills/nope/")
    assert "ETag" not in client.get("/language/de/?next=/de/")


@pytest.fixture
def redis_cache(settings):
    """The Redis cache, as CACHE_URL=redis://… configures it, in a database of its own."""
    require_service("Redis", 6379)
    settings.CACHES = {"default": cache_from_url(TEST_REDIS)}
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()


def listening_watch():
    """This process's watch on the content version, subscribed to its announcements."""
    watch = ContentVersionWatch.for_this_process()
    watch.current()
    assert watch.subscription is not None, "never subscribed to the content version"
    return watch


def version_once_announced(watch, before, seconds=2):
    """The watch's version once Redis has delivered the announcement just published: delivery
    is asynchronous, so a poll right after publishing may not see it yet (a request, later,
    would). Far sooner than the 30 s recheck, so only the announcement can move it."""
    deadline = time.monotonic() + seconds
    while (version := watch.current()[0]) == before and time.monotonic() < deadline:
        time.sleep(0.01)
    return version


class CountedGets:
    """Counts the reads from the cache (each a round trip to Redis)."""

    def __init__(self, cache, monkeypatch):
        self.count = 0
        backend = caches["default"]
        original = backend.get

        def get(*args, **kwargs):
            self.count += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(backend, "get", get)


def test_with_a_shared_cache_a_cached_page_costs_no_query_and_no_round_trip(
    client, cached, redis_cache, django_assert_num_queries, monkeypatch
):
    listening_watch()
    client.get("/ru/skills/slmo/")  # rendered and stored
    client.get("/ru/skills/slmo/")  # the version read and kept
    gets = CountedGets(redis_cache, monkeypatch)

    with django_assert_num_queries(0):
        response = client.get("/ru/skills/slmo/")

    assert "Управление уровнем услуг" in response.text
    assert gets.count == 0
    skill = Skill.objects.get(code="SLMO")
    skill.name_ru = "Новое имя"
    skill.save()
    assert "Новое имя" in client.get("/ru/skills/slmo/").text


def test_a_change_announced_by_another_process_shows_at_once(client, cached, redis_cache):
    watch = listening_watch()
    client.get("/de/skills/slmo/3/")
    assert "Überwacht die Leistungskennzahlen" in client.get("/de/skills/slmo/3/").text
    assert watch.known is not None  # kept: no query for the version until an announcement

    subprocess.run(
        [sys.executable, "-c", ANNOUNCE_FROM_ANOTHER_PROCESS],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DATABASE_URL": database_url(),
            "CACHE_URL": TEST_REDIS,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
        },
        check=True,
        capture_output=True,
    )

    # The other process has announced its change: the very next request shows it.
    assert "Prüft die Leistungskennzahlen" in client.get("/de/skills/slmo/3/").text


def test_an_announcement_already_made_is_heard_by_the_very_next_request(cached, redis_cache):
    """As when one server's save is followed at once by a request to another: the
    announcement is on the way before the request, and must be heard before it is served."""
    watch = listening_watch()
    kept, _changed_at = watch.current()
    # Another process's change, committed and announced.
    ContentVersion.objects.filter(pk=1).update(version=F("version") + 1)
    watch.announce()

    assert version_once_announced(watch, kept) == kept + 1


def test_announcements_need_only_djangos_own_redis_backend_as_documented(cached, settings):
    """A Redis cache configured by hand, as Django documents it, is shared and announces."""
    require_service("Redis", 6379)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": TEST_REDIS,
        }
    }
    watch = listening_watch()
    kept, _changed_at = watch.current()
    ContentVersion.objects.filter(pk=1).update(version=F("version") + 1)
    watch.announce()

    assert version_once_announced(watch, kept) == kept + 1


ANNOUNCE_FROM_ANOTHER_PROCESS = """
import django
django.setup()
from skills.framework.models import SkillLevel
level = SkillLevel.objects.get(skill__code="SLMO", level=3)
level.description_de = level.description_de.replace("Überwacht die", "Prüft die")
level.save()
"""


def test_a_process_not_listening_reads_the_version_every_request(
    cached, settings, django_assert_num_queries
):
    settings.CACHES = {"default": cache_from_url("redis://127.0.0.1:1/0")}  # nothing there
    watch = ContentVersionWatch.for_this_process()

    for _ in range(2):
        with django_assert_num_queries(1):
            version, _changed_at = watch.current()
        assert version == read_content_version()[0]
    assert watch.subscription is None


def test_a_kept_version_is_read_again_after_a_while_even_with_no_announcement(
    cached, redis_cache, monkeypatch, django_assert_num_queries
):
    watch = listening_watch()
    watch.current()
    with django_assert_num_queries(0):
        watch.current()

    monkeypatch.setattr(watch_module, "VERSION_RECHECK_SECONDS", 0)

    with django_assert_num_queries(1):
        watch.current()


@pytest.mark.parametrize("lang", ["en", "de", "ru", "it", "ar"])
def test_a_skill_page_weighs_under_30_kb(client, cached, lang):
    assert len(client.get(f"/{lang}/skills/slmo/").content) < 30 * 1024


def test_the_stylesheet_weighs_under_10_kb_compressed():
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_bytes()
    assert len(gzip.compress(css, compresslevel=9)) < 10 * 1024
    assert len(io.BytesIO(css).getvalue()) > 1000  # the real stylesheet, not an empty one


def test_one_import_moves_the_version_once_however_many_rows_it_saves(cached, sources_dir):
    Skill.objects.all().delete()
    before = read_content_version()[0]

    call_command("import_sources", str(sources_dir), stdout=io.StringIO())  # 8 rows and more

    assert read_content_version()[0] == before + 1


def test_a_rolled_back_change_leaves_the_next_commit_its_bump(cached):
    from django.db import transaction

    before = read_content_version()[0]
    with pytest.raises(RuntimeError), transaction.atomic():
        Skill.objects.get(code="SLMO").save()
        raise RuntimeError("rolled back")
    assert read_content_version()[0] == before

    with transaction.atomic():
        Skill.objects.get(code="SLMO").save()
        Skill.objects.get(code="SLMO").levels.first().save()

    assert read_content_version()[0] == before + 1


# Redis out of reach: a miss, not an error page.


@pytest.fixture
def restartable_redis(settings, tmp_path):
    """A Redis server of the test's own, on a port of its own, that the test can stop and
    start again: the site's cache while it runs."""
    require_service("Redis", 6379)  # the machine has Redis: its server binary is there
    port = free_port()

    def start():
        server = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(tmp_path),
            ],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                return server
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("redis-server did not start")

    servers = [start()]
    settings.CACHES = {"default": cache_from_url(f"redis://127.0.0.1:{port}/0")}

    class Control:
        def stop(self):
            servers[-1].terminate()
            servers[-1].wait()

        def start(self):
            servers.append(start())

    yield Control()
    for server in servers:
        server.terminate()
        server.wait()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_with_redis_down_pages_render_from_the_database_and_recover(
    client, cached, restartable_redis, caplog, monkeypatch
):
    assert "Überwacht die" in client.get("/de/skills/slmo/3/").text  # cached in Redis
    restartable_redis.stop()
    LOCAL_PAGES.clear()
    ContentVersionWatch.forget_in_this_process()

    with caplog.at_level("WARNING", logger="skills.page_cache.outage"):
        for _ in range(5):
            response = client.get("/de/skills/slmo/3/")
            assert response.status_code == 200
            assert "Überwacht die" in response.text
            monkeypatch.setattr(CACHE_OUTAGE, "retry_at", 0)  # ask Redis each time
    outage_lines = [r for r in caplog.records if "the cache is out of reach" in r.getMessage()]
    assert len(outage_lines) == 1  # once a minute, not once a request
    health = client.get("/healthz")
    assert (health.status_code, health.content) == (
        200,
        b"ok\ndatabase: ok\ncache: unavailable\n",
    )

    restartable_redis.start()
    LOCAL_PAGES.clear()
    monkeypatch.setattr(CACHE_OUTAGE, "retry_at", 0)
    client.get("/de/skills/slmo/3/")  # stored in Redis again
    assert client.get("/healthz").content == b"ok\ndatabase: ok\ncache: ok\n"
    assert any(key.startswith("sfia:page:") for key in redis_keys(settings.CACHES))


def redis_keys(caches_setting):
    import redis as redis_client

    client = redis_client.Redis.from_url(caches_setting["default"]["LOCATION"])
    return [key.decode().split(":", 2)[-1] for key in client.keys("*")]


def test_query_strings_make_no_new_cache_entries(client, cached, redis_cache):
    for number in range(2000):
        response = client.get(f"/en/skills/slmo/?flood={number}&utm_source=x{number}")
        assert response.status_code == 200
    client.get("/de/skills/slmo/?flood=1")

    pages = [key for key in redis_keys(settings.CACHES) if key.startswith("sfia:page:")]
    assert len(pages) == 2  # one a page and language
    assert len(LOCAL_PAGES.pages) == 2


def test_a_sitemap_page_is_keyed_by_its_page_number(rf):
    middleware = PageCacheMiddleware(lambda request: None)
    first, second, ignored = (
        middleware.key(rf.get(path), "release")
        for path in ("/sitemap.xml?p=1", "/sitemap.xml?p=2", "/sitemap.xml?p=1&x=9")
    )
    assert first != second
    assert first == ignored


def test_the_pages_kept_in_memory_are_bounded_by_weight():
    pages = LocalPages(max_bytes=1000)
    for number in range(10):
        pages.put(f"page-{number}", (1, b"x" * 300, {}))
    pages.get("page-7")  # recently used: kept
    pages.put("page-10", (1, b"x" * 300, {}))

    assert pages.size <= 1000
    assert set(pages.pages) == {"page-9", "page-7", "page-10"}
    pages.put("huge", (1, b"x" * 1001, {}))  # larger than the whole: never kept
    assert "huge" not in pages.pages


class CountedRenders:
    """Counts the skill pages rendered (each reads the skill's texts once)."""

    def __init__(self, monkeypatch):
        from skills.reader import views

        self.count = 0
        original = views.read_skill_page

        def read(*args, **kwargs):
            self.count += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(views, "read_skill_page", read)


def test_a_made_up_session_cookie_is_served_from_the_cache(client, cached, monkeypatch):
    client.get("/de/skills/slmo/")
    renders = CountedRenders(monkeypatch)
    client.cookies[settings.SESSION_COOKIE_NAME] = "x"

    for _ in range(3):
        response = client.get("/de/skills/slmo/")
        assert "Service-Level-Management" in response.text
        assert "ETag" in response

    assert renders.count == 0


def test_head_is_served_from_the_cache_with_the_headers_of_get(client, cached, monkeypatch):
    get = client.get("/ar/skills/slmo/5/")
    renders = CountedRenders(monkeypatch)

    head = client.head("/ar/skills/slmo/5/")

    assert renders.count == 0
    assert head.status_code == 200 and head.content == b""
    for header in ("ETag", "Last-Modified", "Cache-Control", "Content-Type", "Content-Length"):
        assert head[header] == get[header], header
    assert int(get["Content-Length"]) == len(get.content)


def test_a_first_head_is_stored_for_the_gets_after_it(client, cached, monkeypatch):
    renders = CountedRenders(monkeypatch)
    assert client.head("/it/skills/slmo/").content == b""
    assert "Gestione del livello di servizio" in client.get("/it/skills/slmo/").text
    assert renders.count == 1


def test_options_says_what_is_allowed_and_renders_nothing(client, cached, monkeypatch):
    renders = CountedRenders(monkeypatch)

    response = client.options("/en/skills/slmo/")

    assert (response.status_code, response.content) == (200, b"")
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert renders.count == 0
    trace = client.generic("TRACE", "/en/skills/slmo/")
    assert trace.status_code == 405 and trace["Allow"] == "GET, HEAD, OPTIONS"
    assert renders.count == 0


class CountedSearches:
    """Counts the searches the search page makes."""

    def __init__(self, monkeypatch):
        from skills.reader import views

        self.count = 0
        original = views.engine.search

        def search(*args, **kwargs):
            self.count += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(views.engine, "search", search)


def test_search_pages_are_never_in_the_shared_cache_and_each_query_has_its_own(client, cached, rf):
    """The shared cache's keys leave the query string out, so a search page there would answer
    every search (and made-up queries would push the pages out): the middleware never looks
    search pages up there, nor stores them."""
    key = PageCacheMiddleware.key(rf.get("/en/search/"), release()[0])[0]
    caches["default"].set(key, (content_version()[0], b"a kept search", {}))

    negotiation = client.get("/en/search/?q=negotiation")
    monitors = client.get("/en/search/?q=monitors")

    assert "<mark>Negotiates</mark>" in negotiation.text
    assert "<mark>Monitors</mark>" not in negotiation.text
    assert "<mark>Monitors</mark>" in monitors.text
    assert "<mark>Negotiates</mark>" not in monitors.text
    assert caches["default"].get(key) == (content_version()[0], b"a kept search", {})
    assert key not in LOCAL_PAGES.pages
    assert client.get("/de/skills/slmo/").has_header("ETag")  # other pages are cached


def test_a_search_asked_again_comes_from_this_process_until_the_content_changes(
    client, cached, monkeypatch, django_assert_num_queries
):
    searches = CountedSearches(monkeypatch)
    first = client.get("/en/search/?q=negotiation")

    # The same query as the page reads it (spaces collapsed), another parameter ignored: with
    # a process-local cache, only the content version is read.
    with django_assert_num_queries(1):
        again = client.get("/en/search/?q=++negotiation+&utm=x")

    assert searches.count == 1
    assert again.content == first.content
    # Still the view's own headers: kept from search engines, and from browsers' and CDNs'
    # caches.
    assert again["X-Robots-Tag"] == "noindex"
    assert "no-cache" in again["Cache-Control"] and not again.has_header("ETag")
    assert "NEGOTIATION" in client.get("/en/search/?q=NEGOTIATION").text  # its own page
    assert "/de/skills/slmo/" in client.get("/de/search/?q=negotiation").text
    assert searches.count == 3

    level = Skill.objects.get(code="SLMO").levels.get(level=5)
    level.description_en = "Agrees invented targets."
    level.save()

    fresh = client.get("/en/search/?q=negotiation")
    assert searches.count == 4
    assert "/en/skills/slmo/5/" not in fresh.text and "/en/skills/slmo/5/" in first.text


def test_a_search_page_is_kept_under_its_query_cut_to_its_length(client, cached, monkeypatch):
    searches = CountedSearches(monkeypatch)
    long_query = "negotiation " + "x" * 2000

    client.get("/en/search/", {"q": long_query})
    client.get("/en/search/", {"q": long_query[:200] + "y" * 500})  # the same, once cut

    assert searches.count == 1
    kept = [key for key in LOCAL_PAGES.pages if key[0] == "by-query"]
    assert len(kept) == 1 and len(kept[0][-1]) <= 200


def test_a_signed_in_reader_s_search_is_not_kept(admin_client, cached):
    admin_client.get("/en/search/?q=negotiation")

    assert not [key for key in LOCAL_PAGES.pages if key[0] == "by-query"]


def test_only_the_search_page_under_a_language_is_kept_by_its_query():
    uncached = PageCacheMiddleware.page_by_query

    assert all(uncached(f"/{lang}/search/") for lang in ("en", "de", "ru", "it", "ar"))
    assert not uncached("/en/skills/")
    assert not uncached("/search/")  # no language: redirected to one, and cacheable as such
    assert not uncached("/xx/search/")
    assert not uncached("/en/search/more/")


@pytest.fixture
def hung_redis(settings):
    """A Redis at CACHE_URL that accepts connections and never answers: the connections it
    accepted, counted."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    accepted = []

    def accept():
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            accepted.append(connection)  # held open, never read, never answered

    threading.Thread(target=accept, daemon=True).start()
    port = listener.getsockname()[1]
    settings.CACHES = {"default": cache_from_url(f"redis://127.0.0.1:{port}/0")}
    ContentVersionWatch.forget_in_this_process()
    yield accepted
    listener.close()
    for connection in accepted:
        connection.close()


def test_a_redis_that_never_answers_is_left_alone_by_the_cache_and_the_subscription(
    client, cached, hung_redis
):
    """Every dynamic request took a second (0.8 requests/s against 4,000): each second the
    cache and the content version's subscription tried Redis again, and each try waited for
    its whole timeout."""
    responses = [client.get("/de/skills/slmo/3/") for _ in range(20)]

    assert all("Überwacht die" in response.text for response in responses)
    # The first request's cache read timed out; after it, Redis is left alone, the
    # subscription included (which, tried, would open a connection of its own).
    assert len(hung_redis) == 1


def test_each_failure_in_a_row_leaves_redis_alone_twice_as_long_up_to_half_a_minute():
    from skills.page_cache.outage import CacheOutage

    outage = CacheOutage()

    def fails():
        raise redis.TimeoutError("no answer")

    waits = []
    for _ in range(7):
        outage.retry_at = 0  # the wait is over: try again
        outage.call(fails)
        waits.append(outage.backoff)
    outage.retry_at = 0
    outage.call(lambda: "answered")

    assert waits == [1, 2, 4, 8, 16, 30, 30]
    assert outage.backoff == 0 and not outage.out()
