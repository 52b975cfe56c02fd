"""PostgreSQL's indexes for search (nothing on SQLite).

On PostgreSQL: pg_trgm (a trusted extension: the database's owner may create it), a GIN index
on the tsvectors and a trigram index on the names and codes. Both without GIN's "fast update":
its pending list takes new entries unsorted until a vacuum, and a search read it whole (2 ms
of a 2.3 ms query after an import); the index is written seldom and read on every search.
Django's TrigramExtension and GinIndex would be tried on SQLite too, so this migration asks the
connection first."""

from django.db import migrations

TABLE = "skills_search_searchentry"
POSTGRESQL_FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX search_entry_vector ON {TABLE} USING gin (vector) WITH (fastupdate = off)",
    f"CREATE INDEX search_entry_spelling ON {TABLE} USING gin (folded gin_trgm_ops) "
    "WITH (fastupdate = off) WHERE field IN ('name', 'code') AND level IS NULL",
]
# pg_trgm stays: something else in the database may use it.
POSTGRESQL_BACKWARDS = [
    "DROP INDEX IF EXISTS search_entry_spelling",
    "DROP INDEX IF EXISTS search_entry_vector",
]


def on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("skills_search", "0001_initial")]

    operations = [
        migrations.RunPython(
            on_postgresql(POSTGRESQL_FORWARDS), on_postgresql(POSTGRESQL_BACKWARDS)
        ),
    ]
