"""The two databases' halves of a search, behind one small interface: `matching` finds the
entries whose stems match a query's, `similar` the names and codes spelt like it. Each
returns Rows, best first, with the names of the skill or attribute each entry belongs to."""

import math
from typing import NamedTuple

from django.db.models import CharField, Q
from django.db.models.functions import Coalesce
from modeltranslation.utils import build_localized_fieldname

from skills.framework.languages import LANGUAGE_CODES, SOURCE_LANGUAGE

from .folding import NO_LANGUAGE, configuration, similarity, stems, words
from .models import SearchEntry

NAMES = ("name", "code")
# A name or code is spelt like the query from this similarity: pg_trgm's default threshold,
# which its % operator uses.
SIMILARITY = 0.3


class Row(NamedTuple):
    kind: str
    code: str
    level: int | None
    field: str
    weight: int
    language: str
    text: str
    # The skill's or attribute's name in the page's language (None if not translated), and
    # in English.
    name: str | None
    english_name: str
    # How well the text matches: ts_rank, or the similarity of a name spelt alike.
    rank: float


ENTRY_COLUMNS = Row._fields[:7]


def for_connection(connection):
    return PostgreSQL(connection) if connection.vendor == "postgresql" else SQLite()


def name_columns(language):
    return [build_localized_fieldname("name", code) for code in (language, SOURCE_LANGUAGE)]


class PostgreSQL:
    """Full-text search: each entry's tsvector (its language's configuration, GIN-indexed),
    matched by websearch_to_tsquery and ranked by ts_rank; pg_trgm for spelling."""

    def __init__(self, connection):
        self.connection = connection

    def vectorize(self, pks):
        """Gives the entries just written (their primary keys) their tsvectors."""
        configurations = [(code, configuration(code)) for code in LANGUAGE_CODES]
        cases = " ".join(["WHEN %s THEN %s::regconfig"] * len(configurations))
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {self.connection.ops.quote_name(SearchEntry._meta.db_table)} "
                f"SET vector = to_tsvector(CASE language {cases} ELSE %s::regconfig END, folded) "
                "WHERE id = ANY(%s)",
                [*(value for pair in configurations for value in pair), NO_LANGUAGE, pks],
            )

    def matching(self, folded, languages, page_language, limit):
        queries = ", ".join(["(%s, websearch_to_tsquery(%s::regconfig, %s))"] * len(languages))
        parameters = [
            value for language in languages for value in (language, configuration(language), folded)
        ]
        return self.rows(
            page_language,
            "ts_rank(vector, query)",
            f"JOIN (VALUES {queries}) AS queries (query_language, query) "
            "ON entry.language = query_language WHERE vector @@ query "
            "ORDER BY weight DESC, matched DESC LIMIT %s",
            [*parameters, limit],
        )

    def similar(self, folded, languages, page_language, limit):
        return self.rows(
            page_language,
            "similarity(folded, %s)",
            "WHERE field = ANY(%s) AND entry.language = ANY(%s) AND entry.level IS NULL "
            "AND folded %% %s ORDER BY matched DESC LIMIT %s",
            [folded, list(NAMES), list(languages), folded, limit],
        )

    def rows(self, page_language, rank, rest, parameters):
        """The entries `rest` (joins, conditions, order) selects, with their owners' names."""
        quote = self.connection.ops.quote_name
        entry_columns = ", ".join(f"entry.{quote(column)}" for column in ENTRY_COLUMNS)
        names = ", ".join(
            f"COALESCE(skill.{quote(column)}, attribute.{quote(column)})"
            for column in name_columns(page_language)
        )
        sql = (
            f"SELECT {entry_columns}, {names}, {rank} AS matched "
            f"FROM {quote(SearchEntry._meta.db_table)} AS entry "
            f"LEFT JOIN {quote(SearchEntry.skill.field.related_model._meta.db_table)} AS skill "
            "ON skill.id = entry.skill_id "
            f"LEFT JOIN {quote(SearchEntry.attribute.field.related_model._meta.db_table)} "
            f"AS attribute ON attribute.id = entry.attribute_id {rest}"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(sql, parameters)
            return [Row(*row) for row in cursor.fetchall()]


class SQLite:
    """The same search on SQLite: the query's words stemmed by PyStemmer and matched against
    each entry's stems; pg_trgm's similarity worked out in Python."""

    def vectorize(self, pks):
        pass

    def matching(self, folded, languages, page_language, limit):
        wanted = Q()
        for language in languages:
            wanted |= Q(language=language) & self.stems_match(folded, language)
        entries = SearchEntry.objects.filter(wanted).order_by("-weight")
        ranked = [
            Row(*row[:-1], self.rank(row.rank, folded, row.language))
            for row in self.rows(entries, page_language, limit=limit)
        ]
        return sorted(ranked, key=lambda row: (-row.weight, -row.rank))

    def similar(self, folded, languages, page_language, limit):
        names = SearchEntry.objects.filter(field__in=NAMES, language__in=languages, level=None)
        scored = [
            Row(*row[:-1], similarity(row.rank, folded))
            for row in self.rows(names, page_language, rank="folded")
        ]
        close = [row for row in scored if row.rank >= SIMILARITY]
        return sorted(close, key=lambda row: -row.rank)[:limit]

    @staticmethod
    def rows(entries, page_language, rank="stems", limit=None):
        """Rows of `entries`, with what the rank is worked out from in place of the rank."""
        names = [
            Coalesce(f"skill__{column}", f"attribute__{column}", output_field=CharField())
            for column in name_columns(page_language)
        ]
        return [Row(*row) for row in entries.values_list(*ENTRY_COLUMNS, *names, rank)[:limit]]

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
