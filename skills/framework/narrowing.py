"""The skills grid narrowed to a category and/or to the skills defined at a level, as its
address gives it (`?category=<slug>&level=<n>`). Read here, below the reader and the page
cache, because the page cache keys the grid on the same canonical query the page reads. No
database: whether a well-formed slug names a category is the page's to check.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.text import MAX_SLUG_LENGTH

PARAMETERS = ("category", "level")
# As a category's slug is made (lower case, digits, hyphens): anything else names none.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Only the canonical way of writing a level ("5", not "05" or " 5"): one address a page.
LEVELS = {str(number): number for number in LEVEL_NUMBERS}


@dataclass(frozen=True)
class Narrowing:
    # A category's slug, as given (the page checks that it names one), or None.
    category: str | None = None
    # A level's number, or None.
    level: int | None = None
    # The names of the parameters given a value that can't be one ("level" for ?level=9).
    malformed: tuple = ()

    def __bool__(self):
        return bool(self.category or self.level)

    def query(self):
        """The canonical query: the category, then the level, each where given."""
        items = [("category", self.category), ("level", self.level)]
        return urlencode([(name, value) for name, value in items if value])


def parse(query):
    """The Narrowing a query gives (a QueryDict, or anything with get()): each parameter's
    last value, as a form sends it; an empty value (the form's "all") narrows nothing."""
    found, malformed = {}, []
    category = query.get("category", "")
    if category:
        if len(category) <= MAX_SLUG_LENGTH and SLUG.fullmatch(category):
            found["category"] = category
        else:
            malformed.append("category")
    level = query.get("level", "")
    if level:
        if level in LEVELS:
            found["level"] = LEVELS[level]
        else:
            malformed.append("level")
    return Narrowing(**found, malformed=tuple(malformed))


def canonical_query(query):
    """The language switcher's query for a narrowed grid: what of it the page uses."""
    return parse(query).query()


def page_key(query):
    """The page cache's query for the grid: its canonical query; None where a value can't be
    used, as such a page is not cached (it tells the reader so, and made-up values must not
    fill the cache)."""
    narrowing = parse(query)
    return None if narrowing.malformed else narrowing.query()
