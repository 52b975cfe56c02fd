"""What every import does with a row it brings in: merge it three ways (merge.py), record what
each translation it writes translates, save only what changed, and tell what it did, per object
and per language. `import_sources` and `import_spreadsheet` both write through these, so they
record and report alike."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from skills.content.fields import localized
from skills.content.merge import TRANSLATION_STATE
from skills.framework.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from skills.framework.translation_state import note_translated


def language_of(field_name):
    """ "name_de" → "de"; None for an untranslated field."""
    base, _, suffix = field_name.rpartition("_")
    return suffix if base and suffix in LANGUAGE_CODES else None


def split_field(field_name):
    """ "name_de" → ("name", "de"); "defined" → ("defined", None)."""
    language = language_of(field_name)
    return (field_name.rpartition("_")[0] if language else field_name), language


# How the report names the untranslated fields an import writes.
FIELD_LABELS = {
    "subcategory_id": "subcategory",
    "group_id": "group",
    "defined": "defined or not",
}


def location(path, subject, base, language):
    """ "PATH: SLMO guidance notes [de]": where a field stands, for the import's report."""
    label = f"{subject} {FIELD_LABELS.get(base, base.replace('_', ' '))}" if base else subject
    return f"{path}: {label}{f' [{language}]' if language else ''}"


def amount(count, noun):
    """ "1 skill", "147 skills" (of the nouns with a plain plural)."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def note_translations(merge, instance, fields, before, changed):
    """Record what each translation among `changed` translates: the English `fields` (the
    source) give beside it, even where the database keeps an English edited in the admin
    (the translation is then rightly outdated against it); the row's English where the source
    gives none (a translated workbook). Give `merge` the English texts recorded from and those
    replaced, for OriginalText. Returns whether any translation was recorded."""
    translated = False
    for name in changed:
        base, language = split_field(name)
        if language == SOURCE_LANGUAGE:
            merge.remember(before[name])
        elif language is not None:
            english_name = localized(base, SOURCE_LANGUAGE)
            english = fields.get(english_name, getattr(instance, english_name))
            note_translated(instance, base, language, english=english)
            merge.remember(english)
            translated = True
    return translated


def save_fields(merge, instance, fields, before, changed, adding):
    """Record the translations the import wrote, then save a new row whole, an existing one
    only in the fields the import changed: a translator's save of another field in between is
    not written over. Where it wrote a translation, the row's records are saved too (read under
    the import's lock, so they hold everyone else's). A text the import left alone keeps its
    record, so an import that changes only the English leaves its translations outdated."""
    translated = note_translations(merge, instance, fields, before, changed)
    if adding:
        instance.save()
    else:
        instance.save(update_fields=[*changed, *([TRANSLATION_STATE] if translated else [])])


@dataclass
class Changes:
    """What an import did to one skill or generic attribute and its levels."""

    code: str
    added: bool = False
    # Language (None: untranslated fields) → what changed in it: "name", "level 3"…
    changes: dict = field(default_factory=lambda: defaultdict(list))
    # (language, "object" | "level", "added" | "changed") → count.
    counts: Counter = field(default_factory=Counter)

    def record(self, before, changed, level=None):
        """Note the `changed` fields of the object (or of its `level`), given their old
        values."""
        by_language = defaultdict(list)
        for name in changed:
            by_language[language_of(name)].append(name)
        for language, fields in by_language.items():
            if level is None:
                self.changes[language].extend(name.rpartition("_")[0] or name for name in fields)
            else:
                self.changes[language].append(f"level {level}")
            if language is not None:
                was_empty = all(before.get(name) is None for name in fields)
                kind = "object" if level is None else "level"
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


def write(merge, changes, instance, fields, where, *, adding, level=None):
    """Merge `fields` into `instance` (an object, or its `level`), save what changed, and note
    it in `changes`. Returns the names of the fields that changed."""
    before = {name: getattr(instance, name) for name in fields}
    changed = merge.apply(instance, fields, where, adding)
    if changed or adding:
        changes.record(before, changed, level)
        save_fields(merge, instance, fields, before, changed, adding)
    return changed


def write_framework_row(merge, report, instance, fields, where, *, kind, adding):
    """The same for a row of the framework (a level of responsibility, a category…), counted
    by `kind` ("Categories") in the report."""
    before = {name: getattr(instance, name) for name in fields}
    changed = merge.apply(instance, fields, where, adding)
    if changed or adding:
        save_fields(merge, instance, fields, before, changed, adding)
        report.framework[f"{kind} {'added' if adding else 'changed'}"] += 1


@dataclass
class ImportReport:
    # What the import did to each skill and generic attribute; None where it brings in no
    # such things (the sources have no attributes, a CSV of the Levels sheet neither).
    skills: list | None = field(default_factory=list)
    attributes: list | None = None
    framework: Counter = field(default_factory=Counter)
    # merge.KeptEdit: the admin's edits this import did not replace (or, told to,
    # replaced).
    kept: list = field(default_factory=list)

    def lines(self):
        """What the import did, for a person to read."""
        lines = [f"{what}: {count}" for what, count in sorted(self.framework.items())]
        if self.skills is not None:
            lines += _object_lines(self.skills, "Skills", "skills")
        if self.attributes is not None:
            lines += _object_lines(self.attributes, "Attributes", "attributes")
        lines += [edit.describe() for edit in self.kept]
        conflicts = [edit for edit in self.kept if edit.conflict and not edit.overwritten]
        if self.kept:
            lines.append(
                f"Edits made in the admin: {len(self.kept)}, of which {len(conflicts)} "
                "conflict with a change in the source"
                + (" (kept; --overwrite-edits replaces them)." if conflicts else ".")
            )
        return lines


def _object_lines(objects, title, plural):
    """Each changed object, the counts per language, and the totals: "Skills: 1 added…"."""
    changed = [changes for changes in objects if changes.changes]
    lines = [changes.describe() for changes in changed]
    totals = sum((changes.counts for changes in objects), Counter())
    if totals:
        lines.append(
            f"Per language ({plural} added, {plural} changed, levels added, levels changed):"
        )
        for language in LANGUAGE_CODES:
            figures = [
                totals[(language, kind, verb)]
                for kind in ("object", "level")
                for verb in ("added", "changed")
            ]
            if any(figures):
                lines.append(f"  {language}: {', '.join(map(str, figures))}")
    added = sum(changes.added for changes in objects)
    lines.append(
        f"{title}: {added} added, {len(changed) - added} changed, "
        f"{len(objects) - len(changed)} unchanged."
    )
    return lines
