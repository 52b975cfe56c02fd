"""The skills grid narrowed as its address asks (skills/framework/narrowing.py), and the A–Z
list of every skill by its name in the page's language."""

import itertools
import unicodedata
from dataclasses import dataclass

from skills.framework.models import Skill, SkillLevel
from skills.reader.skill_page import SkillLink, skill_url
from skills.reader.text import TranslatedColumns


@dataclass(frozen=True)
class Grid:
    # The skills shown, in framework order.
    skills: list
    # Every category with skills, in framework order: the form's choices.
    categories: list
    # {skill id: the levels it is defined at}.
    defined_levels: dict
    # The category and the level it is narrowed to (None for all).
    category: object
    level: int | None
    # What the address asked for that names nothing: "category", "level".
    unused: tuple


def read_grid(narrowing):
    """The grid narrowed to `narrowing`'s category and level, where they name one: the whole
    framework is read (two queries, as the whole grid), so the form's categories cost none."""
    every_skill = list(Skill.objects.in_framework_order())
    defined = SkillLevel.objects.defined_levels_by_skill()
    categories = list(dict.fromkeys(skill.subcategory.category for skill in every_skill))
    category = next((each for each in categories if each.slug == narrowing.category), None)
    unused = set(narrowing.malformed)
    if narrowing.category and category is None:
        unused.add("category")
    shown = [
        skill
        for skill in every_skill
        if (category is None or skill.subcategory.category == category)
        and (narrowing.level is None or narrowing.level in defined.get(skill.pk, ()))
    ]
    return Grid(
        skills=shown,
        categories=categories,
        defined_levels=defined,
        category=category,
        level=narrowing.level,
        unused=tuple(name for name in ("category", "level") if name in unused),
    )


# Arabic's definite article, which an index passes over ("الأمن" is listed under أ/ا).
ARABIC_ARTICLE = "ال"


def sort_key(name):
    """A name as an index orders it, whatever its script: case folded, accents and other marks
    dropped (German "Ä" with "A", Russian "ё" with "е", Arabic "أ" with "ا"), and the Arabic
    article passed over; Cyrillic and Arabic letters are in their alphabets' order in Unicode.
    Python's locale is not used: which locales a machine has is unreliable."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(char for char in folded if not unicodedata.combining(char))
    if letters.startswith(ARABIC_ARTICLE) and len(letters) > len(ARABIC_ARTICLE) + 1:
        letters = letters[len(ARABIC_ARTICLE) :]
    return letters.strip(), name


def skills_by_initial(language):
    """[(initial, [SkillLink, …]), …]: every skill by its name in `language` (English standing
    in, and sorted as it is shown), under the initial it is sorted by; one query."""
    name = TranslatedColumns.of("name", language)
    rows = Skill.objects.values("code", *name.names)
    skills = sorted(
        (
            SkillLink(
                row["code"],
                name.value(row),
                skill_url(row["code"], language),
            )
            for row in rows
        ),
        key=lambda skill: (sort_key(skill.name.text), skill.code),
    )
    return [
        (initial, list(in_initial))
        for initial, in_initial in itertools.groupby(
            skills, key=lambda skill: sort_key(skill.name.text)[0][:1].upper() or "#"
        )
    ]
