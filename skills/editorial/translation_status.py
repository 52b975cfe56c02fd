"""How far each language is: for every text whose English source exists, whether the language
has it, whether it still translates the English as it now is, and whether it was reviewed
(framework/translation_state.py). Read by the admin's translation status page, the skill
list's summary and its filters.

Every translated text of the content is read in one query: a UNION ALL of one SELECT per
model and field, each giving the same columns (`TEXT_COLUMNS`).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import models
from django.db.models import F, Q, Value
from django.urls import reverse
from django.utils.functional import cached_property

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
from skills.framework.translation_state import Status, status


def _has_text(column):
    return Q(**{f"{column}__isnull": False}) & ~Q(**{column: ""})


@dataclass(frozen=True)
class Text:
    """One translated text of the content, in every language, with its records."""

    model: type  # whose change form edits it: a skill's level is edited on the skill's
    pk: object
    label: str  # "SLMO · 5"
    field: str
    english: str
    translations: dict  # language → text or None
    state: dict  # the row's translation_state
    source: type = None  # the row's own model (a skill's level: SkillLevel)
    row_pk: object = None

    @property
    def key(self):
        """The text's name in a form: "skills.skilllevel:17:description"."""
        return f"{self.source._meta.label_lower}:{self.row_pk}:{self.field}"

    def status(self, language):
        record = self.state.get(language, {}).get(self.field)
        return status(self.english, self.translations[language], record)

    @property
    def field_name(self):
        return self.model._meta.get_field(self.field).verbose_name

    @cached_property
    def url(self):
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.pk])


# What each model's texts are labelled by and edited in: (model, its rows, the model whose form
# edits them, that row's pk, the label's parts).
SOURCES = (
    (ResponsibilityLevel, ResponsibilityLevel, "number", ("number", None)),
    (Category, Category, "pk", (f"name_{SOURCE_LANGUAGE}", None)),
    (Subcategory, Subcategory, "pk", (f"name_{SOURCE_LANGUAGE}", None)),
    (Skill, Skill, "pk", ("code", None)),
    (SkillLevel, Skill, "skill_id", ("skill__code", "level_id")),
    (AttributeGroup, AttributeGroup, "pk", (f"name_{SOURCE_LANGUAGE}", None)),
    (GenericAttribute, GenericAttribute, "pk", ("code", None)),
    (AttributeLevel, GenericAttribute, "attribute_id", ("attribute__code", "level_id")),
)


def _selects():
    """One SELECT per model and translated field, each with the same columns: the source's
    index, the editing row's pk, the row's own pk, the label's parts, the field's index, its
    texts, the records."""
    for index, (model, _, pk, (label, level)) in enumerate(SOURCES):
        for position, base in enumerate(translated_fields(model)):
            english = f"{base}_{SOURCE_LANGUAGE}"
            columns = [
                Value(index),
                F(pk),
                F("pk"),
                _as_text(label),
                # Typed alike in every SELECT: PostgreSQL takes a bare NULL for text.
                models.functions.Cast(F(level) if level else Value(None), models.IntegerField()),
                Value(position),
                F(english),
                *(F(f"{base}_{language}") for language in TRANSLATED_LANGUAGES),
                F("translation_state"),
            ]
            # Named and selected in one order: every SELECT of the union gives its columns
            # in the same places.
            named = {f"column_{number}": column for number, column in enumerate(columns)}
            rows = model.objects.order_by().filter(_has_text(english)).annotate(**named)
            yield rows.values_list(*named)


def _as_text(column):
    """A label column as text in every SELECT of the union (a level's number is an integer)."""
    return models.functions.Cast(column, models.TextField())


def every_text():
    """Every translated text whose English exists, in one query."""
    first, *others = _selects()
    texts = []
    for index, pk, row_pk, label, level, position, english, *rest in first.union(*others, all=True):
        *translations, state = rest
        model, edited_in, *_ = SOURCES[index]
        texts.append(
            Text(
                model=edited_in,
                pk=pk,
                label=label if level is None else f"{label} · {level}",
                field=translated_fields(model)[position],
                english=english,
                translations=dict(zip(TRANSLATED_LANGUAGES, translations, strict=True)),
                state=state or {},
                source=model,
                row_pk=row_pk,
            )
        )
    texts.sort(key=lambda text: (text.model._meta.label, text.label, text.field))
    return texts


@dataclass
class LanguageStatus:
    language: str
    counts: Counter = field(default_factory=Counter)  # Status → texts
    # The texts that need a translator or a reviewer, with links.
    missing: list = field(default_factory=list)
    outdated: list = field(default_factory=list)
    unreviewed: list = field(default_factory=list)
    # (text, glossary.py's Problem) where a translation goes against the glossary, if asked.
    glossary: list = field(default_factory=list)

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def up_to_date(self):
        return self.counts[Status.UNREVIEWED] + self.counts[Status.REVIEWED]

    @property
    def percent(self):
        """The share of the texts translated and up to date."""
        return 100 if not self.total else int(100 * self.up_to_date / self.total)

    def count(self, status):
        return self.counts[status]


def translation_status(texts=None):
    """{language: LanguageStatus} over every translated text of the content."""
    statuses = {language: LanguageStatus(language) for language in TRANSLATED_LANGUAGES}
    for text in every_text() if texts is None else texts:
        for language, counts in statuses.items():
            state = text.status(language)
            counts.counts[state] += 1
            if state == Status.MISSING:
                counts.missing.append(text)
            elif state == Status.OUTDATED:
                counts.outdated.append(text)
            elif state == Status.UNREVIEWED:
                counts.unreviewed.append(text)
    return statuses


def objects_with(wanted, language, model):
    """The pks of `model`'s objects with a text in status `wanted` in `language` (their
    levels' texts included), for the admin's filters."""
    return {
        text.pk for text in every_text() if text.model is model and text.status(language) == wanted
    }
