"""Translators' exchange files: every translated text of the content as a unit a CAT tool
(Poedit, OmegaT, Weblate…) can take out and bring back, named by a stable id.

A unit's id names its text by what the framework calls it, never by a database key, so a
file exported from one database reads the same in another: `skill/SLMO/name`,
`skill/SLMO/level/5/description`, `attribute/AUTO/guidance_notes`, `level/3/essence`,
`category/strategy-and-architecture/name`, `subcategory/<category>/<slug>/name`,
`attribute-group/<slug>/name`.

A multi-line text is one unit with its line breaks, not a unit a line: CAT tools show the
breaks (PO keeps them as \\n), the translator sees a list item beside the items around it
and the paragraph it belongs to, and the structure (how many lines) is the source's, for an
import to check.

Written as gettext PO with polib (a `.po` file), which Poedit, Weblate and OmegaT read and
write without plug-ins, or as XLIFF 1.2 (`.xlf`, `.xliff`: xliff.py), which Trados, memoQ,
Phrase and Smartcat work in. In PO the unit's id is its msgctxt (two texts may share their
English: the context keeps them apart), its English the msgid, the translation the msgstr; an
outdated translation is `fuzzy` (what those tools call "needs work") with its previous English
(`#| msgid`), and its notes name the skill or attribute, the translation's state and the
glossary's terms.

Every export is recorded on the site (framework's TranslationExport) with each unit's
translation as exported, and the file carries the export's id in its header (PO's
`X-SFIA-Export`, XLIFF's `<file original>`), which CAT tools keep. Brought back
(`import_targets`), a file is checked whole first: well-formed (po_syntax.py), in a language
of the site that the importer translates, made by an export of this site in that language;
else nothing is imported. Then each unit on its own, against the site as it is, under a lock:
its English, the site's translation against the one exported, its lines and characters. Every
unit that passes is written, all in one revision; each that does not is listed with why. The
glossary warns of what it would in the admin, and blocks nothing.
"""

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import polib
import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from skills.editorial import po_syntax
from skills.editorial.glossary import Glossary
from skills.editorial.text_checks import check_characters, check_line_count, normalized
from skills.framework.languages import (
    BY_CODE,
    SOURCE_LANGUAGE,
    TRANSLATED_LANGUAGES,
    language_name,
)
from skills.framework.models import (
    AttributeGroup,
    AttributeLevel,
    Category,
    GenericAttribute,
    OriginalText,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
    Subcategory,
    TranslationExport,
)
from skills.framework.revision_comments import imported_comment
from skills.framework.translation import translated_fields
from skills.framework.translation_state import (
    Status,
    fingerprint,
    note_translated,
    record_of,
    status,
)
from skills.search import index as search_index

# What an export may be limited to (--only): the states that need a translator's eye.
SELECTABLE = (Status.MISSING, Status.OUTDATED, Status.UNREVIEWED)


@dataclass(frozen=True)
class Unit:
    """One translated text in one language."""

    id: str  # "skill/SLMO/level/5/description"
    english: str
    translation: str  # "" where there is none
    status: Status
    about: str  # "SLMO: Service level management", what the text belongs to
    row: object = field(default=None, compare=False, repr=False)  # the model instance
    field_name: str = ""  # "description"
    previous_english: str = ""  # an outdated translation's: the English it was made from


ENGLISH_NAME = f"name_{SOURCE_LANGUAGE}"


def _named(rows, prefix):
    """(rows, id prefix, about) for a model named by its slug (a category's, a group's)."""
    return rows, prefix, lambda row: getattr(row, ENGLISH_NAME)


def _coded(rows, kind, owner=None):
    """(rows, id prefix, about) for skills or attributes (`kind`: "skill", "attribute"), or
    their levels, whose `owner` field is the skill or attribute."""
    coded = (lambda row: getattr(row, owner)) if owner else (lambda row: row)
    level = (lambda row: f"/level/{row.level_id}") if owner else (lambda row: "")
    return (
        rows,
        lambda row: f"{kind}/{coded(row).code}{level(row)}",
        lambda row: f"{coded(row).code}: {getattr(coded(row), ENGLISH_NAME)}",
    )


def _sources():
    """Each model's rows, in the site's order, with their ids' prefix and what they are about
    (for the notes), each read with what those need. (Locked by an import, units(lock=True).)"""
    yield (
        ResponsibilityLevel.objects.order_by("number"),
        lambda level: f"level/{level.number}",
        lambda level: str(level.number),
    )
    yield _named(Category.objects.order_by("position"), lambda row: f"category/{row.slug}")
    yield _named(
        Subcategory.objects.select_related("category").order_by("category__position", "position"),
        lambda row: f"subcategory/{row.category.slug}/{row.slug}",
    )
    yield _coded(Skill.objects.order_by("code"), "skill")
    yield _coded(
        SkillLevel.objects.select_related("skill").order_by("skill__code", "level"),
        "skill",
        owner="skill",
    )
    yield _named(
        AttributeGroup.objects.order_by("position"), lambda row: f"attribute-group/{row.slug}"
    )
    yield _coded(GenericAttribute.objects.order_by("position", "code"), "attribute")
    yield _coded(
        AttributeLevel.objects.select_related("attribute").order_by("attribute__code", "level"),
        "attribute",
        owner="attribute",
    )


def units(language, only=(), lock=False):
    """Every text of the content with an English source, as a Unit in `language` (a
    translated language), in the site's order; only those in one of the Statuses `only`, if
    given. With `lock`, the rows are locked until the transaction ends (an import)."""
    found = []
    for rows, prefix, about in _sources():
        names = translated_fields(rows.model)
        for row in rows.select_for_update() if lock else rows:
            for name in names:
                english = getattr(row, f"{name}_{SOURCE_LANGUAGE}")
                if not english:
                    continue
                translation = getattr(row, f"{name}_{language}") or ""
                state = status(english, translation, record_of(row, name, language))
                if only and state not in only:
                    continue
                unit_id = f"{prefix(row)}/{name}"
                found.append(Unit(unit_id, english, translation, state, about(row), row, name))
    return _with_previous_english(found, language)


def _with_previous_english(found, language):
    """`found`, each outdated unit with the English its translation was made from, where it is
    on record (one query)."""
    made_from = {
        unit.id: (record_of(unit.row, unit.field_name, language) or {}).get("from")
        for unit in found
        if unit.status == Status.OUTDATED
    }
    originals = dict(
        OriginalText.objects.filter(fingerprint__in=set(made_from.values())).values_list(
            "fingerprint", "text"
        )
    )
    return [
        replace(unit, previous_english=originals.get(made_from[unit.id], ""))
        if unit.id in made_from
        else unit
        for unit in found
    ]


STATE_NOTES = {
    Status.MISSING: "not translated yet",
    Status.OUTDATED: "outdated: the English changed since this was translated",
    Status.UNREVIEWED: "translated, not yet reviewed",
    Status.REVIEWED: "translated and reviewed",
}


def glossary_notes(glossary, english, language):
    """A note a line for each glossary term the English has: its word in `language` and the
    words to avoid, where the glossary has them."""
    notes = []
    for entry in glossary.terms_in(english):
        note = f"glossary: “{entry.english}”"
        if entry.approved[language]:
            note += f" = “{entry.approved[language]}”"
        if entry.avoided[language]:
            note += " (avoid: " + ", ".join(f"“{word}”" for word in entry.avoided[language]) + ")"
        notes.append(note)
    return notes


def unit_notes(unit, language, glossary=None):
    """A unit's notes for the translator: what it is about, its state, the glossary's terms."""
    return [
        unit.about,
        STATE_NOTES[unit.status],
        *(glossary_notes(glossary, unit.english, language) if glossary else ()),
    ]


def record_export(language, exported_units, user=None):
    """The TranslationExport of `exported_units`: what an import of the file is checked
    against."""
    return TranslationExport.objects.create(
        language=language,
        user=user if getattr(user, "pk", None) else None,
        units={unit.id: fingerprint(unit.translation) for unit in exported_units},
    )


EXPORT_HEADER = "X-SFIA-Export"


def translator_named(user):
    """`user` as PO's Last-Translator names a person: "Name <email>"."""
    if user is None:
        return "SFIA export_translations"
    name = user.get_full_name() or user.get_username()
    return f"{name} <{user.email}>" if user.email else name


def po_file(language, exported_units, glossary=None, export=None):
    """The units as a gettext PO file (polib's POFile), its language and `export`'s id in the
    header; with a `glossary`, each unit's notes name the terms its English has."""
    catalogue = polib.POFile(wrapwidth=0)
    now = timezone.now().strftime("%Y-%m-%d %H:%M%z")
    catalogue.metadata = {
        "Project-Id-Version": "SFIA",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": now,
        "PO-Revision-Date": now,
        "Last-Translator": translator_named(export.user if export else None),
        "Language-Team": BY_CODE[language].name,
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "SFIA export_translations",
    }
    if export is not None:
        catalogue.metadata[EXPORT_HEADER] = str(export.pk)
    for unit in exported_units:
        outdated = unit.status == Status.OUTDATED
        catalogue.append(
            polib.POEntry(
                msgctxt=unit.id,
                msgid=unit.english,
                msgstr=unit.translation,
                comment="\n".join(unit_notes(unit, language, glossary)),
                flags=["fuzzy"] if outdated else [],
                # Poedit and Weblate show what changed in the English since.
                previous_msgid=unit.previous_english if outdated else None,
            )
        )
    return catalogue


# The levels' own rows, whose changes are their skill's or attribute's (reversion follows them).
OWNERS = {SkillLevel: "skill", AttributeLevel: "attribute"}


class ExchangeErrors(Exception):
    """Why a file was refused, a line a problem, each naming where: nothing was imported."""

    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Target:
    """A unit as a file brings it back."""

    id: str
    english: str
    translation: str
    line: int  # where the unit starts in the file
    needs_work: bool  # fuzzy (PO), a needs-… state (XLIFF): the translator has not confirmed it


@dataclass(frozen=True)
class ExchangeFile:
    """What a file brings back: its language, the export it was made from, its units."""

    name: str
    language: str
    export_id: str | None
    targets: list


SYNTAX_PROBLEMS = {
    "unterminated string": gettext_lazy("a string without its closing quote"),
    "bad escape": gettext_lazy(
        'a backslash that starts no escape (\\n, \\t, \\" and \\\\ are escapes)'
    ),
    "text after the string": gettext_lazy("text after the string's closing quote"),
    "not a string": gettext_lazy("a keyword without its text in double quotes"),
    "stray string": gettext_lazy("a string that belongs to no keyword"),
    "stray line": gettext_lazy("a line that is no comment, keyword or string"),
    "plural": gettext_lazy("a plural unit (msgid_plural): exchange files have none"),
    "repeated keyword": gettext_lazy("a keyword twice in one unit"),
    "out of order": gettext_lazy(
        "a keyword out of its place: msgctxt, msgid and msgstr come in this order"
    ),
    "comment": gettext_lazy(
        "a comment mark PO does not have (comments start with “# ”, “#.”, “#:”, “#,” or “#|”)"
    ),
    "line break": gettext_lazy(
        "a character that ends a line for some programs (a carriage return on its own, "
        "U+2028…) inside a line"
    ),
    "obsolete mixed": gettext_lazy(
        "lines of an obsolete unit (#~) in a current unit, or the reverse"
    ),
    "msgstr without msgid": gettext_lazy("a msgstr before its msgid"),
    "no msgid": gettext_lazy("a unit without msgid"),
    "no msgstr": gettext_lazy("a unit without msgstr"),
    "duplicate": gettext_lazy("a second unit with the same id and English as an earlier one"),
}


def read_text(path, name):
    """The file's text; ExchangeErrors where it is not there or not UTF-8."""
    if not Path(path).is_file():  # polib would read the name itself as a PO file's text
        raise ExchangeErrors([_("%(file)s: no such file") % {"file": name}])
    data = Path(path).read_bytes()
    try:
        # Without the byte order mark Windows editors put first: it marks the encoding, it is
        # no text (msgfmt refuses it, polib and translate-toolkit read past it).
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise ExchangeErrors(
            [
                _("%(file)s: byte %(position)s is not text in the file's encoding (UTF-8)")
                % {"file": name, "position": error.start + 1}
            ]
        ) from None


def site_language(stated, name):
    """The site's language a file's header names (`de_DE` → `de`); ExchangeErrors if none."""
    language = stated.strip().replace("_", "-").split("-")[0].lower()
    if language not in TRANSLATED_LANGUAGES:
        raise ExchangeErrors(
            [
                _(
                    "%(file)s: its header's Language (%(stated)s) is not a translated language "
                    "of the site (%(languages)s)"
                )
                % {
                    "file": name,
                    "stated": stated or _("none"),
                    "languages": ", ".join(TRANSLATED_LANGUAGES),
                }
            ]
        )
    return language


def read_po(path, name=None):
    """The ExchangeFile of a PO file; ExchangeErrors naming the file (as `name`, an upload's,
    if given) and the line where it is not well-formed PO, or names no language of the site."""
    name = name or str(path)
    text = read_text(path, name)
    syntax = po_syntax.problems(text)
    if syntax:
        raise ExchangeErrors(
            [
                _("%(file)s, line %(line)s: not well-formed PO: %(problem)s")
                % {"file": name, "line": problem.line, "problem": SYNTAX_PROBLEMS[problem.kind]}
                for problem in syntax
            ]
        )
    catalogue = polib.pofile(text, wrapwidth=0)
    language = site_language(catalogue.metadata.get("Language", ""), name)
    targets = [
        Target(
            entry.msgctxt or "",
            entry.msgid,
            # Stored as the admin stores a text: a CAT tool's CRLF or trailing spaces are
            # neither refused nor a change.
            normalized(entry.msgstr),
            entry.linenum,
            entry.fuzzy,
        )
        for entry in catalogue
        if not entry.obsolete
    ]
    export_id = catalogue.metadata.get(EXPORT_HEADER, "").strip() or None
    return ExchangeFile(name, language, export_id, targets)


XLIFF_SUFFIXES = (".xlf", ".xliff")
PO_SUFFIXES = (".po",)


def is_xliff(name):
    return Path(name).suffix.lower() in XLIFF_SUFFIXES


def read_exchange_file(path, name=None):
    """The ExchangeFile of a PO or XLIFF file, told apart by its name's ending."""
    name = name or str(path)
    if is_xliff(name):
        from skills.editorial import xliff

        return xliff.read_xliff(path, name)
    return read_po(path, name)


def exchange_file_content(name, language, exported_units, glossary=None, export=None):
    """The bytes of the exchange file `name`: XLIFF or PO, as its name ends."""
    if is_xliff(name):
        from skills.editorial import xliff

        return bytes(xliff.xliff_file(language, exported_units, glossary, export))
    return str(po_file(language, exported_units, glossary, export)).encode("utf-8")


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
