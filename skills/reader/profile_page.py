"""A role profile as its page, its printout and its downloads show it: each entry's skill at
its level, and the generic attributes at the profile's highest level, read in three queries
whatever the number of entries (the add form's, which reads every skill, with the edition).

The entries' levels and the add form's list of every skill are read as plain values of the
page's language and English (as the level page reads its list): built as models with every
language's every text, the 147 skills of the list and the seven levels of each entry's skill
were three quarters of the page's time (docs/performance.md)."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import get_language

from skills.framework import profiles
from skills.framework.models import AttributeLevel, Edition, Skill, SkillLevel
from skills.reader.text import Translated, TranslatedColumns

# The texts of an entry, as (field, related) of a SkillLevel.
ENTRY_TEXTS = {
    "name": ("name", "skill"),
    "category": ("name", "skill__subcategory__category"),
    "guiding_phrase": ("guiding_phrase", "level"),
    "essence": ("essence", "level"),
    "description": ("description", ""),
}


@dataclass(frozen=True)
class ProfileEntry:
    code: str
    number: int
    name: Translated
    category: Translated
    guiding_phrase: Translated
    essence: Translated
    description: Translated

    @property
    def value(self):
        return profiles.entry_value(self.code, self.number)

    @property
    def texts(self):
        return (self.name, self.category, self.guiding_phrase, self.essence, self.description)


@dataclass(frozen=True)
class ProfilePage:
    profile: profiles.Profile
    entries: list
    rejected: list
    attribute_levels: list
    # (code, name) of every skill, for the add form; and the levels the skill being added is
    # defined at.
    skill_choices: list
    adding: tuple | None
    # The stored edition's name ("" if none is), read with the skill choices for the footer;
    # None where there are no skills to read it with.
    edition: str | None = None

    @property
    def highest_level(self):
        return max((entry.number for entry in self.entries), default=None)

    @property
    def usable(self):
        """The profile of the entries the page could use: its address is the page's own."""
        return profiles.Profile(
            self.profile.title, tuple((entry.code, entry.number) for entry in self.entries)
        )


def read_profile_page(profile):
    """The page of `profile` (profiles.parse) in the active language: its entries whose skill
    exists and is defined at the level given; the others rejected, with a reason."""
    language = get_language()
    skill_choices, edition = _skill_choices(language)
    texts = {
        text: TranslatedColumns.of(field, language, related)
        for text, (field, related) in ENTRY_TEXTS.items()
    }
    # The entries' skills at the entries' levels (not at all seven), and every level of the
    # skill being added.
    wanted = Q(
        skill__code__in=[code for code, _ in profile.entries],
        level__in={number for _, number in profile.entries},
    )
    if profile.adding:
        wanted |= Q(skill__code=profile.adding)
    levels = {
        (level["skill__code"], level["level_id"]): level
        for level in SkillLevel.objects.filter(wanted).values(
            "skill__code",
            "level_id",
            "defined",
            *(name for columns in texts.values() for name in columns.names),
        )
    }
    known = {code for code, _ in skill_choices}
    entries, rejected = [], list(profile.rejected)
    for code, number in profile.entries:
        level = levels.get((code, number))
        if level is None or not level["defined"]:
            reason = profiles.UNDEFINED_LEVEL if code in known else profiles.UNKNOWN_SKILL
            rejected.append(profiles.Rejected(profiles.entry_value(code, number), reason))
            continue
        entries.append(_entry(level, texts))
    adding = _adding(profile, levels, texts)
    if profile.adding and adding is None:
        rejected.append(profiles.Rejected(profile.adding.lower(), profiles.UNKNOWN_SKILL))
    # A role carries the responsibility of its highest level: its attributes are that level's.
    highest = max((entry.number for entry in entries), default=None)
    attribute_levels = list(AttributeLevel.objects.defined_at(highest)) if highest else []
    return ProfilePage(
        profile=profile,
        entries=entries,
        rejected=rejected,
        attribute_levels=attribute_levels,
        skill_choices=skill_choices,
        adding=adding,
        edition=edition,
    )


def _entry(level, texts):
    """The entry of a SkillLevel's values(); `texts`: {ENTRY_TEXTS' key: TranslatedColumns}."""
    return ProfileEntry(
        code=level["skill__code"],
        number=level["level_id"],
        **{text: columns.value(level) for text, columns in texts.items()},
    )


def _adding(profile, levels, texts):
    """(code, name, [(number, guiding phrase) of each level it is defined at]) of the skill the
    add form's second step is for; None if there is none, or no such skill defined at any
    level. `texts`: {ENTRY_TEXTS' key: TranslatedColumns}."""
    if not profile.adding:
        return None
    defined = sorted(
        (
            (number, texts["guiding_phrase"].value(level))
            for (code, number), level in levels.items()
            if code == profile.adding and level["defined"]
        ),
        key=lambda defined_level: defined_level[0],
    )
    if not defined:
        return None
    level = levels[(profile.adding, defined[0][0])]
    return (level["skill__code"], texts["name"].value(level), defined)


def _skill_choices(language):
    """[(code, name)] of every skill, and the stored edition ("" if none is; None if there is
    no skill to read it with)."""
    name = TranslatedColumns.of("name", language)
    skills = list(
        Skill.objects.in_framework_order().values(
            "code", *name.names, edition=Edition.name_column()
        )
    )
    edition = (skills[0]["edition"] or "") if skills else None
    return [(skill["code"], name.value(skill)) for skill in skills], edition
