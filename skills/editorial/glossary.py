"""The glossary's checks: where a text's English has a glossary term, its translation should
have the word agreed for it and none of the words to avoid (framework's GlossaryTerm).

Words are compared as search compares them (search/folding.py): folded, then stemmed with the
language's Snowball stemmer, so "levels" finds "level", "Ebenen" has "Ebene" and "уровня"
has "уровень". Two leniencies on the translation's side, where stemmers leave forms apart:

- a stem matches one it shares all but its last letter with (a Russian fleeting vowel:
  "уровень" → "уровен", "уровня" → "уровн"; an Arabic plural: "مستويات" → "مستويا", "المستوى"
  → "مستو"), from four letters up; in Arabic, a shorter stem matches itself with the "ا" a
  plural without the article keeps ("درجات" → "درجا", "درجة" → "درج");
- in German, a word ending in the term is the term (a compound: "Verantwortungsebene" has
  "Ebene", "Kompetenzstufen" has "Stufe").

The checks warn; they never block a save or an import: a translator may have good reasons.
"""

import functools
import os
from collections import defaultdict
from dataclasses import dataclass

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from skills.framework.languages import SOURCE_LANGUAGE, TRANSLATED_LANGUAGES, direction
from skills.framework.models import GlossaryTerm
from skills.search.folding import fold, stems, words

# Languages that write a compound as one word, its head last.
COMPOUNDING = {"de"}
# The shortest stem the lenient comparison applies to.
LENIENT_FROM = 4
# Where a language's stemmer may leave one letter of an ending on a short stem: the Arabic
# sound feminine plural "-ات" loses its "ت" but keeps its "ا" on a word without the article
# ("درجات" → "درجا", "الدرجات" → "درج", "درجة" → "درج").
ENDING_REMNANTS = {"ar": "ا"}
# A compound's head may carry an inflection the stemmer would have taken off: "-en" in
# "Kompetenzstufen".
COMPOUND_ENDING = 3


@dataclass(frozen=True)
class Words:
    """A text (or a term) as compared: its folded words and their stems."""

    folded: tuple
    stemmed: tuple

    @classmethod
    def of(cls, text, language):
        folded = tuple(words(fold(text or "")))
        return cls(folded, tuple(stems(list(folded), language)))

    @functools.cached_property
    def starts(self):
        """{stem: the positions of the words with it}."""
        found = defaultdict(list)
        for position, stem in enumerate(self.stemmed):
            found[stem].append(position)
        return found


def _same_stem(one, other, language):
    if one == other:
        return True
    shorter, longer = sorted((one, other), key=len)
    if (remnant := ENDING_REMNANTS.get(language)) and longer == shorter + remnant:
        return True
    common = len(os.path.commonprefix([one, other]))
    return (
        len(shorter) >= LENIENT_FROM
        and len(longer) - len(shorter) <= 2
        and common >= len(shorter) - 1
    )


def _is_compound_of(word, stem):
    """Whether the folded `word` is a compound whose last part is `stem` (with an ending)."""
    at = word.rfind(stem)
    return at > 0 and len(word) - at - len(stem) <= COMPOUND_ENDING


def _word_matches(text, position, term, index, language):
    if language == SOURCE_LANGUAGE:
        return text.stemmed[position] == term.stemmed[index]
    if _same_stem(text.stemmed[position], term.stemmed[index], language):
        return True
    # Only the term's first word may end a compound ("Service-Level-Vereinbarung" aside,
    # "Dienstleistungsebene"): its later words are words of their own.
    return (
        index == 0
        and language in COMPOUNDING
        and _is_compound_of(text.folded[position], term.stemmed[index])
    )


def spans(term, text, language):
    """Where the Words `term` stand together, in order, in the Words `text` (in `language`):
    each occurrence's range of word positions."""
    size = len(term.folded)
    if not size:
        return []
    if language == SOURCE_LANGUAGE:  # stems compared as they are: only where the first is
        starts = text.starts.get(term.stemmed[0], [])
    else:
        starts = range(len(text.folded))
    return [
        range(start, start + size)
        for start in starts
        if start + size <= len(text.folded)
        and all(_word_matches(text, start + index, term, index, language) for index in range(size))
    ]


def occurs(term, text, language):
    return bool(spans(term, text, language))


@dataclass(frozen=True)
class Entry:
    """A glossary term as the checks read it: its English and, by language, the word agreed
    for it and the words to avoid."""

    pk: int
    english: str
    approved: dict  # language → text ("" where none is agreed)
    avoided: dict  # language → [text]


@dataclass(frozen=True)
class Problem:
    """A translation that goes against a glossary entry."""

    entry: Entry
    language: str
    avoided: str = ""  # the word to avoid it uses; "" where it lacks the agreed one

    @property
    def approved(self):
        return self.entry.approved[self.language]

    def message(self):
        """What is wrong, in the admin's language, as plain text (a message after a save)."""
        return self._worded(str, lambda text, language: text)

    def html(self):
        """What is wrong, each term isolated and marked with its language: an Arabic word in
        an English sentence keeps its place (under the input)."""
        return mark_safe(self._worded(conditional_escape, _isolated))

    def _worded(self, escaped, quoted):
        if self.avoided and self.approved:
            text = _(
                "The English has “%(term)s”: this translation uses “%(avoided)s”, which the "
                "glossary says to avoid; its word is “%(approved)s”."
            )
        elif self.avoided:
            text = _(
                "The English has “%(term)s”: this translation uses “%(avoided)s”, which the "
                "glossary says to avoid."
            )
        else:
            text = _(
                "The English has “%(term)s”: this translation lacks the glossary's word for "
                "it, “%(approved)s”."
            )
        return escaped(text) % {
            "term": quoted(self.entry.english, SOURCE_LANGUAGE),
            "avoided": quoted(self.avoided, self.language),
            "approved": quoted(self.approved, self.language),
        }


def _isolated(text, language):
    return format_html('<bdi lang="{}" dir="{}">{}</bdi>', language, direction(language), text)


def _inside(span, others):
    return any(set(span) <= set(other) for other in others)


def _within_another(span, every):
    return any(other != span and set(span) <= set(other) for other in every)


class Glossary:
    """Every glossary term, read once, compared with as many texts as needed."""

    def __init__(self, entries):
        self.entries = list(entries)
        self._terms_in = {}  # English text → its entries
        self._english = {entry.pk: Words.of(entry.english, SOURCE_LANGUAGE) for entry in self}
        self._translated = {
            (entry.pk, language): (
                Words.of(entry.approved[language], language),
                [(text, Words.of(text, language)) for text in entry.avoided[language]],
            )
            for entry in self
            for language in TRANSLATED_LANGUAGES
        }

    def __iter__(self):
        return iter(self.entries)

    def __len__(self):
        return len(self.entries)

    @classmethod
    def load(cls):
        return cls(
            Entry(
                pk=term.pk,
                english=term.term_en,
                approved={
                    code: getattr(term, f"term_{code}") or "" for code in TRANSLATED_LANGUAGES
                },
                avoided={code: term.avoided(code) for code in TRANSLATED_LANGUAGES},
            )
            for term in GlossaryTerm.objects.order_by("term_en")
        )

    def terms_in(self, english):
        """The entries whose English term `english` has, other than only within a longer
        term's ("level" in "service level agreement" is that term's, not "level"'s)."""
        if english not in self._terms_in:
            text = Words.of(english, SOURCE_LANGUAGE)
            found = {
                entry.pk: spans(self._english[entry.pk], text, SOURCE_LANGUAGE) for entry in self
            }
            every = [span for each in found.values() for span in each]
            self._terms_in[english] = [
                entry
                for entry in self
                if any(not _within_another(span, every) for span in found[entry.pk])
            ]
        return self._terms_in[english]

    def problems(self, english, translation, language):
        """The Problems of `translation` (into `language`) of `english`; none where there is
        no translation yet. A word to avoid for one term is no problem inside the agreed word
        of another term the English has: Italian "competenza" is avoided for "skill", but is
        right in "quadro delle competenze", the agreed word for "skills framework"."""
        if not translation or language not in TRANSLATED_LANGUAGES:
            return []
        text = Words.of(translation, language)
        entries = self.terms_in(english)
        agreed_spans = {
            entry.pk: spans(self._translated[entry.pk, language][0], text, language)
            for entry in entries
        }
        found = []
        for entry in entries:
            approved, avoided = self._translated[entry.pk, language]
            others = [span for pk, each in agreed_spans.items() if pk != entry.pk for span in each]
            uses = [
                word
                for word, phrase in avoided
                if any(not _inside(span, others) for span in spans(phrase, text, language))
            ]
            found += [Problem(entry, language, word) for word in uses]
            # A language with no agreed word yet lacks nothing.
            agreed = entry.approved[language]
            if agreed and not uses and not occurs(approved, text, language):
                found.append(Problem(entry, language))
        return found

    def inconsistencies(self, texts, language):
        """(text, Problem) of each of `texts` (translation_status's Texts) whose translation
        into `language` goes against the glossary."""
        return [
            (text, problem)
            for text in texts
            for problem in self.problems(text.english, text.translations[language], language)
        ]
