"""The skills a level page lists, read as plain values.

A level lists a hundred skills or more, each with its category: built as models, with every
language's every text, they were most of the page's time. The list needs only codes and names
in the page's language and in English.
"""

import itertools
import operator
from dataclasses import dataclass

from modeltranslation.utils import build_localized_fieldname

from skills.framework.languages import SOURCE_LANGUAGE
from skills.framework.links import remembered_reverse
from skills.framework.models import SkillLevel
from skills.reader.text import Translated


@dataclass(frozen=True)
class SkillAtLevel:
    code: str
    name: Translated
    url: str


def skills_defined_at(number, language):
    """[(category name, [SkillAtLevel, …]), …] for the skills defined at level `number`, in
    framework order, their names in `language` with English standing in."""
    own, source = (build_localized_fieldname("name", each) for each in (language, SOURCE_LANGUAGE))
    category, skill = "skill__subcategory__category", "skill"
    rows = SkillLevel.objects.defined_at(number).values(
        f"{category}_id",
        f"{category}__{own}",
        f"{category}__{source}",
        "skill__code",
        f"{skill}__{own}",
        f"{skill}__{source}",
    )
    by_category = []
    for _, in_category in itertools.groupby(rows, key=operator.itemgetter(f"{category}_id")):
        in_category = list(in_category)
        first = in_category[0]
        skills = [
            SkillAtLevel(
                row["skill__code"],
                Translated.choose(row[f"{skill}__{own}"], row[f"{skill}__{source}"], language),
                remembered_reverse(
                    "skills:skill_level",
                    kwargs={"code": row["skill__code"], "level": number},
                    language=language,
                ),
            )
            for row in in_category
        ]
        name = Translated.choose(
            first[f"{category}__{own}"], first[f"{category}__{source}"], language
        )
        by_category.append((name, skills))
    return by_category
