"""The framework as a table for spreadsheets, the Downloads page's CSV: one row for each skill at
each level it is defined at, read from the API's documents, headed in the file's language.

In one language, English stands in where a text has no translation, and the last column names
those texts; for all languages, each text is a column in each language, empty where missing.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django.utils.translation import gettext, gettext_noop, override

from skills.framework.csv_files import csv_bytes
from skills.framework.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from skills.opendata import documents
from skills.opendata.documents import ALL, FALLBACK_FIELDS, Shape


class SkillAtLevel(NamedTuple):
    """A row's documents: the skill, its level, and that level of responsibility."""

    skill: dict
    level: dict
    responsibility: dict


@dataclass(frozen=True)
class Value:
    """A column that is the same in every language: a code, a number, an address."""

    heading: str  # a message, translated in the file's language
    read: Callable[[SkillAtLevel], object]

    def headings(self, shape):
        return [gettext(self.heading)]

    def cells(self, shape, row):
        return [self.read(row)]


@dataclass(frozen=True)
class Text:
    """A translated text: `field` of the document `of` picks from the row; for all
    languages, a column for each."""

    heading: str
    field: str
    of: Callable[[SkillAtLevel], dict]

    def headings(self, shape):
        heading = gettext(self.heading)
        if shape.language == ALL:
            return [f"{heading} ({code})" for code in LANGUAGE_CODES]
        return [heading]

    def cells(self, shape, row):
        text = self.of(row)[self.field]
        if shape.language == ALL:
            return [text[code] for code in LANGUAGE_CODES]
        return [text]

    def in_english(self, row):
        return self.field in self.of(row)[FALLBACK_FIELDS]


COLUMNS = (
    Value(gettext_noop("Code"), lambda row: row.skill["code"].upper()),
    Text(gettext_noop("Skill"), "name", lambda row: row.skill),
    Text(gettext_noop("Category"), "name", lambda row: row.skill["category"]),
    Text(gettext_noop("Subcategory"), "name", lambda row: row.skill["subcategory"]),
    Value(gettext_noop("Level"), lambda row: row.level["level"]),
    Text(gettext_noop("Guiding phrase"), "guiding_phrase", lambda row: row.responsibility),
    Text(gettext_noop("Description at this level"), "description", lambda row: row.level),
    # The page in the file's language; for all languages, the address that takes each reader
    # to their own.
    Value(gettext_noop("Page address"), lambda row: row.level["url"]),
)
TEXTS = [column for column in COLUMNS if isinstance(column, Text)]
# In one language's file: the headings of the row's texts given in English, for want of a
# translation.
IN_ENGLISH = gettext_noop("In English, not yet translated")


def skills_at_levels(shape):
    """Every skill at each level it is defined at, in framework order."""
    responsibilities = {level["number"]: level for level in documents.level_summaries(shape)}
    return [
        SkillAtLevel(skill, level, responsibilities[level["level"]])
        for skill in documents.skill_details(shape)
        for level in skill["levels"]
        if level["defined"]
    ]


def table(shape):
    """The rows, headings first, in the shape's language (headings in English for all)."""
    one_language = shape.language != ALL
    with override(shape.language if one_language else SOURCE_LANGUAGE):
        headings = [heading for column in COLUMNS for heading in column.headings(shape)]
        rows = [headings + [gettext(IN_ENGLISH)] if one_language else headings]
        for row in skills_at_levels(shape):
            cells = [cell for column in COLUMNS for cell in column.cells(shape, row)]
            if one_language:
                in_english = [gettext(text.heading) for text in TEXTS if text.in_english(row)]
                cells.append("; ".join(in_english))
            rows.append(cells)
    return rows


def csv_file(language, base):
    """The table as CSV (csv_files: UTF-8 with a byte order mark, no cell a spreadsheet would
    run), links starting with `base`."""
    return csv_bytes(table(Shape(language, base)))
