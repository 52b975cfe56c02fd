"""The content fixture (`fixtures/sfia.json`), built from the sources alone.

Deterministic (same sources, same bytes) and explicit: every translated field is written as
`<field>_<language>` for every language, null where a language has no text, never as the bare
field (which loaddata would put in whichever language happens to be active). Rows are keyed
by natural keys (skill code, category slug…), so loading the fixture over an imported database
updates it instead of clashing with it. Each row carries the records of its translations, as the
first import writes them: each translates the English beside it, brought in by no one.
"""

import json

from skills.content.fields import localized, names, skill_content
from skills.framework.languages import LANGUAGE_CODES
from skills.framework.models import Category, ResponsibilityLevel, Skill, SkillLevel, Subcategory
from skills.framework.translation import translated_fields
from skills.framework.translation_state import record_unrecorded


def every_language(model, fields):
    """`fields` with every translated field of `model` present in every language, and the
    records of its translations."""
    complete = dict(fields)
    columns = [
        localized(base, language)
        for base in translated_fields(model)
        for language in LANGUAGE_CODES
    ]
    for column in columns:
        complete.setdefault(column, None)
    texts = model(**{column: complete[column] for column in columns})
    record_unrecorded(texts, translated_fields(model))
    complete["translation_state"] = texts.translation_state
    return complete


def fixture_rows(sources, framework):
    rows = []
    if framework.edition:
        rows.append({"model": "skills.edition", "pk": 1, "fields": {"name": framework.edition}})
    for level in framework.levels:
        rows.append(
            {
                "model": "skills.responsibilitylevel",
                "pk": level.number,
                "fields": every_language(
                    ResponsibilityLevel, names("guiding_phrase", level.guiding_phrase)
                ),
            }
        )
    for position, category in enumerate(framework.categories, start=1):
        rows.append(
            {
                "model": "skills.category",
                "fields": every_language(
                    Category,
                    {"slug": category.slug, "position": position, **names("name", category.name)},
                ),
            }
        )
    for category in framework.categories:
        for position, subcategory in enumerate(category.subcategories, start=1):
            rows.append(
                {
                    "model": "skills.subcategory",
                    "fields": every_language(
                        Subcategory,
                        {
                            "category": [category.slug],
                            "slug": subcategory.slug,
                            "position": position,
                            **names("name", subcategory.name),
                        },
                    ),
                }
            )
    contents = [skill_content(source, framework) for source in sources]
    for content in contents:
        fields = {
            "code": content.code,
            "subcategory": [content.category_slug, content.subcategory_slug],
            **content.fields,
        }
        rows.append({"model": "skills.skill", "fields": every_language(Skill, fields)})
    for content in contents:
        for number, fields in content.levels.items():
            rows.append(
                {
                    "model": "skills.skilllevel",
                    "fields": every_language(
                        SkillLevel, {"skill": [content.code], "level": number, **fields}
                    ),
                }
            )
    return rows


def build_fixture(sources, framework):
    """The fixture's text."""
    return json.dumps(fixture_rows(sources, framework), ensure_ascii=False, indent=2) + "\n"
