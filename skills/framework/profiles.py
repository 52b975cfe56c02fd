"""A role profile as its address gives it: a title and skills, each at one level
(`?title=…&s=slmo-5&s=itsp-6`). Parsed here, below the reader and the page cache, because the
page cache keys the profile page on the same canonical query the page reads. No database: which
codes exist, and at which levels, is the page's to check.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.utils import timezone

from skills.framework.text import CODE_PATTERN, is_refused
from skills.framework.text import MAX_PROFILE_TITLE_LENGTH as MAX_TITLE_LENGTH

MAX_ENTRIES = 40
# A rejected value is shown back to the reader: no more of it than this.
SHOWN_LENGTH = 60
# The parameters that make a profile, and the steps of its forms that change one.
PROFILE_PARAMETERS = ("title", "s")
STEP_PARAMETERS = ("add", "merge")

ENTRY = re.compile(rf"({CODE_PATTERN})-([1-7])")
CODE = re.compile(CODE_PATTERN)
# Bidirectional embeddings, overrides, isolates and marks: a title could otherwise reorder the
# page around it. The page isolates the title in <bdi> instead.
BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)

# Why a value was not used: the page words each reason in the reader's language.
MALFORMED, TOO_MANY, UNKNOWN_SKILL, UNDEFINED_LEVEL, TITLE_CUT, BAD_ADDRESS = (
    "malformed",
    "too-many",
    "unknown-skill",
    "undefined-level",
    "title-cut",
    "bad-address",
)


@dataclass(frozen=True)
class Rejected:
    value: str
    reason: str


@dataclass(frozen=True)
class Profile:
    title: str
    # ((CODE, level), …) by code, each code once.
    entries: tuple
    rejected: tuple = ()
    # The code whose level the add form asks for next (its first step), if any.
    adding: str | None = None

    def query_items(self, entries=None):
        """The canonical query as (name, value) pairs: the title if any, then each entry."""
        entries = self.entries if entries is None else entries
        title = [("title", self.title)] if self.title else []
        return title + [("s", entry_value(code, level)) for code, level in entries]

    def query(self, entries=None, **extra):
        """The canonical query, with `extra` parameters (a download's format) after it."""
        return urlencode(self.query_items(entries) + list(extra.items()))

    def without(self, code):
        """The query of this profile without the skill `code`."""
        return self.query([entry for entry in self.entries if entry[0] != code])

    def level_of(self, code):
        return dict(self.entries).get(code)


def entry_value(code, level):
    return f"{code.lower()}-{level}"


def clean_title(value):
    """The title trimmed, without what the text policy refuses (control characters,
    noncharacters, lone surrogates) or bidirectional controls, and whether it had to be cut to
    MAX_TITLE_LENGTH."""
    # A line break or a tab is a space; the rest of what the policy refuses goes.
    value = "".join((" " if ch.isspace() else "") if is_refused(ch) else ch for ch in value)
    value = " ".join(value.translate(BIDI_CONTROLS).split())
    return value[:MAX_TITLE_LENGTH].rstrip(), len(value) > MAX_TITLE_LENGTH


def shown(value):
    """A rejected value as the page may show it: printable, and short."""
    value = "".join(ch for ch in value if not is_refused(ch))
    value = value.translate(BIDI_CONTROLS)
    return value if len(value) <= SHOWN_LENGTH else value[: SHOWN_LENGTH - 1] + "…"


def parse(query):
    """The Profile a query gives (a QueryDict, or anything with getlist()): entries in the
    order of the skills' codes, the last level given for a skill winning (so adding a skill
    already in the profile changes its level), at most MAX_ENTRIES of them; with what could
    not be used. A `merge` address adds its profile's entries before this one's (this one's
    levels win); `add` names the skill whose level the form asks for next."""
    title, cut = clean_title(query.get("title", ""))
    rejected = [Rejected(shown(query.get("title", "")), TITLE_CUT)] if cut else []
    given = []
    for address in query.getlist("merge"):
        merged = _merged_entries(address)
        if merged is None:
            rejected.append(Rejected(shown(address), BAD_ADDRESS))
        else:
            given += merged
            title = title or _merged_title(address)
    given += query.getlist("s")
    levels = {}
    for value in given:
        match = ENTRY.fullmatch(value.strip())
        if match is None:
            rejected.append(Rejected(shown(value), MALFORMED))
            continue
        code = match[1].upper()
        if code not in levels and len(levels) == MAX_ENTRIES:
            rejected.append(Rejected(shown(value), TOO_MANY))
            continue
        levels[code] = int(match[2])
    adding = None
    if add := query.get("add", "").strip():
        if CODE.fullmatch(add):
            adding = add.upper()
        else:
            rejected.append(Rejected(shown(add), MALFORMED))
    return Profile(title, tuple(sorted(levels.items())), tuple(rejected), adding)


def _merged_entries(address):
    """The `s` values of a pasted profile address (its query only: it is never fetched);
    None where it gives none."""
    try:
        query = urlsplit(address.strip()).query
    except ValueError:
        return None
    entries = [value for name, value in parse_qsl(query) if name == "s"]
    return entries or None


def _merged_title(address):
    return clean_title(dict(parse_qsl(urlsplit(address.strip()).query)).get("title", ""))[0]


def canonical_query(query):
    """The page cache's key and the language switcher's query for a profile: the canonical
    form of its title and entries, whatever order, case or steps the address gave them in."""
    return parse(query).query()


def page_key(query):
    """What makes a profile page what it is, for the page cache: its canonical query, the
    form's step or the download asked for, and the values it could not use, which the page
    lists (two addresses with the same entries and different mistakes are two pages); and the
    day, which its printout is dated with (a page kept overnight would give yesterday's)."""
    profile = parse(query)
    steps = [(name, query.get(name, "")[:SHOWN_LENGTH]) for name in ("add", "format")]
    unused = [(each.reason, each.value) for each in profile.rejected]
    day = [("day", timezone.localdate().isoformat())]
    return urlencode(profile.query_items() + [*steps, *unused, *day])


def is_canonical(query, profile):
    """Whether the query names its profile as the canonical address does, with no step."""
    given = [
        (name, value)
        for name in (*PROFILE_PARAMETERS, *STEP_PARAMETERS)
        for value in query.getlist(name)
    ]
    return given == profile.query_items()
