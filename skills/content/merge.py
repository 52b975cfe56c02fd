"""An import's three-way merge of the source, the database and what the last import wrote.

A value the admin has not changed since the last import follows the source. A value the admin
changed is kept: if the source changed too, that is a conflict, kept and reported unless the
import was told to overwrite edits. Where no import is on record for a value (content saved
before imports kept records, or added in the admin), a value the database already holds
counts as an edit. Every importer writes through one `Merge`, then calls `record()`.

It also keeps the English texts the import's translation records name and those it replaces
(`remember`), stored with the rest at `record()`: what the admin shows an outdated translation's
English has changed from.
"""

import dataclasses
from dataclasses import dataclass

from skills.framework.models import ImportedValue, OriginalText

NOTHING_RECORDED = object()
TRANSLATION_STATE = "translation_state"  # models.Translatable's column of the records


@dataclass(frozen=True)
class KeptEdit:
    """A value the database holds that differs from both the source and the last import."""

    where: str  # "PATH: SLMO level 5 [de]"
    last_imported: object  # NOTHING_RECORDED where no import is on record
    source: object
    overwritten: bool = False

    @property
    def conflict(self):
        """The source changed the value too (or there is no record to tell)."""
        return self.source != self.last_imported

    def describe(self):
        if self.last_imported is NOTHING_RECORDED:
            what = "differs from the source, and no earlier import is on record"
        elif self.conflict:
            what = "changed in the admin since the last import"
        else:
            what = "changed in the admin, unchanged in the source"
        return f"{self.where}: {what}; {'overwritten' if self.overwritten else 'kept'}"


def edited_since_import(current, source, last_imported):
    """Whether the database's value is someone's edit, which an import must not replace
    unasked. An empty value with no import on record is no one's: the source fills it."""
    if current in (source, last_imported):
        return False
    return not (current is None and last_imported is NOTHING_RECORDED)


class Merge:
    def __init__(self, overwrite_edits=False):
        self.overwrite_edits = overwrite_edits
        self.kept = []
        self._recorded = {}  # model → {(key, field): value}, read once per model
        self._to_record = {}  # (model label, key, field) → value
        self._originals = set()  # English texts, for OriginalText

    def apply(self, instance, incoming, where, adding=False):
        """Set on `instance` the values of `incoming` ({field: value}) that the merge takes from
        the source, and return the names of those that changed. `where(field)` names a field
        for the report: "PATH: SLMO level 5 [de]"."""
        key = ImportedValue.key_of(instance)
        recorded = self._recorded_for(type(instance))
        changed = []
        for name, value in incoming.items():
            current = getattr(instance, name)
            last = recorded.get((key, name), NOTHING_RECORDED)
            if not adding and edited_since_import(current, value, last):
                edit = KeptEdit(where(name), last, value)
                if not (edit.conflict and self.overwrite_edits):
                    self.kept.append(edit)
                    continue
                self.kept.append(dataclasses.replace(edit, overwritten=True))
            if current != value:
                setattr(instance, name, value)
                changed.append(name)
            if last != value:
                self._to_record[(instance._meta.label_lower, key, name)] = value
        return changed

    def loaded(self, instance, field_names):
        """Take `instance`'s values of `field_names` as what an import wrote (a fixture loaded
        into an empty database is the first import). The translations' records are no value the
        next import merges: it writes them itself, from what it writes."""
        key = ImportedValue.key_of(instance)
        for name in field_names:
            if name != TRANSLATION_STATE:
                self._to_record[(instance._meta.label_lower, key, name)] = getattr(instance, name)

    def remember(self, *english):
        """Keep these English texts in OriginalText at `record()` (None is no text)."""
        self._originals.update(text for text in english if text)

    def record(self):
        """Remember what this import wrote, for the next one, and the English texts it was
        given to keep."""
        OriginalText.objects.remember(sorted(self._originals))
        self._originals.clear()
        rows = [
            ImportedValue(model=model, key=key, field=field, value=value)
            for (model, key, field), value in self._to_record.items()
        ]
        ImportedValue.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["model", "key", "field"],
            update_fields=["value"],
            batch_size=500,
        )
        self._to_record.clear()

    def _recorded_for(self, model):
        if model not in self._recorded:
            self._recorded[model] = ImportedValue.objects.of_model(model)
        return self._recorded[model]
