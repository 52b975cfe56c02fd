"""The translated fields, declared once. English is required; the other languages stay NULL
until translated, so a missing translation is visible rather than an empty string."""

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
