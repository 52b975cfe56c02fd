"""Every reader page type, and the languages: the matrix the page tests walk (test helper)."""

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
}
# With the 404 page, which every page test covers too.
EVERY_PAGE = {**PAGES, "not found": "/{lang}/skills/nope/"}
