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


def other_than(lang):
    """The language a page in `lang` is compared with in the page tests: Arabic, or, on the
    Arabic page, English (a language compared with itself is no page)."""
    return "ar" if lang != "ar" else "en"


class ComparePage(str):
    """A compare page's path, "/{lang}/…/compare/{other}/": formatted with `lang` alone, as
    every page's path is, it compares with `other_than(lang)`."""

    def format(self, *args, **kwargs):
        return super().format(*args, **{"other": other_than(kwargs["lang"]), **kwargs})


# With the 404 page and the search page, which every page test covers too: with results (on
# the translated pages, English ones among them) and without; a role profile; the compare
# pages; the Downloads page (it shows no content texts, so no note on their review); the grid
# narrowed to a category and a level, and the skills from A to Z.
EVERY_PAGE = {
    **PAGES,
    "not found": "/{lang}/skills/nope/",
    "search": "/{lang}/search/?q=service",
    "search without results": "/{lang}/search/?q=xqzzy",
    "profile": "/{lang}/profile/?title=Service+lead&s=slmo-5",
    "skill compared": ComparePage("/{lang}/skills/slmo/compare/{other}/"),
    "attribute compared": ComparePage("/{lang}/attributes/zeal/compare/{other}/"),
    "level compared": ComparePage("/{lang}/levels/5/compare/{other}/"),
    "API reference": "/{lang}/api/",
    "downloads": "/{lang}/downloads/",
    "skill list narrowed": "/{lang}/skills/?category=delivery-and-operation&level=5",
    "skills from A to Z": "/{lang}/skills/a-z/",
}

# Where a translation is missing, the English text stands in, in this element, under a note.
ENGLISH_STANDING_IN = '<div class="text fallback" lang="en" dir="ltr">'


def section(html, start):
    """A page's part from `start` to the end of its section (which holds no other)."""
    return re.search(re.escape(start) + r".*?</section>", html, re.S)[0]


def outdate_translations():
    """Texts whose English changed since they were translated (SLMO's description and its level
    5, the attribute ZEAL's description and its level 5) and one reviewed translation (SLMO's
    German name): every note and flag of a translation's state that the pages and the admin
    show."""
    from django.utils import timezone

    from skills.framework.models import GenericAttribute, OriginalText, Skill
    from skills.framework.translation_state import note_reviewed

    skill = Skill.objects.get(code="SLMO")
    level = skill.levels.get(level=5)
    attribute = GenericAttribute.objects.get(code="ZEAL")
    changed = [skill, level, attribute, attribute.levels.get(level=5)]
    for instance in changed:
        OriginalText.objects.remember([instance.description_en])
        instance.description_en += " Changed since."
    note_reviewed(skill, "name", "de", by=None, at=timezone.now())
    for instance in changed:
        instance.save()


# The pages that show outdated texts once outdate_translations() has run.
OUTDATED_PAGES = {
    name: PAGES[name] for name in ("skill", "skill at a defined level", "level", "attribute")
}
