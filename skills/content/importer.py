"""Load parsed sources into the database in one transaction, and say what changed.

New skills are added, existing ones updated field by field; a second run with the same
sources changes nothing. Languages a source lacks are left as they are, so translations made
in the admin survive an import of sources that don't have that language.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import reversion
from django.db import transaction

from skills.content.fields import names, skill_content
from skills.content.merge import Merge
from skills.framework.languages import LANGUAGE_CODES
from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.models import (
    Category,
    Edition,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
    Subcategory,
)


def language_of(field_name):
    """ "name_de" → "de"; None for an untranslated field."""
    base, _, suffix = field_name.rpartition("_")
    return suffix if base and suffix in LANGUAGE_CODES else None


@dataclass
class SkillChanges:
    code: str
    added: bool = False
    # Language (None: untranslated fields) → what changed in it: "name", "level 3"…
    changes: dict = field(default_factory=lambda: defaultdict(list))
    # (language, "skill" | "level", "added" | "changed") → count.
    counts: Counter = field(default_factory=Counter)

    def record(self, what, before, changed):
        """Note the `changed` fields of `what` ("skill", "level 3"), given their old values."""
        by_language = defaultdict(list)
        for name in changed:
            by_language[language_of(name)].append(name)
        for language, fields in by_language.items():
            if what == "skill":
                self.changes[language].extend(name.rpartition("_")[0] or name for name in fields)
            else:
                self.changes[language].append(what)
            if language is not None:
                was_empty = all(before.get(name) is None for name in fields)
                kind = "skill" if what == "skill" else "level"
                self.counts[(language, kind, "added" if was_empty else "changed")] += 1

    def describe(self):
        if self.added:
            languages = [code for code in LANGUAGE_CODES if code in self.changes]
            return f"{self.code} added in {', '.join(languages)}"
        parts = [
            f"{language or 'all languages'}: {', '.join(dict.fromkeys(what))}"
            for language, what in self.changes.items()
        ]
        return f"{self.code} changed — {'; '.join(parts)}"


@dataclass
class ImportReport:
    skills: list = field(default_factory=list)
    framework: Counter = field(default_factory=Counter)
    # merge.KeptEdit: the admin's edits this import did not replace (or, told to,
    # replaced).
    kept: list = field(default_factory=list)

    def lines(self):
        """What the import did, for a person to read."""
        lines = [f"{what}: {count}" for what, count in sorted(self.framework.items())]
        changed = [skill for skill in self.skills if skill.changes]
        lines += [skill.describe() for skill in changed]
        totals = sum((skill.counts for skill in self.skills), Counter())
        if totals:
            lines.append(
                "Per language (skills added, skills changed, levels added, levels changed):"
            )
            for language in LANGUAGE_CODES:
                figures = [
                    totals[(language, kind, verb)]
                    for kind in ("skill", "level")
                    for verb in ("added", "changed")
                ]
                if any(figures):
                    lines.append(f"  {language}: {', '.join(map(str, figures))}")
        added = sum(skill.added for skill in self.skills)
        lines.append(
            f"Skills: {added} added, {len(changed) - added} changed, "
            f"{len(self.skills) - len(changed)} unchanged."
        )
        lines += [edit.describe() for edit in self.kept]
        conflicts = [edit for edit in self.kept if edit.conflict and not edit.overwritten]
        if self.kept:
            lines.append(
                f"Edits made in the admin: {len(self.kept)}, of which {len(conflicts)} "
                "conflict with a change in the source"
                + (" (kept; --overwrite-edits replaces them)." if conflicts else ".")
            )
        return lines


@transaction.atomic
@reversion.create_revision()
def import_sources(sources, framework, *, framework_file, overwrite_edits=False):
    """Write `sources` (and the framework they refer to) to the database, as one revision in
    the admin's history, keeping what was edited in the admin since the last import
    (merge.py)."""
    folders = sorted({str(source.folder.parent) for source in sources})
    reversion.set_comment(f"Imported from {', '.join(folders)}")
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
        changes = SkillChanges(source.code, added=skill is None)
        skill = skill or Skill(code=source.code)
        before = {name: getattr(skill, name) for name in content.fields}
        subcategory = subcategories[(content.category_slug, content.subcategory_slug)]
        fields = {**content.fields, "subcategory_id": subcategory.pk}
        changed = merge.apply(skill, fields, source_location(source, None), changes.added)
        if changed:
            changes.record("skill", before, changed)
            save_fields(skill, changed, changes.added)
        levels = levels_of[skill.pk]
        for number in LEVEL_NUMBERS:
            level = levels.get(number)
            adding = level is None
            level = level or SkillLevel(skill=skill, level_id=number)
            fields = content.levels[number]
            before = {name: getattr(level, name) for name in fields}
            changed = merge.apply(level, fields, source_location(source, number), adding)
            if changed or adding:
                changes.record(f"level {number}", before, changed)
                save_fields(level, changed, adding)
        if changes.changes:
            reversion.add_to_revision(skill)  # its history shows a change to its levels too
        report.skills.append(changes)
    merge.record()
    report.kept = merge.kept
    return report


def save_fields(instance, changed, adding):
    """Save a new row whole, an existing one only in the fields the import changed: a
    translator's save of another field in between is not written over."""
    instance.save(update_fields=None if adding else changed)


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


def location(path, subject, base, language):
    """ "PATH: SLMO guidance notes [de]": where a field stands, for the import's report."""
    label = f"{subject} {FIELD_LABELS.get(base, base.replace('_', ' '))}" if base else subject
    return f"{path}: {label}{f' [{language}]' if language else ''}"


def split_field(field_name):
    """ "name_de" → ("name", "de"); "defined" → ("defined", None)."""
    language = language_of(field_name)
    return (field_name.rpartition("_")[0] if language else field_name), language


# The untranslated fields an import writes: the source file that says them, and their names.
FILE_OF_FIELD = {"subcategory_id": "skill.toml", "defined": "en.txt"}
FIELD_LABELS = {"subcategory_id": "subcategory", "defined": "defined or not"}


def _import_framework(framework, framework_file, merge, report):
    def save(instance, fields, kind, adding, what):
        def where(field_name):
            return location(framework_file, what, *split_field(field_name))

        changed = merge.apply(instance, fields, where, adding)
        if changed or adding:
            save_fields(instance, changed, adding)
            report.framework[f"{kind} {'added' if adding else 'changed'}"] += 1

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
