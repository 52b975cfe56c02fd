"""/healthz, and the JSON log lines."""

import json
import logging
import sys

import pytest
from django.db import OperationalError, connection

from skills.operations.log import JsonFormatter

pytestmark = pytest.mark.django_db


def test_healthy_when_the_database_answers(client):
    response = client.get("/healthz", HTTP_HOST="probe.internal")  # no allowed host needed
    assert (response.status_code, response.content) == (200, b"ok\ndatabase: ok\ncache: ok\n")


def test_head_answers_as_get_without_a_body(client):
    response = client.head("/healthz")
    assert (response.status_code, response.content) == (200, b"")
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch", "options", "trace"])
def test_only_get_and_head(client, method):
    response = getattr(client, method)("/healthz")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.content == b""


@pytest.mark.parametrize("method", ["get", "delete"])
def test_the_security_headers_the_middleware_after_it_would_add(client, method):
    response = getattr(client, method)("/healthz")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_503_when_the_database_does_not(client, monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"database unavailable\ncache: ok\n"
    assert "connection refused" not in response.content.decode()
    assert "the database does not answer" in caplog.text


def test_an_error_is_one_json_line_with_its_traceback():
    try:
        raise ValueError("boom")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "django.request",
        logging.ERROR,
        __file__,
        1,
        "Internal Server Error: %s",
        ("/x/",),
        exc_info,
    )
    line = JsonFormatter().format(record)

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["message"] == "Internal Server Error: /x/"
    assert "ValueError: boom" in entry["traceback"]


def test_a_gunicorn_access_record_becomes_a_request_line():
    atoms = {
        "h": "10.0.0.1",
        "m": "GET",
        "U": "/de/",
        "q": "",
        "s": "200",
        "B": "5120",
        "M": "12",
        "a": 'curl "7"',
    }
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "%(h)s", None, None)
    record.args = atoms
    entry = json.loads(JsonFormatter().format(record))
    assert entry == {
        **{key: entry[key] for key in ("time", "level", "logger")},
        "event": "request",
        "remote": "10.0.0.1",
        "method": "GET",
        "path": "/de/",
        "query": "",
        "status": 200,
        "bytes": 5120,
        "duration_ms": 12,
        "user_agent": 'curl "7"',
    }
