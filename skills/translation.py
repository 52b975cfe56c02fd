"""The translated fields, declared once. English is required; the other languages stay NULL
until translated, so a missing translation is visible rather than an empty string."""

import reversion
from modeltranslation.translator import TranslationOptions, register

from .models import Category, ResponsibilityLevel, Skill, SkillLevel, Subcategory


class NullWhenMissing(TranslationOptions):
    empty_values = None


@register(ResponsibilityLevel)
class ResponsibilityLevelTranslationOptions(NullWhenMissing):
    fields = ("guiding_phrase",)
    required_languages = ("en",)


@register(Category)
class CategoryTranslationOptions(NullWhenMissing):
    fields = ("name",)
    required_languages = ("en",)


@register(Subcategory)
class SubcategoryTranslationOptions(NullWhenMissing):
    fields = ("name",)
    required_languages = ("en",)


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
    required_languages = {"en": ("name", "description"), "default": ()}


@register(SkillLevel)
class SkillLevelTranslationOptions(NullWhenMissing):
    fields = ("description",)


# History. Registered here, after modeltranslation has added the per-language columns, so each
# version holds every language (registered in models.py, a revert would set them to NULL).
# A skill's versions include its levels, so one revert restores the skill and all its levels.
for model in (ResponsibilityLevel, Category, Subcategory, SkillLevel):
    reversion.register(model)
reversion.register(Skill, follow=["levels"])
