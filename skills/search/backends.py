"""The two databases' halves of a search, behind one small interface: `matching` finds the
entries whose stems match a query's, `similar` the names and codes spelt like it. Each
returns rows (kind, code, level, field, weight, language, text, rank), best first."""

import math

from django.contrib.postgres.search import SearchVector
from django.db.models import Case, Q, Value, When

from skills.framework.languages import LANGUAGE_CODES

from .folding import NO_LANGUAGE, configuration, similarity, stems, words
from .models import SearchEntry

ROW = ("kind", "code", "level", "field", "weight", "language", "text")
NAMES = ("name", "code")
# A name or code is spelt like the query from this similarity: pg_trgm's default threshold,
# which its % operator uses.
SIMILARITY = 0.3


def for_connection(connection):
    return PostgreSQL(connection) if connection.vendor == "postgresql" else SQLite()


class PostgreSQL:
    """Full-text search: each entry's tsvector (its language's configuration, GIN-indexed),
    matched by websearch_to_tsquery and ranked by ts_rank; pg_trgm for spelling."""

    def __init__(self, connection):
        self.connection = connection
        self.table = connection.ops.quote_name(SearchEntry._meta.db_table)

    def vectorize(self):
        """Gives the entries just written their tsvectors."""
        config = Case(
            *(When(language=code, then=Value(configuration(code))) for code in LANGUAGE_CODES),
            default=Value(NO_LANGUAGE),
        )
        SearchEntry.objects.filter(vector__isnull=True).update(
            vector=SearchVector("folded", config=config)
        )

    def matching(self, folded, languages, limit):
        queries = ", ".join(["(%s, websearch_to_tsquery(%s::regconfig, %s))"] * len(languages))
        parameters = [
            value for language in languages for value in (language, configuration(language), folded)
        ]
        return self.rows(
            f"SELECT {', '.join(ROW)}, ts_rank(vector, query) AS rank FROM {self.table} "
            f"JOIN (VALUES {queries}) AS queries (query_language, query) "
            "ON language = query_language WHERE vector @@ query "
            "ORDER BY weight DESC, rank DESC LIMIT %s",
            [*parameters, limit],
        )

    def similar(self, folded, languages, limit):
        return self.rows(
            f"SELECT {', '.join(ROW)}, similarity(folded, %s) AS rank FROM {self.table} "
            "WHERE field = ANY(%s) AND language = ANY(%s) AND level IS NULL "
            "AND folded %% %s ORDER BY rank DESC LIMIT %s",
            [folded, list(NAMES), list(languages), folded, limit],
        )

    def rows(self, sql, parameters):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, parameters)
            return cursor.fetchall()


class SQLite:
    """The same search on SQLite: the query's words stemmed by PyStemmer and matched against
    each entry's stems; pg_trgm's similarity worked out in Python."""

    def vectorize(self):
        pass

    def matching(self, folded, languages, limit):
        wanted = Q()
        for language in languages:
            wanted |= Q(language=language) & self.stems_match(folded, language)
        rows = (
            SearchEntry.objects.filter(wanted)
            .order_by("-weight")
            .values_list(*ROW, "stems")[:limit]
        )
        return sorted(
            ((*row[:-1], self.rank(row[-1], folded, row[5])) for row in rows),
            key=lambda row: (-row[4], -row[-1]),
        )

    def similar(self, folded, languages, limit):
        names = SearchEntry.objects.filter(
            field__in=NAMES, language__in=languages, level=None
        ).values_list(*ROW, "folded")
        scored = [(*row[:-1], similarity(row[-1], folded)) for row in names]
        close = [row for row in scored if row[-1] >= SIMILARITY]
        return sorted(close, key=lambda row: -row[-1])[:limit]

    @staticmethod
    def stems_match(folded, language):
        """websearch_to_tsquery's reading of a query, as Q on the stems: its words all match
        (a quoted phrase's too), but for those after a "-"; "or" between alternatives."""
        alternatives, wanted = Q(pk__in=[]), Q()
        for token in folded.replace('"', " ").split():
            if token == "or":
                alternatives |= wanted
                wanted = Q()
                continue
            for stem in stems(words(token), language):
                matched = Q(stems__contains=f" {stem} ")
                wanted &= ~matched if token.startswith("-") else matched
        return alternatives | wanted if wanted else alternatives

    @staticmethod
    def rank(entry_stems, folded, language):
        """Like ts_rank: how often the query's stems occur, less in a long text."""
        found = entry_stems.split()
        hits = sum(found.count(stem) for stem in set(stems(words(folded), language)))
        return hits / math.log(2 + len(found))
