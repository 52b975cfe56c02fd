"""The official workbook's layout, declared once for reading and writing it
(../shared/docs/SFIA-SPREADSHEET.md): its sheets, their headers as published, the addresses
in its URL columns, and how its guidance notes hold an introduction and a list."""

import re
from dataclasses import dataclass

from skills.framework.levels import LEVEL_NUMBERS


@dataclass(frozen=True)
class Column:
    header: str  # as published; "" for the unnamed level-mark columns after "Levels"
    key: str  # what it holds: "code", "name", "mark 3", "level 3"…


@dataclass(frozen=True)
class TableLayout:
    """A sheet with a header row and one row per skill or attribute."""

    sheet: str
    columns: tuple[Column, ...]
    url_path: str  # the URL column's addresses: https://sfia-online.org/en/<url_path>/9/CODE

    def letter(self, key):
        return column_letter(next(i for i, c in enumerate(self.columns) if c.key == key))

    @property
    def has_url(self):
        return any(column.key == "url" for column in self.columns)


def column_letter(index):
    """0 → "A", 25 → "Z", 26 → "AA"."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


MARKS = tuple(Column("Levels" if n == 1 else "", f"mark {n}") for n in LEVEL_NUMBERS)
DESCRIPTIONS = tuple(Column(f"Level {n} description", f"level {n}") for n in LEVEL_NUMBERS)
URL = (Column("URL", "url"),)


def _skills(url):
    return TableLayout(
        "Skills",
        (
            Column("#", "number"),
            *MARKS,
            Column("Code", "code"),
            *url,
            Column("Skill", "name"),
            Column("Category", "category"),
            Column("Subcategory", "subcategory"),
            Column("Overall description", "description"),
            Column("Guidance notes", "guidance"),
            *DESCRIPTIONS,
        ),
        "skillcode",
    )


def _attributes(url):
    return TableLayout(
        "Attributes",
        (
            *MARKS,
            Column("Code", "code"),
            *url,
            Column("Attribute name", "name"),
            Column("Type", "type"),
            Column("Overall description", "description"),
            Column("Guidance notes", "guidance"),
            *DESCRIPTIONS,
        ),
        "shortcode",
    )


# SFIA 9's sheets have a URL column after the code; SFIA 8's are the same without it.
SKILLS = _skills(URL)
SKILLS_WITHOUT_URL = _skills(())
ATTRIBUTES = _attributes(URL)
ATTRIBUTES_WITHOUT_URL = _attributes(())
TABLES = {
    "Skills": (SKILLS, SKILLS_WITHOUT_URL),
    "Attributes": (ATTRIBUTES, ATTRIBUTES_WITHOUT_URL),
}
EDITION_WITHOUT_URL = "SFIA 8"

# The Levels sheet is transposed: a row a property, a column a level (B = 1 … H = 7).
LEVELS = "Levels"
LEVEL_ROWS = (
    ("Level", "number"),
    ("Guiding phrase", "guiding_phrase"),
    ("Essence of the level", "essence"),
    ("URL", "url"),
)
LEVELS_URL_PATH = "lor"

SHEETS = ("Skills", "Attributes", LEVELS)
# How a CSV exported from one sheet is recognised: its first header cell.
FIRST_HEADERS = {"#": "Skills", "Levels": "Attributes", "Level": LEVELS}

SITE = "https://sfia-online.org"


def address(url_path, language, edition_number, key):
    """ "https://sfia-online.org/en/skillcode/9/ITSP", as the published workbook has them."""
    return f"{SITE}/{language}/{url_path}/{edition_number}/{key}"


def address_pattern(url_path):
    """The addresses a URL column may hold; group 1 is the edition's number."""
    return re.compile(
        rf"https?://(?:www\.)?sfia-online\.org/[A-Za-z-]+/{url_path}/(\d{{1,3}})/[^/?#\s]+/?"
    )


EDITION = re.compile(r"SFIA (\d{1,3})")


def edition_name(number):
    return f"SFIA {number}"


# The guidance notes' list is introduced by a line ending with a colon ("Activities may
# include, but are not limited to:", "Zu den Aktivitäten gehören unter anderem:"), then a blank
# line, then one item a line without bullet markers.
LEAD_IN_ENDINGS = (":", "\uff1a")


def split_guidance(lines):
    """A guidance notes cell's lines → (introduction, items), each a list of non-empty lines.

    The introduction runs to the lead-in line, the first line ending with a colon that a blank
    line follows (else the first ending with a colon); the items are the lines after it. A cell
    with no such line is all introduction (prose, no list), as the source texts read it.
    """
    lead_ins = [i for i, line in enumerate(lines) if line.endswith(LEAD_IN_ENDINGS)]
    followed_by_blank = [i for i in lead_ins if i + 1 < len(lines) and not lines[i + 1]]
    split = (followed_by_blank or lead_ins or [len(lines)])[0] + 1
    return [line for line in lines[:split] if line], [line for line in lines[split:] if line]


def join_guidance(intro, items):
    """The cell's text, as the workbook lays it out: introduction, a blank line, the items."""
    return "\n".join([*intro, *([""] if intro and items else []), *items])


def header_row(layout):
    return [column.header or None for column in layout.columns]


def table_row(layout, values):
    """A row of `layout`'s sheet from {key: value} ("code", "mark 3"…); the rest empty."""
    return [values.get(column.key) for column in layout.columns]


def levels_rows(values):
    """The Levels sheet's rows from {key: {level number: value}} ("guiding_phrase"…)."""
    return [
        [header, *(values.get(key, {}).get(number) for number in LEVEL_NUMBERS)]
        for header, key in LEVEL_ROWS
    ]
