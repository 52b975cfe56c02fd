"""One language's text of a skill → `SkillText`, driven by the layout table.

Content lines are kept exactly as written (only spaces and tabs at their ends go); headings,
the defined-levels list, list markers and page chrome are structure and become data or go.
"""

import re
from dataclasses import dataclass, field

from skills.content.sources.errors import SourceError
from skills.content.sources.layouts import BULLET, LAYOUTS, TITLE, Section
from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.text import (
    MAX_NAME_LENGTH,
    MAX_NOTES_LENGTH,
    MAX_TEXT_LENGTH,
    character_problem,
)

# Bidi and byte-order marks a copied heading may carry; ignored when recognising structure,
# kept in content.
_FORMAT_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u2066\u2067\u2068\u2069\ufeff"


# The sections whose text is notes, and may be as long as notes (the rest: MAX_TEXT_LENGTH).
NOTES = (Section.GUIDANCE, Section.RESPONSIBILITY_NOTES, Section.DEVELOPMENT_NOTES)


@dataclass(frozen=True)
class Level:
    number: int
    heading_line: int
    lines: tuple[str, ...]
    # The guiding phrase printed in the heading (English: "Level 5Ensure, advise").
    guiding_phrase: str | None = None


@dataclass(frozen=True)
class SkillText:
    language: str
    name: str | None = None
    code: str | None = None
    title_line: int | None = None
    description: tuple[str, ...] = ()
    guidance_intro: tuple[str, ...] = ()
    guidance_items: tuple[str, ...] = ()
    responsibility_notes: tuple[str, ...] = ()
    development_notes: tuple[str, ...] = ()
    # The page's own "defined at these levels" list, where it has one.
    listed_levels: frozenset[int] | None = None
    listed_levels_line: int | None = None
    levels: tuple[Level, ...] = ()

    @property
    def defined_levels(self):
        """The listed levels, or where a page has no list, the levels that have text."""
        if self.listed_levels is not None:
            return self.listed_levels
        return frozenset(level.number for level in self.levels if level.lines)

    def level(self, number):
        return next((level for level in self.levels if level.number == number), None)


def parse_text(text, language, path="<text>"):
    """Parse `text`, laid out as `language`'s pages are; raise `SourceError` if it can't."""
    return _Parser(language, path).parse(text)


@dataclass
class _LevelDraft:
    number: int
    heading_line: int
    guiding_phrase: str | None
    lines: list[str] = field(default_factory=list)


class _Parser:
    def __init__(self, language, path):
        self.layout = LAYOUTS[language]
        self.path = path
        self.section = Section.START
        self.section_line = 0
        self.fields = {
            "description": [],
            "guidance_intro": [],
            "guidance_items": [],
            "responsibility_notes": [],
            "development_notes": [],
        }
        self.title = None
        self.listed = None
        self.levels = {}
        self.lengths = {}  # a text's characters so far, by its field (or level)

    def error(self, line, message):
        return SourceError(self.path, line, message)

    def parse(self, text):
        lines = [
            (number, raw.rstrip("\r").strip(" \t"))
            for number, raw in enumerate(text.split("\n"), start=1)
        ]
        for number, line in lines:
            if problem := character_problem(line):
                raise self.error(number, problem)
        content = [(number, line) for number, line in lines if line]
        if not content:
            raise self.error(1, "the file is empty")
        for number, line in content:
            self.read_line(number, line)
        return self.result()

    def read_line(self, number, line):
        shape = line.strip(_FORMAT_MARKS + " \t")
        if any(pattern.fullmatch(shape) for pattern in self.layout.chrome):
            return
        if self.layout.has_title and self.title is None:
            self.read_title(number, shape)
            return
        section = self.layout.headings.get(shape.rstrip(":").rstrip())
        if section is not None:
            self.enter(section, number, shape)
            return
        heading = self.layout.level_heading.fullmatch(shape)
        if heading:
            self.enter_level(number, heading)
            return
        self.read_content(number, line, shape)

    def read_title(self, number, shape):
        title = TITLE.fullmatch(shape)
        if not title:
            # Not quoted: a file that fails here may be no source text at all.
            raise self.error(
                number,
                "expected the skill's name and code (such as \"Service level management "
                'SLMO") on the first line',
            )
        if len(title["name"]) > MAX_NAME_LENGTH:
            raise self.error(
                number,
                f"the skill's name is {len(title['name'])} characters long: at most "
                f"{MAX_NAME_LENGTH}",
            )
        self.title = (title["name"], title["code"], number)
        self.section, self.section_line = Section.DESCRIPTION, number

    def enter(self, section, number, heading):
        if section <= self.section:
            raise self.error(
                number,
                f'the heading "{heading}" is out of place: it comes after the '
                f"{self.section.label} (line {self.section_line})",
            )
        self.section, self.section_line = section, number

    def enter_level(self, number, heading):
        level = int(heading["number"])
        if level not in LEVEL_NUMBERS:
            raise self.error(number, f"level {level} is outside 1–7")
        if level in self.levels:
            first = self.levels[level].heading_line
            raise self.error(number, f"level {level} appears twice (first on line {first})")
        if self.section < Section.DESCRIPTION:
            raise self.error(number, f"level {level} comes before the skill description")
        if self.layout.lists_defined_levels and self.listed is None:
            raise self.error(
                number,
                f"level {level} comes before the list of defined levels (such as "
                '"2 | 3 | 4 | 5"), which this language\'s pages must have',
            )
        phrase = heading.groupdict().get("phrase")
        self.levels[level] = _LevelDraft(level, number, phrase.strip() if phrase else None)
        self.section, self.section_line = Section.LEVEL, number
        self.current_level = self.levels[level]

    def read_content(self, number, line, shape):
        self.count(number, line)
        match self.section:
            case Section.START:
                raise self.error(
                    number, f'this text cannot be placed: it comes before any heading: "{shape}"'
                )
            case Section.DESCRIPTION:
                self.fields["description"].append(line)
            case Section.GUIDANCE:
                self.read_guidance(number, line, shape)
            case Section.RESPONSIBILITY_NOTES | Section.DEVELOPMENT_NOTES:
                bullet = BULLET.fullmatch(line)
                kept = f"- {bullet['text']}" if bullet else line
                self.fields[self.section.name.lower()].append(kept)
            case Section.LEVELS:
                self.read_level_list(number, shape)
            case Section.LEVEL:
                self.current_level.lines.append(line)

    def count(self, number, line):
        """Refuses the line that makes its section's text longer than that kind of text may
        be (skills/framework/text.py), as the admin and the workbook would."""
        if self.section in (Section.START, Section.LEVELS):
            return
        key = self.current_level.number if self.section == Section.LEVEL else self.section
        length = self.lengths.get(key, -1) + len(line) + 1
        self.lengths[key] = length
        limit = MAX_NOTES_LENGTH if self.section in NOTES else MAX_TEXT_LENGTH
        if length > limit:
            what = f"level {key}'s text" if self.section == Section.LEVEL else self.section.label
            raise self.error(
                number, f"the {what} is longer than {limit} characters from this line on"
            )

    def read_guidance(self, number, line, shape):
        bullet = BULLET.fullmatch(line)
        if bullet:
            self.fields["guidance_items"].append(bullet["text"])
        elif self.fields["guidance_items"]:
            raise self.error(
                number,
                "this text cannot be placed: it follows the guidance notes' list but is not a "
                f'list item (those start with "- " or "•"): "{shape}"',
            )
        else:
            self.fields["guidance_intro"].append(line)

    def read_level_list(self, number, shape):
        listed = self.layout.defined_levels.fullmatch(shape)
        if self.listed is not None or not listed:
            raise self.error(
                number,
                "this text cannot be placed: expected the list of defined levels after the "
                f'heading on line {self.section_line}, found "{shape}"',
            )
        numbers = [int(digits) for digits in re.findall(r"\d+", listed["levels"])]
        for level in numbers:
            if level not in LEVEL_NUMBERS:
                raise self.error(number, f"defined level {level} is outside 1–7")
        if len(set(numbers)) != len(numbers):
            raise self.error(number, "a defined level is listed twice")
        self.listed = (frozenset(numbers), number)

    def result(self):
        if self.listed is not None:
            listed, listed_line = self.listed
            for level in sorted(listed):
                draft = self.levels.get(level)
                if draft is None or not draft.lines:
                    raise self.error(
                        draft.heading_line if draft else listed_line,
                        f"level {level} is listed as defined (line {listed_line}) but has no text",
                    )
        name, code, title_line = self.title or (None, None, None)
        return SkillText(
            language=self.layout.language,
            name=name,
            code=code,
            title_line=title_line,
            **{key: tuple(lines) for key, lines in self.fields.items()},
            listed_levels=self.listed[0] if self.listed else None,
            listed_levels_line=self.listed[1] if self.listed else None,
            levels=tuple(
                Level(draft.number, draft.heading_line, tuple(draft.lines), draft.guiding_phrase)
                for _, draft in sorted(self.levels.items())
            ),
        )
