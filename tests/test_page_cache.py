"""Whole pages from the cache, retired by any content change from any process; conditional
GET; and the page budgets."""

import gzip
import io
import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command

from skills.models import Skill

from .conftest import SLMO, require_service

# Transactions must commit for the content version to move, as they do in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cached(settings):
    settings.SFIA_PAGE_CACHE = True
    call_command("loaddata", "fixtures/sfia.json", verbosity=0)


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


def test_a_revalidation_answers_304_with_no_body(client, cached):
    etag = client.get("/ar/skills/slmo/5/")["ETag"]

    response = client.get("/ar/skills/slmo/5/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_an_admin_save_shows_on_the_next_request(client, admin_client, cached):
    from .forms import form_fields

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
    test_database = settings.DATABASES["default"]["NAME"]
    engine = settings.DATABASES["default"]["ENGINE"]
    url = (
        f"sqlite:///{test_database}"
        if "sqlite" in engine
        else f"postgres://postgres@127.0.0.1:5432/{test_database}"
    )
    subprocess.run(
        [sys.executable, "manage.py", "import_sources", str(sources)],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "tests.settings"},
        check=True,
        capture_output=True,
    )

    assert "Prüft die Leistungskennzahlen" in client.get("/de/skills/slmo/3/").text


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


def test_with_a_shared_cache_a_cached_page_costs_no_query(
    client, cached, settings, django_assert_num_queries
):
    require_service("Redis", 6379)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/13",
            "KEY_PREFIX": f"test-{os.getpid()}",
        }
    }
    from django.core.cache import cache

    cache.clear()
    client.get("/ru/skills/slmo/")
    with django_assert_num_queries(0):
        response = client.get("/ru/skills/slmo/")
    assert "Управление уровнем услуг" in response.text

    skill = Skill.objects.get(code="SLMO")
    skill.name_ru = "Новое имя"
    skill.save()
    assert "Новое имя" in client.get("/ru/skills/slmo/").text
    cache.clear()


@pytest.mark.parametrize("lang", ["en", "de", "ru", "it", "ar"])
def test_a_skill_page_weighs_under_30_kb(client, cached, lang):
    assert len(client.get(f"/{lang}/skills/slmo/").content) < 30 * 1024


def test_the_stylesheet_weighs_under_10_kb_compressed():
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_bytes()
    assert len(gzip.compress(css, compresslevel=9)) < 10 * 1024
    assert len(io.BytesIO(css).getvalue()) > 1000  # the real stylesheet, not an empty one
