"""A read `Workbook` into the database, in one transaction, as one revision, through the same
three-way merge as `import_sources` (merge.py): the admin's edits are kept and reported.

English brings in skills, attributes and their levels, the levels of responsibility, and the
categories, subcategories and attribute groups it names (created where unknown). Another
language only fills its own columns of what English brought in; its empty cells are "not
translated" and leave a text as it is, and its level marks must be English's.
"""

from collections import Counter
from dataclasses import dataclass

import reversion
from django.db import transaction

from skills.content.fields import localized
from skills.content.merge import Merge
from skills.content.sources.framework import slugify
from skills.content.workbook.errors import Place, WorkbookError, WorkbookErrors
from skills.content.writing import (
    Changes,
    ImportReport,
    amount,
    location,
    split_field,
    write,
    write_framework_row,
)
from skills.framework.languages import SOURCE_LANGUAGE
from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.models import (
    AttributeGroup,
    AttributeLevel,
    Category,
    Edition,
    GenericAttribute,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
    Subcategory,
)
from skills.framework.revision_comments import imported_comment
from skills.search import index as search_index

# Which cell says each untranslated field, by the sheet layout's keys.
CELL_OF_FIELD = {
    "name": "name",
    "description": "description",
    "guidance_intro": "guidance",
    "guidance_notes": "guidance",
    "subcategory_id": "subcategory",
    "group_id": "type",
    "position": None,  # the row's place among the group's
}


@transaction.atomic
@reversion.create_revision()
@search_index.batched()
def import_workbook(workbook, *, overwrite_edits=False, progress=None):
    """Write `workbook` (reader.read_workbook) to the database; raise `WorkbookErrors`, with
    nothing written, where it does not fit what the database holds."""
    reversion.set_comment(imported_comment(workbook.paths))
    merge = Merge(overwrite_edits)
    report = ImportReport(
        skills=None if workbook.skills is None else [],
        attributes=None if workbook.attributes is None else [],
    )
    run = _Import(workbook, merge, report, progress or (lambda line: None))
    run.check()
    run.write()
    merge.record()
    report.kept = merge.kept
    return report


class _Import:
    def __init__(self, workbook, merge, report, progress):
        self.book = workbook
        self.language = workbook.language
        self.english = self.language == SOURCE_LANGUAGE
        self.merge = merge
        self.report = report
        self.progress = progress
        self.done = set()  # (model, pk) of the framework rows written once already
        self.lock()

    def lock(self):
        """Read every row the import may change under a lock held until it commits, in the
        order the admin takes them (an object before its levels): an admin save waits for the
        import, or the import for the save, and the second reads what the first wrote."""
        self.edition = Edition.objects.select_for_update().filter(pk=1).first()
        self.levels = ResponsibilityLevel.objects.select_for_update().in_bulk()
        self.categories = Category.objects.select_for_update().order_by("pk").in_bulk()
        self.subcategories = Subcategory.objects.select_for_update().order_by("pk").in_bulk()
        self.groups = AttributeGroup.objects.select_for_update().order_by("pk").in_bulk()
        self.skills = _locked(SKILLS, self.book.skills)
        self.attributes = _locked(ATTRIBUTES, self.book.attributes)

    # Checks against the database, all made before anything is written.

    def check(self):
        errors = []
        first = Place(self.book.paths[0])
        if self.english:
            if self.book.levels is None and set(self.levels) != set(LEVEL_NUMBERS):
                errors.append(
                    WorkbookError(
                        first,
                        "has no Levels sheet, and the database has no levels of responsibility "
                        "yet: import the Levels sheet too",
                    )
                )
        else:
            errors += self.translation_problems()
        if errors:
            raise WorkbookErrors(errors)

    def translation_problems(self):
        edition = self.book.edition
        if edition and self.edition and edition.name != self.edition.name:
            yield WorkbookError(
                edition.place,
                f"says {edition.name}, but the database's content is {self.edition.name}: import "
                "the English workbook of this edition first",
            )
        for level in self.book.levels or ():
            if level.number not in self.levels:
                yield WorkbookError(
                    level.place("number"),
                    f"level {level.number} is not in the database: import the English workbook "
                    "first",
                )
        yield from self.unknown_or_differently_defined(self.book.skills, self.skills, "skill")
        yield from self.unknown_or_differently_defined(
            self.book.attributes, self.attributes, "attribute"
        )
        yield from self.names_of_one_thing_agree()

    def unknown_or_differently_defined(self, entries, locked, noun):
        objects, levels_of = locked
        for entry in entries or ():
            instance = objects.get(entry.code)
            if instance is None:
                yield WorkbookError(
                    entry.place("code"),
                    f"{entry.code}: the database has no such {noun} (another language only "
                    "translates what the English workbook brought in)",
                )
                continue
            english = {number for number, level in levels_of[instance.pk].items() if level.defined}
            for number in sorted(entry.defined ^ english):
                marked = number in entry.defined
                yield WorkbookError(
                    entry.place(f"mark {number}"),
                    f"level {number} is {'' if marked else 'not '}marked here, but "
                    f"{'not ' if marked else ''}in English (in the database)",
                )

    def names_of_one_thing_agree(self):
        """A translated workbook names a category (or group) in every row of its skills:
        each must give it the same name."""
        given = {}
        for model, entry, key, name in self.placements():
            instance = self.placed(model, entry)
            if name is None or instance is None:
                continue
            first_name, first_row = given.setdefault((model, instance.pk), (name, entry.row))
            if first_name != name:
                yield WorkbookError(
                    entry.place(key),
                    f'names the {key} "{name}", which row {first_row} names "{first_name}"',
                )

    # Writing.

    def write(self):
        if self.book.edition and self.english:
            self.framework_row(
                self.edition or Edition(pk=1),
                {"name": self.book.edition.name},
                lambda name: self.book.edition.place,
                "Edition",
                "edition",
                adding=self.edition is None,
            )
        if self.book.levels is not None:
            sheet = self.book.levels[0].sheet
            self.progress(f"{sheet.path}: {sheet.name}, {amount(len(self.book.levels), 'level')}")
            for level in self.book.levels:
                self.level_of_responsibility(level)
        if self.book.skills is not None:
            self.sheet_progress(self.book.skills, "skill")
            self.placements_of_skills()
            for entry in self.book.skills:
                self.entry(entry, SKILLS, self.skills, self.report.skills)
        if self.book.attributes is not None:
            self.sheet_progress(self.book.attributes, "attribute")
            self.groups_of_attributes()
            for entry in self.book.attributes:
                self.entry(entry, ATTRIBUTES, self.attributes, self.report.attributes)

    def sheet_progress(self, entries, noun):
        if entries:
            sheet = entries[0].sheet
            self.progress(f"{sheet.path}: {sheet.name}, {amount(len(entries), noun)}")

    def framework_row(self, instance, fields, place_of, kind, subject, *, adding):
        def where(field_name):
            base, language = split_field(field_name)
            return location(place_of(base), subject, base, language)

        write_framework_row(
            self.merge, self.report, instance, fields, where, kind=kind, adding=adding
        )

    def texts(self, **texts):
        """{"name_de": …} for this language; in a translation, only the texts it has."""
        return {
            localized(name, self.language): text
            for name, text in texts.items()
            if self.english or text is not None
        }

    def level_of_responsibility(self, level):
        fields = self.texts(guiding_phrase=level.guiding_phrase, essence=level.essence)
        instance = self.levels.get(level.number)
        if not fields or (instance is None and not self.english):
            return
        adding = instance is None
        instance = instance or ResponsibilityLevel(number=level.number)
        self.levels[level.number] = instance
        self.framework_row(
            instance,
            fields,
            level.place,
            "Levels of responsibility",
            f"level of responsibility {level.number}",
            adding=adding,
        )

    def placements(self):
        """(model, entry, key, name) for every category, subcategory and group a row names."""
        for entry in self.book.skills or ():
            category, subcategory = entry.placement
            yield Category, entry, "category", category
            yield Subcategory, entry, "subcategory", subcategory
        for entry in self.book.attributes or ():
            yield AttributeGroup, entry, "type", entry.placement[0]

    def placed(self, model, entry):
        """The category (subcategory, group) the database has `entry`'s object in."""
        if model is AttributeGroup:
            attribute = self.attributes[0].get(entry.code)
            return attribute and self.groups[attribute.group_id]
        skill = self.skills[0].get(entry.code)
        if skill is None:
            return None
        subcategory = self.subcategories[skill.subcategory_id]
        return subcategory if model is Subcategory else self.categories[subcategory.category_id]

    def placements_of_skills(self):
        """English: the categories and subcategories the rows name, created where unknown.
        Another language: their names in it."""
        self.subcategory_of = {}  # code → subcategory
        for entry in self.book.skills:
            category_name, subcategory_name = entry.placement
            if self.english:
                category = self.named(
                    Category,
                    self.categories,
                    category_name,
                    entry.place("category"),
                    "Categories",
                    "category",
                )
                self.subcategory_of[entry.code] = self.named(
                    Subcategory,
                    self.subcategories,
                    subcategory_name,
                    entry.place("subcategory"),
                    "Subcategories",
                    "subcategory",
                    parent=category,
                )
            else:
                self.translate_name(
                    self.placed(Category, entry),
                    category_name,
                    entry.place("category"),
                    "Categories",
                    "category",
                )
                self.translate_name(
                    self.placed(Subcategory, entry),
                    subcategory_name,
                    entry.place("subcategory"),
                    "Subcategories",
                    "subcategory",
                )

    def groups_of_attributes(self):
        """English: the groups the rows name, created where unknown, and each attribute's
        place in its group, as the sheet orders them. Another language: their names in it."""
        self.group_of = {}
        self.position_of = {}
        in_group = Counter()
        for entry in self.book.attributes:
            name = entry.placement[0]
            if self.english:
                group = self.named(
                    AttributeGroup,
                    self.groups,
                    name,
                    entry.place("type"),
                    "Attribute groups",
                    "attribute group",
                )
                in_group[group.pk] += 1
                self.group_of[entry.code] = group
                self.position_of[entry.code] = in_group[group.pk]
            else:
                self.translate_name(
                    self.placed(AttributeGroup, entry),
                    name,
                    entry.place("type"),
                    "Attribute groups",
                    "attribute group",
                )

    def named(self, model, known, name, place, kind, noun, parent=None):
        """The row of `model` with the address `name` makes (under `parent`), its English name
        merged in; a new one, placed after the others, where there is none."""
        slug = slugify(name)
        siblings = [row for row in known.values() if parent is None or row.category_id == parent.pk]
        instance = next((row for row in siblings if row.slug == slug), None)
        subject = f"{noun} {parent.slug + '/' if parent else ''}{slug}"
        if instance is not None and (model, instance.pk) in self.done:
            return instance
        adding = instance is None
        if adding:
            instance = model(
                slug=slug, position=max((row.position for row in siblings), default=0) + 1
            )
            if parent is not None:
                instance.category = parent
        self.framework_row(
            instance,
            {localized("name", SOURCE_LANGUAGE): name},
            lambda base: place,
            kind,
            subject,
            adding=adding,
        )
        known[instance.pk] = instance
        self.done.add((model, instance.pk))
        return instance

    def translate_name(self, instance, name, place, kind, noun):
        if name is None or instance is None or (type(instance), instance.pk) in self.done:
            return
        self.done.add((type(instance), instance.pk))
        self.framework_row(
            instance,
            {localized("name", self.language): name},
            lambda base: place,
            kind,
            f"{noun} {instance.slug}",
            adding=False,
        )

    def entry(self, entry, kind, locked, report):
        objects, levels_of = locked
        instance = objects.get(entry.code)
        changes = Changes(entry.code, added=instance is None)
        fields = self.texts(
            name=entry.name,
            description=entry.description,
            **self.guidance(entry),
        )
        if self.english:
            fields |= self.placement_fields(entry, kind.model)
        instance = instance or kind.model(code=entry.code)
        write(self.merge, changes, instance, fields, self.where(entry, None), adding=changes.added)
        objects[entry.code] = instance
        levels = levels_of.setdefault(instance.pk, {})
        for number in LEVEL_NUMBERS:
            level = levels.get(number)
            text = entry.levels.get(number)
            if self.english:
                level_fields = {"defined": number in entry.defined, **self.texts(description=text)}
            elif text is not None:
                level_fields = self.texts(description=text)
            else:
                continue
            adding = level is None
            if adding:
                level = kind.level_model(level_id=number, **{kind.owner: instance})
            write(
                self.merge,
                changes,
                level,
                level_fields,
                self.where(entry, number),
                adding=adding,
                level=number,
            )
        if changes.changes:
            reversion.add_to_revision(instance)  # its history shows a change to its levels too
        report.append(changes)

    def guidance(self, entry):
        """Both guidance fields where the cell has notes; in a translation none where not."""
        if not self.english and entry.guidance_intro is None and entry.guidance_notes is None:
            return {}
        return {"guidance_intro": entry.guidance_intro, "guidance_notes": entry.guidance_notes}

    def placement_fields(self, entry, model):
        if model is Skill:
            return {"subcategory_id": self.subcategory_of[entry.code].pk}
        return {"group_id": self.group_of[entry.code].pk, "position": self.position_of[entry.code]}

    def where(self, entry, level_number):
        """Names a field of `entry`'s object (or of its level) for the report, with the cell it
        comes from: "sfia-9.xlsx: Skills row 3, column S: ITSP level 4 [de]"."""
        subject = entry.code if level_number is None else f"{entry.code} level {level_number}"

        def where(field_name):
            base, language = split_field(field_name)
            if level_number is None:
                return location(entry.place(CELL_OF_FIELD[base]), subject, base, language)
            key = f"mark {level_number}" if base == "defined" else f"level {level_number}"
            # A level's one text is the level itself: "ITSP level 5 [de]".
            named = None if base == "description" else base
            return location(entry.place(key), subject, named, language)

        return where


@dataclass(frozen=True)
class _Kind:
    """What a sheet's rows are: skills or generic attributes, each with its levels."""

    model: type
    level_model: type
    owner: str  # the level's field naming its object


SKILLS = _Kind(Skill, SkillLevel, "skill")
ATTRIBUTES = _Kind(GenericAttribute, AttributeLevel, "attribute")


def _locked(kind, entries):
    """({code: object}, {object pk: {level: its level}}) of `entries`' codes, locked."""
    codes = [entry.code for entry in entries or ()]
    objects = {
        instance.code: instance
        for instance in kind.model.objects.select_for_update().filter(code__in=codes).order_by("pk")
    }
    levels_of = {}
    rows = kind.level_model.objects.select_for_update().filter(**{f"{kind.owner}__code__in": codes})
    for level in rows.order_by("pk"):
        levels_of.setdefault(getattr(level, f"{kind.owner}_id"), {})[level.level_id] = level
    return objects, levels_of
