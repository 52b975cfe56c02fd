"""Helpers of the editorial tests (their `translator` is tests/conftest.py's)."""

from django.db import connection


def database_rows():
    """Every row of every table, as the database returns it: equal before and after, the
    database is as it was (the history, the exports on record and the sessions too)."""
    rows = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows[table] = sorted(map(repr, cursor.fetchall()))
    return rows
