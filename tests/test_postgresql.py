"""The PostgreSQL backend checks a kept connection's health only after it has been idle."""

import pytest
from django.db.utils import ConnectionHandler

from .conftest import require_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def connection(monkeypatch):
    """A kept, health-checked connection to the server's own database, counting its checks."""
    require_service("PostgreSQL", 5432)
    handler = ConnectionHandler(
        {
            "default": {
                "ENGINE": "sfia_site.postgresql",
                "NAME": "postgres",
                "USER": "postgres",
                "HOST": "127.0.0.1",
                "PORT": "5432",
                "CONN_MAX_AGE": 60,
                "CONN_HEALTH_CHECKS": True,
            }
        }
    )
    connection = handler["default"]
    connection.checks = 0
    checked = connection.is_usable

    def is_usable():
        connection.checks += 1
        return checked()

    monkeypatch.setattr(connection, "is_usable", is_usable)
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


def test_a_connection_that_just_answered_is_used_unchecked(connection):
    request(connection)  # connects
    request(connection)
    request(connection)

    assert connection.checks == 0


def test_a_connection_idle_for_a_while_is_checked_first(connection):
    request(connection)
    connection.unchecked_after_use = 0  # as if a second had passed

    request(connection)
    request(connection)

    assert connection.checks == 2


def test_a_request_that_failed_is_followed_by_a_check(connection):
    request(connection)

    with pytest.raises(Exception, match="no_such_table"):
        request(connection, "SELECT * FROM no_such_table")

    assert connection.checks == 1  # Django's own, at the end of the failed request
    assert connection.connection is not None  # it answered, so it is kept
