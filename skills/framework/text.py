"""The one text policy, for every way text comes in (the admin, the exchange files, the
workbook, the source texts, a profile's title, a search, the API's paths): what a text may not
contain, and how long each kind of text may be.

Refused: control characters, C0 (but the tab) and C1 (U+0080 to U+009F: NEXT LINE, CONTROL
SEQUENCE INTRODUCER…), which the database refuses (NUL), a terminal obeys or XML can't carry;
code points that are not characters: noncharacters (U+FFFE, U+FFFF, U+FDD0 to U+FDEF and the
last two of every plane), which break the xlsx and Word files, and lone surrogates, which no
UTF-8 can carry; and explicit bidi controls left open, which would reorder the text around
them on every page (display spoofing). Bidi marks (LRM, RLM, ALM), which real Arabic text
uses, are fine: they reorder nothing beyond themselves."""

import unicodedata
from dataclasses import dataclass

# How long each kind of text may be, in characters, all in this one place (models.py declares
# its fields with these, so the admin's forms, the exchange files, the workbook and the source
# texts all refuse a longer one; what comes in by an address is cut to its length). SFIA's
# longest texts are a tenth of these; the search index's limit (1 MB of a tsvector in
# PostgreSQL) is far above them, and a page stays a page.
MAX_NAME_LENGTH = 200  # a skill's, an attribute's, a category's…; a glossary term
MAX_GUIDING_PHRASE_LENGTH = 100
MAX_TEXT_LENGTH = 10_000  # a description, a level's text, an essence, the words to avoid
MAX_NOTES_LENGTH = 30_000  # guidance notes (their introduction, their list), other notes
MAX_EDITION_LENGTH = 40  # "SFIA 9"
MAX_SLUG_LENGTH = 50  # a category's address, made from its English name
MAX_PROFILE_TITLE_LENGTH = 120  # a role profile's title, from its address (cut, and said)
MAX_SEARCH_QUERY_LENGTH = 200  # a search, from its address (cut, and said)
# A skill's or attribute's code, in any case ("SLMO", "slmo"); a category's slug.
CODE_PATTERN = "[A-Za-z][A-Za-z0-9]{1,7}"
SLUG_PATTERN = f"[A-Za-z0-9-]{{1,{MAX_SLUG_LENGTH}}}"

_OPENERS = {
    "\u202a": "embedding",  # LEFT-TO-RIGHT EMBEDDING
    "\u202b": "embedding",  # RIGHT-TO-LEFT EMBEDDING
    "\u202d": "embedding",  # LEFT-TO-RIGHT OVERRIDE
    "\u202e": "embedding",  # RIGHT-TO-LEFT OVERRIDE
    "\u2066": "isolate",  # LEFT-TO-RIGHT ISOLATE
    "\u2067": "isolate",  # RIGHT-TO-LEFT ISOLATE
    "\u2068": "isolate",  # FIRST STRONG ISOLATE
}
_CLOSERS = {"\u202c": "embedding", "\u2069": "isolate"}  # POP DIRECTIONAL FORMATTING / ISOLATE


def named(character):
    """ "U+202E RIGHT-TO-LEFT OVERRIDE"; "U+0000" for a control character, which has no name."""
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X} {name}".rstrip()


def is_control(character):
    """A C0 control but the tab, DEL, or a C1 control."""
    return (character < " " and character != "\t") or "\x7f" <= character <= "\x9f"


def is_not_a_character(character):
    """A noncharacter (Unicode's 66, U+FDD0..U+FDEF and U+xxFFFE, U+xxFFFF of every plane) or a
    lone surrogate (a Python string carries one where bytes were not UTF-8)."""
    code = ord(character)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE or 0xD800 <= code <= 0xDFFF


def is_refused(character):
    """Whether the policy refuses `character` wherever it is (bidi controls depend on their
    line: find_character_problem)."""
    return is_control(character) or is_not_a_character(character)


@dataclass(frozen=True)
class CharacterProblem:
    # "control", "not a character" (a noncharacter or a lone surrogate), "not open" (a closer
    # with no opener), "left open"
    kind: str
    column: int
    character: str

    def describe(self):
        """In English, for the sources' errors; the admin words it in the editor's language."""
        if self.kind == "control":
            return f"has a control character ({named(self.character)}) at column {self.column}"
        if self.kind == "not a character":
            return (
                f"has {named(self.character)}, which is not a character (a noncharacter or a "
                f"lone surrogate), at column {self.column}"
            )
        if self.kind == "not open":
            what = _CLOSERS[self.character]
            return (
                f"closes a bidi {what} that is not open ({named(self.character)}) at column "
                f"{self.column}"
            )
        return (
            f"leaves a bidi control open ({named(self.character)} at column {self.column}): "
            "each embedding, override or isolate must be closed on its line"
        )


def find_character_problem(line):
    """The first thing wrong with one line's characters (a CharacterProblem), or None."""
    open_controls = []
    for column, character in enumerate(line, start=1):
        if is_control(character):
            return CharacterProblem("control", column, character)
        if is_not_a_character(character):
            return CharacterProblem("not a character", column, character)
        if character in _OPENERS:
            open_controls.append((column, character))
        elif character in _CLOSERS:
            kind = _CLOSERS[character]
            # A PDI also closes the embeddings opened inside its isolate (UAX #9).
            while kind == "isolate" and open_controls and _OPENERS[open_controls[-1][1]] != kind:
                open_controls.pop()
            if not open_controls or _OPENERS[open_controls[-1][1]] != kind:
                return CharacterProblem("not open", column, character)
            open_controls.pop()
    if open_controls:
        return CharacterProblem("left open", *open_controls[0])
    return None


def character_problem(line):
    """What is wrong with one line's characters, in English, or None: "has a control character
    (U+0000) at column 5"."""
    problem = find_character_problem(line)
    return problem.describe() if problem else None


def printable(text):
    """`text` safe to print on a terminal: control and bidi characters as escapes, so a file
    or folder name can't forge a line of output or reorder one."""
    return "".join(
        f"\\u{ord(character):04x}" if _unprintable(character) else character for character in text
    )


# Format characters that shape text and reorder nothing: joiners and the bidi marks.
_HARMLESS_FORMAT = "\u200c\u200d\u200e\u200f\u061c"


def _unprintable(character):
    category = unicodedata.category(character)
    return category == "Cc" or (category == "Cf" and character not in _HARMLESS_FORMAT)
