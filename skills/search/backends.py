"""The two databases' halves of a search, behind one small interface: `candidates` finds, in
one query, the entries whose stems match a query's (at most `limit`, best first) and the names
and codes spelt like it (at most `spellings`, most alike first), as Rows with the names of the
skill or attribute each entry belongs to; `vectorize` prepares entries just written."""

import math
from typing import NamedTuple

from django.db.models import BooleanField, Case, CharField, Q, When
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
    # Whether it is a name or code spelt like the query (or else a match of its stems).
    spelling: bool


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

    def candidates(self, folded, languages, page_language, limit, spellings):
        queries = ", ".join(["(%s, websearch_to_tsquery(%s::regconfig, %s))"] * len(languages))
        parameters = [
            value for language in languages for value in (language, configuration(language), folded)
        ]
        matching = self.select(
            page_language,
            "ts_rank(vector, query)",
            False,
            f"JOIN (VALUES {queries}) AS queries (query_language, query) "
            "ON entry.language = query_language WHERE vector @@ query "
            "ORDER BY weight DESC, matched DESC LIMIT %s",
        )
        similar = self.select(
            page_language,
            "similarity(folded, %s)",
            True,
            "WHERE field = ANY(%s) AND entry.language = ANY(%s) AND entry.level IS NULL "
            "AND folded %% %s ORDER BY matched DESC LIMIT %s",
        )
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"({matching}) UNION ALL ({similar})",
                [*parameters, limit, folded, list(NAMES), list(languages), folded, spellings],
            )
            return [Row(*row) for row in cursor.fetchall()]

    def select(self, page_language, rank, spelling, rest):
        """A SELECT of Rows: the entries `rest` (joins, conditions, order) picks, with their
        owners' names."""
        quote = self.connection.ops.quote_name
        entry_columns = ", ".join(f"entry.{quote(column)}" for column in ENTRY_COLUMNS)
        names = ", ".join(
            f"COALESCE(skill.{quote(column)}, attribute.{quote(column)})"
            for column in name_columns(page_language)
        )
        return (
            f"SELECT {entry_columns}, {names}, {rank} AS matched, {spelling} "
            f"FROM {quote(SearchEntry._meta.db_table)} AS entry "
            f"LEFT JOIN {quote(SearchEntry.skill.field.related_model._meta.db_table)} AS skill "
            "ON skill.id = entry.skill_id "
            f"LEFT JOIN {quote(SearchEntry.attribute.field.related_model._meta.db_table)} "
            f"AS attribute ON attribute.id = entry.attribute_id {rest}"
        )


class SQLite:
    """The same search on SQLite: the query's words stemmed by PyStemmer and matched against
    each entry's stems; pg_trgm's similarity worked out in Python."""

    def vectorize(self, pks):
        pass

    def candidates(self, folded, languages, page_language, limit, spellings):
        """Every entry whose stems match, and every name and code, are read in one query;
        which names are spelt like the query is worked out here, as pg_trgm would."""
        matched = Q()
        for language in languages:
            matched |= Q(language=language) & self.stems_match(folded, language)
        names = Q(field__in=NAMES, language__in=languages, level=None)
        read = SearchEntry.objects.filter(matched | names).annotate(
            matched=Case(When(matched, then=True), default=False, output_field=BooleanField()),
            **{
                f"name_{index}": Coalesce(
                    f"skill__{column}", f"attribute__{column}", output_field=CharField()
                )
                for index, column in enumerate(name_columns(page_language))
            },
        )
        query_stems = {language: set(stems(words(folded), language)) for language in languages}
        matching, similar = [], []
        for *columns, stems_, folded_text, is_match in read.values_list(
            *ENTRY_COLUMNS, "name_0", "name_1", "stems", "folded", "matched"
        ):
            if is_match:
                rank = self.rank(stems_, query_stems[columns[5]])
                matching.append(Row(*columns, rank, False))
            if columns[3] in NAMES and (alike := similarity(folded_text, folded)) >= SIMILARITY:
                similar.append(Row(*columns, alike, True))
        matching.sort(key=lambda row: (-row.weight, -row.rank))
        similar.sort(key=lambda row: -row.rank)
        return matching[:limit] + similar[:spellings]

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
    def rank(entry_stems, query_stems):
        """Like ts_rank: how often the query's stems occur, less in a long text."""
        found = entry_stems.split()
        hits = sum(found.count(stem) for stem in query_stems)
        return hits / math.log(2 + len(found))
