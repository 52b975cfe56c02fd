"""A skill's page read in one query, in the page's language with English standing in.

The skill and skill-at-a-level pages are the site's busiest, so they are read (with the
other skills of the skill's subcategory, which the skill page lists) with
hand-written SQL for just the page language's and English columns, and each row's records of
its translations in the page language (translation_state): the ORM's compiling and model
building cost several times what the query does (docs/performance.md). Other pages use the
models.
"""

import functools
import json
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from modeltranslation.utils import build_localized_fieldname

from skills.framework.languages import SOURCE_LANGUAGE
from skills.framework.links import remembered_reverse
from skills.framework.models import (
    Category,
    Edition,
    ResponsibilityLevel,
    Skill,
    SkillLevel,
    Subcategory,
)
from skills.framework.translation import translated_fields
from skills.reader.text import Translated


class Texts:
    """A page's translated texts, each an attribute (`skill.name`, `level.description`): the
    page's value objects declare them in one place, the list the query reads (skill_texts).
    Set as attributes once, so the templates read them at an attribute's cost."""

    def __post_init__(self):
        for name, text in self.texts.items():
            object.__setattr__(self, name, text)  # as a frozen dataclass sets its own fields


@dataclass(frozen=True)
class LevelOfSkill(Texts):
    """A skill at one level of responsibility, as its pages show it: its `LEVEL_TEXTS`."""

    code: str
    number: int
    defined: bool
    texts: dict
    # The language it was read in, which its links keep to.
    language: str

    def get_absolute_url(self):
        return remembered_reverse(
            "skills:skill_level",
            kwargs={"code": self.code, "level": self.number},
            language=self.language,
        )


@dataclass(frozen=True)
class SkillPage(Texts):
    """A skill with its category, subcategory and levels, as its pages show it: its
    `skill_texts()`, and the framework's edition, which its footer and printout name."""

    code: str
    edition: str
    texts: dict
    levels: list
    language: str
    # The other skills of its subcategory (SkillLink), in the framework's order (by code).
    other_skills: list

    def get_absolute_url(self):
        return remembered_reverse(
            "skills:skill", kwargs={"code": self.code}, language=self.language
        )

    @property
    def defined_levels(self):
        return [level.number for level in self.levels if level.defined]

    def level(self, number):
        return next((level for level in self.levels if level.number == number), None)

    def nearest_defined_levels(self, number):
        """The defined levels just below and just above `number` (None where there is none)."""
        defined = self.defined_levels
        below = max((n for n in defined if n < number), default=None)
        above = min((n for n in defined if n > number), default=None)
        return below, above


@dataclass(frozen=True)
class SkillLink:
    """A skill a page links to by its code and name."""

    code: str
    name: Translated
    url: str


def skill_url(code, language):
    """The address of the skill with this code, in `language`."""
    return remembered_reverse("skills:skill", kwargs={"code": code.lower()}, language=language)


def read_skill_page(code, language):
    """The skill with this (upper-case) code and its levels, in `language`, the framework's
    edition and the other skills of its subcategory, in one query; None if there is no such
    skill."""
    skill_texts = _skill_texts()
    with connection.cursor() as cursor:
        cursor.execute(_skill_page_sql(connection.vendor, language), [code] * 3)
        rows = cursor.fetchall()
    if not rows:
        return None
    # The skill's row, then a row for each level, then one for each other skill of its
    # subcategory, each padded with the others' columns; each text comes as two columns, the
    # page language's then English, then each table's records.
    columns, others = _skill_columns(), _other_skill_columns()
    skill_code, edition, *texts = rows[0][1:columns]
    other_skills = [
        SkillLink(
            other_code,
            _translated(OTHER_SKILL_TEXTS, other_texts, language)["name"],
            skill_url(other_code, language),
        )
        for other_code, *other_texts in (row[others:] for row in rows if row[0] == 2)
    ]
    levels = [
        LevelOfSkill(
            code=skill_code,
            number=number,
            defined=bool(defined),
            texts=_translated(LEVEL_TEXTS, level_texts, language),
            language=language,
        )
        for number, defined, *level_texts in (row[columns:others] for row in rows if row[0] == 1)
    ]
    return SkillPage(
        code=skill_code,
        # As Edition.current gives it.
        edition=edition or settings.SFIA_EDITION,
        texts=_translated(skill_texts, texts, language),
        levels=levels,
        language=language,
        other_skills=other_skills,
    )


def _translated(declared, columns, language):
    """{name: Translated} from the texts' columns, each the page language's then English, then
    a column for each table's records in the page language (_record_tables)."""
    count = 2 * len(declared)
    aliases = [alias for alias, _ in _record_tables(declared)]
    records = dict(zip(aliases, map(_records, columns[count:]), strict=True))
    texts = iter(columns[:count])
    return {
        name: Translated.choose(own, source, language, records[alias].get(field))
        for (name, _, alias, field), own, source in zip(declared, texts, texts, strict=True)
    }


def _records(value):
    """A row's records in the page language, {field: record}: SQLite's JSON functions give them
    as text, a driver that decodes JSON as a dict; NULL where it has none (and in English)."""
    if isinstance(value, str):
        return json.loads(value)
    return value or {}


def _record_tables(declared):
    """The tables (alias, model) whose rows hold the records of `declared`'s texts."""
    return tuple(dict.fromkeys((alias, model) for _, model, alias, _ in declared))


@functools.cache
def _skill_texts():
    """The texts a skill page shows, as (attribute, model, table alias, field): every
    translated field of a skill, then its subcategory's and category's names. Each is read in
    the page's language and in English."""
    return (
        *((field, Skill, "s", field) for field in translated_fields(Skill)),
        ("subcategory", Subcategory, "sc", "name"),
        ("category", Category, "c", "name"),
    )


# Each level's texts, the same way: the skill's, then the level of responsibility's own.
LEVEL_TEXTS = (
    ("description", SkillLevel, "l", "description"),
    ("guiding_phrase", ResponsibilityLevel, "r", "guiding_phrase"),
    ("essence", ResponsibilityLevel, "r", "essence"),
)


# The other skills of its subcategory: their names.
OTHER_SKILL_TEXTS = (("name", Skill, "o", "name"),)


def _skill_columns():
    """Where a row's level columns start: after the part (0 for the skill, 1 for a level, 2 for
    another skill), the code, the edition, the skill's texts and their tables' records."""
    return 3 + 2 * len(_skill_texts()) + len(_record_tables(_skill_texts()))


def _other_skill_columns():
    """Where a row's other skill's columns start: after the level's number, whether it is
    defined, its texts and their tables' records."""
    return _skill_columns() + 2 + 2 * len(LEVEL_TEXTS) + len(_record_tables(LEVEL_TEXTS))


# The SQL depends only on the database and the language: built once for each. The skill's
# texts come once, in the first row, not again with every level.
@functools.cache
def _skill_page_sql(vendor, language):
    quote = connection.ops.quote_name

    def column(model, alias, field):
        return f"{alias}.{quote(model._meta.get_field(field).column)}"

    def table(model, alias):
        return f"{quote(model._meta.db_table)} {alias}"

    def in_both_languages(texts):
        return [
            column(model, alias, build_localized_fieldname(field, each))
            for _, model, alias, field in texts
            for each in (language, SOURCE_LANGUAGE)
        ]

    def records(texts):
        """Each table's records in the page language (English has none to read)."""
        if language == SOURCE_LANGUAGE:
            return ["NULL"] * len(_record_tables(texts))
        state = [
            column(model, alias, "translation_state") for alias, model in _record_tables(texts)
        ]
        if vendor == "postgresql":
            return [f"{each} -> '{language}'" for each in state]
        return [f"json_extract({each}, '$.\"{language}\"')" for each in state]

    def selecting(part, columns):
        return f"SELECT {part}, {', '.join(columns)}"

    # The edition's one row (Edition.current's), as a column of the skill's row: the footer
    # and the printout name it, and the page stays one query.
    edition = (
        f"(SELECT {column(Edition, 'e', 'name')} FROM {table(Edition, 'e')} "
        f"WHERE {column(Edition, 'e', 'id')} = 1)"
    )
    skill = [
        column(Skill, "s", "code"),
        edition,
        *in_both_languages(_skill_texts()),
        *records(_skill_texts()),
    ]
    level = [
        column(SkillLevel, "l", "level"),
        column(SkillLevel, "l", "defined"),
        *in_both_languages(LEVEL_TEXTS),
        *records(LEVEL_TEXTS),
    ]
    other = [
        column(Skill, "o", "code"),
        *in_both_languages(OTHER_SKILL_TEXTS),
        *records(OTHER_SKILL_TEXTS),
    ]
    this_skill = f"WHERE {column(Skill, 's', 'code')} = %s"
    nothing = ["NULL"] * (len(skill) + len(level))
    # The skill's row reads the other skills' columns from a join that never matches: all
    # NULL, but typed, as PostgreSQL needs them to be where the first two parts both pad a
    # column (an untyped NULL in both is text, which the records' jsonb can't join).
    return (
        f"{selecting(0, skill + ['NULL'] * len(level) + other)} FROM {table(Skill, 's')} "
        f"JOIN {table(Subcategory, 'sc')} "
        f"ON {column(Subcategory, 'sc', 'id')} = {column(Skill, 's', 'subcategory')} "
        f"JOIN {table(Category, 'c')} "
        f"ON {column(Category, 'c', 'id')} = {column(Subcategory, 'sc', 'category')} "
        f"LEFT JOIN {table(Skill, 'o')} ON 1 = 0 "
        f"{this_skill} "
        f"UNION ALL {selecting(1, ['NULL'] * len(skill) + level + ['NULL'] * len(other))} "
        f"FROM {table(Skill, 's')} "
        f"JOIN {table(SkillLevel, 'l')} "
        f"ON {column(SkillLevel, 'l', 'skill')} = {column(Skill, 's', 'id')} "
        f"JOIN {table(ResponsibilityLevel, 'r')} "
        f"ON {column(ResponsibilityLevel, 'r', 'number')} = {column(SkillLevel, 'l', 'level')} "
        f"{this_skill} "
        f"UNION ALL {selecting(2, nothing + other)} FROM {table(Skill, 's')} "
        f"JOIN {table(Skill, 'o')} "
        f"ON {column(Skill, 'o', 'subcategory')} = {column(Skill, 's', 'subcategory')} "
        f"AND {column(Skill, 'o', 'code')} <> {column(Skill, 's', 'code')} "
        f"{this_skill} "
        f"ORDER BY 1, {_skill_columns() + 1}, {_other_skill_columns() + 1}"
    )
