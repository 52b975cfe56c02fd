"""The skills a level page lists, read as plain values.

A level lists a hundred skills or more, each with its category: built as models, with every
language's every text, they were most of the page's time. The list needs only codes and names
in the page's language and in English, and the records of the names' translations
(translation_state) in the page's language.
"""

import itertools
import operator

from skills.framework.links import remembered_reverse
from skills.framework.models import SkillLevel
from skills.reader.skill_page import SkillLink
from skills.reader.text import TranslatedColumns


def skills_defined_at(number, language):
    """[(category name, [SkillLink, …]), …] for the skills defined at level `number`, in
    framework order, their names in `language` with English standing in."""
    category_name = TranslatedColumns.of("name", language, "skill__subcategory__category")
    skill_name = TranslatedColumns.of("name", language, "skill")
    rows = SkillLevel.objects.defined_at(number).values(
        "skill__subcategory__category_id", "skill__code", *category_name.names, *skill_name.names
    )
    by_category = []
    for _, in_category in itertools.groupby(
        rows, key=operator.itemgetter("skill__subcategory__category_id")
    ):
        in_category = list(in_category)
        skills = [
            SkillLink(
                row["skill__code"],
                skill_name.value(row),
                remembered_reverse(
                    "skills:skill_level",
                    kwargs={"code": row["skill__code"], "level": number},
                    language=language,
                ),
            )
            for row in in_category
        ]
        by_category.append((category_name.value(in_category[0]), skills))
    return by_category
