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
the skill or attribute and the translation's state.
"""

from dataclasses import dataclass

import polib
from django.utils import timezone

from skills.framework.languages import BY_CODE, SOURCE_LANGUAGE
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
from skills.framework.translation import translated_fields
from skills.framework.translation_state import Status, record_of, status

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
    (for the notes), each read with what those need."""
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


def units(language, only=()):
    """Every text of the content with an English source, as a Unit in `language` (a
    translated language), in the site's order; only those in one of the Statuses `only`, if
    given."""
    found = []
    for rows, prefix, about in _sources():
        fields = translated_fields(rows.model)
        for row in rows:
            for field in fields:
                english = getattr(row, f"{field}_{SOURCE_LANGUAGE}")
                if not english:
                    continue
                translation = getattr(row, f"{field}_{language}") or ""
                state = status(english, translation, record_of(row, field, language))
                if only and state not in only:
                    continue
                found.append(
                    Unit(f"{prefix(row)}/{field}", english, translation, state, about(row))
                )
    return found


STATE_NOTES = {
    Status.MISSING: "not translated yet",
    Status.OUTDATED: "outdated: the English changed since this was translated",
    Status.UNREVIEWED: "translated, not yet reviewed",
    Status.REVIEWED: "translated and reviewed",
}


def po_file(language, exported_units):
    """The units as a gettext PO file (polib's POFile), its language in the header."""
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
                comment=f"{unit.about}\n{STATE_NOTES[unit.status]}",
                flags=["fuzzy"] if unit.status == Status.OUTDATED else [],
            )
        )
    return catalogue
