"""The search index kept up to date: each save of a skill, an attribute or one of their levels
rewrites that skill's or attribute's entries in the same transaction (an import's, once each:
`batched`), and a level's deletion removes its own, so a search never sees a text the pages no
longer show. `rebuild()` writes the whole index again (`manage.py rebuild_search_index`, and
`migrate` where there is content and no index)."""

import contextlib
import threading

from django.db import connection, connections
from django.db.models.signals import post_delete, post_save
from modeltranslation.utils import build_localized_fieldname

from skills.framework.languages import LANGUAGE_CODES
from skills.framework.models import AttributeLevel, GenericAttribute, Skill, SkillLevel
from skills.framework.translation import translated_fields

from . import backends
from .folding import fold, stems, words
from .models import Kind, SearchEntry

# What has entries: skills and attributes, each of a kind; and their levels, by the model
# they belong to and the column naming it (SearchEntry's too).
OWNERS = {Skill: Kind.SKILL, GenericAttribute: Kind.ATTRIBUTE}
LEVELS = {SkillLevel: (Skill, "skill_id"), AttributeLevel: (GenericAttribute, "attribute_id")}
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


def entries_of(kind, owner, source, level=None):
    """The entries of `owner` (a skill or an attribute), whose texts are `source`'s: the owner
    itself, or one of its defined levels (a SkillLevel or AttributeLevel) at `level`."""
    if level is None:
        yield entry(kind, owner, "code", "", owner.code, weight=CODE_WEIGHT)
    for field in translated_fields(type(source)):
        for language in LANGUAGE_CODES:
            if text := getattr(source, build_localized_fieldname(field, language)):
                yield entry(kind, owner, field, language, text, level)


def write(entries, **owner):
    SearchEntry.objects.filter(**owner).delete()
    if entries:
        written = SearchEntry.objects.bulk_create(entries)
        backends.for_connection(connection).vectorize([entry.pk for entry in written])


def reindex(owner):
    """Rewrites the entries of `owner`, a skill or an attribute, and of its defined levels."""
    kind = OWNERS[type(owner)]
    entries = [*entries_of(kind, owner, owner)]
    for level in owner.levels.filter(defined=True):
        entries += entries_of(kind, owner, level, level.level_id)
    write(entries, **{kind: owner})


def rebuild():
    SearchEntry.objects.all().delete()
    for model in OWNERS:
        for owner in model.objects.all():
            reindex(owner)


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
    _batch.pending = set()
    try:
        yield
        for model, pk in _batch.pending:
            _reindex_saved(model, pk)
    finally:
        _batch.pending = None


_batch = threading.local()


def changed(model, pk):
    """`model`'s row `pk` (a skill or an attribute), or one of its levels, was saved."""
    pending = getattr(_batch, "pending", None)
    if pending is not None:
        pending.add((model, pk))
    else:
        _reindex_saved(model, pk)


def _reindex_saved(model, pk):
    # None where a level is loaded before its skill (a backup): the skill's own save indexes it.
    if owner := model.objects.filter(pk=pk).first():
        reindex(owner)


def _owner_saved(sender, instance, **kwargs):
    changed(sender, instance.pk)


def _level_saved(sender, instance, **kwargs):
    model, owner_id = LEVELS[sender]
    changed(model, getattr(instance, owner_id))


def _level_deleted(sender, instance, **kwargs):
    # Only its own entries go: its owner may be being deleted too (its entries with it).
    owner_id = LEVELS[sender][1]
    SearchEntry.objects.filter(
        level=instance.level_id, **{owner_id: getattr(instance, owner_id)}
    ).delete()


def connect():
    for model in OWNERS:
        post_save.connect(_owner_saved, sender=model, dispatch_uid=f"search-{model.__name__}")
    for model in LEVELS:
        post_save.connect(_level_saved, sender=model, dispatch_uid=f"search-{model.__name__}")
        post_delete.connect(
            _level_deleted, sender=model, dispatch_uid=f"search-deleted-{model.__name__}"
        )
