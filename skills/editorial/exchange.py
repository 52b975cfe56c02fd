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

Written as gettext PO with polib (a `.po` file): the format Poedit, Weblate and OmegaT all
read and write without plug-ins. The unit's id is its msgctxt (two texts may share their
English: the context keeps them apart), its English the msgid, the translation the msgstr;
an outdated translation is `fuzzy` (what those tools call "needs work"), and its notes name
the skill or attribute, the translation's state and the translation as exported (by
fingerprint).

Brought back (`import_targets`), a file is written whole or not at all: every unit is checked
against the site as it is (its English, the translation as exported, its lines and
characters) under a lock before anything is written, and each refusal names the unit's line
and id. The glossary warns of what it would in the admin, and blocks nothing.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import polib
import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from lxml import etree
from translate.storage import tbx

from skills.editorial.glossary import Glossary
from skills.editorial.text_checks import check_characters, normalized
from skills.framework.languages import BY_CODE, SOURCE_LANGUAGE, TRANSLATED_LANGUAGES
from skills.framework.models import (
    AttributeGroup,
    AttributeLevel,
    Category,
    GenericAttribute,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
    Subcategory,
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
    return found


# The last note names the translation as exported (by fingerprint): a file brought back over a
# translation someone changed on the site since is refused there, never written over it.
EXPORTED_NOTE = "exported translation: "

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


def po_file(language, exported_units, glossary=None):
    """The units as a gettext PO file (polib's POFile), its language in the header; with a
    `glossary`, each unit's notes name the terms its English has (glossary_notes)."""
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Project-Id-Version": "SFIA",
        "Language": language,
        "Language-Team": BY_CODE[language].name,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "POT-Creation-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
        "X-Generator": "SFIA export_translations",
    }
    for unit in exported_units:
        catalogue.append(
            polib.POEntry(
                msgctxt=unit.id,
                msgid=unit.english,
                msgstr=unit.translation,
                comment="\n".join(
                    [
                        unit.about,
                        STATE_NOTES[unit.status],
                        *(glossary_notes(glossary, unit.english, language) if glossary else ()),
                        f"{EXPORTED_NOTE}{fingerprint(unit.translation)}",
                    ]
                ),
                flags=["fuzzy"] if unit.status == Status.OUTDATED else [],
            )
        )
    return catalogue


# TBX's administrative status of a term (ISO 30042's TBX-Basic): CAT tools with a term base
# (OmegaT, memoQ, Trados) suggest the preferred term and flag a deprecated one.
PREFERRED, DEPRECATED = "preferredTerm-admn-sts", "deprecatedTerm-admn-sts"


def tbx_file(glossary, language):
    """The glossary as a TBX term base for `language` (translate-toolkit's tbxfile): each
    term's English, and its word in `language` as the preferred term and the words to avoid
    as deprecated ones, where the glossary has them."""
    base = tbx.tbxfile(sourcelanguage=SOURCE_LANGUAGE, targetlanguage=language)
    for entry in glossary:
        unit = base.addsourceunit(entry.english)
        approved = [entry.approved[language]] if entry.approved[language] else []
        statuses = [PREFERRED] * len(approved) + [DEPRECATED] * len(entry.avoided[language])
        if not statuses:
            continue
        unit.set_target_terms(approved + entry.avoided[language], language)
        # translate-toolkit reads a term's status but sets none: each <tig> gets its own
        # <termNote>, through the unit's lxml element.
        terms = unit.get_target_dom(language).findall(unit.namespaced("tig"))
        for term, administrative in zip(terms, statuses, strict=True):
            note = etree.SubElement(term, unit.namespaced("termNote"), type="administrativeStatus")
            note.text = administrative
    return base


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
    needs_work: bool  # fuzzy: the translator has not confirmed it
    exported: str | None = None  # the fingerprint of the translation as exported, if noted


def read_po(path, name=None):
    """(language, [Target]) of a PO file; ExchangeErrors naming the file (as `name`, an
    upload's, if given) and the line if it is not one, or names no language of the site."""
    name = name or str(path)
    if not Path(path).is_file():  # polib would read the name itself as a PO file's text
        raise ExchangeErrors([_("%(file)s: no such file") % {"file": name}])
    try:
        catalogue = polib.pofile(str(path), wrapwidth=0)
    except UnicodeDecodeError as error:
        raise ExchangeErrors(
            [
                _("%(file)s: byte %(position)s is not text in the file's encoding (UTF-8)")
                % {"file": name, "position": error.start + 1}
            ]
        ) from None
    except (OSError, ValueError) as error:
        # polib names the line ("Syntax error in po file /tmp/…(line 3)"): only that is said,
        # in the user's language, never a path on the server.
        line = re.search(r"\(line (\d+)\)", str(error))
        if line:
            problem = _("%(file)s, line %(line)s: not PO syntax, so the file cannot be read") % {
                "file": name,
                "line": line[1],
            }
        else:
            problem = _("%(file)s: not a PO file that can be read") % {"file": name}
        raise ExchangeErrors([problem]) from None
    stated = catalogue.metadata.get("Language", "")
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
    targets = [
        Target(
            entry.msgctxt or "",
            entry.msgid,
            # Stored as the admin stores a text: a CAT tool's CRLF or trailing spaces are
            # neither refused nor a change.
            normalized(entry.msgstr),
            entry.linenum,
            entry.fuzzy,
            _exported_fingerprint(entry.comment),
        )
        for entry in catalogue
        if not entry.obsolete
    ]
    return language, targets


def _exported_fingerprint(notes):
    found = [line for line in (notes or "").split("\n") if line.startswith(EXPORTED_NOTE)]
    return found[-1].removeprefix(EXPORTED_NOTE).strip() if found else None


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

    def summary(self):
        return _(
            "%(new)s new and %(changed)s changed translations in %(language)s; %(unchanged)s "
            "unchanged or empty, %(fuzzy)s marked as needing work (fuzzy) left as they were."
        ) % {
            "new": sum(self.new.values()),
            "changed": sum(self.changed.values()),
            "language": language_name(self.language),
            "unchanged": self.unchanged,
            "fuzzy": self.needing_work,
        }


def language_name(code):
    """The language's name in the active language ("Deutsch" in German, "German" in English)."""
    return str(get_language_info(code)["name_translated"])


def _line_count(text):
    """How many lines `text` has; 0 if it is empty."""
    return text.count("\n") + 1 if text else 0


def _problem(target, unit):
    """What is wrong with bringing back `target` as a new text for `unit`, or None."""
    where = _where(target)
    if not target.id:
        return _("Line %(line)s: a unit without an id (its msgctxt)") % {"line": target.line}
    if unit is None:
        return _("%(where)s: no text of the site has this id") % {"where": where}
    if target.english != unit.english:
        return _(
            "%(where)s: its English is no longer the site's (the English changed since the "
            "export); export the file again"
        ) % {"where": where}
    if target.exported is not None and target.exported != fingerprint(unit.translation):
        return _(
            "%(where)s: its translation was changed on the site after this file was exported; "
            "export the file again, and bring your change to the new text"
        ) % {"where": where}
    # A text's lines are its list items and paragraphs: a translation keeps the English's,
    # or those of the translation it replaces (the sources give some languages' level texts
    # as one paragraph where the English has a line a sentence).
    lines = target.translation.split("\n")
    english, current = _line_count(unit.english), _line_count(unit.translation)
    if len(lines) not in {english, current or english}:
        counts = {"where": where, "english": english, "current": current, "lines": len(lines)}
        if current:
            return (
                _(
                    "%(where)s: the English has %(english)s lines (items, paragraphs) and the "
                    "current translation %(current)s, this translation %(lines)s; keep one line "
                    "of translation for each line of English"
                )
                % counts
            )
        return (
            _(
                "%(where)s: the English has %(english)s lines (items, paragraphs), this "
                "translation %(lines)s; keep one line of translation for each line of English"
            )
            % counts
        )
    try:
        check_characters(target.translation)
    except ValidationError as error:
        return _("%(where)s: in the translation: %(problem)s") % {
            "where": where,
            "problem": " ".join(error.messages),
        }
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


@transaction.atomic
@reversion.create_revision()
@search_index.batched()
def import_targets(language, targets, *, source, user=None):
    """Write the changed `targets` in `language`, as one revision by `user` (or an import),
    each recorded as translating the English it was exported with; ExchangeErrors, and
    nothing written, if any unit is refused. The report lists the imported translations that
    go against the glossary (imported all the same)."""
    # In English, as every revision's comment: the history is read in every language.
    reversion.set_comment(imported_comment([source], language))
    if user is not None:
        reversion.set_user(user)
    by_id = {unit.id: unit for unit in units(language, lock=True)}
    report, problems, seen, changes = ImportReport(language), [], set(), defaultdict(list)
    for target in targets:
        if target.id in seen:
            problems.append(_("%(where)s: a second unit with this id") % {"where": _where(target)})
            continue
        seen.add(target.id)
        unit = by_id.get(target.id)
        if unit is not None and target.english == unit.english:
            if target.needs_work and target.translation:
                report.needing_work += 1
                continue
            untouched = target.exported is not None and target.exported == fingerprint(
                target.translation
            )
            if not target.translation or target.translation == unit.translation or untouched:
                # Nothing to bring back; where the site's text changed since, it stays.
                report.unchanged += 1
                continue
        if problem := _problem(target, unit):
            problems.append(problem)
            continue
        changes[id(unit.row)].append((unit, target))
        (report.changed if unit.translation else report.new)[unit.about] += 1
    if problems:
        raise ExchangeErrors(problems)
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
    return report
