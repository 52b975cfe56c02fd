"""The content's translated texts as the units of an exchange file, and the record of an
export (TranslationExport) that an import is checked against.

A unit's id names its text by what the framework calls it, never by a database key, so a
file exported from one database reads the same in another: `skill/SLMO/name`,
`skill/SLMO/level/5/description`, `attribute/AUTO/guidance_notes`, `level/3/essence`,
`category/strategy-and-architecture/name`, `subcategory/<category>/<slug>/name`,
`attribute-group/<slug>/name`.

A multi-line text is one unit with its line breaks, not a unit a line: CAT tools show the
breaks (PO keeps them as \\n), the translator sees a list item beside the items around it
and the paragraph it belongs to, and the structure (how many lines) is the source's, for an
import to check."""

from dataclasses import dataclass, field, replace

from skills.framework.languages import SOURCE_LANGUAGE
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
from skills.framework.translation import translated_fields
from skills.framework.translation_state import (
    Status,
    fingerprint,
    record_of,
    status,
)

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
