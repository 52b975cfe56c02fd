"""Translated texts as a reader sees them, and a skill's page read in one query.

A `Translated` text is the page language's own, or the English source standing in for a
missing translation; it renders itself, marking English with `lang="en"` and a note. The skill
and skill-at-a-level pages are the site's busiest, so they are read with hand-written SQL for
just the page language's and English columns: the ORM's compiling and model building cost
several times what the query does (docs/performance.md). Other pages use the models.
"""

import functools
import itertools
import operator
from dataclasses import dataclass

from django.db import connection
from django.template import engines
from django.utils.html import escape, format_html
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname

from .links import remembered_reverse
from .models import Category, ResponsibilityLevel, Skill, SkillLevel, Subcategory
from .roles import SOURCE_LANGUAGE


@dataclass(frozen=True)
class Translated:
    text: str
    # True where the page's language has no text and the English source stands in for it.
    fallback: bool

    @classmethod
    def choose(cls, own, source, language):
        """The page language's text, or else the English source (marked, unless the page is
        English)."""
        if own:
            return cls(own, fallback=False)
        return cls(source or "", fallback=bool(source) and language != SOURCE_LANGUAGE)

    def __bool__(self):
        return bool(self.text)

    @property
    def inline(self):
        """As HTML inside a heading or a link."""
        if self.fallback:
            return format_html(
                '<span class="fallback" lang="en" dir="ltr">{}</span> '
                '<span class="fallback-note">{}</span>',
                escape(self.text),
                gettext("(not yet translated)"),
            )
        return escape(self.text)

    @property
    def paragraphs(self):
        """One paragraph a line; lines starting with "- " make a list."""
        return self._block(as_list=False)

    @property
    def items(self):
        """Every line a list item."""
        return self._block(as_list=True)

    def _block(self, as_list):
        return Block(_paragraphs(self.text, as_list), self.fallback)


@dataclass(frozen=True)
class Block:
    """A text as paragraphs, each a (line, None) or a list's (None, items), marked where
    English stands in. It renders itself (`{{ text.paragraphs }}`); texts shown one after
    another are rendered `together`."""

    paragraphs: tuple
    fallback: bool

    def __html__(self):
        return _text_html([("", self.fallback, self.paragraphs)] if self.paragraphs else [])

    __str__ = __html__


def together(*blocks):
    """Blocks shown one after another in one section, as HTML: each run of English standing in
    is one element marked `lang="en"` under one note, so the reader is told once."""
    shown = (block for block in blocks if block.paragraphs)
    runs = [
        ("\n" if index else "", fallback, [part for block in run for part in block.paragraphs])
        for index, (fallback, run) in enumerate(
            itertools.groupby(shown, key=operator.attrgetter("fallback"))
        )
    ]
    return _text_html(runs)


def _text_html(runs):
    """Runs of paragraphs as HTML, from the template (includes/_text.html), which escapes every
    line: (separator, fallback, paragraphs) each."""
    return engines["jinja2"].env.get_template("includes/_text.html").module.text(runs)


def _paragraphs(text, as_list):
    """Lines → paragraphs: a line, or the items of a list, which each run of lines starting
    with "- " makes (every line is an item, `as_list`)."""
    paragraphs, items = [], None
    for line in text.split("\n") if text else ():
        if as_list or line.startswith("- "):
            if items is None:
                items = []
                paragraphs.append((None, items))
            items.append(line if as_list else line[2:])
        else:
            items = None
            paragraphs.append((line, None))
    return tuple(paragraphs)


def translated(obj, field, language):
    """`obj`'s `field` in `language`, or the English source standing in."""
    return Translated.choose(
        getattr(obj, build_localized_fieldname(field, language), None),
        getattr(obj, build_localized_fieldname(field, SOURCE_LANGUAGE), None),
        language,
    )


@dataclass(frozen=True)
class LevelOfSkill:
    """A skill at one level of responsibility, as its pages show it."""

    code: str
    number: int
    defined: bool
    guiding_phrase: Translated
    description: Translated
    # The language it was read in, which its links keep to.
    language: str

    def get_absolute_url(self):
        return remembered_reverse(
            "skills:skill_level",
            kwargs={"code": self.code, "level": self.number},
            language=self.language,
        )


@dataclass(frozen=True)
class SkillPage:
    """A skill with its category, subcategory and levels, as its pages show it."""

    code: str
    name: Translated
    category: Translated
    subcategory: Translated
    description: Translated
    guidance_intro: Translated
    guidance_notes: Translated
    responsibility_notes: Translated
    development_notes: Translated
    levels: list
    language: str

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


def read_skill_page(code, language):
    """The skill with this (upper-case) code and its levels, in `language`, in one query;
    None if there is no such skill."""
    with connection.cursor() as cursor:
        cursor.execute(_skill_page_sql(connection.vendor, language), [code, code])
        rows = cursor.fetchall()
    if not rows:
        return None
    # The skill's row, then a row for each level, each padded with the other's columns; each
    # text comes as two columns, the page language's then English.
    skill_code, *texts = rows[0][1:SKILL_COLUMNS]
    texts = iter(texts)
    fields = {
        name: Translated.choose(own, source, language)
        for (name, *_), own, source in zip(SKILL_TEXTS, texts, texts, strict=True)
    }
    levels = [
        LevelOfSkill(
            code=skill_code,
            number=number,
            defined=bool(defined),
            description=Translated.choose(text, text_en, language),
            guiding_phrase=Translated.choose(phrase, phrase_en, language),
            language=language,
        )
        for number, defined, text, text_en, phrase, phrase_en in (
            row[SKILL_COLUMNS:] for row in rows[1:]
        )
    ]
    return SkillPage(code=skill_code, levels=levels, language=language, **fields)


# The texts a skill page shows, as (SkillPage attribute, model, table alias, field), then each
# level's; every one is read in the page's language and in English.
SKILL_TEXTS = (
    ("name", Skill, "s", "name"),
    ("description", Skill, "s", "description"),
    ("guidance_intro", Skill, "s", "guidance_intro"),
    ("guidance_notes", Skill, "s", "guidance_notes"),
    ("responsibility_notes", Skill, "s", "responsibility_notes"),
    ("development_notes", Skill, "s", "development_notes"),
    ("subcategory", Subcategory, "sc", "name"),
    ("category", Category, "c", "name"),
)
LEVEL_TEXTS = (
    ("description", SkillLevel, "l", "description"),
    ("guiding_phrase", ResponsibilityLevel, "r", "guiding_phrase"),
)


# Where a row's level columns start: after the part (0 for the skill, 1 for a level), the code
# and the skill's texts.
SKILL_COLUMNS = 2 + 2 * len(SKILL_TEXTS)


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

    def selecting(part, columns):
        return f"SELECT {part}, {', '.join(columns)}"

    skill = [column(Skill, "s", "code"), *in_both_languages(SKILL_TEXTS)]
    level = [
        column(SkillLevel, "l", "level"),
        column(SkillLevel, "l", "defined"),
        *in_both_languages(LEVEL_TEXTS),
    ]
    this_skill = f"WHERE {column(Skill, 's', 'code')} = %s"
    return (
        f"{selecting(0, skill + ['NULL'] * len(level))} FROM {table(Skill, 's')} "
        f"JOIN {table(Subcategory, 'sc')} "
        f"ON {column(Subcategory, 'sc', 'id')} = {column(Skill, 's', 'subcategory')} "
        f"JOIN {table(Category, 'c')} "
        f"ON {column(Category, 'c', 'id')} = {column(Subcategory, 'sc', 'category')} "
        f"{this_skill} "
        f"UNION ALL {selecting(1, ['NULL'] * len(skill) + level)} FROM {table(Skill, 's')} "
        f"JOIN {table(SkillLevel, 'l')} "
        f"ON {column(SkillLevel, 'l', 'skill')} = {column(Skill, 's', 'id')} "
        f"JOIN {table(ResponsibilityLevel, 'r')} "
        f"ON {column(ResponsibilityLevel, 'r', 'number')} = {column(SkillLevel, 'l', 'level')} "
        f"{this_skill} "
        f"ORDER BY 1, {SKILL_COLUMNS + 1}"
    )
