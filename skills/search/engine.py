"""A search: the query normalised and folded, matched in the page's language and in the
English source (backends.py), ranked and grouped into one result per page, each with a
snippet of the text that matched, its words marked. One query."""

import functools
import html
import re
from dataclasses import dataclass

from django.db import connection
from markupsafe import Markup

from skills.framework.languages import SOURCE_LANGUAGE
from skills.framework.links import remembered_reverse
from skills.framework.text import MAX_SEARCH_QUERY_LENGTH as MAX_QUERY_LENGTH
from skills.framework.text import is_refused

from . import backends
from .folding import fold, similarity, stems, words
from .models import Kind

# Words searched for, counted after folding: NFKC makes one character several words ("ﷺ" is
# four), and every word is a condition in each language searched.
MAX_QUERY_WORDS = 16
# Entries read from the database for one search: far more than the results shown.
CANDIDATES = 400
SPELLINGS = 10
SNIPPET_LENGTH = 240
# A word of a text is marked as the query's misspelt word from this similarity.
SPELT_ALIKE = 0.5
# A match in the page's own language comes before the same match in the English.
OWN_LANGUAGE_BONUS = 1
# A name spelt like the query counts as much as a name match, at this share of its similarity.
SPELLING_WEIGHT = 50
# A word of a text, its marks (harakat, tatweel) included.
TEXT_WORD = re.compile(r"[\w\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]+")
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Hit:
    kind: str  # models.Kind
    code: str
    level: int | None  # the level whose text matched, if one did
    field: str  # the field whose text matched ("code", "name", "description"…)
    language: str  # the matched text's: the page's, the English source's, or "" (a code)
    snippet: Markup
    url: str
    name: str  # the skill's or attribute's, in the page's language or else in English
    name_language: str


@dataclass(frozen=True)
class Results:
    query: str  # as searched: spaces collapsed, cut to MAX_QUERY_LENGTH and MAX_QUERY_WORDS
    cut: str | None  # "characters" or "words" where the query was longer and cut, else None
    hits: list
    more: bool  # whether there were more results than `limit`


def normalised(query):
    """The query as searched, and whether it was cut: what the text policy refuses (controls,
    noncharacters, lone surrogates), and the other characters that print nothing (format
    characters such as bidi controls), are spaces; a query is not stored, so it is cleaned
    rather than refused."""
    query = "".join(" " if is_refused(char) or not char.isprintable() else char for char in query)
    query = SPACES.sub(" ", query)
    query = query.strip()
    return query[:MAX_QUERY_LENGTH].strip(), len(query) > MAX_QUERY_LENGTH


def within_words(query):
    """The start of `query` whose folding has at most MAX_QUERY_WORDS words, and whether that
    cut it. Folded a space-separated part at a time (no word spans a space), so the work is
    bounded by the query's length, however many words the folding makes."""
    kept, count = [], 0
    for part in query.split(" "):
        part_words = len(words(fold(part)))
        if count + part_words > MAX_QUERY_WORDS:
            kept.append(_first_words(part, MAX_QUERY_WORDS - count))
            return " ".join(kept).strip(), True
        kept.append(part)
        count += part_words
    return query, False


def _first_words(part, count):
    """The longest start of `part` (a query's part with no space) folding to `count` words at
    most."""
    end = 0
    while end < len(part) and len(words(fold(part[: end + 1]))) <= count:
        end += 1
    return part[:end]


def search(query, language, limit=50):
    """The pages whose texts match `query`, in `language` or in the English source, best
    first: a code, then a name, then a description, then a level's text and the notes."""
    query, cut_characters = normalised(query)
    query, cut_words = within_words(query)
    cut = "words" if cut_words else "characters" if cut_characters else None
    folded = fold(query)
    if not words(folded):
        return Results(query, cut, [], more=False)
    hits, more = _found(folded, language, limit)
    return Results(query, cut, hits, more)


def _found(folded, language, limit):
    """(hits, whether there were more)."""
    languages = list(dict.fromkeys([language, SOURCE_LANGUAGE, ""]))
    backend = backends.for_connection(connection)
    rows = [
        spelt_like(row) if row.spelling else row
        for row in backend.candidates(folded, languages, language, CANDIDATES, SPELLINGS)
    ]
    best = {}
    for row in sorted(rows, key=lambda row: -score(row, language)):
        best.setdefault((row.kind, row.code, row.level if row.field != "code" else None), row)
    targets = list(best.items())[: limit + 1]
    marker = Marker(folded)
    hits = [hit(target, row, marker, language) for target, row in targets[:limit]]
    return hits, len(targets) > limit


def spelt_like(row):
    """A name or code spelt like the query weighs by how alike they are."""
    return row._replace(weight=SPELLING_WEIGHT * row.rank)


def score(row, language):
    """A row's place: its field's weight, then its own language before the English, then its
    rank in the text."""
    own = OWN_LANGUAGE_BONUS if row.language == language else 0
    return row.weight + own + row.rank / 10


def hit(target, row, marker, language):
    kind, code, level = target
    return Hit(
        kind=kind,
        code=code,
        level=level,
        field=row.field,
        language=row.language,
        snippet=snippet(row.text, functools.partial(marker.matches, row.language)),
        url=url_of(kind, code, level, language),
        name=row.name or row.english_name,
        name_language=language if row.name else SOURCE_LANGUAGE,
    )


def url_of(kind, code, level, language):
    """The result's page in `language`: the attribute's (at the level's section), the skill's
    at the level, or the skill's."""
    code = code.lower()
    if kind == Kind.ATTRIBUTE:
        page = remembered_reverse("skills:attribute", kwargs={"code": code}, language=language)
        return f"{page}#level-{level}" if level else page
    if level:
        kwargs = {"code": code, "level": level}
        return remembered_reverse("skills:skill_level", kwargs=kwargs, language=language)
    return remembered_reverse("skills:skill", kwargs={"code": code}, language=language)


class Marker:
    """Which words of the results' texts a query matched: by stem, or else spelt alike. Each
    word is worked out once a search (the texts share most of theirs)."""

    def __init__(self, folded):
        self.query_words = words(folded)
        self.query_stems = {}
        self.known = {}

    def matches(self, language, word):
        key = (language, word)
        if key not in self.known:
            self.known[key] = self.work_out(language, fold(word))
        return self.known[key]

    def work_out(self, language, folded_word):
        if language not in self.query_stems:
            self.query_stems[language] = set(stems(self.query_words, language))
        if stems([folded_word], language)[0] in self.query_stems[language]:
            return True
        return any(similarity(folded_word, word) >= SPELT_ALIKE for word in self.query_words)


def snippet(text, matches):
    """The text (its lines run together), cut to about SNIPPET_LENGTH characters around the
    first matched word, escaped, each matched word in <mark>."""
    text = " ".join(line.removeprefix("- ") for line in text.split("\n"))
    found = [m for m in TEXT_WORD.finditer(text) if matches(m.group())]
    start = 0
    if len(text) > SNIPPET_LENGTH and found:
        start = max(0, found[0].start() - SNIPPET_LENGTH // 3)
        start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + SNIPPET_LENGTH)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + SNIPPET_LENGTH // 2)
    # Every part of the text escaped (html.escape, as Django's escape does), joined as one
    # string: a Markup of each part, joined by Markup, was a third of a search page's time.
    parts, position = ["…" if start else ""], start
    for match in found:
        if match.start() < start or match.end() > end:
            continue
        parts += [html.escape(text[position : match.start()]), "<mark>"]
        parts += [html.escape(match.group()), "</mark>"]
        position = match.end()
    parts += [html.escape(text[position:end]), "…" if end < len(text) else ""]
    return Markup("".join(parts))
