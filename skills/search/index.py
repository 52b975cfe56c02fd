"""The search index kept up to date: each save or deletion of a skill, an attribute or one of
their levels rewrites that object's entries in the same transaction, so a search never sees
a text the pages no longer show. `rebuild()` writes the whole index again (the migration that
made it, `manage.py rebuild_search_index`)."""

from django.db import connection, connections
from django.db.models.signals import post_delete, post_save

from skills.framework.languages import LANGUAGE_CODES
from skills.framework.models import AttributeLevel, GenericAttribute, Skill, SkillLevel
from skills.framework.translation import translated_fields

from . import backends
from .folding import fold, stems, words
from .models import Kind, SearchEntry

# How much a match in a field counts; a level's text is "description" at a level.
CODE_WEIGHT, LEVEL_WEIGHT = 100, 20
WEIGHTS = {"name": 50, "description": 30, "guidance_intro": 12, "guidance_notes": 12}
OTHER_WEIGHT = 10


def entry(kind, owner, field, language, text, level=None, weight=None):
    folded = fold(text)
    return SearchEntry(
        kind=kind,
        skill=owner if kind == Kind.SKILL else None,
        attribute=owner if kind == Kind.ATTRIBUTE else None,
        code=owner.code,
        level=level,
        field=field,
        weight=weight or (LEVEL_WEIGHT if level else WEIGHTS.get(field, OTHER_WEIGHT)),
        language=language,
        text=text,
        folded=folded,
        stems=f" {' '.join(stems(words(folded), language))} ",
    )


def entries_of(kind, owner, level=None, source=None):
    """The entries of `owner` (a skill or an attribute), or of its `level`, whose texts are
    `source`'s (a SkillLevel or AttributeLevel)."""
    if level is None:
        yield entry(kind, owner, "code", "", owner.code, weight=CODE_WEIGHT)
        source, fields = owner, translated_fields(type(owner))
    elif not source.defined:
        return
    else:
        fields = ("description",)
    for field in fields:
        for language in LANGUAGE_CODES:
            if text := getattr(source, f"{field}_{language}", None):
                yield entry(kind, owner, field, language, text, level)


def write(entries, **owner):
    SearchEntry.objects.filter(**owner).delete()
    SearchEntry.objects.bulk_create(entries)
    backends.for_connection(connection).vectorize()


def index_skill(skill):
    levels = SkillLevel.objects.filter(skill=skill, defined=True)
    entries = [*entries_of(Kind.SKILL, skill)]
    for skill_level in levels:
        entries += entries_of(Kind.SKILL, skill, skill_level.level_id, skill_level)
    write(entries, skill=skill)


def index_attribute(attribute):
    entries = [*entries_of(Kind.ATTRIBUTE, attribute)]
    for attribute_level in AttributeLevel.objects.filter(attribute=attribute, defined=True):
        entries += entries_of(Kind.ATTRIBUTE, attribute, attribute_level.level_id, attribute_level)
    write(entries, attribute=attribute)


def index_level(kind, owner_model, owner_id, source):
    """One level's entries; none yet if its skill or attribute is not saved yet (loading a
    backup): the owner's own save indexes its levels."""
    owner = owner_model.objects.filter(pk=owner_id).first()
    if owner is None:
        return
    entries = list(entries_of(kind, owner, source.level_id, source))
    write(entries, **{kind: owner, "level": source.level_id})


def rebuild():
    SearchEntry.objects.all().delete()
    for skill in Skill.objects.all():
        index_skill(skill)
    for attribute in GenericAttribute.objects.all():
        index_attribute(attribute)


def build_if_empty(using, **kwargs):
    """After `migrate`: the index written, if there is content and no index (a database from
    before search). Not where the migrations were undone (no tables)."""
    tables = set(connections[using].introspection.table_names())
    migrated = {SearchEntry._meta.db_table, Skill._meta.db_table} <= tables
    if migrated and not SearchEntry.objects.exists() and Skill.objects.exists():
        rebuild()


def _skill_saved(sender, instance, **kwargs):
    index_skill(instance)


def _attribute_saved(sender, instance, **kwargs):
    index_attribute(instance)


def _skill_level_changed(sender, instance, signal, **kwargs):
    source = instance if signal is post_save else SkillLevel(level_id=instance.level_id)
    index_level(Kind.SKILL, Skill, instance.skill_id, source)


def _attribute_level_changed(sender, instance, signal, **kwargs):
    source = instance if signal is post_save else AttributeLevel(level_id=instance.level_id)
    index_level(Kind.ATTRIBUTE, GenericAttribute, instance.attribute_id, source)


def connect():
    post_save.connect(_skill_saved, sender=Skill, dispatch_uid="search-skill")
    post_save.connect(_attribute_saved, sender=GenericAttribute, dispatch_uid="search-attribute")
    for signal in (post_save, post_delete):
        signal.connect(_skill_level_changed, sender=SkillLevel, dispatch_uid=f"search-sl-{signal}")
        signal.connect(
            _attribute_level_changed, sender=AttributeLevel, dispatch_uid=f"search-al-{signal}"
        )
