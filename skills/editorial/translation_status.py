"""How complete each language is: for every text whose English source exists, whether the
language has it too. Read by the admin's translation status page and its "missing in" filter."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse

from skills.framework.languages import SOURCE_LANGUAGE, TRANSLATED_LANGUAGES
from skills.framework.models import (
    AttributeGroup,
    AttributeLevel,
    Category,
    GenericAttribute,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
    Subcategory,
)
from skills.framework.translation import translated_fields


def _has_text(column):
    return Q(**{f"{column}__isnull": False}) & ~Q(**{column: ""})


def missing_in(model, language):
    """Rows where some field has English text but none in `language`."""
    condition = Q(pk__in=[])
    for base in translated_fields(model):
        condition |= _has_text(f"{base}_{SOURCE_LANGUAGE}") & ~_has_text(f"{base}_{language}")
    return condition


@dataclass
class Missing:
    label: str
    field: str
    url: str


@dataclass
class LanguageStatus:
    language: str
    total: int = 0
    translated: int = 0
    missing: list = field(default_factory=list)

    @property
    def percent(self):
        return 100 if not self.total else int(100 * self.translated / self.total)


def _change_url(model, pk):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk])


def translation_status():
    """{language: LanguageStatus} over every translated field of the content."""
    status = {language: LanguageStatus(language) for language in TRANSLATED_LANGUAGES}
    sources = [
        (ResponsibilityLevel, ResponsibilityLevel.objects.all(), None),
        (Category, Category.objects.all(), None),
        (Subcategory, Subcategory.objects.all(), None),
        (Skill, Skill.objects.all(), None),
        (SkillLevel, SkillLevel.objects.select_related("skill"), "skill"),
        (AttributeGroup, AttributeGroup.objects.all(), None),
        (GenericAttribute, GenericAttribute.objects.all(), None),
        (AttributeLevel, AttributeLevel.objects.select_related("attribute"), "attribute"),
    ]
    for model, rows, edited_in in sources:
        fields = translated_fields(model)
        for row in rows:
            for base in fields:
                if not getattr(row, f"{base}_{SOURCE_LANGUAGE}"):
                    continue
                for language, counts in status.items():
                    counts.total += 1
                    if getattr(row, f"{base}_{language}"):
                        counts.translated += 1
                        continue
                    owner = getattr(row, edited_in) if edited_in else row
                    counts.missing.append(
                        Missing(
                            label=_label(row),
                            field=str(model._meta.get_field(base).verbose_name),
                            url=_change_url(type(owner), owner.pk),
                        )
                    )
    return status


def _label(row):
    if isinstance(row, SkillLevel):
        return f"{row.skill.code} · {row.level_id}"
    if isinstance(row, AttributeLevel):
        return f"{row.attribute.code} · {row.level_id}"
    if isinstance(row, Skill | GenericAttribute):
        return row.code
    return str(getattr(row, f"name_{SOURCE_LANGUAGE}", None) or row)
