"""The skills a level page lists, read as plain values.

A level lists a hundred skills or more, each with its category: built as models, with every
language's every text, they were most of the page's time. The list needs only codes and names
in the page's language and in English, and the records of the names' translations
(translation_state) in the page's language.
"""

import itertools
import operator
from dataclasses import dataclass

from skills.framework.links import remembered_reverse
from skills.framework.models import SkillLevel
from skills.reader.text import Translated, translated_columns, translated_value


@dataclass(frozen=True)
class SkillAtLevel:
    code: str
    name: Translated
    url: str


def skills_defined_at(number, language):
    """[(category name, [SkillAtLevel, …]), …] for the skills defined at level `number`, in
    framework order, their names in `language` with English standing in."""
    category, skill = "skill__subcategory__category", "skill"
    rows = SkillLevel.objects.defined_at(number).values(
        f"{category}_id",
        "skill__code",
        *translated_columns("name", language, category),
        *translated_columns("name", language, skill),
    )
    by_category = []
    for _, in_category in itertools.groupby(rows, key=operator.itemgetter(f"{category}_id")):
        in_category = list(in_category)
        skills = [
            SkillAtLevel(
                row["skill__code"],
                translated_value(row, "name", language, skill),
                remembered_reverse(
                    "skills:skill_level",
                    kwargs={"code": row["skill__code"], "level": number},
                    language=language,
                ),
            )
            for row in in_category
        ]
        by_category.append((translated_value(in_category[0], "name", language, category), skills))
    return by_category
