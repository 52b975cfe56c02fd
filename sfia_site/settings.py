"""Settings for the SFIA site, read from the environment and safe by default.

Development: DJANGO_DEBUG=1. Production: DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS are
required, DJANGO_SITE_URL names the site's address, DATABASE_URL points at PostgreSQL and
CACHE_URL at Redis. The README lists every variable.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from skills.framework.languages import SITE_LANGUAGES, SOURCE_LANGUAGE

BASE_DIR = Path(__file__).resolve().parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_flag(name, default):
    """ "1"/"true"/"yes"/"on" is on, "0"/"false"/"no"/"off" is off, unset is `default`."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: expected 1 or 0")


DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development).")
    SECRET_KEY = "insecure-development-key-never-use-in-production"

# Without DJANGO_ALLOWED_HOSTS the site answers only on this machine.
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The site's canonical address: every published URI (the API's, the JSON-LD's, the SKOS file's,
# the sitemap's, the pages' alternates) and every cache key is built from it, never from a
# request's Host header (a request may name any host ALLOWED_HOSTS lets through, and a port
# with it, which would make each its own cached copy). `manage.py check --deploy` warns while it
# is not set outside development.
SFIA_SITE_URL = os.environ.get("DJANGO_SITE_URL", "").rstrip("/") or (
    "http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0]}"
)
_site = urlsplit(SFIA_SITE_URL)
if _site.scheme not in ("http", "https") or not _site.hostname:
    raise ImproperlyConfigured(
        f"DJANGO_SITE_URL={SFIA_SITE_URL!r}: expected the site's address, such as "
        "https://sfia.example.org"
    )
# The site answers at its own address (the sitemap is made for it).
if _site.hostname not in ALLOWED_HOSTS and "*" not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(_site.hostname)

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its translation fields are patched in first.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "corsheaders",
    "csp",
    "reversion",
    # The site's code, by job (skills/__init__.py says what each does).
    "skills.framework",
    "skills.content",
    "skills.editorial",
    "skills.page_cache",
    "skills.search",
]

MIDDLEWARE = [
    # First: a load balancer's probe gets its answer before host checks and HTTPS redirects.
    "skills.operations.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before the page cache, so a cached API answer carries the CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    # HEAD as GET, headers and all (compressed as GET would be), without the body.
    "skills.operations.compression.HeadAsGetMiddleware",
    # The API's OPTIONS, a JSON 405, its ?lang= read as a language tag, and no cookie.
    "skills.opendata.http.ReadOnlyAPIMiddleware",
    # The schema and each download: no Vary on Accept-Language (LocaleMiddleware, below, adds it).
    "skills.opendata.http.FixedLanguageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages, API answers and downloads compressed for clients that take gzip (static files
    # come compressed from WhiteNoise, above). Above the page cache, so a cached page is
    # compressed too: an Arabic skill page (16 KB, two bytes a letter) no longer overflows a
    # new connection's first round trip, which kept its phone layout waiting past the first
    # paint. Django's own middleware pads each answer at random against BREACH; workbooks and
    # zips, compressed already, are left as they are (skills/operations/compression.py).
    "skills.operations.compression.CompressionMiddleware",
    # Outside the page cache, so that a kept profile page is remembered as the reader's profile
    # under way too (skills/reader/profile_under_way.py).
    "skills.reader.profile_under_way.ProfileUnderWayMiddleware",
    # Before the session: a cached page costs neither session nor database (skills/page_cache/).
    "skills.page_cache.middleware.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions (it may read the language from them), before CommonMiddleware (which
    # needs the language prefix resolved to append slashes correctly).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it turns locked-out login attempts into its response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Counts failed logins and refuses them once locked out, before the real check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "sfia_site.urls"
WSGI_APPLICATION = "sfia_site.wsgi.application"
# The admin's address, e.g. "staff-only/" (each language prefixes it: /de/staff-only/).
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"

TEMPLATES = [
    {
        # The reader's pages (templates/jinja2/): Jinja2 renders a skill page in three
        # quarters of the time Django's engine took (skills/reader/templating/).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "skills.reader.templating.environment",
            "context_processors": [
                "django.template.context_processors.i18n",
                "skills.reader.context.attribution",
                "skills.reader.page_languages.page_languages",
            ],
        },
    },
    {
        # The admin's, and Django's own apps'.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def database_from_url(url):
    """DATABASE_URL: SQLite (the default, in the project) or PostgreSQL."""
    # A kept connection is health-checked (Django's CONN_HEALTH_CHECKS) before the first query
    # of each request that reuses it, so one the server dropped while idle is replaced.
    database = dj_database_url.parse(
        url,
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    options = database.setdefault("OPTIONS", {})
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # SQLite behind a web server (Django 5.1+): a transaction takes the write lock when it
        # begins, so two saves queue instead of one failing with "database is locked" midway;
        # a writer waits up to 20 s for it; WAL lets pages be read while someone writes.
        options.update(
            transaction_mode="IMMEDIATE",
            timeout=20,
            init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        )
    if database["ENGINE"] == "django.db.backends.postgresql" and env_flag(
        "DJANGO_DB_PREPARED_STATEMENTS", True
    ):
        # psycopg prepares a query the fifth time a connection runs it (its own default, which
        # Django turns off), and PostgreSQL then skips planning it: that is 40% of the skill
        # page's one query (docs/performance.md). Preparing needs server-side binding. Turn it
        # off behind a pooler that can't keep prepared statements (PgBouncer in transaction
        # mode before 1.21).
        options.update(server_side_binding=True, prepare_threshold=5)
    return database


DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url):
    """CACHE_URL: redis://host:port/db (shared by every app server), or local memory."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        # Bounded waits: a Redis that hangs must not hang the pages, which then render from
        # the database (skills/page_cache/).
        options = {"socket_connect_timeout": 1, "socket_timeout": 1}
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "OPTIONS": options,
        }
    if url in ("", "locmem://"):
        # Each process's own memory, bounded in bytes (Django's LocMemCache counts entries).
        return {
            "BACKEND": "skills.page_cache.memory.BoundedMemoryCache",
            "OPTIONS": {"MAX_BYTES": 64 * 1024 * 1024},
        }
    raise ImproperlyConfigured(f"CACHE_URL={url!r}: expected redis://… or locmem://")


CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", ""))}

# Whole reader pages in that cache (off in development, where templates change under it).
SFIA_PAGE_CACHE = env_flag("DJANGO_PAGE_CACHE", not DEBUG)
SFIA_PAGE_CACHE_SECONDS = 24 * 3600
# Browsers revalidate every time (a 304 is cheap); a shared cache (CDN) may keep a page for a
# minute.
SFIA_PAGE_CACHE_CONTROL = "public, max-age=0, must-revalidate, s-maxage=60"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source; every URL carries its language prefix.
LANGUAGE_CODE = SOURCE_LANGUAGE
# The languages are declared once, in skills/framework/languages.py.
LANGUAGES = [(language.code, _(language.name)) for language in SITE_LANGUAGES]
# The language switcher remembers the reader's choice for a year.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LOCALE_PATHS = [BASE_DIR / "locale"]

MODELTRANSLATION_DEFAULT_LANGUAGE = SOURCE_LANGUAGE
MODELTRANSLATION_FALLBACK_LANGUAGES = (SOURCE_LANGUAGE,)

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed names (cached for a year by WhiteNoise) with gzip and brotli variants.
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            # WhiteNoise's CompressedManifestStaticFilesStorage, remembering URLs.
            else "skills.operations.storage.StaticFilesStorage"
        )
    },
}

# Security. Outside debug: HTTPS only (DJANGO_SECURE_SSL_REDIRECT=0 and
# DJANGO_SECURE_COOKIES=0 for a plain-HTTP local run), HSTS, and cookies that stay on HTTPS.
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# A reverse proxy in front terminates TLS and says so in X-Forwarded-Proto. Without one, a
# client could send that header itself: neither Django nor gunicorn (gunicorn.conf.py reads
# this setting) believes it then.
SFIA_BEHIND_HTTPS_PROXY = env_flag("DJANGO_BEHIND_HTTPS_PROXY", False)
if SFIA_BEHIND_HTTPS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front append the address they were reached from to X-Forwarded-For:
# the login throttle takes the client's address from there (skills/operations/logins.py). Without a
# proxy, from the connection only, since a client can send any X-Forwarded-For.
SFIA_TRUSTED_PROXY_COUNT = int(
    os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "1" if SFIA_BEHIND_HTTPS_PROXY else "0")
)
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("DJANGO_HSTS_SECONDS", 365 * 24 * 3600))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading binds the whole domain and its subdomains to HTTPS in browsers for good: the
# operator's decision (DJANGO_HSTS_PRELOAD=1), not a default. check --deploy would flag it.
SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = env_flag(
    "DJANGO_SECURE_COOKIES", not DEBUG
)
SESSION_COOKIE_HTTPONLY = True

# No inline script or style anywhere, the admin included: everything comes from this site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# The API is public data: any site's scripts may read it (GET, and the preflight a conditional
# request needs), never with credentials; nothing else on the site is shared.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "accept-language", "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = ("ETag",)

# Admin logins (django-axes, with skills/operations/logins.py). Five failures for a username from
# one address lock that username there, and twenty from one address across usernames lock
# the address, for a quarter of an hour. Only a password guesser's own address is counted:
# behind a proxy, the client's address it forwards (SFIA_TRUSTED_PROXY_COUNT), never the
# proxy's, which every user shares.
#
# A lock refuses the right password too: if it didn't, the guesser would go on guessing and
# learn the password from the one answer that differs, so the limit would limit nothing. So
# someone who shares the admin's address and guesses at the admin's username does lock the
# admin out, but only briefly: the quarter of an hour counts from the failure that locked,
# and failures during a lock neither count nor extend it, so the admin signs in once it
# ends however long the guesser keeps trying (who then gets five guesses a quarter of an
# hour). A successful login clears nothing: it would clear its address's failures for every
# username, so one known account would let its holder guess at all the others.
AXES_HANDLER = "skills.operations.logins.LoginThrottle"
AXES_CLIENT_IP_CALLABLE = "skills.operations.logins.client_address"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = 5
SFIA_LOGIN_ADDRESS_FAILURE_LIMIT = 20
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

# Where the source texts live; build_fixtures reads them, the fixture is written beside them.
SFIA_SOURCES_DIR = BASE_DIR / "fixtures" / "sources"
SFIA_FRAMEWORK_FILE = SFIA_SOURCES_DIR / "framework.toml"
SFIA_FIXTURE_FILE = BASE_DIR / "fixtures" / "sfia.json"
# The glossary's key terms: what an empty glossary starts from (load_content), and what the
# interface's catalogues are held to.
SFIA_GLOSSARY_FILE = BASE_DIR / "fixtures" / "glossary.toml"

# Shown in every page's footer: the content belongs to the SFIA Foundation.
SFIA_ATTRIBUTION = {
    "name": "SFIA Foundation",
    "url": "https://sfia-online.org/",
}

# The framework's edition, which every page's footer and printout names: the one stored with the
# content (the sources' or the workbook's), this where none is.
SFIA_EDITION = "SFIA 9"

# One JSON line per event on stdout, in the same shape as gunicorn's access log
# (gunicorn.conf.py); errors carry their traceback in the line, never in the response. In
# development, plain lines a person reads (DJANGO_LOG_FORMAT=json|text chooses).
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured("DJANGO_LOG_FORMAT is json or text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "skills.operations.log.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own console handler would print these a second time.
        "django": {"handlers": [], "propagate": True, "level": "INFO"},
        "django.server": {"handlers": [], "propagate": True},
    },
}
