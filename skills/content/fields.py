"""Parsed sources → the field values of each model, named column by column (`name_de`).

`import_sources` writes these through the ORM and `build_fixtures` writes them to JSON, so the
two cannot disagree. Only the languages a source has are given: a fixture fills the others with
null, an import leaves them as they are.
"""

from dataclasses import dataclass

from modeltranslation.utils import build_localized_fieldname

from skills.framework.languages import SOURCE_LANGUAGE
from skills.framework.levels import LEVEL_NUMBERS


def localized(field, language):
    return build_localized_fieldname(field, language)


def joined(lines):
    """Lines as one text, one per line; None where there are none (missing stays visible)."""
    return "\n".join(lines) or None


def names(field, translations):
    """{"name_en": …, "name_de": …} from a language → text mapping."""
    return {localized(field, language): text for language, text in translations.items()}


@dataclass(frozen=True)
class SkillContent:
    code: str
    category_slug: str
    subcategory_slug: str
    fields: dict
    # Level number → {"defined": …, "description_<language>": …}.
    levels: dict


def skill_content(source, framework):
    category, subcategory = framework.find_subcategory(source.category, source.subcategory)
    fields = {}
    for language, text in source.texts.items():
        name = source.name if language == SOURCE_LANGUAGE else text.name
        fields |= {
            localized("name", language): name,
            localized("description", language): joined(text.description),
            localized("guidance_intro", language): joined(text.guidance_intro),
            localized("guidance_notes", language): joined(text.guidance_items),
            localized("responsibility_notes", language): joined(text.responsibility_notes),
            localized("development_notes", language): joined(text.development_notes),
        }
    levels = {}
    for number in LEVEL_NUMBERS:
        level_fields = {"defined": number in source.defined_levels}
        for language, text in source.texts.items():
            level = text.level(number)
            level_fields[localized("description", language)] = joined(level.lines if level else ())
        levels[number] = level_fields
    return SkillContent(source.code, category.slug, subcategory.slug, fields, levels)
