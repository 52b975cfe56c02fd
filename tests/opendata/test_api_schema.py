"""The API against its own OpenAPI schema: the schema is valid OpenAPI, names every operation,
and Schemathesis finds every answer to the requests it makes from it conforming — status,
content type, headers and body — and no server error."""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import reverse
from hypothesis import HealthCheck, settings

from skills.opendata.api import SUMMARIES

pytestmark = pytest.mark.django_db


# The schema as the site serves it (which reads no database), and each request made to the
# site in this process, over WSGI, so against the test's database. (Not loaded from a fixture:
# schemathesis.pytest.from_fixture reads a pytest internal that pytest 9.2 no longer has.)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def one_connection():
    """The test's database connection, kept open across the WSGI requests: a request's end
    closes it otherwise, as the test client stops it doing for its own requests."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    # The database is the test's, rolled back after it; the examples only read it.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_conforms_to_the_schema(case, content, one_connection):
    # Over WSGI no HTTP client undoes a gzip body, as a browser or `requests` would: the test
    # asks for the body as it is (compression: tests/page_cache).
    case.call_and_validate(headers={"Host": "localhost", "Accept-Encoding": "identity"})


def test_the_schema_is_openapi_3_and_names_every_operation(client, content):
    document = json.loads(client.get(reverse("api:openapi-json")).content)

    assert document["openapi"].startswith("3.")
    operations = {
        operation["operationId"]
        for methods in document["paths"].values()
        for operation in methods.values()
    }
    assert operations == set(SUMMARIES)
    skill = document["paths"]["/api/v1/skills/{code}/"]["get"]
    assert {parameter["name"] for parameter in skill["parameters"]} == {"code", "lang"}
    assert set(skill["responses"]) == {"200", "400", "404"}
    lang = next(parameter for parameter in skill["parameters"] if parameter["name"] == "lang")
    assert "all" in json.dumps(lang["schema"])
