"""How each language lays out a skill's page: the table that drives `parser.parse_text`.

Every layout has the same sections in the same order (title, description, guidance notes,
the notes on undefined levels and on developing the skill, the defined-levels list, then the
levels); what differs is the wording of headings, level headings and page chrome. Nothing
here may depend on one skill's words: names, codes, levels and bullets are matched by shape.
"""

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass


class Section(enum.IntEnum):
    """The sections of a page, in the order they must appear."""

    START = 0
    DESCRIPTION = 1
    GUIDANCE = 2
    RESPONSIBILITY_NOTES = 3
    DEVELOPMENT_NOTES = 4
    LEVELS = 5
    LEVEL = 6

    @property
    def label(self):
        return self.name.lower().replace("_", " ")


@dataclass(frozen=True)
class Layout:
    language: str
    # Whether the page opens with a "Name CODE" line (all but English).
    has_title: bool
    # Heading line (without a trailing colon) → the section it opens.
    headings: Mapping[str, Section]
    # A level's heading; groups `number` and, for English, the run-together `phrase`.
    level_heading: re.Pattern
    # The "defined at these levels" line; group `levels`.
    defined_levels: re.Pattern
    # Whether the page lists its defined levels; without the list, the levels that have text
    # are the defined ones (English), with it, the others carry "not observed" notes.
    lists_defined_levels: bool = True
    # Page controls and widgets, never content.
    chrome: tuple[re.Pattern, ...] = ()


# "2 3 4", "2 | 3 | 4 |": numbers separated by spaces or bars.
_LEVEL_LIST = r"(?P<levels>\d+(?:[ \t]*\|?[ \t]*\d+)*[ \t]*\|?)"

# "Service-Level-Management: Ebene 5", "المستوى1": an optional skill name, then the word.


def _level_heading(word):
    return re.compile(rf"(?:(?P<name>.+?):[ \t]*)?{word}[ \t]*(?P<number>\d+)")


# A list item: "- text" (English, Russian, Arabic) or "  • text" (German).
BULLET = re.compile(r"[ \t]*[-•][ \t]+(?P<text>.*\S.*)")

# "Name CODE" on the first line of a translated page.
TITLE = re.compile(r"(?P<name>.*\S)[ \t]+(?P<code>[A-Z][A-Z0-9]{1,7})")

LAYOUTS = {
    "en": Layout(
        language="en",
        has_title=False,
        lists_defined_levels=False,
        headings={
            "Skill description": Section.DESCRIPTION,
            "Guidance notes": Section.GUIDANCE,
            "Understanding the levels of responsibility for this skill": (
                Section.RESPONSIBILITY_NOTES
            ),
            "Developing skills and demonstrating responsibilities related to this skill": (
                Section.DEVELOPMENT_NOTES
            ),
            "Levels of responsibility for this skill": Section.LEVELS,
        },
        # "Level 5Ensure, advise": the guiding phrase runs straight on from the number. A line
        # such as "Level 3 support is…" (a space after the number) stays content.
        level_heading=re.compile(r"Level[ \t]?(?P<number>\d+)(?P<phrase>[^\d \t].*)?"),
        defined_levels=re.compile(_LEVEL_LIST),
        chrome=(
            re.compile(r"The global skills and competency framework for a digital world"),
            re.compile(r"No notes added yet\."),
            re.compile(r"Comments"),
            re.compile(r"\d+ comments?"),
            re.compile(r"Please sign in to leave a comment\."),
        ),
    ),
    "de": Layout(
        language="de",
        has_title=True,
        headings={"Leitfaden": Section.GUIDANCE, "Ebenen": Section.LEVELS},
        level_heading=_level_heading("Ebene"),
        defined_levels=re.compile(r"Definiert auf diesen Ebenen:[ \t]*" + _LEVEL_LIST),
        chrome=(re.compile(r"Der globale Kompetenz- und Kompetenzrahmen für eine digitale Welt"),),
    ),
    "ru": Layout(
        language="ru",
        has_title=True,
        headings={
            "Методические рекомендации": Section.GUIDANCE,
            "Уровни ответственности за этот навык": Section.LEVELS,
        },
        level_heading=_level_heading("Уровень"),
        defined_levels=re.compile(_LEVEL_LIST),
    ),
    "it": Layout(
        language="it",
        has_title=True,
        headings={
            "Note di orientamento": Section.GUIDANCE,
            "Livelli di responsabilità per questa abilità": Section.LEVELS,
        },
        level_heading=_level_heading("Livello"),
        defined_levels=re.compile(_LEVEL_LIST),
        chrome=(
            re.compile(r"Le competenze globali e il quadro delle competenze per un mondo digitale"),
        ),
    ),
    "ar": Layout(
        language="ar",
        has_title=True,
        headings={
            "ملاحظات إرشادية": Section.GUIDANCE,
            "فهم مستويات المسؤولية لهذه المهارة": Section.RESPONSIBILITY_NOTES,
            "تطوير المهارات وإظهار المسؤوليات المتعلقة بهذه المهارة": Section.DEVELOPMENT_NOTES,
            "مستويات المسؤولية عن هذه المهارة": Section.LEVELS,
        },
        level_heading=_level_heading("المستوى"),
        defined_levels=re.compile(_LEVEL_LIST),
        chrome=(
            # A link ("click to learn why SFIA skills are not defined at all 7 levels")…
            re.compile(r"انقر لمعرفة سبب عدم تعريف مهارات SFIA على جميع المستويات ال[ \t]*\d+\.?"),
            # …and a show/hide toggle.
            re.compile(r"إظهار/إخفاء الأوصاف والمستويات الإضافية\.?"),
        ),
    ),
}

# The languages a skill's source text may be written in: those with a layout.
LANGUAGES = tuple(LAYOUTS)
