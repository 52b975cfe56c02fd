"""Fixtures of the editorial tests."""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import connection


@pytest.fixture
def translator(content, client):
    """A German translator, signed in with `client`."""
    call_command("setup_roles", stdout=io.StringIO())
    user = User.objects.create_user("dora", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translator (German)"))
    client.force_login(user)
    return user


def database_rows():
    """Every row of every table, as the database returns it: equal before and after, the
    database is as it was (the history, the exports on record and the sessions too)."""
    rows = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows[table] = sorted(map(repr, cursor.fetchall()))
    return rows
