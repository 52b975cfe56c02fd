"""Text as the search compares it: folded as each language's readers expect, split into
words, stemmed with the Snowball stemmer that PostgreSQL's text-search configuration of the
same name uses (PyStemmer is Snowball's own C code), and cut into pg_trgm's trigrams.

The index and the queries go through the same folding, on both databases: PostgreSQL stems
the folded text with its configuration, SQLite with PyStemmer.
"""

import functools
import re
import unicodedata

import Stemmer

from skills.framework.languages import BY_CODE

# Arabic: the vowel marks (harakat, superscript alef) and the tatweel go; the alef with hamza
# or madda is alef; alef maqsura is ya; a word's final ha is ta marbuta (which the Snowball
# stemmer knows as an ending: "الخدمه" is "الخدمة", stemmed "خدم"). Russian: ё is е.
_ARABIC_MARKS = dict.fromkeys([*range(0x064B, 0x0660), 0x0670, 0x0640])
_FOLDED_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ё": "е", "Ё": "Е"} | _ARABIC_MARKS
)
_FINAL_HA = re.compile(r"ه\b")
_WORD = re.compile(r"\w+")
# The configuration (and stemmer) for texts in no language: codes.
NO_LANGUAGE = "simple"


def fold(text):
    """`text` lower-cased with its letters folded; control, format (bidi) and NUL characters
    are spaces."""
    text = _FINAL_HA.sub("ة", unicodedata.normalize("NFKC", text).translate(_FOLDED_LETTERS))
    return "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf") else char for char in text
    ).lower()


def words(folded):
    return _WORD.findall(folded)


def configuration(language):
    """The Snowball stemmer's and PostgreSQL's text-search configuration's name for
    `language` (a site language's English name: "german"), or "simple" for none."""
    return BY_CODE[language].name.lower() if language in BY_CODE else NO_LANGUAGE


@functools.cache
def _stemmer(language):
    name = configuration(language)
    return Stemmer.Stemmer(name) if name in Stemmer.algorithms() else None


def stems(folded_words, language):
    stemmer = _stemmer(language)
    return stemmer.stemWords(folded_words) if stemmer else list(folded_words)


def trigrams(folded):
    """pg_trgm's trigrams of a text: of each word, padded with two spaces before and one
    after."""
    found = set()
    for word in words(folded):
        padded = f"  {word} "
        found.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return found


def similarity(a, b):
    """pg_trgm's similarity(): the trigrams two texts share, over all they have."""
    first, second = trigrams(a), trigrams(b)
    union = first | second
    return len(first & second) / len(union) if union else 0.0
