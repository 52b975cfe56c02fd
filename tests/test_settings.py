"""Settings come from the environment and are safe by default."""

import subprocess
import sys

from django.conf import settings


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


def test_five_languages_english_first():
    assert [code for code, _ in settings.LANGUAGES] == ["en", "de", "ru", "it", "ar"]
    assert settings.LANGUAGE_CODE == "en"
