"""The framework in the database: levels of responsibility, categories, skills and their levels.

Every text is translated through modeltranslation (`translation.py`): each field below has
`<field>_<language>` columns; English is required, other languages are NULL until translated.
Multi-line texts keep one line per sentence or paragraph; in the notes, a line starting with
"- " is a list item.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skills.framework.languages import BY_CODE, TRANSLATED_LANGUAGES
from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.links import remembered_reverse

# The sources are checked against the same limits.
from skills.framework.text import (
    MAX_EDITION_LENGTH,
    MAX_GUIDING_PHRASE_LENGTH,
    MAX_NAME_LENGTH,
    MAX_NOTES_LENGTH,
    MAX_SLUG_LENGTH,
    MAX_TEXT_LENGTH,
)
from skills.framework.translation_state import FINGERPRINT_LENGTH, fingerprint


class ContentVersion(models.Model):
    """One row: how many times the content has changed, and when it last did. Part of every
    cached page's key, so a change anywhere retires every cached page (skills/page_cache/)."""

    version = models.PositiveBigIntegerField(_("version"), default=1)
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content version")

    def __str__(self):
        return str(self.version)


class Edition(models.Model):
    """One row: the edition of the framework the content is (e.g. "SFIA 9"), as the workbook
    or the sources say it; every page's footer, printout and export names it."""

    name = models.CharField(_("edition"), max_length=MAX_EDITION_LENGTH)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("edition")

    def __str__(self):
        return self.name

    @classmethod
    def current(cls, default):
        """The stored edition's name, or `default` (the SFIA_EDITION setting) if none is."""
        return cls.objects.filter(pk=1).values_list("name", flat=True).first() or default

    @classmethod
    def name_column(cls):
        """The stored edition's name (None if none is) as a column of another query: a page
        that reads it with its content shows it in its footer at no query of its own."""
        return models.Subquery(cls.objects.filter(pk=1).values("name")[:1])


class Translatable(models.Model):
    """Content with translated texts (translation.py). Each row remembers which English each of
    its translations was made from, and who reviewed it (translation_state.py)."""

    translation_state = models.JSONField(
        _("state of the translations"), default=dict, blank=True, editable=False
    )

    class Meta:
        abstract = True


class OriginalTextQuerySet(models.QuerySet):
    def remember(self, texts):
        """Keep each of `texts` (English texts), if not kept already."""
        originals = {fingerprint(text): text for text in texts if text}
        self.bulk_create(
            [OriginalText(fingerprint=key, text=text) for key, text in originals.items()],
            ignore_conflicts=True,
        )

    def text_of(self, key):
        return self.filter(fingerprint=key).values_list("text", flat=True).first()


class OriginalText(models.Model):
    """An English text a translation was made from, by its fingerprint: what the admin shows
    the English has changed from, once it has. Only ever added to: a revert may bring back a
    record naming any of them."""

    fingerprint = models.CharField(
        _("fingerprint"), max_length=FINGERPRINT_LENGTH, primary_key=True
    )
    text = models.TextField(_("text"))

    objects = OriginalTextQuerySet.as_manager()

    class Meta:
        verbose_name = _("original text")
        verbose_name_plural = _("original texts")

    def __str__(self):
        return self.fingerprint


class ResponsibilityLevelQuerySet(models.QuerySet):
    def with_edition(self):
        """Each level with the stored edition's name as `edition` (Edition.name_column)."""
        return self.annotate(edition=Edition.name_column())

    def with_skill_counts(self):
        defined = models.Q(skill_levels__defined=True)
        return self.annotate(skill_count=models.Count("skill_levels", filter=defined))


class ResponsibilityLevel(Translatable):
    number = models.PositiveSmallIntegerField(
        _("number"),
        primary_key=True,
        validators=[MinValueValidator(LEVEL_NUMBERS[0]), MaxValueValidator(LEVEL_NUMBERS[-1])],
    )
    guiding_phrase = models.CharField(_("guiding phrase"), max_length=MAX_GUIDING_PHRASE_LENGTH)
    essence = models.TextField(
        _("essence of the level"),
        max_length=MAX_TEXT_LENGTH,
        blank=True,
        help_text=_("A short statement of what the level is; one paragraph per line."),
    )

    objects = ResponsibilityLevelQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = _("level of responsibility")
        verbose_name_plural = _("levels of responsibility")

    def __str__(self):
        return f"{self.number} — {self.guiding_phrase}"

    def get_absolute_url(self):
        return remembered_reverse("skills:level", kwargs={"level": self.number})


class BySlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Grouping(Translatable):
    """What the framework groups things under, named and placed in order: the categories of
    skills, the groups of attributes."""

    slug = models.SlugField(_("slug"), max_length=MAX_SLUG_LENGTH, unique=True)
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=MAX_NAME_LENGTH)

    objects = BySlugManager()

    class Meta:
        abstract = True
        ordering = ["position"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Category(Grouping):
    class Meta(Grouping.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")


class SubcategoryManager(models.Manager):
    def get_by_natural_key(self, category_slug, slug):
        return self.get(category__slug=category_slug, slug=slug)


class Subcategory(Translatable):
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="subcategories",
        verbose_name=_("category"),
    )
    slug = models.SlugField(_("slug"), max_length=MAX_SLUG_LENGTH)
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=MAX_NAME_LENGTH)

    objects = SubcategoryManager()

    class Meta:
        ordering = ["category__position", "position"]
        constraints = [
            models.UniqueConstraint(fields=["category", "slug"], name="unique_subcategory_slug")
        ]
        verbose_name = _("subcategory")
        verbose_name_plural = _("subcategories")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (*self.category.natural_key(), self.slug)

    natural_key.dependencies = ["skills.category"]


class SkillQuerySet(models.QuerySet):
    def in_framework_order(self):
        """By category, subcategory, then code, as the framework lists them."""
        return self.select_related("subcategory__category").order_by(
            "subcategory__category__position", "subcategory__position", "code"
        )


class SkillManager(models.Manager.from_queryset(SkillQuerySet)):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Skill(Translatable):
    code = models.CharField(_("code"), max_length=8, unique=True)
    subcategory = models.ForeignKey(
        Subcategory,
        on_delete=models.PROTECT,
        related_name="skills",
        verbose_name=_("subcategory"),
    )
    name = models.CharField(_("name"), max_length=MAX_NAME_LENGTH)
    description = models.TextField(_("description"), max_length=MAX_TEXT_LENGTH)
    guidance_intro = models.TextField(
        _("guidance notes: introduction"), max_length=MAX_NOTES_LENGTH, blank=True
    )
    guidance_notes = models.TextField(
        _("guidance notes"),
        max_length=MAX_NOTES_LENGTH,
        blank=True,
        help_text=_("One list item per line."),
    )
    responsibility_notes = models.TextField(
        _("understanding the levels of responsibility for this skill"),
        max_length=MAX_NOTES_LENGTH,
        blank=True,
        help_text=_('One paragraph per line; a line starting with "- " is a list item.'),
    )
    development_notes = models.TextField(
        _("developing skills and demonstrating responsibilities"),
        max_length=MAX_NOTES_LENGTH,
        blank=True,
        help_text=_('One paragraph per line; a line starting with "- " is a list item.'),
    )

    objects = SkillManager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        # Who may change which language, across all the content (editorial/roles.py gives them
        # out). Each is named in English, as Django names its own: permissions are data.
        permissions = [
            ("edit_source", _("Can edit the English source and the framework's structure")),
            *(
                (f"translate_{code}", f"Can translate into {BY_CODE[code].name}")
                for code in TRANSLATED_LANGUAGES
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def get_absolute_url(self):
        return remembered_reverse("skills:skill", kwargs={"code": self.code.lower()})

    def natural_key(self):
        return (self.code,)

    @property
    def category(self):
        return self.subcategory.category


class SkillLevelQuerySet(models.QuerySet):
    def defined_at(self, number):
        """The skills defined at level `number`, in framework order."""
        return (
            self.filter(level=number, defined=True)
            .select_related("skill__subcategory__category")
            .order_by(
                "skill__subcategory__category__position",
                "skill__subcategory__position",
                "skill__code",
            )
        )

    def defined_levels_by_skill(self):
        """{skill id: the numbers of the levels it is defined at}, for every skill with one."""
        defined = {}
        for skill_id, number in self.filter(defined=True).values_list("skill_id", "level_id"):
            defined.setdefault(skill_id, set()).add(number)
        return defined


class SkillLevelManager(models.Manager.from_queryset(SkillLevelQuerySet)):
    def get_by_natural_key(self, skill_code, level):
        return self.get(skill__code=skill_code, level=level)


class SkillLevel(Translatable):
    skill = models.ForeignKey(
        Skill, on_delete=models.CASCADE, related_name="levels", verbose_name=_("skill")
    )
    level = models.ForeignKey(
        ResponsibilityLevel,
        on_delete=models.PROTECT,
        related_name="skill_levels",
        verbose_name=_("level"),
    )
    defined = models.BooleanField(
        _("defined"),
        default=False,
        help_text=_("Whether the skill is defined at this level."),
    )
    description = models.TextField(
        _("description"),
        max_length=MAX_TEXT_LENGTH,
        blank=True,
        help_text=_(
            "One sentence or paragraph per line. Where the skill is not defined, the "
            "source's note for this level, if it has one."
        ),
    )

    objects = SkillLevelManager()

    class Meta:
        ordering = ["skill__code", "level"]
        constraints = [
            models.UniqueConstraint(fields=["skill", "level"], name="unique_skill_level")
        ]
        verbose_name = _("skill level")
        verbose_name_plural = _("skill levels")

    def __str__(self):
        return f"{self.skill.code} {self.level_id}"

    def get_absolute_url(self):
        return remembered_reverse(
            "skills:skill_level", kwargs={"code": self.skill.code, "level": self.level_id}
        )

    def clean(self):
        if self.defined and not self.description_en:
            raise ValidationError(
                {"description_en": _("Where the skill is defined, the English text is required.")}
            )

    def natural_key(self):
        return (*self.skill.natural_key(), self.level_id)

    natural_key.dependencies = ["skills.skill", "skills.responsibilitylevel"]


class AttributeGroup(Grouping):
    """A group of generic attributes, the workbook's "Type": the attributes (Autonomy,
    Influence…) or the business skills / behavioural factors."""

    class Meta(Grouping.Meta):
        verbose_name = _("attribute group")
        verbose_name_plural = _("attribute groups")


class GenericAttributeQuerySet(models.QuerySet):
    def in_framework_order(self):
        """By group, then position in the group, as the framework lists them."""
        return self.select_related("group").order_by("group__position", "position")


class GenericAttributeManager(models.Manager.from_queryset(GenericAttributeQuerySet)):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class GenericAttribute(Translatable):
    """A generic attribute or business skill (AUTO, COLL…): how the framework describes every
    level apart from any one skill."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    group = models.ForeignKey(
        AttributeGroup,
        on_delete=models.PROTECT,
        related_name="attributes",
        verbose_name=_("group"),
    )
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=MAX_NAME_LENGTH)
    description = models.TextField(_("description"), max_length=MAX_TEXT_LENGTH)
    guidance_intro = models.TextField(
        _("guidance notes: introduction"), max_length=MAX_NOTES_LENGTH, blank=True
    )
    guidance_notes = models.TextField(
        _("guidance notes"),
        max_length=MAX_NOTES_LENGTH,
        blank=True,
        help_text=_("One list item per line."),
    )

    objects = GenericAttributeManager()

    class Meta:
        ordering = ["group__position", "position"]
        verbose_name = _("generic attribute")
        verbose_name_plural = _("generic attributes")

    def __str__(self):
        return f"{self.name} ({self.code})"

    def get_absolute_url(self):
        return remembered_reverse("skills:attribute", kwargs={"code": self.code.lower()})

    def natural_key(self):
        return (self.code,)


class AttributeLevelQuerySet(models.QuerySet):
    def defined(self):
        """The levels an attribute is described at, with their levels of responsibility."""
        return self.filter(defined=True).select_related("level").order_by("level")

    def defined_at(self, number):
        """The attributes described at level `number`, with their groups, in framework order."""
        return (
            self.filter(level=number, defined=True)
            .select_related("attribute__group")
            .order_by("attribute__group__position", "attribute__position")
        )


class AttributeLevelManager(models.Manager.from_queryset(AttributeLevelQuerySet)):
    def get_by_natural_key(self, attribute_code, level):
        return self.get(attribute__code=attribute_code, level=level)


class AttributeLevel(Translatable):
    """A generic attribute at one level of responsibility."""

    attribute = models.ForeignKey(
        GenericAttribute,
        on_delete=models.CASCADE,
        related_name="levels",
        verbose_name=_("generic attribute"),
    )
    level = models.ForeignKey(
        ResponsibilityLevel,
        on_delete=models.PROTECT,
        related_name="attribute_levels",
        verbose_name=_("level"),
    )
    defined = models.BooleanField(
        _("defined"),
        default=False,
        help_text=_("Whether the attribute is described at this level."),
    )
    description = models.TextField(
        _("description"),
        max_length=MAX_TEXT_LENGTH,
        blank=True,
        help_text=_("One sentence or paragraph per line."),
    )

    objects = AttributeLevelManager()

    class Meta:
        ordering = ["attribute__group__position", "attribute__position", "level"]
        constraints = [
            models.UniqueConstraint(fields=["attribute", "level"], name="unique_attribute_level")
        ]
        verbose_name = _("attribute level")
        verbose_name_plural = _("attribute levels")

    def __str__(self):
        return f"{self.attribute.code} {self.level_id}"

    def clean(self):
        if self.defined and not self.description_en:
            raise ValidationError(
                {
                    "description_en": _(
                        "Where the attribute is described, the English text is required."
                    )
                }
            )

    def natural_key(self):
        return (*self.attribute.natural_key(), self.level_id)

    natural_key.dependencies = ["skills.genericattribute", "skills.responsibilitylevel"]


# The framework's content, every model of it, in the order its rows depend on one another.
CONTENT_MODELS = (
    Edition,
    ResponsibilityLevel,
    Category,
    Subcategory,
    Skill,
    SkillLevel,
    AttributeGroup,
    GenericAttribute,
    AttributeLevel,
)


class GlossaryTerm(models.Model):
    """A key term of the framework ("level", "service level agreement") and the word agreed
    for it in each language, with the words to avoid for it there ("Stufe", where "Ebene" is
    agreed). The project's, not the framework's: not content (CONTENT_MODELS), so a change to it
    retires no page. Both fields are translated (translation.py): `term_en` is the English
    term, `term_de` the agreed German; `avoid_<language>` holds one word to avoid per line
    (`avoid_en` is not used). The editorial side checks translations against it
    (editorial/glossary.py)."""

    term = models.CharField(
        _("term"),
        max_length=MAX_NAME_LENGTH,
        help_text=_("In English, the term; in each other language, the word agreed for it."),
    )
    avoid = models.TextField(
        _("terms to avoid"),
        max_length=MAX_TEXT_LENGTH,
        blank=True,
        help_text=_("One per line: words a translation should not use for this term."),
    )

    class Meta:
        ordering = ["term_en"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        constraints = [models.UniqueConstraint(fields=["term_en"], name="unique_glossary_term")]

    def __str__(self):
        return self.term_en

    def avoided(self, language):
        """The words to avoid in `language`."""
        return self.lines_of(getattr(self, f"avoid_{language}"))

    @staticmethod
    def lines_of(text):
        """The words to avoid in an `avoid_<language>` field's text: one a line."""
        return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ImportedValueQuerySet(models.QuerySet):
    def of_model(self, model):
        """{(object key, field): value} for every object of `model`."""
        rows = self.filter(model=model._meta.label_lower).values_list("key", "field", "value")
        return {(key, field): value for key, field, value in rows}


class ImportedValue(models.Model):
    """What an import last wrote to one field of one object: the common ancestor of the next
    import's three-way merge (importer.py). Where the database still holds it, the admin has
    not changed that text since, and a newer source may replace it; where it doesn't, a
    translator's or editor's edit is kept. Objects are named by their natural keys, so the
    record survives a backup restored into another database."""

    model = models.CharField(_("model"), max_length=100)
    key = models.CharField(_("object"), max_length=200)
    field = models.CharField(_("field"), max_length=100)
    value = models.JSONField(_("value"), null=True)

    objects = ImportedValueQuerySet.as_manager()

    class Meta:
        ordering = ["model", "key", "field"]
        constraints = [
            models.UniqueConstraint(fields=["model", "key", "field"], name="unique_imported_value")
        ]
        verbose_name = _("imported value")
        verbose_name_plural = _("imported values")

    def __str__(self):
        return f"{self.model} {self.key} {self.field}"

    @staticmethod
    def key_of(instance):
        """An object's natural key (its primary key where it has none) as one string."""
        parts = instance.natural_key() if hasattr(instance, "natural_key") else (instance.pk,)
        return "/".join(map(str, parts))


class TranslationExport(models.Model):
    """An exchange file as it was handed to a translator (editorial/exchange/): its id, which
    the file carries in its header, and each unit's translation as exported (by fingerprint).
    Kept on the site, the proof that a file's translator saw the site's text survives a CAT
    tool that drops the file's comments: a unit changed on the site since its export is
    refused, never written over."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    language = models.CharField(_("language"), max_length=8)
    created = models.DateTimeField(_("exported"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("exported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # {unit id: fingerprint of its translation as exported ("" where it had none)}
    units = models.JSONField(_("units"), default=dict)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("translation export")
        verbose_name_plural = _("translation exports")

    def __str__(self):
        return f"{self.language} {self.created:%Y-%m-%d %H:%M} {self.id}"
