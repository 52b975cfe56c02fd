"""The framework's reference data (`framework.toml`): the seven levels of responsibility with
their guiding phrases, and the categories and subcategories, named in the site's languages."""

import re
from dataclasses import dataclass

from skills.content.sources.errors import SourceError, SourceErrors
from skills.content.sources.files import line_of, read_toml
from skills.framework.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.text import (
    MAX_EDITION_LENGTH,
    MAX_GUIDING_PHRASE_LENGTH,
    MAX_NAME_LENGTH,
    MAX_SLUG_LENGTH,
)


@dataclass(frozen=True)
class ResponsibilityLevel:
    number: int
    # Language → guiding phrase ("Ensure, advise"); None where not yet translated.
    guiding_phrase: dict


@dataclass(frozen=True)
class Subcategory:
    slug: str
    name: dict


@dataclass(frozen=True)
class Category:
    slug: str
    name: dict
    subcategories: tuple[Subcategory, ...]


@dataclass(frozen=True)
class Framework:
    levels: tuple[ResponsibilityLevel, ...]
    categories: tuple[Category, ...]
    # The edition the sources are ("SFIA 9"); None if framework.toml doesn't say.
    edition: str | None = None

    def level(self, number):
        return next(level for level in self.levels if level.number == number)

    def find_subcategory(self, category_name, subcategory_name):
        """(category, subcategory) by English names; either may be None if unknown."""
        category = next(
            (c for c in self.categories if c.name[SOURCE_LANGUAGE] == category_name), None
        )
        if category is None:
            return None, None
        subcategory = next(
            (s for s in category.subcategories if s.name[SOURCE_LANGUAGE] == subcategory_name), None
        )
        return category, subcategory


def slugify(name):
    """ "Governance, risk and compliance" → "governance-risk-and-compliance"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def read_framework(path):
    try:
        data, text = read_toml(path)
    except SourceError as error:
        raise SourceErrors([error]) from None
    reader = _FrameworkReader(path, text)
    framework = Framework(
        levels=reader.levels(data.get("levels", [])),
        categories=reader.categories(data.get("categories", [])),
        edition=reader.edition(data.get("edition")),
    )
    if unknown := set(data) - {"edition", "levels", "categories"}:
        reader.fail(line_of(text, sorted(unknown)[0]), f"unknown key {sorted(unknown)[0]!r}")
    if reader.errors:
        raise SourceErrors(reader.errors)
    return framework


class _FrameworkReader:
    def __init__(self, path, text):
        self.path = path
        self.text = text
        self.errors = []

    def fail(self, line, message):
        self.errors.append(SourceError(self.path, line, message))

    def edition(self, value):
        if value is not None and (
            not isinstance(value, str) or not 0 < len(value.strip()) <= MAX_EDITION_LENGTH
        ):
            self.fail(
                line_of(self.text, "edition"),
                f"edition must be text of 1–{MAX_EDITION_LENGTH} characters",
            )
            return None
        return value and value.strip()

    def table_lines(self, header):
        """The line of each `[[header]]`, in order."""
        pattern = re.compile(rf"^[ \t]*\[\[[ \t]*{re.escape(header)}[ \t]*\]\]")
        return [n for n, line in enumerate(self.text.split("\n"), 1) if pattern.match(line)]

    def names(self, table, line, extra_keys=(), max_length=MAX_NAME_LENGTH):
        """The language → name mapping of a table; English required, others optional."""
        for key in sorted(set(table) - set(LANGUAGE_CODES) - set(extra_keys)):
            self.fail(line, f"unknown key {key!r} (expected {', '.join(LANGUAGE_CODES)})")
        names = {}
        for language in LANGUAGE_CODES:
            value = table.get(language)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                self.fail(line_of(self.text, language, line), f"{language} must be text")
                value = None
            elif value is not None and len(value) > max_length:
                self.fail(
                    line_of(self.text, language, line),
                    f"{language} is {len(value)} characters long: at most {max_length}",
                )
                value = None
            names[language] = value
        if names[SOURCE_LANGUAGE] is None:
            self.fail(line, "an English name (en = …) is required")
        return names

    def levels(self, tables):
        lines = self.table_lines("levels")
        levels = []
        for table, line in zip(tables, lines, strict=False):
            number = table.get("number")
            if number not in LEVEL_NUMBERS or isinstance(number, bool):
                self.fail(line, f"level number must be 1–7, found {number!r}")
                continue
            names = self.names(table, line, {"number"}, MAX_GUIDING_PHRASE_LENGTH)
            levels.append(ResponsibilityLevel(number, names))
        numbers = sorted(level.number for level in levels)
        if not self.errors and numbers != list(LEVEL_NUMBERS):
            self.fail(
                lines[0] if lines else 1, "the levels of responsibility must be 1–7, once each"
            )
        return tuple(sorted(levels, key=lambda level: level.number))

    def categories(self, tables):
        category_lines = self.table_lines("categories")
        subcategory_lines = iter(self.table_lines("categories.subcategories"))
        categories = []
        for table, line in zip(tables, category_lines, strict=False):
            names = self.names(table, line, {"subcategories"})
            subcategories = tuple(
                Subcategory(slugify(sub_names[SOURCE_LANGUAGE] or ""), sub_names)
                for sub_names in (
                    self.names(sub, next(subcategory_lines, line))
                    for sub in table.get("subcategories", [])
                )
            )
            categories.append(Category(slugify(names[SOURCE_LANGUAGE] or ""), names, subcategories))
            for slug in [categories[-1].slug, *(sub.slug for sub in subcategories)]:
                if len(slug) > MAX_SLUG_LENGTH:
                    self.fail(
                        line,
                        f'the English name makes the address "{slug}", over '
                        f"{MAX_SLUG_LENGTH} characters: shorten it",
                    )
        return tuple(categories)
