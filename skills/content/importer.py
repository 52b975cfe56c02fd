"""Load parsed sources into the database in one transaction, and say what changed.

New skills are added, existing ones updated field by field; a second run with the same
sources changes nothing. Languages a source lacks are left as they are, so translations made
in the admin survive an import of sources that don't have that language.
"""

from collections import defaultdict

import reversion
from django.db import transaction

from skills.content.fields import names, skill_content
from skills.content.merge import Merge
from skills.content.writing import (
    Changes,
    ImportReport,
    location,
    split_field,
    write,
    write_framework_row,
)
from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.models import (
    Category,
    Edition,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
    Subcategory,
)
from skills.framework.revision_comments import imported_comment
from skills.search import index as search_index


@transaction.atomic
@reversion.create_revision()
@search_index.batched()
def import_sources(sources, framework, *, framework_file, overwrite_edits=False):
    """Write `sources` (and the framework they refer to) to the database, as one revision in
    the admin's history, keeping what was edited in the admin since the last import
    (merge.py)."""
    folders = sorted({str(source.folder.parent) for source in sources})
    reversion.set_comment(imported_comment(folders))
    report = ImportReport()
    merge = Merge(overwrite_edits)
    _import_framework(framework, framework_file, merge, report)
    subcategories = {
        (sub.category.slug, sub.slug): sub for sub in Subcategory.objects.select_related("category")
    }
    # Every row it may change is read under a lock held until the import commits, skill rows
    # before their levels as the admin takes them: an admin save waits for the import, or
    # the import for the save, and whichever comes second reads what the first wrote.
    codes = [source.code for source in sources]
    existing = {
        skill.code: skill
        for skill in Skill.objects.select_for_update().filter(code__in=codes).order_by("pk")
    }
    levels_of = defaultdict(dict)
    for level in (
        SkillLevel.objects.select_for_update().filter(skill__code__in=codes).order_by("pk")
    ):
        levels_of[level.skill_id][level.level_id] = level
    for source in sources:
        content = skill_content(source, framework)
        skill = existing.get(source.code)
        changes = Changes(source.code, added=skill is None)
        skill = skill or Skill(code=source.code)
        subcategory = subcategories[(content.category_slug, content.subcategory_slug)]
        fields = {**content.fields, "subcategory_id": subcategory.pk}
        where = source_location(source, None)
        write(merge, changes, skill, fields, where, adding=changes.added)
        levels = levels_of[skill.pk]
        for number in LEVEL_NUMBERS:
            level = levels.get(number)
            adding = level is None
            level = level or SkillLevel(skill=skill, level_id=number)
            where = source_location(source, number)
            write(merge, changes, level, content.levels[number], where, adding=adding, level=number)
        if changes.changes:
            reversion.add_to_revision(skill)  # its history shows a change to its levels too
        report.skills.append(changes)
    merge.record()
    report.kept = merge.kept
    return report


def source_location(source, level_number):
    """Names a skill's field (or a field of its level) for the import's report, with the file
    it comes from: "…/SLMO/de.txt: SLMO level 5 [de]"."""
    subject = source.code if level_number is None else f"{source.code} level {level_number}"

    def where(field_name):
        base, language = split_field(field_name)
        path = source.folder / (f"{language}.txt" if language else FILE_OF_FIELD[base])
        # A level's one text is the level itself: "SLMO level 5 [de]".
        named = None if level_number is not None and base == "description" else base
        return location(path, subject, named, language)

    return where


# The untranslated fields an import writes: the source file that says them.
FILE_OF_FIELD = {"subcategory_id": "skill.toml", "defined": "en.txt"}


def _import_framework(framework, framework_file, merge, report):
    def save(instance, fields, kind, adding, what):
        def where(field_name):
            return location(framework_file, what, *split_field(field_name))

        write_framework_row(merge, report, instance, fields, where, kind=kind, adding=adding)

    if framework.edition:
        edition = Edition.objects.select_for_update().filter(pk=1).first()
        save(
            edition or Edition(pk=1),
            {"name": framework.edition},
            "Edition",
            adding=edition is None,
            what="edition",
        )
    levels = ResponsibilityLevel.objects.select_for_update().in_bulk()
    for level in framework.levels:
        instance = levels.get(level.number)
        save(
            instance or ResponsibilityLevel(number=level.number),
            names("guiding_phrase", level.guiding_phrase),
            "Levels of responsibility",
            adding=instance is None,
            what=f"level of responsibility {level.number}",
        )
    categories = Category.objects.select_for_update().in_bulk(field_name="slug")
    subcategories = {
        (sub.category_id, sub.slug): sub for sub in Subcategory.objects.select_for_update()
    }
    for position, category in enumerate(framework.categories, start=1):
        instance = categories.get(category.slug)
        adding = instance is None
        instance = instance or Category(slug=category.slug)
        save(
            instance,
            {"position": position, **names("name", category.name)},
            "Categories",
            adding,
            what=f"category {category.slug}",
        )
        for sub_position, subcategory in enumerate(category.subcategories, start=1):
            sub = subcategories.get((instance.pk, subcategory.slug))
            save(
                sub or Subcategory(category=instance, slug=subcategory.slug),
                {"position": sub_position, **names("name", subcategory.name)},
                "Subcategories",
                adding=sub is None,
                what=f"subcategory {category.slug}/{subcategory.slug}",
            )
