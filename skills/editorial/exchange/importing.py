"""Bringing an exchange file back, whatever its format. Every export is recorded on the site
(TranslationExport) with each unit's translation as exported, and the file carries the
export's id (PO's `X-SFIA-Export` header, XLIFF's `<file original>`), which CAT tools keep.

A file is checked whole first: well-formed (its format's reader), in a language of the site
that the importer translates, made by an export of this site in that language; else nothing
is imported. Then each unit on its own, against the site as it is, under a lock: its English,
the site's translation against the one exported, its lines and characters. Every unit that
passes is written, all in one revision; each that does not is listed with why. The glossary
warns of what it would in the admin, and blocks nothing."""

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skills.editorial.exchange.files import ExchangeErrors
from skills.editorial.exchange.po import EXPORT_HEADER
from skills.editorial.exchange.units import units
from skills.editorial.glossary import Glossary
from skills.editorial.text_checks import check_characters, check_line_count
from skills.framework.languages import SOURCE_LANGUAGE, language_name
from skills.framework.models import (
    AttributeLevel,
    SkillLevel,
    TranslationExport,
)
from skills.framework.revision_comments import imported_comment
from skills.framework.translation_state import fingerprint, note_translated
from skills.search import index as search_index

# The levels' own rows, whose changes are their skill's or attribute's (reversion follows them).
OWNERS = {SkillLevel: "skill", AttributeLevel: "attribute"}


@dataclass
class ImportReport:
    language: str
    new: Counter = field(default_factory=Counter)  # what the texts are about → count
    changed: Counter = field(default_factory=Counter)
    unchanged: int = 0
    needing_work: int = 0  # fuzzy targets, not applied
    # (unit, glossary Problem) of each imported translation that goes against the glossary:
    # imported all the same, as a save in the admin is (the glossary warns, never blocks).
    glossary: list = field(default_factory=list)
    # Why each unit that was not imported was refused, naming it.
    refused: list = field(default_factory=list)

    def by_text(self):
        """(what the texts are about, new, changed), in order."""
        about = sorted(set(self.new) | set(self.changed))
        return [(each, self.new[each], self.changed[each]) for each in about]

    def lines(self):
        for about, new, changed in self.by_text():
            yield _("%(about)s: %(new)s new, %(changed)s changed") % {
                "about": about,
                "new": new,
                "changed": changed,
            }
        yield self.summary()
        for unit, problem in self.glossary:
            yield _("Imported, but against the glossary: %(id)s (%(about)s). %(problem)s") % {
                "id": unit.id,
                "about": unit.about,
                "problem": problem.message(),
            }
        for problem in self.refused:
            yield _("Not imported: %(problem)s") % {"problem": problem}

    def summary(self):
        return _(
            "%(new)s new and %(changed)s changed translations in %(language)s; %(unchanged)s "
            "unchanged or empty, %(fuzzy)s marked as needing work (fuzzy) left as they were, "
            "%(refused)s not imported."
        ) % {
            "new": sum(self.new.values()),
            "changed": sum(self.changed.values()),
            "language": language_name(self.language),
            "unchanged": self.unchanged,
            "fuzzy": self.needing_work,
            "refused": len(self.refused),
        }


def _problem(target, unit, exported):
    """Why `target` can't be brought back as a new text for `unit` (None: it can), where the
    file's export recorded the translations `exported` ({unit id: fingerprint})."""
    where = _where(target)
    if not target.id:
        return _("Line %(line)s: a unit without an id") % {"line": target.line}
    if unit is None:
        return _("%(where)s: no text of the site has this id") % {"where": where}
    if target.id not in exported:
        return _(
            "%(where)s: this text was not in the export the file was made from, so what the "
            "translator saw of it is not known; export it again"
        ) % {"where": where}
    if target.english != unit.english:
        return _(
            "%(where)s: its English changed since the export, to: “%(english)s”; export it "
            "again and translate the new English"
        ) % {"where": where, "english": unit.english}
    if exported[target.id] != fingerprint(unit.translation):
        return _(
            "%(where)s: its translation was changed on the site after this file was exported; "
            "export it again, and bring your change to the new text"
        ) % {"where": where}
    try:
        check_line_count(unit.english, unit.translation, target.translation)
        check_characters(target.translation)
    except ValidationError as error:
        return _("%(where)s: %(problem)s") % {"where": where, "problem": " ".join(error.messages)}
    limit = unit.row._meta.get_field(f"{unit.field_name}_{SOURCE_LANGUAGE}").max_length
    if limit and len(target.translation) > limit:
        return _("%(where)s: %(length)s characters, at most %(limit)s fit") % {
            "where": where,
            "length": len(target.translation),
            "limit": limit,
        }
    return None


def _where(target):
    return _("Line %(line)s, unit %(id)s") % {"line": target.line, "id": target.id}


def export_of(exchange_file):
    """The TranslationExport `exchange_file` was made from; ExchangeErrors (the whole file
    refused) where it names none of this site's, or one of another language."""
    try:
        export = TranslationExport.objects.get(pk=uuid.UUID(exchange_file.export_id or ""))
    except (ValueError, TranslationExport.DoesNotExist):
        raise ExchangeErrors(
            [
                _(
                    "%(file)s: it names no export of this site (%(header)s), so no unit can be "
                    "tied to the text it was translated from; export the file again and bring "
                    "your translations to it"
                )
                % {"file": exchange_file.name, "header": EXPORT_HEADER}
            ]
        ) from None
    if export.language != exchange_file.language:
        raise ExchangeErrors(
            [
                _("%(file)s is in %(language)s, but its export was of %(exported)s")
                % {
                    "file": exchange_file.name,
                    "language": language_name(exchange_file.language),
                    "exported": language_name(export.language),
                }
            ]
        )
    return export


@transaction.atomic
@reversion.create_revision()
@search_index.batched()
def import_targets(exchange_file, *, user=None):
    """Write the units of `exchange_file` that changed and pass the checks, as one revision by
    `user` (or an import), each recorded as translating the English it was exported with. The
    report lists the units refused, with why, and the imported translations that go against
    the glossary (imported all the same). ExchangeErrors, and nothing written, where the file
    is not tied to an export of this site."""
    language = exchange_file.language
    exported = export_of(exchange_file).units
    reversion.set_comment(imported_comment([exchange_file.name], language))
    if user is not None:
        reversion.set_user(user)
    by_id = {unit.id: unit for unit in units(language, lock=True)}
    report, seen, changes = ImportReport(language), set(), defaultdict(list)
    for target in exchange_file.targets:
        if target.id in seen:
            report.refused.append(
                _("%(where)s: a second unit with this id") % {"where": _where(target)}
            )
            continue
        seen.add(target.id)
        unit = by_id.get(target.id)
        if unit is not None and target.translation and target.needs_work:
            report.needing_work += 1
            continue
        if unit is not None and _brings_nothing(target, unit, exported):
            report.unchanged += 1
            continue
        if problem := _problem(target, unit, exported):
            report.refused.append(problem)
            continue
        changes[id(unit.row)].append((unit, target))
        (report.changed if unit.translation else report.new)[unit.about] += 1
    if changes:
        _write(changes, language, user, report)
    return report


def _brings_nothing(target, unit, exported):
    """Whether `target` leaves its text as it was: empty, as exported (the site's text stays,
    whether it or its English changed since), or as the site already has it."""
    untouched = exported.get(target.id) == fingerprint(target.translation)
    return not target.translation or untouched or target.translation == unit.translation


def _write(changes, language, user, report):
    glossary = Glossary.load()
    for changed in changes.values():
        row = changed[0][0].row
        for unit, target in changed:
            report.glossary += [
                (unit, problem)
                for problem in glossary.problems(unit.english, target.translation, language)
            ]
            setattr(row, f"{unit.field_name}_{language}", target.translation)
            note_translated(
                row, unit.field_name, language, english=unit.english, by=getattr(user, "pk", None)
            )
        columns = [f"{unit.field_name}_{language}" for unit, _ in changed]
        row.save(update_fields=[*columns, "translation_state"])
        if owner := OWNERS.get(type(row)):
            # A level's change is in its skill's or attribute's history, as the admin's is.
            reversion.add_to_revision(getattr(row, owner))
