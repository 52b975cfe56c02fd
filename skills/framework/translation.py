"""The translated fields, declared once. English is required; the other languages stay NULL
until translated, so a missing translation is visible rather than an empty string."""

import reversion
from django.db.models.signals import pre_save
from modeltranslation.translator import TranslationOptions, register, translator

from skills.framework.languages import SOURCE_LANGUAGE
from skills.framework.models import (
    AttributeGroup,
    AttributeLevel,
    Category,
    Edition,
    GenericAttribute,
    GlossaryTerm,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
    Subcategory,
    Translatable,
)
from skills.framework.translation_state import record_unrecorded


class NullWhenMissing(TranslationOptions):
    empty_values = None


@register(ResponsibilityLevel)
class ResponsibilityLevelTranslationOptions(NullWhenMissing):
    fields = ("guiding_phrase", "essence")
    # The essence comes from the workbook; the source texts have none.
    required_languages = {SOURCE_LANGUAGE: ("guiding_phrase",), "default": ()}


@register(Category)
class CategoryTranslationOptions(NullWhenMissing):
    fields = ("name",)
    required_languages = (SOURCE_LANGUAGE,)


@register(Subcategory)
class SubcategoryTranslationOptions(NullWhenMissing):
    fields = ("name",)
    required_languages = (SOURCE_LANGUAGE,)


@register(Skill)
class SkillTranslationOptions(NullWhenMissing):
    fields = (
        "name",
        "description",
        "guidance_intro",
        "guidance_notes",
        "responsibility_notes",
        "development_notes",
    )
    required_languages = {SOURCE_LANGUAGE: ("name", "description"), "default": ()}


@register(SkillLevel)
class SkillLevelTranslationOptions(NullWhenMissing):
    fields = ("description",)


@register(AttributeGroup)
class AttributeGroupTranslationOptions(NullWhenMissing):
    fields = ("name",)
    required_languages = (SOURCE_LANGUAGE,)


@register(GenericAttribute)
class GenericAttributeTranslationOptions(NullWhenMissing):
    fields = ("name", "description", "guidance_intro", "guidance_notes")
    required_languages = {SOURCE_LANGUAGE: ("name", "description"), "default": ()}


@register(AttributeLevel)
class AttributeLevelTranslationOptions(NullWhenMissing):
    fields = ("description",)


@register(GlossaryTerm)
class GlossaryTermTranslationOptions(NullWhenMissing):
    fields = ("term", "avoid")
    required_languages = {SOURCE_LANGUAGE: ("term",), "default": ()}


# History. Registered here, after modeltranslation has added the per-language columns, so each
# version holds every language (registered in models.py, a revert would set them to NULL).
# A skill's versions include its levels, so one revert restores the skill and all its levels.
for model in (
    Edition,
    ResponsibilityLevel,
    Category,
    Subcategory,
    SkillLevel,
    AttributeGroup,
    AttributeLevel,
    GlossaryTerm,
):
    reversion.register(model)
reversion.register(Skill, follow=["levels"])
reversion.register(GenericAttribute, follow=["levels"])


def translated_fields(model):
    """The names of `model`'s translated fields in the model's order, which is its pages':
    modeltranslation keeps them in a set, whose order changes from one process to the next."""
    if model not in translator.get_registered_models():
        return ()
    registered = translator.get_options_for_model(model).fields
    return tuple(field.name for field in model._meta.concrete_fields if field.name in registered)


def _record_unrecorded(sender, instance, **kwargs):
    """A translation saved with no record of its English (a row made in code, a backup from
    before records were kept) is taken to translate the English it is saved with. (The
    glossary keeps no records: it is not Translatable.)"""
    if issubclass(sender, Translatable) and (fields := translated_fields(sender)):
        record_unrecorded(instance, fields)


pre_save.connect(_record_unrecorded, dispatch_uid="record_unrecorded_translations")
