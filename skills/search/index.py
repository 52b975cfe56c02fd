"""The search index kept up to date: each save of a skill, an attribute or one of their levels
rewrites that skill's or attribute's entries in the same transaction (an import's, once each:
`batched`), and a level's deletion removes its own, so a search never sees a text the pages no
longer show. `rebuild()` writes the whole index again (`manage.py rebuild_search_index`, and
`migrate` where there is content and no index)."""

import contextlib
import threading

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
    if entries:
        written = SearchEntry.objects.bulk_create(entries)
        backends.for_connection(connection).vectorize([entry.pk for entry in written])


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


@contextlib.contextmanager
def batched():
    """Within it (an import: a decorator), saves only note which skills and attributes they
    changed; on leaving, each is indexed once, still in the caller's transaction. An import
    saves a skill and each of its levels: indexed one by one, it took three times as long."""
    if getattr(_batch, "pending", None) is not None:  # within another
        yield
        return
    _batch.pending = {}
    try:
        yield
        for (model, pk), index in _batch.pending.items():
            if owner := model.objects.filter(pk=pk).first():
                index(owner)
    finally:
        _batch.pending = None


_batch = threading.local()


def changed(model, pk, index):
    """`model`'s row `pk` (a skill or an attribute), or one of its levels, was saved."""
    pending = getattr(_batch, "pending", None)
    if pending is not None:
        pending[model, pk] = index
    elif owner := model.objects.filter(pk=pk).first():  # a level loaded before its skill: no
        index(owner)


def _skill_saved(sender, instance, **kwargs):
    changed(Skill, instance.pk, index_skill)


def _attribute_saved(sender, instance, **kwargs):
    changed(GenericAttribute, instance.pk, index_attribute)


def _skill_level_saved(sender, instance, **kwargs):
    changed(Skill, instance.skill_id, index_skill)


def _attribute_level_saved(sender, instance, **kwargs):
    changed(GenericAttribute, instance.attribute_id, index_attribute)


def _skill_level_deleted(sender, instance, **kwargs):
    # Only its own entries go: its skill may be being deleted too (its entries with it).
    SearchEntry.objects.filter(skill_id=instance.skill_id, level=instance.level_id).delete()


def _attribute_level_deleted(sender, instance, **kwargs):
    SearchEntry.objects.filter(attribute_id=instance.attribute_id, level=instance.level_id).delete()


def connect():
    receivers = [
        (post_save, Skill, _skill_saved),
        (post_save, GenericAttribute, _attribute_saved),
        (post_save, SkillLevel, _skill_level_saved),
        (post_save, AttributeLevel, _attribute_level_saved),
        (post_delete, SkillLevel, _skill_level_deleted),
        (post_delete, AttributeLevel, _attribute_level_deleted),
    ]
    for signal, model, receiver in receivers:
        signal.connect(receiver, sender=model, dispatch_uid=f"search-{receiver.__name__}")
