"""Two languages side by side (issue 18): a skill's, an attribute's or a level's texts in the
page's language and in another, paired row by row, for a translator or a bilingual reader to
read one against the other.

A text is one row, or a row a line (a paragraph, a list's item) where both languages have the
same number of lines, so that each sentence stands beside its translation. A language with no
text of its own gets an empty cell: the English never stands in here, as it does on the other
pages, since the point is to see what each language has.
"""

from dataclasses import dataclass

from django.utils.translation import gettext

from skills.framework.languages import BY_CODE, direction
from skills.reader.templating.levels import level_heading
from skills.reader.text import Translated, translated


@dataclass(frozen=True)
class Cell:
    """One language's part of a row: a text.Block, or None where the language has no text."""

    language: str
    block: object


@dataclass(frozen=True)
class ComparedText:
    """A text in both languages, under a heading in the page's language: its rows of two
    Cells, the page's language first."""

    heading: str
    rows: tuple


@dataclass(frozen=True)
class SideBySide:
    """The page's language and the one it is compared with, and the texts set side by side."""

    languages: tuple
    texts: tuple

    @property
    def columns(self):
        """Each language's column heading: (code, direction, its name in itself)."""
        return [(code, direction(code), BY_CODE[code].own_name) for code in self.languages]

    @property
    def names(self):
        """{code: the language's name in itself}."""
        return {code: BY_CODE[code].own_name for code in self.languages}


def compared(languages, heading, first, second, as_list=False):
    """A ComparedText of two text.Translated (each read in its language); None where neither
    language has a text. English standing in for a missing translation counts as no text."""
    # Unmarked: a note on a text's state would be in the page's language inside a cell of
    # the other (the pages of each language carry those notes).
    own = [
        Translated(text.text, fallback=False) if text and not text.fallback else None
        for text in (first, second)
    ]
    if not any(own):
        return None
    lines = [text.lines(as_list) if text else None for text in own]
    if all(lines) and len(lines[0]) == len(lines[1]):
        rows = tuple(
            (Cell(languages[0], one), Cell(languages[1], other))
            for one, other in zip(*lines, strict=True)
        )
    else:
        blocks = [text and (text.items if as_list else text.paragraphs) for text in own]
        rows = ((Cell(languages[0], blocks[0]), Cell(languages[1], blocks[1])),)
    return ComparedText(heading, rows)


def side_by_side(languages, texts):
    """A SideBySide of `texts`, (heading, first, second[, as_list]) each, those neither
    language has left out; texts one after another under one heading (the guidance notes'
    introduction and list) are one, their rows in turn."""
    merged = []
    for text in filter(None, (compared(languages, *text) for text in texts)):
        if merged and merged[-1].heading == text.heading:
            text = ComparedText(text.heading, merged.pop().rows + text.rows)
        merged.append(text)
    return SideBySide(tuple(languages), tuple(merged))


def in_both(languages, obj, field):
    """A model's translated field read in each of `languages`, as text.Translated."""
    return [translated(obj, field, language) for language in languages]


def skill_side_by_side(skill, other):
    """A skill read in two languages (skill_page.SkillPage), side by side."""
    guidance = gettext("Guidance notes")
    texts = [
        (gettext("Name"), skill.name, other.name),
        (gettext("Description"), skill.description, other.description),
        (guidance, skill.guidance_intro, other.guidance_intro),
        (guidance, skill.guidance_notes, other.guidance_notes, True),
        (
            gettext("Understanding the levels of responsibility for this skill"),
            skill.responsibility_notes,
            other.responsibility_notes,
        ),
        (
            gettext("Developing skills and demonstrating responsibilities for this skill"),
            skill.development_notes,
            other.development_notes,
        ),
        *(
            (level_heading(level), level.description, other_level.description)
            for level, other_level in zip(skill.levels, other.levels, strict=True)
        ),
    ]
    return side_by_side((skill.language, other.language), texts)


def attribute_side_by_side(attribute, attribute_levels, languages):
    """A generic attribute and its descriptions at each level, in both `languages`."""
    guidance = gettext("Guidance notes")
    texts = [
        (gettext("Name"), *in_both(languages, attribute, "name")),
        (gettext("Description"), *in_both(languages, attribute, "description")),
        (guidance, *in_both(languages, attribute, "guidance_intro")),
        (guidance, *in_both(languages, attribute, "guidance_notes"), True),
        *(
            (
                level_heading(attribute_level.level),
                *in_both(languages, attribute_level, "description"),
            )
            for attribute_level in attribute_levels
        ),
    ]
    return side_by_side(languages, texts)


def level_side_by_side(level, attribute_levels, languages):
    """A level of responsibility and each attribute's description at it, in both `languages`."""
    texts = [
        (gettext("Guiding phrase"), *in_both(languages, level, "guiding_phrase")),
        (gettext("Essence of the level"), *in_both(languages, level, "essence")),
        *(
            (
                translated(attribute_level.attribute, "name", languages[0]).inline,
                *in_both(languages, attribute_level, "description"),
            )
            for attribute_level in attribute_levels
        ),
    ]
    return side_by_side(languages, texts)
