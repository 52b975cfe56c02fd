"""The skills a level page lists, read as plain values.

A level lists a hundred skills or more, each with its category: built as models, with every
language's every text, they were most of the page's time. The list needs only codes and names
in the page's language and in English, and the records of the names' translations
(translation_state) in the page's language.
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
    category, skill = "skill__subcategory__category", "skill"
    rows = SkillLevel.objects.defined_at(number).values(
        f"{category}_id",
        "skill__code",
        *_name_columns(category, language),
        *_name_columns(skill, language),
    )
    by_category = []
    for _, in_category in itertools.groupby(rows, key=operator.itemgetter(f"{category}_id")):
        in_category = list(in_category)
        skills = [
            SkillAtLevel(
                row["skill__code"],
                _name(row, skill, language),
                remembered_reverse(
                    "skills:skill_level",
                    kwargs={"code": row["skill__code"], "level": number},
                    language=language,
                ),
            )
            for row in in_category
        ]
        by_category.append((_name(in_category[0], category, language), skills))
    return by_category


def _name_columns(related, language):
    """The values() that read `related`'s name: in `language`, in English, and (but for
    English) the record of its translation, a key of the JSON column."""
    own, source = (build_localized_fieldname("name", each) for each in (language, SOURCE_LANGUAGE))
    columns = [f"{related}__{own}", f"{related}__{source}"]
    if language != SOURCE_LANGUAGE:
        columns.append(f"{related}__translation_state__{language}__name")
    return columns


def _name(row, related, language):
    """`related`'s name in the row, as a Translated text."""
    own, source, *record = (row[column] for column in _name_columns(related, language))
    return Translated.choose(own, source, language, *record)
