"""Production as deployed: two gunicorn servers with the production settings, sharing one
PostgreSQL database and one Redis, behind an HTTPS proxy (simulated by X-Forwarded-Proto).

These need the machine's PostgreSQL and Redis: without them they skip on a developer's
machine and fail under CI=true.
"""

import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings

from tests.conftest import PRODUCTION_REDIS_DB, manage, require_service
from tests.forms import form_fields

BASE_DIR = Path(settings.BASE_DIR)
PASSWORD = "a-long-admin-password-42"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The deployment's canonical address (DJANGO_SITE_URL): what its pages link to, whatever host
# a request named.
SITE = "https://sfia.example.org"


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    """The environment of a production deployment, with its own fresh database."""
    require_service("PostgreSQL", 5432)
    require_service("Redis", 6379)
    import psycopg

    name = f"sfia_production_{os.getpid()}"
    server = "postgres://postgres@127.0.0.1:5432"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "sfia_site.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SITE_URL": SITE,
        "DJANGO_BEHIND_HTTPS_PROXY": "1",
        "DATABASE_URL": f"{server}/{name}",
        "CACHE_URL": f"redis://127.0.0.1:6379/{PRODUCTION_REDIS_DB}",
        "DJANGO_STATIC_ROOT": str(tmp_path_factory.mktemp("static")),
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
    }
    manage(env, "collectstatic", "--no-input")
    manage(env, "migrate", "--no-input")
    manage(env, "load_content")  # as compose.yaml's setup does
    manage(env, "createsuperuser", "--no-input", "--username", "admin", "--email", "a@b.org")
    yield env
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_gunicorn(env, log_path):
    """A gunicorn server on a free port, up and answering /healthz: (port, process, log)."""
    port = free_port()
    log = open(log_path, "w")  # noqa: SIM115 (closed by stop_gunicorn)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "sfia_site.wsgi", "--bind", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return port, process, log


def wait_until_up(port, process, log_path):
    deadline = time.monotonic() + 30
    while True:
        try:
            if Browser(port).get("/healthz", https=False).status == 200:
                return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"gunicorn did not start:\n{log_path.read_text()}")
        time.sleep(0.2)


def stop_gunicorn(process, log):
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture(scope="module")
def servers(production_env, tmp_path_factory):
    """Two gunicorn servers on two ports, same database, same Redis; each one's log file."""
    logs = tmp_path_factory.mktemp("logs")
    paths = [logs / f"server-{index}.log" for index in range(2)]
    started = [start_gunicorn({**production_env, "GUNICORN_WORKERS": "2"}, path) for path in paths]
    for (port, process, _), path in zip(started, paths, strict=True):
        wait_until_up(port, process, path)
    yield [(port, path) for (port, _, _), path in zip(started, paths, strict=True)]
    for _, process, log in started:
        stop_gunicorn(process, log)


@pytest.fixture(scope="module")
def plain_http_server(production_env, tmp_path_factory):
    """One gunicorn server run over plain HTTP with no proxy in front (as a local run is)."""
    env = {key: value for key, value in production_env.items() if "PROXY" not in key}
    env.update(DJANGO_SECURE_SSL_REDIRECT="0", DJANGO_SECURE_COOKIES="0", GUNICORN_WORKERS="1")
    path = tmp_path_factory.mktemp("logs") / "plain-http.log"
    port, process, log = start_gunicorn(env, path)
    wait_until_up(port, process, path)
    yield port
    stop_gunicorn(process, log)


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class Browser:
    """An HTTP client with a cookie jar, reaching the server as an HTTPS proxy would."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, data=None, https=True, headers=()):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        sent = {"Host": f"127.0.0.1:{self.port}", **dict(headers)}
        if https:
            sent["X-Forwarded-Proto"] = "https"
            sent["Origin"] = f"https://127.0.0.1:{self.port}"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body, sent)
        raw = connection.getresponse()
        response = Response(raw.status, raw.headers, raw.read())
        connection.close()
        for header in raw.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(header)
            self.cookies.update({key: morsel.value for key, morsel in cookie.items()})
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data, **kwargs):
        return self.request("POST", path, data=data, **kwargs)

    def submit(self, path, form_id, **changes):
        """GET a form and POST it back with `changes`, as a browser would."""
        fields = form_fields(self.get(path).text, form_id)
        return self.post(path, {**fields, **changes})

    def log_in(self):
        response = self.submit(
            "/en/admin/login/?next=/en/admin/", "login-form", username="admin", password=PASSWORD
        )
        assert response.status == 302, response.text


def test_a_change_through_one_server_shows_on_the_other_at_once(servers):
    (first, _), (second, _) = servers
    editor = Browser(first)
    editor.log_in()
    reader = Browser(second)
    # Long enough for the second server's workers to subscribe to the version announcements
    # and keep the version they read: after the change, only an announcement can update them.
    for _ in range(10):
        assert "Service-Level-Management" in reader.get("/de/skills/slmo/").text
        time.sleep(0.1)

    change = editor.get("/en/admin/skills/skill/?q=SLMO").text
    url = re.search(r'href="(/en/admin/skills/skill/\d+/change/)', change)[1]
    response = editor.submit(url, "skill_form", name_de="Dienstgüte-Management")
    assert response.status == 302, response.text

    for _ in range(4):  # each of the second server's workers
        assert "Dienstgüte-Management" in reader.get("/de/skills/slmo/").text
    # The login made on one server is good on the other: sessions live in the shared database.
    editor.port = second
    assert editor.get("/en/admin/").status == 200


def test_security_headers_on_a_real_response(servers):
    (port, _), _ = servers
    response = Browser(port).get("/ar/skills/slmo/")

    assert response.status == 200
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_plain_http_is_sent_to_https_and_cookies_stay_on_https(servers):
    (port, _), _ = servers
    response = Browser(port).get("/en/skills/", https=False)
    assert response.status == 301
    assert response.headers["Location"] == f"https://127.0.0.1:{port}/en/skills/"

    login = Browser(port).get("/en/admin/login/")
    cookie = login.headers["Set-Cookie"]
    assert "csrftoken=" in cookie and "Secure" in cookie


def test_health_check_needs_neither_https_nor_a_known_host(servers):
    (port, _), _ = servers
    response = Browser(port).get("/healthz", https=False, headers={"Host": "10.0.0.7:8000"})
    assert (response.status, response.text) == (200, "ok\ndatabase: ok\ncache: ok\n")
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_health_check_answers_get_and_head_only(servers):
    (port, _), _ = servers
    head = Browser(port).request("HEAD", "/healthz", https=False)
    assert (head.status, head.body) == (200, b"")
    deleted = Browser(port).request("DELETE", "/healthz", https=False)
    assert deleted.status == 405
    assert deleted.headers["Allow"] == "GET, HEAD"


def test_without_a_proxy_a_forwarded_scheme_is_not_believed(plain_http_server):
    port = plain_http_server
    response = Browser(port).get("/en/skills/", https=False, headers={"X-Forwarded-Proto": "https"})

    assert response.status == 200
    assert f'<link rel="canonical" href="{SITE}/en/skills/">' in response.text  # configured
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP, as it is


def test_behind_the_proxy_its_scheme_is_believed(servers):
    (port, _), _ = servers
    response = Browser(port).get("/en/skills/")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")  # HTTPS
    assert f'<link rel="canonical" href="{SITE}/en/skills/">' in response.text


def test_a_bad_host_gets_a_400_with_the_security_headers(servers):
    (port, _), _ = servers
    response = Browser(port).get("/en/skills/", headers={"Host": "attacker.example"})

    assert response.status == 400
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_a_cached_page_says_its_length(servers):
    (port, _), _ = servers
    reader = Browser(port)
    for _ in range(3):  # rendered, then from the shared cache, then from the worker's memory
        response = reader.get("/it/skills/slmo/")
        assert response.status == 200
        assert response.headers["Content-Length"] == str(len(response.body))
        assert "Transfer-Encoding" not in response.headers


def test_static_files_are_hashed_compressed_and_cached_for_a_year(servers):
    (port, _), _ = servers
    page = Browser(port).get("/en/").text
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page)[1]

    response = Browser(port).get(stylesheet, headers={"Accept-Encoding": "br"})
    assert response.headers["Content-Encoding"] == "br"
    assert "max-age=315360000" in response.headers["Cache-Control"]
    assert "immutable" in response.headers["Cache-Control"]
    gzipped = Browser(port).get(stylesheet, headers={"Accept-Encoding": "gzip"})
    assert gzipped.headers["Content-Encoding"] == "gzip"


@pytest.fixture
def lockouts_lifted(production_env):
    """The lockouts a test causes are lifted after it (axes_reset), so the servers' other
    tests can log in whatever order they run in."""
    yield
    manage(production_env, "axes_reset")


def test_admin_logins_are_throttled(servers, lockouts_lifted):
    (port, _), _ = servers
    attacker = Browser(port)
    for _attempt in range(4):
        response = attacker.submit(
            "/en/admin/login/", "login-form", username="admin", password="wrong"
        )
        assert response.status == 200
        assert "Please enter the correct username and password" in response.text
    # The fifth failure locks the account for this address, even for the right password.
    fifth = attacker.submit("/en/admin/login/", "login-form", username="admin", password="wrong")
    assert fifth.status == 429
    locked = attacker.submit("/de/admin/login/", "login-form", username="admin", password=PASSWORD)
    assert locked.status == 429
    assert "Zu viele fehlgeschlagene Anmeldungen" in locked.text
    assert "sessionid" not in attacker.cookies


def test_logs_are_one_json_line_per_request(servers):
    (port, log), _ = servers
    Browser(port).get("/it/levels/?from=test")
    time.sleep(0.5)  # gunicorn writes its access line after the response
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    requests = [line for line in lines if line.get("event") == "request"]
    mine = [line for line in requests if line["path"] == "/it/levels/"]
    assert mine and mine[-1]["status"] == 200 and mine[-1]["query"] == "from=test"
    assert isinstance(mine[-1]["duration_ms"], int)


def test_check_deploy_finds_nothing_with_the_production_defaults(production_env):
    result = manage(production_env, "check", "--deploy", "--fail-level", "WARNING")
    assert "System check identified no issues" in result.stdout
