"""Settings come from the environment and are safe by default."""

import subprocess
import sys

from django.conf import settings
from django.utils import translation


def settings_in_subprocess(env, expression):
    result = subprocess.run(
        [sys.executable, "-c", f"import sfia_site.settings as s; print({expression})"],
        capture_output=True,
        text=True,
        env={"PATH": "", **env},
        cwd=settings.BASE_DIR,
    )
    return result


def test_refuses_to_start_without_a_secret_key_outside_debug():
    result = settings_in_subprocess({}, "s.DEBUG")
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_debug_is_off_unless_asked_for():
    result = settings_in_subprocess({"DJANGO_SECRET_KEY": "x", "DJANGO_DEBUG": "true"}, "s.DEBUG")
    assert result.stdout.strip() == "False"
    result = settings_in_subprocess({"DJANGO_DEBUG": "1"}, "s.DEBUG")
    assert result.stdout.strip() == "True"


def test_database_and_hosts_from_the_environment():
    result = settings_in_subprocess(
        {
            "DJANGO_SECRET_KEY": "x",
            "DATABASE_URL": "postgres://sfia:pw@db.internal:5432/sfia",
            "DJANGO_ALLOWED_HOSTS": "sfia.example.org, www.sfia.example.org",
        },
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST'], s.ALLOWED_HOSTS",
    )
    assert result.stdout.strip() == (
        "django.db.backends.postgresql db.internal ['sfia.example.org', 'www.sfia.example.org']"
    )


def test_defaults_are_sqlite_in_the_project_and_local_hosts_only():
    result = settings_in_subprocess(
        {"DJANGO_SECRET_KEY": "x"},
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], s.ALLOWED_HOSTS",
    )
    assert result.stdout.strip() == (
        f"django.db.backends.sqlite3 {settings.BASE_DIR / 'db.sqlite3'} "
        "['localhost', '127.0.0.1', '[::1]']"
    )


def test_the_declared_languages_english_first_named_in_the_readers_language():
    assert [code for code, _ in settings.LANGUAGES] == ["en", "de", "ru", "it", "ar"]
    assert settings.LANGUAGE_CODE == settings.MODELTRANSLATION_DEFAULT_LANGUAGE == "en"
    with translation.override("de"):
        assert str(dict(settings.LANGUAGES)["ar"]) == "Arabisch"


def test_cache_from_the_environment():
    result = settings_in_subprocess(
        {"DJANGO_SECRET_KEY": "x", "CACHE_URL": "redis://cache.internal:6379/2"},
        "s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION']",
    )
    assert (
        result.stdout.strip()
        == "django.core.cache.backends.redis.RedisCache redis://cache.internal:6379/2"
    )
    result = settings_in_subprocess({"DJANGO_SECRET_KEY": "x"}, "s.CACHES['default']['BACKEND']")
    assert result.stdout.strip() == "skills.page_cache.memory.BoundedMemoryCache"
    result = settings_in_subprocess({"DJANGO_SECRET_KEY": "x", "CACHE_URL": "memcached://x"}, "1")
    assert "CACHE_URL='memcached://x'" in result.stderr


def test_https_on_by_default_and_off_for_a_local_plain_http_run():
    on = settings_in_subprocess(
        {"DJANGO_SECRET_KEY": "x"},
        "s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS",
    )
    assert on.stdout.strip() == "True True True 31536000"
    off = settings_in_subprocess(
        {"DJANGO_SECRET_KEY": "x", "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_SECURE_COOKIES": "0"},
        "s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE",
    )
    assert off.stdout.strip() == "False False"
    wrong = settings_in_subprocess(
        {"DJANGO_SECRET_KEY": "x", "DJANGO_SECURE_SSL_REDIRECT": "maybe"}, "1"
    )
    assert "DJANGO_SECURE_SSL_REDIRECT='maybe': expected 1 or 0" in wrong.stderr


def test_csrf_origins_and_admin_path_from_the_environment():
    result = settings_in_subprocess(
        {
            "DJANGO_SECRET_KEY": "x",
            "DJANGO_CSRF_TRUSTED_ORIGINS": "https://sfia.example.org",
            "DJANGO_ADMIN_PATH": "/staff-only/",
        },
        "s.CSRF_TRUSTED_ORIGINS, s.ADMIN_PATH",
    )
    assert result.stdout.strip() == "['https://sfia.example.org'] staff-only/"


def test_postgresql_connections_prepare_repeated_queries_unless_told_not_to():
    postgres = {"DJANGO_SECRET_KEY": "x", "DATABASE_URL": "postgres://u@db.internal:5432/sfia"}
    options = "s.DATABASES['default'].get('OPTIONS')"

    prepared = settings_in_subprocess(postgres, options).stdout.strip()
    unprepared = settings_in_subprocess(
        {**postgres, "DJANGO_DB_PREPARED_STATEMENTS": "0"}, options
    ).stdout.strip()
    sqlite = settings_in_subprocess({"DJANGO_SECRET_KEY": "x"}, options).stdout.strip()

    assert prepared == "{'server_side_binding': True, 'prepare_threshold': 5}"
    assert unprepared in ("{}", "None")
    # SQLite gets no prepared statements, but what a web server needs (test_races.py).
    assert "prepare_threshold" not in sqlite and "'transaction_mode': 'IMMEDIATE'" in sqlite


def test_forwarded_addresses_are_believed_only_from_as_many_proxies_as_there_are():
    count = "s.SFIA_TRUSTED_PROXY_COUNT"
    assert settings_in_subprocess({"DJANGO_SECRET_KEY": "x"}, count).stdout.strip() == "0"
    proxy = {"DJANGO_SECRET_KEY": "x", "DJANGO_BEHIND_HTTPS_PROXY": "1"}
    assert settings_in_subprocess(proxy, count).stdout.strip() == "1"
    two = {**proxy, "DJANGO_TRUSTED_PROXY_COUNT": "2"}
    assert settings_in_subprocess(two, count).stdout.strip() == "2"


def test_gunicorn_believes_a_forwarded_scheme_only_behind_the_proxy():
    def gunicorn_settings(env):
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "import runpy; c = runpy.run_path('gunicorn.conf.py'); "
                "print(c['secure_scheme_headers'], repr(c['forwarded_allow_ips']))",
            ],
            capture_output=True,
            text=True,
            env={"PATH": "", "DJANGO_SECRET_KEY": "x", **env},
            cwd=settings.BASE_DIR,
        )
        return result.stdout.strip()

    assert gunicorn_settings({}) == "{} ''"
    assert gunicorn_settings({"DJANGO_BEHIND_HTTPS_PROXY": "1"}) == (
        "{'X-FORWARDED-PROTO': 'https'} '127.0.0.1,::1'"
    )


def test_check_deploy_asks_for_the_sites_address_until_it_is_set(monkeypatch):
    from django.core import checks

    monkeypatch.delenv("DJANGO_SITE_URL", raising=False)
    warned = [m.id for m in checks.run_checks(include_deployment_checks=True)]
    monkeypatch.setenv("DJANGO_SITE_URL", "https://sfia.example.org")
    set_ = [m.id for m in checks.run_checks(include_deployment_checks=True)]

    assert "sfia.W001" in warned and "sfia.W001" not in set_


def test_the_sites_address_comes_from_the_environment_and_is_checked():
    result = settings_in_subprocess(
        {"DJANGO_SECRET_KEY": "x", "DJANGO_SITE_URL": "https://sfia.example.org/"},
        "s.SFIA_SITE_URL, 'sfia.example.org' in s.ALLOWED_HOSTS",
    )
    assert result.stdout.strip() == "https://sfia.example.org True"
    result = settings_in_subprocess({"DJANGO_SECRET_KEY": "x"}, "s.SFIA_SITE_URL")
    assert result.stdout.strip() == "https://localhost"
    result = settings_in_subprocess({"DJANGO_SECRET_KEY": "x", "DJANGO_SITE_URL": "sfia.org"}, "1")
    assert "DJANGO_SITE_URL='sfia.org': expected the site's address" in result.stderr
