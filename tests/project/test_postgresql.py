"""PostgreSQL connections as production configures them: kept between requests, and
health-checked before reuse, so one the server dropped is replaced, not an error page."""

import psycopg
import pytest
from django.db.utils import ConnectionHandler

from sfia_site.settings import database_from_url
from tests.conftest import require_service

pytestmark = pytest.mark.django_db

SERVER = "postgres://postgres@127.0.0.1:5432/postgres"


@pytest.fixture
def connection():
    """A connection to the server's own database, configured as DATABASE_URL configures one."""
    require_service("PostgreSQL", 5432)
    connection = ConnectionHandler({"default": database_from_url(SERVER)})["default"]
    yield connection
    connection.close()


def request(connection, sql="SELECT 1"):
    """What Django does around a request that runs `sql`."""
    connection.close_if_unusable_or_obsolete()
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
    finally:
        connection.close_if_unusable_or_obsolete()


def server_process(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def test_a_connection_is_kept_between_requests(connection):
    request(connection)
    first = server_process(connection)
    request(connection)

    assert server_process(connection) == first


def test_a_connection_the_server_dropped_right_after_a_request_is_replaced(connection):
    """As when PostgreSQL restarts, or a pooler or firewall drops the connection, between two
    requests: however recent the last one, the next request gets a working connection."""
    request(connection)
    dropped = server_process(connection)
    with psycopg.connect(SERVER, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [dropped])

    request(connection)  # no error

    assert server_process(connection) != dropped
