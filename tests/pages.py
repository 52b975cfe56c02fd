"""Every reader page type, and the languages: the matrix the page tests walk (test helper). The
pages are those of fixtures/sfia.json with the invented attributes of tests/attributes.py."""

import re

from skills.framework.languages import LANGUAGE_CODES

LANGUAGES = list(LANGUAGE_CODES)

PAGES = {
    "home": "/{lang}/",
    "skill list": "/{lang}/skills/",
    "skill": "/{lang}/skills/slmo/",
    "skill at a defined level": "/{lang}/skills/slmo/5/",
    "skill at an undefined level": "/{lang}/skills/slmo/1/",
    "level list": "/{lang}/levels/",
    "level": "/{lang}/levels/5/",
    "attribute list": "/{lang}/attributes/",
    "attribute": "/{lang}/attributes/zeal/",
}
# With the 404 page, which every page test covers too.
EVERY_PAGE = {**PAGES, "not found": "/{lang}/skills/nope/"}

# Where a translation is missing, the English text stands in, in this element, under a note.
ENGLISH_STANDING_IN = '<div class="text fallback" lang="en" dir="ltr">'


def section(html, start):
    """A page's part from `start` to the end of its section (which holds no other)."""
    return re.search(re.escape(start) + r".*?</section>", html, re.S)[0]
